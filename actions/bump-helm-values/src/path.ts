// Paths in the yq style users already write: `.a.b`, `a-b.c`, `"app.kubernetes.io/name"`,
// `a["x.y"]`, `list[0]`, `list[-1]` (from the end). A segment is a mapping key or a list index.

export type Segment = string | number;

/** Why a path could not be read, with the 0-based character position. */
export class PathSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly at: number,
  ) {
    super(`${reason} at character ${at + 1}`);
    this.name = 'PathSyntaxError';
  }
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === quote) {
      // '' inside single quotes is one quote, as in YAML.
      if (quote === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (ch === '\\' && quote === '"' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw new PathSyntaxError(`unclosed ${quote}`, start);
}

function readBracket(text: string, start: number): { segment: Segment; end: number } {
  const i = start + 1;
  if (text[i] === '"' || text[i] === "'") {
    const q = readQuoted(text, i);
    if (text[q.end] !== ']') throw new PathSyntaxError("expected ']'", q.end);
    return { segment: q.value, end: q.end + 1 };
  }
  const close = text.indexOf(']', i);
  if (close < 0) throw new PathSyntaxError("unclosed '['", start);
  const inner = text.slice(i, close).trim();
  if (!/^-?\d+$/.test(inner))
    throw new PathSyntaxError(
      `expected a list index or a quoted key inside [], got '${inner}'`,
      start,
    );
  return { segment: Number(inner), end: close + 1 };
}

export function parsePath(input: string): Segment[] {
  const text = input.trim();
  if (text === '' || text === '.') throw new PathSyntaxError('empty path', 0);
  const segments: Segment[] = [];
  let i = text.startsWith('.') && text[1] !== '.' ? 1 : 0;
  let expectSegment = true;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '[') {
      const b = readBracket(text, i);
      segments.push(b.segment);
      i = b.end;
      expectSegment = false;
      continue;
    }
    if (ch === '.') {
      if (expectSegment) throw new PathSyntaxError('empty key', i);
      i++;
      expectSegment = true;
      // `.a.[0]` is accepted like `.a[0]`.
      if (text[i] === '[') expectSegment = false;
      if (i >= text.length) throw new PathSyntaxError('path ends with a dot', i - 1);
      continue;
    }
    if (!expectSegment) throw new PathSyntaxError(`expected '.' or '[' before '${ch}'`, i);
    if (ch === '"' || ch === "'") {
      const q = readQuoted(text, i);
      segments.push(q.value);
      i = q.end;
    } else {
      let end = i;
      while (end < text.length && !'.[]"\''.includes(text[end])) end++;
      if (text[end] === ']' || text[end] === '"' || text[end] === "'")
        throw new PathSyntaxError(`unexpected '${text[end]}'`, end);
      const key = text.slice(i, end).trim();
      if (key === '') throw new PathSyntaxError('empty key', i);
      segments.push(key);
      i = end;
    }
    expectSegment = false;
  }
  if (expectSegment) throw new PathSyntaxError('path ends with a dot', text.length - 1);
  return segments;
}

const BARE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_\-/]*$/;

/** The canonical spelling (no leading dot), which parsePath reads back to the same segments. */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (BARE_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `${out === '' ? '' : '.'}${JSON.stringify(s)}`;
  }
  return out;
}

/** Splits `path=value` at the first `=` outside quotes and brackets; undefined when there is none. */
export function splitAssignment(line: string): { path: string; value: string } | undefined {
  let quote = '';
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '=' && depth === 0)
      return { path: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
  }
  return undefined;
}
