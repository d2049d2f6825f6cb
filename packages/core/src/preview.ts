// How a value is shown in a message: quoted, control characters visible, and cut. An input may be
// 100 KB or a file's whole content; a message shows a short preview and the length, never all.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function visible(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `'abc'`, or `'abcdef…' (131072 characters)` beyond `max` code points. */
export function preview(value: string, max = 60): string {
  const chars = [...value];
  const shown = chars.slice(0, max).join('').replace(CONTROL, visible);
  return chars.length > max ? `'${shown}…' (${chars.length} characters)` : `'${shown}'`;
}

/**
 * A one-line `message` output: expressions read it into a chat line or a commit subject, so line
 * breaks are folded into spaces and it is cut at `max` code points, however long the reason.
 */
export function messageLine(text: string, max = 400): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}
