import { countCodePoints, textLength, truncateText, ELLIPSIS } from '../src/text-limits';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('countCodePoints', () => {
  test.each([
    { name: 'ASCII', input: 'hello', expected: 5 },
    { name: 'empty', input: '', expected: 0 },
    { name: 'accented (one code point each)', input: 'café', expected: 4 },
    { name: 'astral emoji is one code point, two UTF-16 units', input: '🚀', expected: 1 },
    { name: 'ZWJ family is five code points', input: '👨‍👩‍👧', expected: 5 },
    { name: 'lone high surrogate counts as one', input: 'a\uD83D', expected: 2 },
  ])('$name', ({ input, expected }) => expect(countCodePoints(input)).toBe(expected));
});

describe('textLength by unit', () => {
  test.each([
    { input: '🚀🚀', unit: 'code-points' as const, expected: 2 },
    { input: '🚀🚀', unit: 'utf16' as const, expected: 4 },
    { input: 'abc', unit: 'utf16' as const, expected: 3 },
  ])('$input in $unit', ({ input, unit, expected }) =>
    expect(textLength(input, unit)).toBe(expected),
  );
});

describe('truncateText', () => {
  const cases = [
    {
      name: 'fits: unchanged',
      input: 'short',
      max: 10,
      unit: 'code-points' as const,
      expected: 'short',
    },
    {
      name: 'exactly at the limit: unchanged',
      input: 'abcde',
      max: 5,
      unit: 'code-points' as const,
      expected: 'abcde',
    },
    {
      name: 'one over: cut with an ellipsis',
      input: 'abcdef',
      max: 5,
      unit: 'code-points' as const,
      expected: 'abcd…',
    },
    {
      name: 'trailing space before the ellipsis is dropped',
      input: 'abc defgh',
      max: 5,
      unit: 'code-points' as const,
      expected: 'abc…',
    },
    { name: 'max 0 gives empty', input: 'abc', max: 0, unit: 'code-points' as const, expected: '' },
    {
      name: 'max 1 gives only the ellipsis',
      input: 'abc',
      max: 1,
      unit: 'code-points' as const,
      expected: '…',
    },
    // Discord counts code points: 4 rockets fit in 4 even though they are 8 UTF-16 units.
    {
      name: 'emoji count once in code points',
      input: '🚀🚀🚀🚀',
      max: 4,
      unit: 'code-points' as const,
      expected: '🚀🚀🚀🚀',
    },
    {
      name: 'emoji count twice in UTF-16',
      input: '🚀🚀🚀🚀',
      max: 4,
      unit: 'utf16' as const,
      expected: '🚀…',
    },
    {
      name: 'a cut never splits a surrogate pair (UTF-16)',
      input: 'a🚀🚀🚀',
      max: 3,
      unit: 'utf16' as const,
      expected: 'a…',
    },
    {
      name: 'a ZWJ family is kept whole or dropped whole',
      input: 'ab👨‍👩‍👧cd',
      max: 6,
      unit: 'code-points' as const,
      expected: 'ab…',
    },
    {
      name: 'emoji with skin tone is not split',
      input: 'x👍🏽y',
      max: 3,
      unit: 'code-points' as const,
      expected: 'x…',
    },
  ];
  test.each(cases)('$name', ({ input, max, unit, expected }) => {
    const out = truncateText(input, max, unit);
    expect(out).toBe(expected);
    expect(textLength(out, unit)).toBeLessThanOrEqual(max);
  });

  test('never leaves a lone surrogate for any limit over a mixed string', () => {
    const text = 'a🚀b👨‍👩‍👧c😀'.repeat(20);
    for (const unit of ['utf16', 'code-points'] as const) {
      for (let max = 0; max <= 60; max++) {
        const out = truncateText(text, max, unit);
        expect(LONE_SURROGATE.test(out)).toBe(false);
        expect(textLength(out, unit)).toBeLessThanOrEqual(max);
        if (out !== text && max > 0) expect(out.endsWith(ELLIPSIS)).toBe(true);
      }
    }
  });
});

describe('truncateText never splits a grapheme cluster, at every cut length near the limit', () => {
  // The platform's own segmentation is the oracle: the kept text must be whole clusters of the input.
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const clusters = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);
  const table = [
    {
      name: 'flags (regional indicator pairs) after an odd prefix',
      text: `x${'🇩🇪🇫🇷🇯🇵🇧🇷'.repeat(6)}`,
    },
    { name: 'flags only', text: '🇺🇦🇨🇦🇮🇳🇳🇴'.repeat(8) },
    { name: 'a subdivision flag (tag sequence)', text: `ab${'🏴󠁧󠁢󠁳󠁣󠁴󠁿'.repeat(5)}` },
    { name: 'ZWJ sequences', text: `${'👩‍💻👨‍👩‍👧‍👦🏳️‍🌈'.repeat(5)}end` },
    { name: 'skin tones', text: '👍🏽👋🏿🙏🏻'.repeat(8) },
    { name: 'combining marks', text: 'e\u0301a\u0308o\u0302\u0323'.repeat(12) },
    { name: 'keycaps', text: '1️⃣2️⃣#️⃣'.repeat(8) },
    { name: 'Hangul jamo', text: '\u1100\u1161\u11a8'.repeat(15) },
    { name: 'Devanagari conjuncts', text: 'क्षत्रि'.repeat(8) },
    { name: 'CRLF stays together', text: 'a\r\nb\r\n'.repeat(15) },
  ];
  for (const unit of ['code-points', 'utf16'] as const) {
    test.each(table)(`$name (${unit})`, ({ text }) => {
      const boundaries = new Set([0]);
      let at = 0;
      for (const c of clusters(text)) boundaries.add((at += c.length));
      const length = textLength(text, unit);
      for (let max = Math.max(0, length - 40); max <= length + 2; max++) {
        const out = truncateText(text, max, unit);
        expect(textLength(out, unit)).toBeLessThanOrEqual(max);
        if (out === text) continue;
        const kept = out.endsWith(ELLIPSIS) ? out.slice(0, -1) : out;
        expect(text.startsWith(kept)).toBe(true);
        // The cut is on a cluster boundary of the input (trailing spaces are clusters too).
        expect(boundaries.has(kept.length)).toBe(true);
      }
    });
  }
});
