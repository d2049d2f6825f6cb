// Byte-exact edits of a YAML file: the yaml package finds each target scalar and its source
// range; only that range of the original text is replaced, so comments, blank lines, quoting,
// anchors, flow maps, block scalars, CRLF, a BOM and a missing final newline all survive.
// The result is parsed again and must read, the way Helm reads values (YAML 1.1 scalars, `<<`
// merges, aliases), as the original with exactly the asked values changed.
import {
  Alias,
  Document,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  visit,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { formatPath, type Segment } from './path';
import {
  helmDocument,
  helmNode,
  helmScalarOf,
  isMergeKey,
  scalarValue,
  showHelm,
  type HelmValue,
} from './helm-read';
import {
  renderScalar,
  renderString,
  type JsonScalar,
  type ValueType,
  type WantedValue,
} from './scalar';

export interface ChangeSpec {
  path: Segment[];
  /** Canonical spelling of the path, as shown in logs and previous-values. */
  pathText: string;
  wanted: WantedValue;
}

export interface AppliedEdit {
  pathText: string;
  /** The path with list indices resolved (negative ones counted from the end). */
  path: Segment[];
  /** 0-based document index in a multi-document file. */
  document: number;
  oldValue: JsonScalar;
  newValue: JsonScalar;
  oldText: string;
  newText: string;
  /** 1-based position of the value in the original text. */
  line: number;
  col: number;
  created: boolean;
  /** The key was removed (a revert of a key an earlier run created). */
  removed?: boolean;
  /** Aliases of the edited anchor, which now read the new value too (allow-anchors). */
  aliases?: string[];
}

export interface EditOptions {
  valueType: ValueType;
  createMissing: boolean;
  /** Edit an anchored value in place, changing every alias of it (each one is listed). */
  allowAnchors?: boolean;
  /** Parse the whole file even when it splits into independent sections (tests compare both). */
  wholeFile?: boolean;
}

export interface EditResult {
  text: string;
  /** Every change with its old value, including those already set (old equals new). */
  edits: AppliedEdit[];
  changed: boolean;
  warnings: string[];
  /** Type changes and the aliases an anchored edit changed with it. */
  notices: string[];
}

export interface EditProblem {
  message: string;
  line?: number;
  col?: number;
}

/** One or more reasons why a file cannot be edited; the file must be left as it is. */
export class YamlEditError extends Error {
  constructor(readonly problems: EditProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'YamlEditError';
  }
}

interface Parsed {
  text: string;
  docs: Document[];
  lines: LineCounter;
}

function parseText(text: string): Parsed {
  const lines = new LineCounter();
  const docs = [
    ...parseAllDocuments(text, { lineCounter: lines, prettyErrors: false }),
  ] as Document[];
  return { text, docs, lines };
}

function position(p: Parsed, offset: number): { line: number; col: number } {
  const { line, col } = p.lines.linePos(offset);
  // The column of a character on the first line must not count a byte-order mark.
  return { line, col: line === 1 && p.text.charCodeAt(0) === 0xfeff && col > 1 ? col - 1 : col };
}

function where(p: Parsed, offset: number): string {
  const { line, col } = position(p, offset);
  return `line ${line}, column ${col}`;
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node))
    return node.value === null ? 'null' : `the ${typeof node.value} '${String(node.value)}'`;
  return 'nothing';
}

type Resolution =
  | { kind: 'found'; scalar: Scalar; chain: Node[]; path: Segment[] }
  | { kind: 'missing'; parent: YAMLMap; depth: number; chain: Node[]; path: Segment[] }
  | { kind: 'problem'; problem: EditProblem };

function problemAt(p: Parsed, offset: number | undefined, message: string): Resolution {
  if (offset === undefined) return { kind: 'problem', problem: { message } };
  const pos = position(p, offset);
  return { kind: 'problem', problem: { message, ...pos } };
}

/** Where `&name` is written: the node's range starts after its anchor and tag. */
function anchorOffset(p: Parsed, node: Node): number {
  const start = node.range![0];
  const at = node.anchor ? p.text.lastIndexOf(`&${node.anchor}`, start) : -1;
  return at >= 0 ? at : start;
}

function aliasNote(p: Parsed, doc: Document, alias: Alias): string {
  const target = alias.resolve(doc) as Node | undefined;
  const at = target?.range
    ? ` (anchor &${alias.source} at ${where(p, anchorOffset(p, target))})`
    : '';
  return `alias *${alias.source} at ${where(p, alias.range![0])}${at}`;
}

