// `path=value` checks on a JSON body: `status=UP`, `checks[0].ok=true`, `["odd.key"].x=1`.
import { preview } from '@cicd-actions/core';

export type JsonPath = Array<string | number>;

export interface JsonCheck {
  /** The path as written, for messages. */
  path: string;
  segments: JsonPath;
  /** The expected value as written. */
  expected: string;
}

// A path is a first key or index, then `.key`, `[index]` or `["quoted key"]` segments.
const SEGMENT = /\.([^.[\]"]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
const FIRST_KEY = /[^.[\]"]+/y;

/** The segments of a path, or undefined when it is malformed. */
export function parseJsonPath(path: string): JsonPath | undefined {
  const segments: JsonPath = [];
  let at = 0;
  FIRST_KEY.lastIndex = 0;
  const first = FIRST_KEY.exec(path);
  if (first) {
    segments.push(first[0]);
    at = FIRST_KEY.lastIndex;
  }
  while (at < path.length) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else {
      try {
        segments.push(JSON.parse(`"${m[3]}"`) as string);
      } catch {
        return undefined;
      }
    }
    at = SEGMENT.lastIndex;
  }
  return segments.length ? segments : undefined;
}

/** The value at a path; `found` is false when a segment is missing or the wrong kind. */
export function evaluateJsonPath(
  doc: unknown,
  path: JsonPath,
): { found: true; value: unknown } | { found: false } {
  let cur: unknown = doc;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length) return { found: false };
      cur = cur[seg];
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, seg))
        return { found: false };
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return { found: true, value: cur };
}

/**
 * Whether a JSON value equals the expected text, types compared strictly: the text is read as
 * JSON when it is JSON (`ok=true` is the boolean, `count=3` the number, `status="UP"` the
 * string), else as a string (`status=UP`). So `true` never matches the string "true": quote to
 * match a string that looks like another type (`ok="true"`).
 */
export function jsonValueMatches(actual: unknown, expected: string): boolean {
  let wanted: unknown = expected;
  try {
    wanted = JSON.parse(expected);
  } catch {
    // Not JSON: a bare string.
  }
  return canonicalJson(wanted) === canonicalJson(actual);
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` equals `{"b":2,"a":1}`. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Parses `path=value` lines; returns the 1-based line and problem of the first bad one instead. */
export function parseJsonChecks(text: string): JsonCheck[] | { line: number; problem: string } {
  const checks: JsonCheck[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) return { line: i + 1, problem: `${preview(line)} is not path=value` };
    const path = line.slice(0, eq).trim();
    const segments = parseJsonPath(path);
    if (!segments)
      return { line: i + 1, problem: `${preview(path)} is not a path like status or checks[0].ok` };
    checks.push({ path, segments, expected: line.slice(eq + 1).trim() });
  }
  return checks;
}

/** Describes a JSON value shortly, for attempt errors: redacted first, then cut. */
export function describeJsonValue(
  value: unknown,
  redact: (t: string) => string = (t) => t,
): string {
  const text = redact(value === undefined ? 'undefined' : JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
