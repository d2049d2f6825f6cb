// The safety check before anything is written: the edited text must read, as Helm reads values,
// exactly as the original with the asked values changed — by a full re-parse (verifyEdit), or,
// when every change is one scalar replacing another, token by token (fastResult).
import { Document, parseAllDocuments, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { type Segment } from './path';
import { helmDocument, helmScalarOf, scalarValue, showHelm, type HelmValue } from './helm-read';
import { type JsonScalar } from './scalar';
import {
  type AppliedEdit,
  type EditResult,
  type EditProblem,
  YamlEditError,
  type Parsed,
  type Replacement,
  applyReplacements,
} from './edit-types';

export function setIn(root: unknown, path: Segment[], value: unknown): unknown {
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

export function deleteIn(root: unknown, path: Segment[]): void {
  const parent = getIn(root, path.slice(0, -1));
  if (parent && typeof parent === 'object')
    delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
}

/** Whether the values that matter (as Helm reads them) are equal. */
export function sameRead(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || a === b;
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
export function fastResult(
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
export function verifyEdit(
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
