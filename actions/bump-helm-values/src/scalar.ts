// What text to write for a new scalar value so that Helm reads exactly the asked value: the type
// (value-type), the quoting style to keep, and quotes or escapes wherever Helm (YAML 1.1), or a
// YAML 1.2 reader, would read plain text as something else.
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { goFormat, helmPlain, showHelm } from './helm-read';

export type ValueType = 'auto' | 'string' | 'number' | 'boolean';
export const VALUE_TYPES: readonly ValueType[] = ['auto', 'string', 'number', 'boolean'];

export type JsonScalar = string | number | boolean | null;

/** A value as the user gave it: text from a `path=value` line, or a typed value from JSON. */
export type WantedValue =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'json'; value: JsonScalar }
  /** A revert from previous-values: these exact scalar bytes, which Helm reads as `value`. */
  | { kind: 'verbatim'; yaml: string; value: JsonScalar }
  /** A revert of a key the earlier run created: remove it again. */
  | { kind: 'absent' };

/** The scalar being replaced (undefined style/value when the key is being created). */
export interface ExistingScalar {
  /** The old value as Helm reads it (undefined when the key is being created). */
  value: unknown;
  style?: string;
  inFlow: boolean;
}

export interface RenderedScalar {
  value: JsonScalar;
  text: string;
  /** Set when the type Helm reads changes (value-type auto could not keep the old one). */
  typeChanged?: string;
  /** The text is the user's own bytes (a revert), not rendered by us. */
  verbatim?: boolean;
}

/** The value YAML gives `text` written as a plain scalar, or undefined when it is not one plain scalar. */
const plainCache = new Map<string, { value: unknown } | undefined>();

export function plainValue(
  text: string,
  inFlow = false,
  version: '1.1' | '1.2' = '1.2',
): { value: unknown } | undefined {
  // The same few values (one tag for many keys) are asked about again and again.
  const key = `${version}${inFlow ? 'f' : 'b'}${text}`;
  if (plainCache.has(key)) return plainCache.get(key);
  const result = readPlain(text, inFlow, version);
  if (plainCache.size < 10_000) plainCache.set(key, result);
  return result;
}

function readPlain(
  text: string,
  inFlow: boolean,
  version: '1.1' | '1.2',
): { value: unknown } | undefined {
  if (text === '' || /[\r\n]/.test(text)) return undefined;
  const doc = parseDocument(inFlow ? `[${text}]\n` : `k: ${text}\n`, {
    prettyErrors: false,
    version,
  });
  if (doc.errors.length) return undefined;
  const c = doc.contents;
  let node: unknown;
  if (inFlow) {
    if (!isSeq(c) || c.items.length !== 1) return undefined;
    node = c.items[0];
  } else {
    if (!isMap(c) || c.items.length !== 1) return undefined;
    node = c.items[0].value;
  }
  if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return undefined;
  const offset = inFlow ? 1 : 3;
  if (node.range[0] !== offset || node.range[1] !== offset + text.length) return undefined;
  return { value: node.value };
}

/** Characters a double-quoted scalar must escape: C0, DEL, C1 (NEL), the Unicode line and paragraph separators, BOM, non-characters. */
const NEEDS_ESCAPE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/** A YAML double-quoted scalar that every reader (go-yaml v2 included) reads back as `value`. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (NEEDS_ESCAPE.test(ch) || (c >= 0xd800 && c <= 0xdfff))
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/**
 * True when `value` may be written plain: printable ASCII only, no indicator at the start, nothing
 * a block or flow context would split on, and read back as this very string by Helm's YAML 1.1
 * and by YAML 1.1 and 1.2 readers. Anything else is quoted — quoting a string never changes it.
 */
export function plainIsSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value) return false;
  if (!/^[\x20-\x7e]+$/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/: | #|:$/.test(value)) return false;
  if (inFlow && /[,[\]{}:?#]/.test(value)) return false;
  if (helmPlain(value).kind !== 'string') return false;
  return (
    plainValue(value, inFlow, '1.2')?.value === value &&
    plainValue(value, inFlow, '1.1')?.value === value
  );
}

/** A string in the given style (kept when it can hold the value), plain only when plainIsSafe. */
export function renderString(value: string, style: string | undefined, inFlow: boolean): string {
  const escape = NEEDS_ESCAPE.test(value) || /[\ud800-\udfff]/.test(value);
  if (style === 'QUOTE_SINGLE' && !escape) return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE' || escape) return doubleQuoted(value);
  return plainIsSafe(value, inFlow) ? value : doubleQuoted(value);
}

/** The number Helm reads `text` as, when it prints it back as exactly `text` and YAML 1.1 and 1.2 agree. */
export function faithfulNumber(text: string): number | undefined {
  const h = helmPlain(text);
  if (h.kind !== 'number' || goFormat(h.value) !== text) return undefined;
  const v12 = plainValue(text, false, '1.2')?.value;
  const v11 = plainValue(text, false, '1.1')?.value;
  return Number(v12) === h.value && Number(v11) === h.value ? h.value : undefined;
}

/** Why Helm would not read `text` as the number it shows, for messages. */
export function numberProblem(text: string): string {
  const h = helmPlain(text);
  if (h.kind === 'unreadable') return h.why;
  if (h.kind !== 'number') {
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)[eE][-+]?\d+$/.test(text) && !Number.isFinite(Number(text)))
      return `${text} is out of the range of a float64 (Helm would read it as a string)`;
    return `Helm reads '${text}' as ${h.kind === 'bool' ? 'a boolean' : h.kind === 'null' ? 'null' : 'a string'}, not a number`;
  }
  const v12 = plainValue(text, false, '1.2')?.value;
  if (Number(v12) !== h.value)
    return `Helm (YAML 1.1) reads '${text}' as ${goFormat(h.value)} but YAML 1.2 as ${String(v12)}`;
  return `Helm reads '${text}' as ${goFormat(h.value)}`;
}