function resolvePath(
  p: Parsed,
  doc: Document,
  path: Segment[],
  pathText: string,
  allowAnchors = false,
): Resolution {
  let node: unknown = doc.contents;
  const chain: Node[] = [];
  const resolved: Segment[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const sofar = formatPath(path.slice(0, i)) || '(document root)';
    // With allow-anchors a path may go through an alias: the anchored node itself is edited.
    if (isAlias(node) && allowAnchors) node = node.resolve(doc);
    if (isAlias(node)) {
      return problemAt(
        p,
        node.range?.[0],
        `'${pathText}' goes through the ${aliasNote(p, doc, node)}; editing it would change every place that uses the anchor — change the anchor's own path instead`,
      );
    }
    if (node === null || node === undefined)
      return problemAt(p, undefined, `'${pathText}': the document is empty`);
    chain.push(node as Node);
    if (isMap(node)) {
      if (typeof seg === 'number')
        return problemAt(
          p,
          node.range?.[0],
          `'${pathText}': '${sofar}' is a mapping, not a list, so [${seg}] does not apply`,
        );
      const pair = node.items.find(
        (it) => isScalar(it.key) && !isMergeKey(it.key) && String(it.key.value) === seg,
      );
      if (!pair)
        return {
          kind: 'missing',
          parent: node,
          depth: i,
          chain,
          path: [...resolved, ...path.slice(i)],
        };
      resolved.push(seg);
      node = pair.value;
      if (node === null || node === undefined) {
        return problemAt(
          p,
          (pair.key as Scalar).range?.[0],
          `'${pathText}': key '${seg}' has no value node to replace`,
        );
      }
      continue;
    }
    if (isSeq(node)) {
      const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : undefined;
      if (index === undefined)
        return problemAt(
          p,
          node.range?.[0],
          `'${pathText}': '${sofar}' is a list; use an index like [0], not '${seg}'`,
        );
      const at = index < 0 ? node.items.length + index : index;
      if (at < 0 || at >= node.items.length)
        return problemAt(
          p,
          node.range?.[0],
          `'${pathText}': '${sofar}' is a list of ${node.items.length} item(s), there is no [${seg}]`,
        );
      resolved.push(at);
      node = node.items[at];
      continue;
    }
    const offset = isScalar(node) ? node.range?.[0] : undefined;
    return problemAt(
      p,
      offset,
      `'${pathText}': '${sofar}' is ${describe(node)}, a scalar — the path cannot go into it`,
    );
  }
  if (isAlias(node) && allowAnchors) node = node.resolve(doc);
  if (isAlias(node)) {
    return problemAt(
      p,
      node.range?.[0],
      `'${pathText}' is the ${aliasNote(p, doc, node)}; refusing to flatten it — change the anchor's own path instead, or set allow-anchors: true to edit the anchored value in place (every alias follows)`,
    );
  }
  if (!isScalar(node)) {
    return problemAt(
      p,
      (node as Node | null)?.range?.[0],
      `'${pathText}' is ${describe(node)}, not a scalar value`,
    );
  }
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    return problemAt(
      p,
      node.range?.[0],
      `'${pathText}' is a block scalar (| or >); edit multi-line text by hand`,
    );
  }
  chain.push(node);
  return { kind: 'found', scalar: node, chain, path: resolved };
}

const aliasCache = new WeakMap<Document, Array<{ alias: Alias; target: Node | undefined }>>();

/** The aliases whose anchor is the target or one of the nodes above it: editing would change them too. */
function sharedBy(doc: Document, chain: Node[]): Alias[] {
  let aliases = aliasCache.get(doc);
  if (!aliases) {
    const list: Array<{ alias: Alias; target: Node | undefined }> = [];
    visit(doc, {
      Alias(_key, alias) {
        list.push({ alias, target: alias.resolve(doc) as Node | undefined });
      },
    });
    aliasCache.set(doc, list);
    aliases = list;
  }
  return aliases.filter((a) => a.target && chain.includes(a.target)).map((a) => a.alias);
}

function inFlowCollection(chain: Node[]): boolean {
  const parent = chain[chain.length - 2];
  return (isMap(parent) || isSeq(parent)) && parent.flow === true;
}

/** Spaces before the character at `offset` on its line, i.e. its indentation column (0-based). */
function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const bom = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return offset - lineStart - bom;
}

/** The file's own nesting step: how much deeper a nested block mapping's keys sit. */
function indentStep(text: string, doc: Document): number {
  let step = 0;
  visit(doc, {
    Pair(_key, pair, path) {
      if (step) return visit.BREAK;
      const parent = path[path.length - 1];
      const value = pair.value;
      if (isMap(parent) && !parent.flow && isMap(value) && !value.flow && value.items.length) {
        const outer = (pair.key as Node)?.range?.[0];
        const inner = (value.items[0].key as Node)?.range?.[0];
        if (outer !== undefined && inner !== undefined) {
          const d = columnOf(text, inner) - columnOf(text, outer);
          if (d > 0) step = d;
        }
      }
      return undefined;
    },
  });
  return step || 2;
}

function renderKey(key: string): string {
  return renderString(key, undefined, false);
}

interface Replacement {
  start: number;
  end: number;
  text: string;
  pathText: string;
  /** A rendered scalar (not a revert's own bytes): what it must read as, and where it sits. */
  scalar?: { value: HelmValue; inFlow: boolean; mergeSafe: boolean };
}

