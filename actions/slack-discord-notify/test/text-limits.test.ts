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
