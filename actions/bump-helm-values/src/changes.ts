// The `changes` input (`path=value` lines) and the `changes-json` input (a JSON object, e.g.
// the previous-values output of an earlier run) turned into change lists, per file.
import { formatPath, parsePath, PathSyntaxError, splitAssignment } from './path';
import { isYamlBoolean, isYamlNumber, type JsonScalar, type ValueType } from './scalar';
import type { ChangeSpec } from './edit';

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
    if (!quoted && valueType === 'number' && !isYamlNumber(value))
      fail(`${where}: '${value}' is not a number (value-type is number)`);
    if (!quoted && valueType === 'boolean' && !isYamlBoolean(value))
      fail(`${where}: '${value}' is not true or false (value-type is boolean)`);
    if (quoted && (valueType === 'number' || valueType === 'boolean'))
      fail(`${where}: a quoted value is a string, but value-type is ${valueType}`);
    changes.push({ path, pathText, wanted: { kind: 'text', text: value, quoted } });
  }
  if (changes.length === 0) fail('no path=value line found');
  rejectDuplicates(changes, 'changes');
  return changes;
}

function isJsonScalar(v: unknown): v is JsonScalar {
  return (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v))
  );
}

function jsonChanges(obj: Record<string, unknown>, where: string): ChangeSpec[] {
  const changes = Object.entries(obj).map(([key, value]) => {
    if (!isJsonScalar(value))
      fail(`${where}: the value of '${key}' must be a string, number, boolean or null`);
    const { path, pathText } = parsePathOrFail(key, where);
    return { path, pathText, wanted: { kind: 'json', value } } as ChangeSpec;
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
    return { kind: 'all', changes: jsonChanges(data as Record<string, unknown>, 'changes-json') };
  if (nested.length !== entries.length)
    fail(
      'mix of per-file objects and plain values; use either { "path": value } or { "file": { "path": value } }',
    );
  const files = new Map<string, ChangeSpec[]>();
  for (const [file, obj] of nested)
    files.set(
      normalizeFileKey(file),
      jsonChanges(obj as Record<string, unknown>, `file '${file}'`),
    );
  return { kind: 'per-file', files };
}

/** `./a/b.yaml` and `a\b.yaml` name the same file as `a/b.yaml`. */
export function normalizeFileKey(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
