// Structural edits: creating missing keys (create-missing) in the file's own indentation, and
// removing a key again (a revert of a key an earlier run created).
import { Document, isMap, isScalar, visit, type Node, type YAMLMap } from 'yaml';
import { type Segment } from './path';
import { renderScalar, renderString } from './scalar';
import {
  type ChangeSpec,
  type AppliedEdit,
  type EditOptions,
  type EditProblem,
  type Parsed,
  position,
  where,
  type Replacement,
} from './edit-types';
import { type Resolution, resolvePath, sharedBy, helmOf } from './edit-locate';

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

export function createKeys(
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
export function removeKey(
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
