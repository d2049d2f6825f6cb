// How Helm reads values: go-yaml v2's YAML 1.1 resolution of plain scalars (octal 010, 0x/0o/0b,
// underscores, y/yes/on/off, ~), then a round trip through JSON, so every number is a float64 and
// an infinite or NaN value makes Helm fail. `<<` merge keys are resolved. The tests hold this model
// against the real helm 3 and 4 binaries.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export type HelmScalar =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  /** Helm cannot read it at all (JSON has no infinity or NaN). */
  | { kind: 'unreadable'; why: string };

const BOOLS = new Map<string, boolean>();
for (const t of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
  BOOLS.set(t, true);
for (const f of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
  BOOLS.set(f, false);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseInt/ParseUint(s, 0, 64) as a JS number (the float64 JSON makes of it). */
function goParseInt(s: string, signed: boolean): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m || (!signed && m[1] !== '')) return undefined;
  const body = m[2];
  let big: bigint;
  if (/^0[oO]/.test(body)) big = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) big = BigInt(`0o${body.slice(1)}`);
  else big = BigInt(body);
  if (m[1] === '-') big = -big;
  const limit = signed ? 2n ** 63n : 2n ** 64n;
  if (big >= limit || big < (signed ? -limit : 0n)) return undefined;
  return Number(big);
}

const plainCache = new Map<string, HelmScalar>();

/** What Helm reads for a plain (unquoted, untagged) scalar's text. */
export function helmPlain(text: string): HelmScalar {
  const hit = plainCache.get(text);
  if (hit) return hit;
  const r = resolvePlain(text);
  if (plainCache.size < 20_000) plainCache.set(text, r);
  return r;
}

function resolvePlain(text: string): HelmScalar {
  if (NULLS.has(text)) return { kind: 'null' };
  const b = BOOLS.get(text);
  if (b !== undefined) return { kind: 'bool', value: b };
  if (INF_NAN.test(text))
    return { kind: 'unreadable', why: `Helm cannot read ${text} (JSON has no infinity or NaN)` };
  const first = text[0];
  if (/[0-9+-]/.test(first)) {
    // go-yaml v2 removes every underscore before it tries the number forms.
    const plain = text.replace(/_/g, '');
    const int = goParseInt(plain, true) ?? goParseInt(plain, false);
    if (int !== undefined) return { kind: 'number', value: int };
    if (YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return { kind: 'number', value: f };
    }
    const bin = /^(-?)0b([01]+)$/.exec(plain);
    if (bin) {
      const v = BigInt(`0b${bin[2]}`) * (bin[1] ? -1n : 1n);
      if (v < 2n ** 64n && v >= -(2n ** 63n)) return { kind: 'number', value: Number(v) };
    }
  } else if (first === '.' && YAML_FLOAT.test(text)) {
    return { kind: 'number', value: Number(text) };
  }
  return { kind: 'string', value: text };
}

/** A float64 as Go's fmt prints it with %v — what `{{ .Values.x }}` renders (16.1, 1e+06). */
export function goFormat(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (n === 0) return '0';
  const [mant, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  // Go's %v is %g with the shortest digits, switching to an exponent below 1e-4 and from 1e6 on.
  if (exp >= -4 && exp < 6) return String(n);
  const e = Math.abs(exp);
  return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}

export type HelmValue = string | number | boolean | null | HelmValue[] | { [k: string]: HelmValue };

/** A scalar value as a person should see what Helm reads: 16.1, true, null, "16.10" (a string that looks like another type is quoted). */
export function showHelm(v: HelmValue | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return goFormat(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string')
    return helmPlain(v).kind === 'string' && v.trim() === v && v !== '' ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

const STR_TAG = 'tag:yaml.org,2002:str';

/** Helm's reading of one scalar node (as the yaml package parsed it). */
export function helmScalarOf(node: Node): HelmScalar {
  if (!isScalar(node)) return { kind: 'unreadable', why: 'not a scalar' };
  const v = node.value;
  if (node.tag === STR_TAG) return { kind: 'string', value: String(v) };
  if (node.type === 'PLAIN' && !node.tag && typeof node.source === 'string')
    return helmPlain(node.source);
  if (v === null || v === undefined) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number' || typeof v === 'bigint') {
    const n = Number(v);
    return Number.isFinite(n)
      ? { kind: 'number', value: n }
      : { kind: 'unreadable', why: `Helm cannot read ${String(v)}` };
  }
  return { kind: 'string', value: String(v) };
}

export function scalarValue(s: HelmScalar): HelmValue {
  switch (s.kind) {
    case 'null':
      return null;
    case 'unreadable':
      return null;
    default:
      return s.value;
  }
}

/** Map keys as Helm's JSON sees them: `true`, `8` or `1.5` become the strings "true", "8", "1.5". */
function keyText(node: unknown): string {
  if (!isScalar(node)) return JSON.stringify(node);
  const s = helmScalarOf(node as Node);
  if (s.kind === 'null') return 'null';
  if (s.kind === 'number') return goFormat(s.value);
  if (s.kind === 'unreadable') return String((node as { source?: string }).source);
  return String(s.value);
}

/**
 * A document as Helm reads it. `overrides` replaces the values of some scalar nodes (the edits,
 * so aliases of an edited anchor follow it).
 */
export function helmDocument(
  doc: Document,
  overrides?: Map<Node, HelmValue>,
  skip?: Set<unknown>,
): HelmValue {
  return helmNode(doc, doc.contents, overrides, skip);
}

/** One node (of `doc`, whose anchors its aliases name) as Helm reads it. */
export function helmNode(
  doc: Document,
  root: unknown,
  overrides?: Map<Node, HelmValue>,
  /** Map pairs read as if they were not there (keys being removed). */
  skip?: Set<unknown>,
): HelmValue {
  const seen = new Map<Node, HelmValue>();
  const convert = (node: unknown): HelmValue => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      return target ? convert(target) : null;
    }
    const n = node as Node;
    if (seen.has(n)) return seen.get(n)!;
    let out: HelmValue;
    if (isScalar(n)) out = overrides?.has(n) ? overrides.get(n)! : scalarValue(helmScalarOf(n));
    else if (isSeq(n)) out = n.items.map(convert);
    else if (isMap(n)) {
      // go-yaml v2 applies the pairs in order, a merge writing every key it brings: a key written
      // before `<<` is overridden by it, one after it wins; in `<<: [*a, *b]` the first map wins.
      const obj: { [k: string]: HelmValue } = {};
      for (const pair of n.items) {
        if (!isPair(pair) || skip?.has(pair)) continue;
        if (isMergeKey(pair.key)) {
          const v = pair.value;
          const sources = isSeq(v) ? [...v.items].reverse() : [v];
          for (const s of sources) {
            const m = convert(s);
            if (m && typeof m === 'object' && !Array.isArray(m)) Object.assign(obj, m);
          }
          continue;
        }
        obj[keyText(pair.key)] = convert(pair.value);
      }
      out = obj;
    } else out = null;
    seen.set(n, out);
    return out;
  };
  return convert(root);
}

/** True when `node` is a `<<` merge key. */
export function isMergeKey(node: unknown): boolean {
  return isScalar(node) && node.type === 'PLAIN' && (node as { source?: string }).source === '<<';
}
