// What text to write for a new scalar value: the type to keep (value-type) and the quoting
// style to keep, checked against the YAML parser itself rather than a hand-written rule list.
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';

export type ValueType = 'auto' | 'string' | 'number' | 'boolean';
export const VALUE_TYPES: readonly ValueType[] = ['auto', 'string', 'number', 'boolean'];

export type JsonScalar = string | number | boolean | null;

/** A value as the user gave it: text from a `path=value` line, or a typed value from JSON. */
export type WantedValue =
  { kind: 'text'; text: string; quoted: boolean } | { kind: 'json'; value: JsonScalar };

/** The scalar being replaced (undefined style/value when the key is being created). */
export interface ExistingScalar {
  value: unknown;
  style?: string;
  inFlow: boolean;
}

export interface RenderedScalar {
  value: JsonScalar;
  text: string;
  /** Set when value-type auto could not keep the old type. */
  typeChanged?: string;
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

/** True when YAML reads `text` as a number (1.2 core schema: 3, -1.5, 1e3, 0x1f, 0o17, .inf). */
export function isYamlNumber(text: string): boolean {
  const v = plainValue(text);
  return v !== undefined && typeof v.value === 'number';
}

export function isYamlBoolean(text: string): boolean {
  return /^(true|false)$/i.test(text.trim());
}

/**
 * A string in the given style; plain only when YAML reads it back as the same string under both
 * YAML 1.2 and 1.1 — Helm reads values with a YAML 1.1 parser, where `on`, `yes` or `0755` are not strings.
 */
export function renderString(value: string, style: string | undefined, inFlow: boolean): string {
  if (style === 'QUOTE_SINGLE' && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const readsBack = (version: '1.1' | '1.2') => plainValue(value, inFlow, version)?.value === value;
  if (readsBack('1.2') && readsBack('1.1')) return value;
  return JSON.stringify(value);
}

function typeName(v: unknown): string {
  return v === null || v === undefined ? 'null' : typeof v;
}

/**
 * The text and value to write. value-type auto keeps the old scalar's type: a string stays a
 * string (so `1.10` and `0755` are quoted when plain would read as a number), a number stays a
 * number and a boolean a boolean when the new text is one; a null or a new key becomes a string.
 */
export function renderScalar(
  existing: ExistingScalar,
  wanted: WantedValue,
  valueType: ValueType,
): RenderedScalar {
  if (wanted.kind === 'json') {
    const v = wanted.value;
    if (v === null) return { value: null, text: 'null' };
    if (typeof v === 'boolean') return { value: v, text: String(v) };
    if (typeof v === 'number') {
      const text = String(v);
      const read = plainValue(text);
      if (!Number.isFinite(v) || !read || read.value !== v)
        throw new Error(`cannot write the number ${text} exactly`);
      return { value: v, text };
    }
    return { value: v, text: renderString(v, existing.style, existing.inFlow) };
  }
  const { text } = wanted;
  let type: 'string' | 'number' | 'boolean';
  let typeChanged: string | undefined;
  if (wanted.quoted || valueType === 'string') type = 'string';
  else if (valueType === 'number' || valueType === 'boolean') type = valueType;
  else {
    const old = existing.value;
    if (typeof old === 'number') type = isYamlNumber(text) ? 'number' : 'string';
    else if (typeof old === 'boolean') type = isYamlBoolean(text) ? 'boolean' : 'string';
    else type = 'string';
    if (old !== null && old !== undefined && type !== typeof old)
      typeChanged = `was a ${typeName(old)}, '${text}' is written as a ${type}`;
  }
  if (type === 'number') {
    const read = plainValue(text);
    if (!read || typeof read.value !== 'number') throw new Error(`'${text}' is not a YAML number`);
    return { value: read.value, text, typeChanged };
  }
  if (type === 'boolean') {
    if (!isYamlBoolean(text)) throw new Error(`'${text}' is not true or false`);
    const b = text.trim().toLowerCase() === 'true';
    return { value: b, text: String(b), typeChanged };
  }
  return { value: text, text: renderString(text, existing.style, existing.inFlow), typeChanged };
}
