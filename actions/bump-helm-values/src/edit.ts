// Byte-exact edits of a YAML file: the yaml package finds each target scalar and its source
// range; only that range of the original text is replaced, so comments, blank lines, quoting,
// anchors, flow maps, block scalars, CRLF, a BOM and a missing final newline all survive.
// The result is parsed again and compared with the original plus the intended edits.
import {
  Alias,
  Document,
  LineCounter,
  parseAllDocuments,
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
}

export interface EditOptions {
  valueType: ValueType;
  createMissing: boolean;
}

export interface EditResult {
  text: string;
  /** Every change with its old value, including those already set (old equals new). */
  edits: AppliedEdit[];
  changed: boolean;
  warnings: string[];
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

function resolvePath(p: Parsed, doc: Document, path: Segment[], pathText: string): Resolution {
  let node: unknown = doc.contents;
  const chain: Node[] = [];
  const resolved: Segment[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const sofar = formatPath(path.slice(0, i)) || '(document root)';
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
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === seg);
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
  if (isAlias(node)) {
    return problemAt(
      p,
      node.range?.[0],
      `'${pathText}' is the ${aliasNote(p, doc, node)}; refusing to flatten it — change the anchor's own path instead`,
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
}

function applyReplacements(text: string, reps: Replacement[]): string {
  let out = text;
  for (const r of [...reps].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || a === b;
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

/**
 * Plans one change in every document that has the path (or the creation of its keys): adds its
 * replacements of the text `p` to `pending`. Returns 'created' when keys were inserted (the
 * caller then re-parses), 'planned' otherwise, or the problem.
 */
function applyChange(
  p: Parsed,
  change: ChangeSpec,
  opts: EditOptions,
  edits: AppliedEdit[],
  warnings: string[],
  pending: Replacement[],
): 'planned' | 'created' | EditProblem {
  const found: Array<{ doc: number; r: Extract<Resolution, { kind: 'found' }> }> = [];
  const others: Array<{ doc: number; r: Resolution }> = [];
  p.docs.forEach((doc, i) => {
    const r = resolvePath(p, doc, change.path, change.pathText);
    if (r.kind === 'found') found.push({ doc: i, r });
    else others.push({ doc: i, r });
  });
  const docLabel = (i: number) => (p.docs.length > 1 ? ` (document ${i + 1})` : '');

  if (found.length === 0) {
    const first = others[0]?.r;
    if (!first) return { message: `'${change.pathText}': the file has no YAML document` };
    if (first.kind === 'problem') return first.problem;
    const missing = others.filter((o) => o.r.kind === 'missing');
    if (!opts.createMissing || missing.length !== others.length || p.docs.length !== 1) {
      const m = first as Extract<Resolution, { kind: 'missing' }>;
      const parentText = formatPath(change.path.slice(0, m.depth)) || '(document root)';
      const merge = m.parent.items.find((it) => isScalar(it.key) && it.key.value === '<<');
      const inherited = merge
        ? `; the mapping has a merge key << at ${where(p, (merge.key as Node).range![0])}, and values it brings in cannot be edited here`
        : '';
      const hint =
        opts.createMissing && p.docs.length > 1
          ? '; create-missing only creates keys in single-document files'
          : opts.createMissing
            ? ''
            : ` (set create-missing: true to add it${merge ? ' as an override' : ''})`;
      return {
        message: `'${change.pathText}': key '${String(change.path[m.depth])}' is missing under '${parentText}'${inherited}${hint}`,
        ...position(p, m.parent.range?.[0] ?? 0),
      };
    }
    const created = createKeys(
      p,
      first as Extract<Resolution, { kind: 'missing' }>,
      change,
      opts,
      edits,
    );
    if ('message' in created) return created;
    pending.push(created);
    return 'created';
  }

  const olds = found.map((f) => f.r.scalar.value);
  if (found.length > 1 && !olds.every((v) => sameValue(v, olds[0]))) {
    const list = found
      .map((f) => `document ${f.doc + 1}: ${JSON.stringify(f.r.scalar.value)}`)
      .join(', ');
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
    if (shared.length) {
      const anchors = [...new Set(shared.map((a) => a.resolve(p.docs[doc]) as Node))];
      const anchorText = anchors
        .map((n) => `anchor &${n.anchor} at ${where(p, anchorOffset(p, n))}`)
        .join(' and ');
      const uses = shared.map((a) => `*${a.source} at ${where(p, a.range![0])}`).join(', ');
      return {
        message: `'${change.pathText}'${docLabel(doc)} is inside ${anchorText}, also used by ${uses}; editing it would change those too — refusing (never flattening anchors)`,
        ...pos,
      };
    }
    let rendered;
    try {
      rendered = renderScalar(
        { value: scalar.value, style: scalar.type, inFlow: inFlowCollection(chain) },
        change.wanted,
        opts.valueType,
      );
    } catch (err) {
      return { message: `'${change.pathText}'${docLabel(doc)}: ${(err as Error).message}`, ...pos };
    }
    const oldText = p.text.slice(start, scalar.range![1]);
    const oldValue = (scalar.value ?? null) as JsonScalar;
    const same = sameValue(oldValue, rendered.value);
    if (rendered.typeChanged && !same)
      warnings.push(`'${change.pathText}'${docLabel(doc)}: ${rendered.typeChanged}`);
    edits.push({
      pathText: change.pathText,
      path: r.path,
      document: doc,
      oldValue,
      newValue: rendered.value,
      oldText,
      newText: same ? oldText : rendered.text,
      ...pos,
      created: false,
    });
    if (same) continue;
    // An empty null (`key:`) has no text of its own: keep a space after the colon or dash.
    const pad = oldText === '' && start > 0 && !/\s/.test(p.text[start - 1]) ? ' ' : '';
    const end = scalar.range![1];
    const clash =
      pending.find((r) => r.start < end && start < r.end) ?? pending.find((r) => r.start === start);
    if (clash)
      return {
        message: `'${change.pathText}'${docLabel(doc)} is the same value as '${clash.pathText}', changed by another line`,
        ...pos,
      };
    reps.push({ start, end, text: pad + rendered.text, pathText: change.pathText });
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
  const end = lastNode.range![1];
  let at: number;
  if (text[end - 1] === '\n') at = end;
  else {
    const nl = text.indexOf('\n', end);
    at = nl < 0 ? text.length : nl + 1;
  }
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

/**
 * Applies the changes in order (each to every document that has its path). Throws
 * YamlEditError listing every problem; the caller then leaves the file alone.
 */
export function editYaml(source: string, changes: ChangeSpec[], opts: EditOptions): EditResult {
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

  // Replacements are planned against one parse and applied together; only a key creation,
  // which changes the structure later changes may walk through, makes a fresh parse.
  let current = original;
  let pending: Replacement[] = [];
  const edits: AppliedEdit[] = [];
  const warnings: string[] = [];
  for (const change of changes) {
    const out = applyChange(current, change, opts, edits, warnings, pending);
    if (typeof out !== 'string') problems.push(out);
    else if (out === 'created') {
      current = parseText(applyReplacements(current.text, pending));
      pending = [];
    }
  }
  if (problems.length) throw new YamlEditError(problems);
  if (pending.length) current = parseText(applyReplacements(current.text, pending));

  verifyEdit(original, current, edits);
  return { text: current.text, edits, changed: current.text !== source, warnings };
}

/** The guard: the new text must read as the old one with exactly the intended values changed. */
function verifyEdit(before: Parsed, after: Parsed, edits: AppliedEdit[]): void {
  const fail = (why: string) => {
    throw new Error(
      `refusing to write: the edited YAML ${why} (this is a bug in bump-helm-values; the file was not changed)`,
    );
  };
  const errors = after.docs.flatMap((d) => d.errors);
  if (errors.length) fail(`does not parse: ${errors[0].message.split('\n')[0]}`);
  if (after.docs.length !== before.docs.length) fail('has a different number of documents');
  before.docs.forEach((doc, i) => {
    let expected = doc.toJS();
    for (const e of edits) if (e.document === i) expected = setIn(expected, e.path, e.newValue);
    if (!deepEqual(expected, after.docs[i].toJS()))
      fail(
        `differs from the intended result in more than the changed values${before.docs.length > 1 ? ` (document ${i + 1})` : ''}`,
      );
  });
}
