// Platform text limits. Discord counts Unicode code points (its API validates with Python's
// len()); Slack does not say what it counts, so we count UTF-16 code units there: never fewer
// than code points, hence safe whichever Slack uses. A cut never splits a grapheme cluster
// (a flag, an emoji with skin tone, a ZWJ family, a letter with combining marks): whole or gone.

export type CountUnit = 'code-points' | 'utf16';

export const ELLIPSIS = '…';

export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export function textLength(text: string, unit: CountUnit): number {
  return unit === 'utf16' ? text.length : countCodePoints(text);
}

/** The UTF-16 index after the first `max` units of `text` (never inside a surrogate pair). */
function cutIndex(text: string, max: number, unit: CountUnit): number {
  let i = 0;
  let used = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const pair =
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 &&
      text.charCodeAt(i + 1) <= 0xdfff;
    const width = pair ? 2 : 1;
    const cost = unit === 'utf16' ? width : 1;
    if (used + cost > max) break;
    used += cost;
    i += width;
  }
  return i;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The last grapheme boundary at or before `index`. Segmented from the start of the text: a
 * window starting mid-text could pair regional indicators wrongly and split a flag.
 * (Intl.Segmenter is made only when a cut is needed.)
 */
export function graphemeBoundary(text: string, index: number): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let best = 0;
  for (const { index: at } of segmenter.segment(text)) {
    if (at > index) break;
    best = at;
  }
  return index >= text.length ? text.length : best;
}

/**
 * `text` if it fits in `max` units, otherwise its longest prefix of whole grapheme clusters that
 * fits together with the ellipsis (so flags, ZWJ sequences and combining marks are never split).
 * `max` of 0 gives ''.
 */
export function truncateText(text: string, max: number, unit: CountUnit): string {
  if (textLength(text, unit) <= max) return text;
  if (max <= 0) return '';
  const room = max - textLength(ELLIPSIS, unit);
  if (room <= 0) return ELLIPSIS.slice(0, max);
  const cut = graphemeBoundary(text, cutIndex(text, room, unit));
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}