function applyReplacements(text: string, reps: Replacement[]): string {
  let out = text;
  for (const r of [...reps].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

function setIn(root: unknown, path: Segment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const container = (root ?? (typeof path[0] === 'number' ? [] : {})) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  container[head] = setIn(container[head], rest, value);
  return container;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function getIn(root: unknown, path: Segment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

function deleteIn(root: unknown, path: Segment[]): void {
  const parent = getIn(root, path.slice(0, -1));
  if (parent && typeof parent === 'object')
    delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
}

/** The map pair at `path` (keys only, no aliases), or undefined. */
function pairAt(doc: Document, path: Segment[]): unknown {
  let node: unknown = doc.contents;
  let pair: unknown;
  for (const seg of path) {
    if (!isMap(node)) return undefined;
    pair = node.items.find(
      (it) => isScalar(it.key) && !isMergeKey(it.key) && String(it.key.value) === seg,
    );
    if (!pair) return undefined;
    node = (pair as { value: unknown }).value;
  }
  return pair;
}

function helmOf(node: Scalar): JsonScalar {
  return scalarValue(helmScalarOf(node)) as JsonScalar;
}

/** The offset to write a value for an empty scalar: right after its `key:` or `-`, so `key:  # note` keeps its comment. */
function emptyValueAt(text: string, start: number): { at: number; pad: string } {
  if (start > 0 && /[ \t]/.test(text[start - 1]) && text[start] !== '#')
    return { at: start, pad: '' };
  let i = start - 1;
  while (i >= 0 && /[ \t]/.test(text[i])) i--;
  return { at: i + 1, pad: ' ' };
}

/** Keys a `<<` merge brings into `map` (as Helm reads them), for messages and the override rule. */
function inherited(
  doc: Document,
  map: YAMLMap,
  key: string,
): { value: HelmValue; merge: Node } | undefined {
  for (const pair of [...map.items].reverse()) {
    if (!isMergeKey(pair.key)) continue;
    const from = helmNode(doc, pair.value);
    const sources = Array.isArray(from) ? from : [from];
    for (const src of sources)
      if (src && typeof src === 'object' && !Array.isArray(src) && key in src)
        return { value: (src as Record<string, HelmValue>)[key], merge: pair.key as Node };
  }
  return undefined;
}

interface Structural {
  change: ChangeSpec;
}

/** Whether the values that matter (as Helm reads them) are equal. */
function sameRead(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || a === b;
}

/**
 * Plans one value change in every document that has the path: adds its replacements of the text
 * to `pending` and the new values of the edited nodes to `overrides`. Returns 'structural' when
 * the path is missing everywhere (a key to create) and that is allowed to be tried later.
 */
function planChange(
  p: Parsed,
  change: ChangeSpec,
  opts: EditOptions,
  out: { edits: AppliedEdit[]; warnings: string[]; notices: string[] },
  pending: Replacement[],
  overrides: Array<Map<Node, HelmValue>>,
): 'planned' | 'structural' | EditProblem {
  const found: Array<{ doc: number; r: Extract<Resolution, { kind: 'found' }> }> = [];
  const others: Array<{ doc: number; r: Resolution }> = [];
  p.docs.forEach((doc, i) => {
    const r = resolvePath(p, doc, change.path, change.pathText, opts.allowAnchors);
    if (r.kind === 'found') found.push({ doc: i, r });
    else others.push({ doc: i, r });
  });
  const docLabel = (i: number) => (p.docs.length > 1 ? ` (document ${i + 1})` : '');

  if (found.length === 0) {
    const first = others[0]?.r;
    if (!first) return { message: `'${change.pathText}': the file has no YAML document` };
    if (first.kind === 'problem') return first.problem;
    if (change.wanted.kind === 'absent') return 'structural';
    const m = first as Extract<Resolution, { kind: 'missing' }>;
    const missingKey = String(change.path[m.depth]);
    const from = inherited(p.docs[others[0].doc], m.parent, missingKey);
    const parentText = formatPath(change.path.slice(0, m.depth)) || '(document root)';
    const rest = change.path.length - m.depth;
    if (from && rest > 1) {
      const drop = from.value && typeof from.value === 'object' ? Object.keys(from.value) : [];
      return {
        message: `'${change.pathText}': '${formatPath(change.path.slice(0, m.depth + 1))}' comes from the merge key << at ${where(p, from.merge.range![0])}; a '${missingKey}' key written under '${parentText}' would replace the whole inherited mapping (a merge is one level deep) and drop ${drop.length ? drop.map((k) => `'${k}'`).join(', ') : 'its other keys'} — refusing; change it at the anchor (with allow-anchors: true every user of it follows) or write '${formatPath(change.path.slice(0, m.depth + 1))}' in full by hand`,
        ...position(p, m.parent.range?.[0] ?? 0),
      };
    }
    const missing = others.filter((o) => o.r.kind === 'missing');
    if (!opts.createMissing || missing.length !== others.length || p.docs.length !== 1) {
      const inheritedNote = from
        ? `; it comes from the merge key << at ${where(p, from.merge.range![0])}`
        : '';
      const hint =
        opts.createMissing && p.docs.length > 1
          ? '; create-missing only creates keys in single-document files'
          : opts.createMissing
            ? ''
            : ` (set create-missing: true to add it${from ? ' as an override after the merge key' : ''})`;
      return {
        message: `'${change.pathText}': key '${missingKey}' is missing under '${parentText}'${inheritedNote}${hint}`,
        ...position(p, m.parent.range?.[0] ?? 0),
      };
    }
    return 'structural';
  }
  if (change.wanted.kind === 'absent') return 'structural';

  const olds = found.map((f) => helmOf(f.r.scalar));
  if (found.length > 1 && !olds.every((v) => sameRead(v, olds[0]))) {
    const list = found.map((f, i) => `document ${f.doc + 1}: ${showHelm(olds[i])}`).join(', ');
    return {
      message: `'${change.pathText}' has different values in different documents (${list}); refusing to set them all to one value`,
      ...position(p, found[1].r.scalar.range![0]),
    };
  }

  const reps: Replacement[] = [];
  for (const { doc, r } of found) {
    const { scalar, chain } = r;
    const start = scalar.range![0];
    const pos = position(p, start);
    const shared = sharedBy(p.docs[doc], chain);
    let aliases: string[] | undefined;
    if (shared.length) {
      const anchors = [...new Set(shared.map((a) => a.resolve(p.docs[doc]) as Node))];
      const anchorText = anchors
        .map((n) => `anchor &${n.anchor} at ${where(p, anchorOffset(p, n))}`)
        .join(' and ');
      aliases = shared.map((a) => `*${a.source} at ${where(p, a.range![0])}`);
      if (!opts.allowAnchors)
        return {
          message: `'${change.pathText}'${docLabel(doc)} is inside ${anchorText}, also used by ${aliases.join(', ')}; editing it would change those too — refusing (set allow-anchors: true to edit it in place for all of them)`,
          ...pos,
        };
    }
    const oldValue = helmOf(scalar);
    let rendered;
    try {
      rendered = renderScalar(
        { value: oldValue, style: scalar.type, inFlow: inFlowCollection(chain) },
        change.wanted,
        opts.valueType,
      );
    } catch (err) {
      return { message: `'${change.pathText}'${docLabel(doc)}: ${(err as Error).message}`, ...pos };
    }
    const oldText = p.text.slice(start, scalar.range![1]);
    const same = rendered.verbatim ? oldText === rendered.text : sameRead(oldValue, rendered.value);
    if (rendered.typeChanged && !same)
      out.notices.push(`'${change.pathText}'${docLabel(doc)}: ${rendered.typeChanged}`);
    if (aliases && !same)
      out.notices.push(
        `'${change.pathText}'${docLabel(doc)} is anchored (allow-anchors): ${aliases.join(', ')} now read ${showHelm(rendered.value)} too`,
      );
    out.edits.push({
      pathText: change.pathText,
      path: r.path,
      document: doc,
      oldValue,
      newValue: rendered.value,
      oldText,
      newText: same ? oldText : rendered.text,
      ...pos,
      created: false,
      aliases,
    });
    if (same) continue;
    overrides[doc].set(scalar, rendered.value);
    const end = scalar.range![1];
    const clash =
      pending.find((x) => x.start < end && start < x.end) ??
      pending.find((x) => x.start === start) ??
      reps.find((x) => x.start === start);
    if (clash)
      return {
        message: `'${change.pathText}'${docLabel(doc)} is the same value as '${clash.pathText}', changed by another line`,
        ...pos,
      };
    if (rendered.text === '' && /[:-] $/.test(p.text.slice(start - 2, start))) {
      // Back to an empty value (a revert): the space written before the value goes too.
      reps.push({ start: start - 1, end, text: '', pathText: change.pathText });
    } else {
      const check = rendered.verbatim
        ? undefined
        : {
            value: rendered.value as HelmValue,
            inFlow: inFlowCollection(chain),
            mergeSafe: noLaterMerge(chain, scalar),
          };
      if (oldText === '') {
        // An empty null (`key:` or `key:  # note`) has no text of its own.
        const { at, pad } = emptyValueAt(p.text, start);
        reps.push({
          start: at,
          end: at,
          text: pad + rendered.text,
          pathText: change.pathText,
          scalar: check,
        });
      } else
        reps.push({ start, end, text: rendered.text, pathText: change.pathText, scalar: check });
    }
  }
  pending.push(...reps);
  return 'planned';
}

function createKeys(
  p: Parsed,
  m: Extract<Resolution, { kind: 'missing' }>,
  change: ChangeSpec,
  opts: EditOptions,
  edits: AppliedEdit[],
): Replacement | EditProblem {
  const { parent, depth } = m;
  const pos = position(p, parent.range?.[0] ?? 0);
  const rest = change.path.slice(depth);
  if (rest.some((s) => typeof s === 'number'))
    return {
      message: `'${change.pathText}': create-missing adds mapping keys, not list items`,
      ...pos,
    };
  if (parent.flow)
    return {
      message: `'${change.pathText}': cannot add a key to the flow mapping at ${where(p, parent.range![0])} without restyling it; add it by hand`,
      ...pos,
    };
  const shared = sharedBy(p.docs[0], m.chain);
  if (shared.length)
    return {
      message: `'${change.pathText}': the mapping to extend is also used by ${shared.map((a) => `*${a.source} at ${where(p, a.range![0])}`).join(', ')}; refusing`,
      ...pos,
    };
  let rendered;
  try {
    rendered = renderScalar({ value: undefined, inFlow: false }, change.wanted, opts.valueType);
  } catch (err) {
    return { message: `'${change.pathText}': ${(err as Error).message}`, ...pos };
  }
  const { text } = p;
  const firstKey = parent.items[0].key as Node;
  const indent = columnOf(text, firstKey.range![0]);
  const step = indentStep(text, p.docs[0]);
  const last = parent.items[parent.items.length - 1];
  const lastNode = (last.value ?? last.key) as Node;
  const at = lineEndAfter(text, lastNode.range![1]);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = rest.map(
    (key, j) =>
      `${' '.repeat(indent + j * step)}${renderKey(String(key))}:${j === rest.length - 1 ? ` ${rendered.text}` : ''}`,
  );
  const insertion =
    at === text.length && !text.endsWith('\n') ? eol + lines.join(eol) : lines.join(eol) + eol;
  const line =
    text.slice(0, at).split('\n').length +
    (at === text.length && !text.endsWith('\n') ? 1 : 0) +
    rest.length -
    1;
  edits.push({
    pathText: change.pathText,
    path: m.path,
    document: 0,
    oldValue: null,
    newValue: rendered.value,
    oldText: '',
    newText: rendered.text,
    line,
    col: indent + (rest.length - 1) * step + 1,
    created: true,
  });
  return { start: at, end: at, text: insertion, pathText: change.pathText };
}

/** The offset just after the line break that ends the line holding `offset - 1`. */
function lineEndAfter(text: string, offset: number): number {
  if (text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * Removes a key again (a revert of a key an earlier run created), with the mappings above it
 * that hold nothing else — exactly the lines create-missing added.
 */
function removeKey(
  p: Parsed,
  change: ChangeSpec,
  edits: AppliedEdit[],
): { rep: Replacement; path: Segment[] } | EditProblem | 'absent' {
  if (p.docs.length !== 1)
    return { message: `'${change.pathText}': keys are only removed in single-document files` };
  const doc = p.docs[0];
  const r = resolvePath(p, doc, change.path, change.pathText);
  if (r.kind === 'missing') {
    edits.push({
      pathText: change.pathText,
      path: r.path,
      document: 0,
      oldValue: null,
      newValue: null,
      oldText: '',
      newText: '',
      line: 0,
      col: 0,
      created: false,
      removed: true,
    });
    return 'absent';
  }
  if (r.kind === 'problem') return r.problem;
  const pos = position(p, r.scalar.range![0]);
  const shared = sharedBy(doc, r.chain);
  if (shared.length)
    return {
      message: `'${change.pathText}' is inside an anchor used elsewhere; refusing to remove it`,
      ...pos,
    };
  // chain: the maps from the root down, then the scalar. Climb while a map holds only this key.
  let depth = r.path.length - 1;
  while (depth > 0 && isMap(r.chain[depth]) && (r.chain[depth] as YAMLMap).items.length === 1)
    depth--;
  const map = r.chain[depth];
  if (!isMap(map) || map.flow)
    return { message: `'${change.pathText}': only keys of block mappings are removed`, ...pos };
  if (depth === 0 && map.items.length === 1)
    return {
      message: `'${change.pathText}' is the only key of the document; refusing to empty it`,
      ...pos,
    };
  const seg = r.path[depth];
  const pair = map.items.find((it) => isScalar(it.key) && String(it.key.value) === seg)!;
  const keyStart = (pair.key as Node).range![0];
  const lineStart = p.text.lastIndexOf('\n', keyStart - 1) + 1;
  if (
    p.text
      .slice(lineStart, keyStart)
      .trim()
      .replace(/^\ufeff/, '') !== ''
  )
    return {
      message: `'${change.pathText}': the key does not start its own line; remove it by hand`,
      ...pos,
    };
  let start = lineStart;
  const end = lineEndAfter(p.text, ((pair.value ?? pair.key) as Node).range![1]);
  if (end === p.text.length && !p.text.endsWith('\n') && start > 0)
    start -= p.text[start - 2] === '\r' ? 2 : 1;
  edits.push({
    pathText: change.pathText,
    path: r.path,
    document: 0,
    oldValue: helmOf(r.scalar),
    newValue: null,
    oldText: p.text.slice(r.scalar.range![0], r.scalar.range![1]),
    newText: '',
    ...pos,
    created: false,
    removed: true,
  });
  return {
    rep: { start, end, text: '', pathText: change.pathText },
    path: r.path.slice(0, depth + 1),
  };
}

/**
 * Applies the changes (each to every document that has its path). Value changes are planned
 * against one parse and applied together; key creations and removals follow, one parse each.
 * Throws YamlEditError listing every problem; the caller then leaves the file alone.
 */
export function editYaml(source: string, changes: ChangeSpec[], opts: EditOptions): EditResult {
  return (
    (opts.wholeFile ? undefined : bySections(source, changes, opts)) ??
    editWhole(source, changes, opts)
  );
}

const SECTION_MIN_CHARS = 20_000;
// Anything that can tie one top-level section to another (anchors, aliases, merges), or make
// column-0 lines mean something else (directives, document markers, tags).
const CROSS_SECTION = /(^|[\s[{,])[&*!]|<<|^%|^---|^\.\.\./m;
const TOP_KEY = /^([A-Za-z0-9_][A-Za-z0-9_./-]*)[ \t]*:(?=[ \t\r\n]|$)/;

/**
 * A large values file is mostly a root mapping of independent top-level sections (one per
 * service or component); parsing only the sections a change reaches is the same edit at a
 * fraction of the cost (50 changes in a 5,000-line file). Used only when nothing can tie the
 * sections together and every change is a value replacement; otherwise, and on any problem,
 * the whole file is edited (and its messages are the ones reported).
 */
function bySections(
  source: string,
  changes: ChangeSpec[],
  opts: EditOptions,
): EditResult | undefined {
  if (source.length < SECTION_MIN_CHARS || CROSS_SECTION.test(source)) return undefined;
  if (changes.some((c) => c.wanted.kind === 'absent' || typeof c.path[0] !== 'string'))
    return undefined;
  const sections: Array<{ key: string; start: number; end: number; line: number }> = [];
  let line = 1;
  for (let at = 0; at < source.length; line++) {
    const nl = source.indexOf('\n', at);
    const next = nl < 0 ? source.length : nl + 1;
    const first = source[at] === '\ufeff' ? source[at + 1] : source[at];
    if (first !== undefined && !/[ \t#\r\n]/.test(first)) {
      const m = TOP_KEY.exec(source.slice(at, next).replace(/^\ufeff/, ''));
      if (!m) return undefined;
      if (sections.length) sections[sections.length - 1].end = at;
      sections.push({
        key: m[1],
        start: sections.length ? at : 0,
        end: source.length,
        line: sections.length ? line : 1,
      });
    }
    at = next;
  }
  const byKey = new Map(sections.map((s) => [s.key, s]));
  if (byKey.size !== sections.length) return undefined;
  const groups = new Map<(typeof sections)[number], ChangeSpec[]>();
  for (const c of changes) {
    const section = byKey.get(c.path[0] as string);
    if (!section) return undefined;
    groups.set(section, [...(groups.get(section) ?? []), c]);
  }
  const order = new Map(changes.map((c, i) => [c.pathText, i]));
  const results: Array<{ section: (typeof sections)[number]; r: EditResult }> = [];
  for (const [section, list] of groups) {
    let r: EditResult;
    try {
      const text = source.slice(section.start, section.end);
      r = bySubsections(text, list, opts) ?? editWhole(text, list, opts);
    } catch {
      return undefined;
    }
    if (r.edits.some((e) => e.created || e.removed)) return undefined;
    results.push({ section, r });
  }
  let text = '';
  let at = 0;
  const edits: AppliedEdit[] = [];
  const out = { warnings: [] as string[], notices: [] as string[] };
  for (const { section, r } of [...results].sort((a, b) => a.section.start - b.section.start)) {
    text += source.slice(at, section.start) + r.text;
    at = section.end;
    edits.push(...r.edits.map((e) => ({ ...e, line: e.line + section.line - 1 })));
    out.warnings.push(...r.warnings);
    out.notices.push(...r.notices);
  }
  text += source.slice(at);
  edits.sort((a, b) => order.get(a.pathText)! - order.get(b.pathText)! || a.document - b.document);
  return { text, edits, changed: text !== source, ...out };
}

/**
 * Within one top-level section (`key:` and a block mapping under it whose own keys are plain and
 * unique), only the second-level blocks the changes reach are parsed: the section's key line with
 * that block is the same YAML as the section for them. Undefined when the section is not so.
 */
function bySubsections(
  text: string,
  list: ChangeSpec[],
  opts: EditOptions,
): EditResult | undefined {
  if (list.some((c) => c.path.length < 3 || typeof c.path[1] !== 'string')) return undefined;
  const lines: Array<{ start: number; end: number }> = [];
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 ? text.length : nl + 1;
    lines.push({ start: at, end: next });
    at = next;
  }
  const body = (l: { start: number; end: number }) =>
    text.slice(l.start, l.end).replace(/\r?\n$/, '');
  const skip = (t: string) => /^\s*(#.*)?$/.test(t);
  const keyIndex = lines.findIndex((l) => !skip(body(l).replace(/^\ufeff/, '')));
  if (
    keyIndex < 0 ||
    !/^[A-Za-z0-9_][A-Za-z0-9_./-]*[ \t]*:[ \t]*(#.*)?$/.test(
      body(lines[keyIndex]).replace(/^\ufeff/, ''),
    )
  )
    return undefined;
  const prefix = text.slice(0, lines[keyIndex].end);
  const prefixLines = keyIndex + 1;
  let indent = -1;
  const subs: Array<{ key: string; from: number; to: number }> = [];
  for (let i = keyIndex + 1; i < lines.length; i++) {
    const t = body(lines[i]);
    if (skip(t)) continue;
    const n = /^ */.exec(t)![0].length;
    if (t[n] === '\t') return undefined;
    if (indent < 0) indent = n;
    if (n < indent || n === 0) return undefined;
    if (n > indent) {
      if (!subs.length) return undefined;
      continue;
    }
    const m = TOP_KEY.exec(t.slice(n));
    if (!m) return undefined;
    if (subs.length) subs[subs.length - 1].to = i;
    subs.push({ key: m[1], from: i, to: lines.length });
  }
  const byKey = new Map(subs.map((x) => [x.key, x]));
  if (!subs.length || byKey.size !== subs.length) return undefined;
  const groups = new Map<(typeof subs)[number], ChangeSpec[]>();
  for (const c of list) {
    const sub = byKey.get(c.path[1] as string);
    if (!sub) return undefined;
    groups.set(sub, [...(groups.get(sub) ?? []), c]);
  }
  const parts: Array<{ sub: (typeof subs)[number]; r: EditResult }> = [];
  for (const [sub, group] of groups) {
    const start = lines[sub.from].start;
    const end = lines[sub.to - 1].end;
    const r = editWhole(prefix + text.slice(start, end), group, opts);
    if (!r.text.startsWith(prefix)) return undefined;
    parts.push({ sub, r });
  }
  let out = '';
  let at = 0;
  const edits: AppliedEdit[] = [];
  const warnings: string[] = [];
  const notices: string[] = [];
  for (const { sub, r } of [...parts].sort((a, b) => a.sub.from - b.sub.from)) {
    out += text.slice(at, lines[sub.from].start) + r.text.slice(prefix.length);
    at = lines[sub.to - 1].end;
    // Line L of the small document is line sub.from + 1 + (L - prefixLines - 1) of the section.
    edits.push(...r.edits.map((e) => ({ ...e, line: sub.from + e.line - prefixLines })));
    warnings.push(...r.warnings);
    notices.push(...r.notices);
  }
  out += text.slice(at);
  return { text: out, edits, changed: out !== text, warnings, notices };
}

function editWhole(source: string, changes: ChangeSpec[], opts: EditOptions): EditResult {
  const original = parseText(source);
  const problems: EditProblem[] = [];
  for (const doc of original.docs) {
    for (const e of doc.errors)
      problems.push({
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        ...position(original, e.pos[0]),
      });
  }
  if (problems.length) throw new YamlEditError(problems);
  if (original.docs.length === 0)
    throw new YamlEditError([{ message: 'the file has no YAML document' }]);

  const out = { edits: [] as AppliedEdit[], warnings: [] as string[], notices: [] as string[] };
  const pending: Replacement[] = [];
  const overrides = original.docs.map(() => new Map<Node, HelmValue>());
  const structural: Structural[] = [];
  for (const change of changes) {
    const r = planChange(original, change, opts, out, pending, overrides);
    if (r === 'structural') structural.push({ change });
    else if (r !== 'planned') problems.push(r);
  }
  if (problems.length) throw new YamlEditError(problems);

  if (structural.length === 0 && pending.every((r) => r.scalar?.mergeSafe))
    return fastResult(source, pending, out);

  let current = pending.length ? parseText(applyReplacements(source, pending)) : original;
  const creations: Array<{ path: Segment[]; value: JsonScalar }> = [];
  const removals: Segment[][] = [];
  const removedPairs = new Set<unknown>();
  for (const { change } of structural) {
    if (change.wanted.kind === 'absent') {
      const r = removeKey(current, change, out.edits);
      if (r === 'absent') continue;
      if ('message' in r) {
        problems.push(r);
        continue;
      }
      // The same pair in the original parse, so that what a `<<` merge brings in shows through.
      const pair = pairAt(original.docs[0], r.path);
      if (pair) removedPairs.add(pair);
      else removals.push(r.path);
      current = parseText(applyReplacements(current.text, [r.rep]));
      continue;
    }
    const m = resolvePath(current, current.docs[0], change.path, change.pathText);
    if (m.kind !== 'missing') {
      problems.push(
        m.kind === 'problem' ? m.problem : { message: `'${change.pathText}': created twice` },
      );
      continue;
    }
    const created = createKeys(current, m, change, opts, out.edits);
    if ('message' in created) {
      problems.push(created);
      continue;
    }
    creations.push({ path: m.path, value: out.edits[out.edits.length - 1].newValue });
    current = parseText(applyReplacements(current.text, [created]));
  }
  if (problems.length) throw new YamlEditError(problems);

  const expected = original.docs.map((doc, i) => helmDocument(doc, overrides[i], removedPairs));
  for (const c of creations) expected[0] = setIn(expected[0], c.path, c.value) as HelmValue;
  for (const path of removals) deleteIn(expected[0], path);
  verifyEdit(original, current, expected, out.edits);
  return {
    text: current.text,
    edits: out.edits,
    changed: current.text !== source,
    warnings: out.warnings,
    notices: out.notices,
  };
}

/** False when a `<<` after the edited key's pair in its mapping could override it (then the full guard decides). */
function noLaterMerge(chain: Node[], node: Scalar): boolean {
  const map = chain[chain.length - 2];
  if (!isMap(map)) return true;
  const at = map.items.findIndex((it) => it.value === node);
  return !map.items.slice(at + 1).some((it) => isMergeKey(it.key));
}

/**
 * The guard when every change is a rendered scalar replacing a scalar (no key created or removed,
 * no revert's own bytes) — the cheaper equivalent of parsing the whole file again. A YAML file is
 * one token stream: text outside the replaced ranges is unchanged, so the file reads the same
 * except at those ranges exactly when each new text is one complete scalar token in its context
 * (block value, or flow item) that reads as the intended value under Helm's YAML 1.1 and YAML 1.2,
 * followed by what followed the old one (a line break, a comment, or a flow separator), and no
 * later `<<` in its mapping overrides the key.
 */
function fastResult(
  source: string,
  pending: Replacement[],
  out: { edits: AppliedEdit[]; warnings: string[]; notices: string[] },
): EditResult {
  const problems: EditProblem[] = [];
  for (const r of pending) {
    const s = r.scalar!;
    const text = r.text.replace(/^ /, '');
    const next = source[r.end] ?? '';
    const ends = s.inFlow ? /^[\s,\]}]?$/ : /^[\s]?$/;
    const ok =
      !/[\r\n]/.test(text) &&
      ends.test(next) &&
      s.mergeSafe &&
      (['1.2', '1.1'] as const).every((version) => readsAs(text, s.inFlow, version, s.value));
    if (!ok)
      throw new Error(
        `refusing to write: '${r.pathText}' would not read back as ${showHelm(s.value as JsonScalar)} (this is a bug in bump-helm-values; the file was not changed)`,
      );
  }
  if (problems.length) throw new YamlEditError(problems);
  const text = pending.length ? applyReplacements(source, pending) : source;
  return {
    text,
    edits: out.edits,
    changed: text !== source,
    warnings: out.warnings,
    notices: out.notices,
  };
}

/** One scalar token in its context that Helm's reading (and, for `version`, the YAML reader) gives as `value`. */
const readsAsCache = new Map<string, boolean>();

function readsAs(text: string, inFlow: boolean, version: '1.1' | '1.2', value: HelmValue): boolean {
  const key = `${version}${inFlow ? 'f' : 'b'}${typeof value}:${String(value)}\0${text}`;
  let hit = readsAsCache.get(key);
  if (hit === undefined) {
    hit = readsAsUncached(text, inFlow, version, value);
    if (readsAsCache.size < 10_000) readsAsCache.set(key, hit);
  }
  return hit;
}

function readsAsUncached(
  text: string,
  inFlow: boolean,
  version: '1.1' | '1.2',
  value: HelmValue,
): boolean {
  const wrapped = inFlow ? `[${text}]\n` : `k: ${text}\n`;
  const offset = inFlow ? 1 : 3;
  const doc = parseDocument(wrapped, { version, prettyErrors: false });
  if (doc.errors.length) return false;
  const c = doc.contents;
  const node = inFlow
    ? isSeq(c) && c.items.length === 1
      ? c.items[0]
      : undefined
    : isMap(c) && c.items.length === 1
      ? c.items[0].value
      : undefined;
  if (
    !isScalar(node) ||
    !node.range ||
    node.range[0] !== offset ||
    node.range[1] !== offset + text.length
  )
    return false;
  if (!sameRead(scalarValue(helmScalarOf(node)), value)) return false;
  // The YAML reader itself (1.1 or 1.2 schema) must agree for quoted text and for what Helm types.
  if (node.type !== 'PLAIN') return node.value === value;
  return typeof value === 'string'
    ? node.value === value
    : Number(node.value) === value || node.value === value;
}

/**
 * The guard: the new text must parse (as YAML 1.2 and 1.1), read as Helm reads it exactly as the
 * original with the intended values changed, and every asked path must read the asked value.
 */
function verifyEdit(
  before: Parsed,
  after: Parsed,
  expected: HelmValue[],
  edits: AppliedEdit[],
): void {
  const fail = (why: string) => {
    throw new Error(
      `refusing to write: the edited YAML ${why} (this is a bug in bump-helm-values; the file was not changed)`,
    );
  };
  const errors = after.docs.flatMap((d) => d.errors);
  if (errors.length) fail(`does not parse: ${errors[0].message.split('\n')[0]}`);
  // Helm's reader follows YAML 1.1: the file must parse under it as well.
  const errors11 = [
    ...parseAllDocuments(after.text, { version: '1.1', prettyErrors: false }),
  ].flatMap((d) => (d as Document).errors);
  if (errors11.length) fail(`does not parse as YAML 1.1: ${errors11[0].message.split('\n')[0]}`);
  if (after.docs.length !== before.docs.length) fail('has a different number of documents');
  const reads = after.docs.map((d) => helmDocument(d));
  reads.forEach((read, i) => {
    if (!deepEqual(expected[i], read))
      fail(
        `differs from the intended result in more than the changed values${before.docs.length > 1 ? ` (document ${i + 1})` : ''}`,
      );
  });
  const problems: EditProblem[] = [];
  for (const e of edits) {
    if (e.removed) continue;
    const got = getIn(reads[e.document], e.path);
    if (!sameRead(got, e.newValue))
      problems.push({
        message: `'${e.pathText}': Helm would read ${showHelm(got as JsonScalar)} there, not ${showHelm(e.newValue)} (a merge key << after the key overrides it?); refusing`,
        line: e.line,
        col: e.col,
      });
  }
  if (problems.length) throw new YamlEditError(problems);
}
