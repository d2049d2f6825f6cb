// The `changes` input (`path=value` lines) and the `changes-json` input (a JSON object, e.g.
// the previous-values output of an earlier run) turned into change lists, per file.
import { formatPath, parsePath, PathSyntaxError, splitAssignment } from './path';
import {
  isYamlBoolean,
  isYamlNumber,
  numberProblem,
  type JsonScalar,
  type ValueType,
  type WantedValue,
} from './scalar';
import type { ChangeSpec } from './edit';

/** Longer values are refused: a values file is no place for them (and an input holds ~128 KB). */
export const MAX_VALUE_CHARS = 65_536;

/** Throws with a message meant to follow "Input 'changes': ". */
function fail(message: string): never {
  throw new Error(message);
}

function parsePathOrFail(
  text: string,
  where: string,
): { path: ChangeSpec['path']; pathText: string } {
  try {
    const path = parsePath(text);
    return { path, pathText: formatPath(path) };
  } catch (err) {
    if (err instanceof PathSyntaxError)
      fail(`${where}: path '${text}' is not valid: ${err.message}`);
    throw err;
  }
}

function rejectDuplicates(changes: ChangeSpec[], where: string): void {
  const seen = new Set<string>();
  for (const c of changes) {
    if (seen.has(c.pathText)) fail(`${where}: path '${c.pathText}' is given twice`);
    seen.add(c.pathText);
  }
}

/**
 * `path=value` lines; blank lines and `#` comments are skipped. A value wrapped in matching
 * quotes is a string whatever it looks like (the quotes are not part of it).
 */
export function parseChangeLines(text: string, valueType: ValueType): ChangeSpec[] {
  const changes: ChangeSpec[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `line ${i + 1}`;
    const split = splitAssignment(line);
    if (!split || split.path === '') fail(`${where} is not path=value: '${line}'`);
    const { path, pathText } = parsePathOrFail(split.path, where);
    let value = split.value;
    let quoted = false;
    const q = /^(["'])(.*)\1$/.exec(value);
    if (q) {
      value = q[2];
      quoted = true;
    }
    if (/[\r\n]/.test(value)) fail(`${where}: the value must be one line`);
    if (value.length > MAX_VALUE_CHARS)
      fail(`${where}: the value is longer than ${MAX_VALUE_CHARS} characters`);
    if (!quoted && valueType === 'number' && !isYamlNumber(value))
      fail(`${where}: '${value}' is not a number (value-type is number): ${numberProblem(value)}`);
    if (!quoted && valueType === 'boolean' && !isYamlBoolean(value))
      fail(`${where}: '${value}' is not a boolean like true or false (value-type is boolean)`);
    if (quoted && (valueType === 'number' || valueType === 'boolean'))
      fail(`${where}: a quoted value is a string, but value-type is ${valueType}`);
    changes.push({ path, pathText, wanted: { kind: 'text', text: value, quoted } });
  }
  if (changes.length === 0) fail('no path=value line found');
  rejectDuplicates(changes, 'changes');
  return changes;
}

function isJsonScalar(v: unknown): v is JsonScalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number';
}

/** A revert entry of previous-values: `{"value": v, "yaml": "exact old text"}` or `{"absent": true}`. */
function entryChange(key: string, obj: Record<string, unknown>, where: string): WantedValue {
  const keys = Object.keys(obj).sort().join(',');
  if (keys === 'absent' && obj.absent === true) return { kind: 'absent' };
  if (keys === 'value,yaml' && typeof obj.yaml === 'string' && isJsonScalar(obj.value)) {
    if (/[\r\n]/.test(obj.yaml) || obj.yaml.length > MAX_VALUE_CHARS)
      fail(
        `${where}: the yaml text of '${key}' must be one line of at most ${MAX_VALUE_CHARS} characters`,
      );
    return { kind: 'verbatim', yaml: obj.yaml, value: obj.value };
  }
  fail(
    `${where}: the value of '${key}' must be a string, number, boolean, null, {"value": …, "yaml": "…"} or {"absent": true}`,
  );
}

function jsonChanges(obj: Record<string, unknown>, where: string, entries: boolean): ChangeSpec[] {
  const changes = Object.entries(obj).map(([key, value]) => {
    let wanted: WantedValue;
    if (entries && typeof value === 'object' && value !== null && !Array.isArray(value))
      wanted = entryChange(key, value as Record<string, unknown>, where);
    else if (!isJsonScalar(value))
      fail(`${where}: the value of '${key}' must be a string, number, boolean or null`);
    else if (typeof value === 'number' && !Number.isFinite(value))
      fail(
        `${where}: the number for '${key}' is out of the range of a float64; Helm cannot read it (give it as a string to write text)`,
      );
    else if (
      typeof value === 'string' &&
      /[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))
    )
      fail(`${where}: the value of '${key}' is not valid Unicode (a lone surrogate)`);
    else if (typeof value === 'string' && value.length > MAX_VALUE_CHARS)
      fail(`${where}: the value of '${key}' is longer than ${MAX_VALUE_CHARS} characters`);
    else wanted = { kind: 'json', value };
    const { path, pathText } = parsePathOrFail(key, where);
    return { path, pathText, wanted: wanted! } as ChangeSpec;
  });
  if (changes.length === 0) fail(`${where}: no path given`);
  rejectDuplicates(changes, where);
  return changes;
}

/** Changes from JSON: `{ "path": value }` for every file, or `{ "file": { "path": value } }` per file (the previous-values shape). */
export type JsonChanges =
  { kind: 'all'; changes: ChangeSpec[] } | { kind: 'per-file'; files: Map<string, ChangeSpec[]> };

export function parseChangesJson(text: string): JsonChanges {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    fail(`not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    fail('expected a JSON object');
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) fail('the object is empty');
  const nested = entries.filter(
    ([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
  if (nested.length === 0)
    return {
      kind: 'all',
      changes: jsonChanges(data as Record<string, unknown>, 'changes-json', false),
    };
  if (nested.length !== entries.length)
    fail(
      'mix of per-file objects and plain values; use either { "path": value } or { "file": { "path": value } }',
    );
  const files = new Map<string, ChangeSpec[]>();
  for (const [file, obj] of nested)
    files.set(
      normalizeFileKey(file),
      jsonChanges(obj as Record<string, unknown>, `file '${file}'`, true),
    );
  return { kind: 'per-file', files };
}

/** `./a/b.yaml` and `a\b.yaml` name the same file as `a/b.yaml`. */
export function normalizeFileKey(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