export const HELM_BOOLEAN_TEXT =
  /^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON|n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;

export function isYamlNumber(text: string): boolean {
  return helmPlain(text).kind === 'number';
}

export function isYamlBoolean(text: string): boolean {
  return HELM_BOOLEAN_TEXT.test(text);
}

function typeName(v: unknown): string {
  return v === null || v === undefined ? 'null' : typeof v;
}

/**
 * The text and value to write. Under value-type auto a string stays a string (quoted when Helm
 * would read plain text as another value); an old number or boolean — or a null or new key — gets
 * a number or boolean only when Helm reads the typed text back as that same text (`5`, `true`),
 * otherwise a string, with a notice when the type changes (`tag: 16` → `"16.10"`).
 */
export function renderScalar(
  existing: ExistingScalar,
  wanted: WantedValue,
  valueType: ValueType,
): RenderedScalar {
  if (wanted.kind === 'absent') throw new Error('internal: absent is not a scalar');
  if (wanted.kind === 'verbatim') return { value: wanted.value, text: wanted.yaml, verbatim: true };
  const old = existing.value;
  const changed = (type: string, what: string) =>
    old !== null && old !== undefined && type !== typeName(old)
      ? `was the ${typeName(old)} ${showHelm(old as JsonScalar)}, now ${what}`
      : undefined;
  if (wanted.kind === 'json') {
    const v = wanted.value;
    if (v === null) return { value: null, text: 'null', typeChanged: changed('null', 'null') };
    if (typeof v === 'boolean')
      return { value: v, text: String(v), typeChanged: changed('boolean', `the boolean ${v}`) };
    if (typeof v === 'number') {
      const text = Number.isFinite(v) ? String(v) : '';
      if (faithfulNumber(text) !== v)
        throw new Error(
          Number.isFinite(v)
            ? `cannot write the number ${text} so that Helm reads it exactly: ${numberProblem(text)}`
            : `the number is infinite or out of range; Helm cannot read it`,
        );
      return { value: v, text, typeChanged: changed('number', `the number ${goFormat(v)}`) };
    }
    return {
      value: v,
      text: renderString(v, existing.style, existing.inFlow),
      typeChanged: changed('string', `the string ${JSON.stringify(v)}`),
    };
  }
  const { text } = wanted;
  let type: 'string' | 'number' | 'boolean';
  if (wanted.quoted || valueType === 'string') type = 'string';
  else if (valueType === 'number' || valueType === 'boolean') type = valueType;
  else if (typeof old === 'number' || old === null || old === undefined)
    type =
      faithfulNumber(text) !== undefined
        ? 'number'
        : (old === null || old === undefined) && /^(true|false)$/.test(text)
          ? 'boolean'
          : 'string';
  else if (typeof old === 'boolean') type = /^(true|false)$/.test(text) ? 'boolean' : 'string';
  else type = 'string';

  if (type === 'number') {
    const n = faithfulNumber(text);
    if (n !== undefined)
      return { value: n, text, typeChanged: changed('number', `the number ${text}`) };
    // Forced by value-type: written as the number Helm reads, when every reader agrees on it.
    const h = helmPlain(text);
    if (h.kind === 'number' && faithfulNumber(goFormat(h.value)) === h.value) {
      const v12 = plainValue(text, false, '1.2')?.value;
      if (Number(v12) === h.value)
        return {
          value: h.value,
          text,
          typeChanged: changed('number', `the number ${goFormat(h.value)}`),
        };
    }
    throw new Error(`'${text}' cannot be written as a number: ${numberProblem(text)}`);
  }
  if (type === 'boolean') {
    const b = BOOLS_TEXT.get(text);
    if (b === undefined) throw new Error(`'${text}' is not a boolean (true or false)`);
    return { value: b, text: String(b), typeChanged: changed('boolean', `the boolean ${b}`) };
  }
  const h = helmPlain(text);
  const wouldBe = h.kind === 'string' ? '' : ` (Helm would read plain ${text} as ${showPlain(h)})`;
  return {
    value: text,
    text: renderString(text, existing.style, existing.inFlow),
    typeChanged: changed('string', `the string ${JSON.stringify(text)}${wouldBe}`),
  };
}

function showPlain(h: ReturnType<typeof helmPlain>): string {
  if (h.kind === 'number') return goFormat(h.value);
  if (h.kind === 'bool') return String(h.value);
  if (h.kind === 'null') return 'null';
  return 'something Helm cannot read';
}

const BOOLS_TEXT = new Map<string, boolean>();
for (const t of HELM_BOOLEAN_TEXT.source.slice(2, -2).split('|'))
  BOOLS_TEXT.set(t, /^(y|yes|true|on)$/i.test(t));
