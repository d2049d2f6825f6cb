import { formatWait } from '../src/format';

describe('formatWait', () => {
  test.each([
    { ms: 0, expected: '0ms' },
    { ms: 49.6, expected: '50ms' },
    { ms: 999, expected: '999ms' },
    { ms: 1000, expected: '1.0s' },
    { ms: 4049, expected: '4.0s' },
    { ms: 59_999, expected: '59.9s' },
    { ms: 60_000, expected: '1m0s' },
    { ms: 291_900, expected: '4m51s' },
    { ms: 299_999, expected: '4m59s' },
    { ms: 3_605_000, expected: '1h0m5s' },
  ])('$ms ms → $expected', ({ ms, expected }) => expect(formatWait(ms)).toBe(expected));
});
