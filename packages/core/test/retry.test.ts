import { backoffDelay, parseRetryAfter, retry, type AttemptOutcome } from '../src/index';
import { FakeClock } from '../../../test/harness/fake-clock';

describe('backoffDelay', () => {
  const exp = { initialMs: 1000, maxMs: 10_000, strategy: 'exponential' as const };
  test.each([
    { name: 'exponential retry 1', retry: 1, opts: exp, expected: 1000 },
    { name: 'exponential retry 2', retry: 2, opts: exp, expected: 2000 },
    { name: 'exponential retry 4', retry: 4, opts: exp, expected: 8000 },
    { name: 'exponential capped', retry: 5, opts: exp, expected: 10_000 },
    { name: 'huge retry stays capped', retry: 5000, opts: exp, expected: 10_000 },
    {
      name: 'default strategy is exponential',
      retry: 3,
      opts: { initialMs: 100, maxMs: 10_000 },
      expected: 400,
    },
    { name: 'fixed', retry: 7, opts: { ...exp, strategy: 'fixed' as const }, expected: 1000 },
    {
      name: 'fixed capped by max',
      retry: 1,
      opts: { initialMs: 5000, maxMs: 2000, strategy: 'fixed' as const },
      expected: 2000,
    },
  ])('$name', ({ retry: n, opts, expected }) => expect(backoffDelay(n, opts)).toBe(expected));

  test.each([
    { random: 0, expected: 0 },
    { random: 0.5, expected: 2000 },
    { random: 0.99999, expected: 3999 },
  ])(
    'full jitter draws between 0 and the computed delay (random $random)',
    ({ random, expected }) => {
      expect(backoffDelay(3, { ...exp, jitter: true }, () => random)).toBe(expected);
    },
  );
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  test.each([
    { name: 'seconds', value: '120', expected: 120_000 },
    { name: 'zero', value: '0', expected: 0 },
    { name: 'fractional seconds', value: '1.5', expected: 1500 },
    { name: 'padded', value: ' 3 ', expected: 3000 },
    { name: 'IMF-fixdate', value: 'Thu, 01 Jan 2026 12:00:30 GMT', expected: 30_000 },
    { name: 'RFC 850 date', value: 'Thursday, 01-Jan-26 12:01:00 GMT', expected: 60_000 },
    { name: 'date in the past', value: 'Thu, 01 Jan 2026 11:00:00 GMT', expected: 0 },
    { name: 'empty', value: '', expected: undefined },
    { name: 'negative', value: '-5', expected: undefined },
    { name: 'junk', value: 'soon', expected: undefined },
    { name: 'null', value: null, expected: undefined },
    { name: 'undefined', value: undefined, expected: undefined },
  ])('$name', ({ value, expected }) => expect(parseRetryAfter(value, now)).toBe(expected));

  test('the asctime form (no zone, read as local time) is a date too', () => {
    expect(parseRetryAfter('Thu Jan  1 12:00:05 2026', now)).toBe(
      Math.max(0, new Date(2026, 0, 1, 12, 0, 5).getTime() - now),
    );
  });
});

describe('retry', () => {
  const base = { initialMs: 100, maxMs: 1000, strategy: 'exponential' as const, jitter: false };

  /** An attempt function that fails `failures` times, then succeeds with the attempt number. */
  function failThenSucceed(failures: number, extra: Partial<AttemptOutcome<number>> = {}) {
    const calls: number[] = [];
    const fn = async (n: number): Promise<AttemptOutcome<number>> => {
      calls.push(n);
      return n > failures
        ? { done: true, value: n }
        : ({ done: false, value: -n, ...extra } as AttemptOutcome<number>);
    };
    return { fn, calls };
  }

  test('succeeds on the first attempt without waiting', async () => {
    const clock = new FakeClock(1_000_000);
    const { fn, calls } = failThenSucceed(0);
    expect(
      await retry(fn, { ...base, maxAttempts: 5, deadline: clock.now() + 60_000, clock }),
    ).toEqual({ value: 1, done: true, attempts: 1 });
    expect(calls).toEqual([1]);
    expect(clock.sleeps).toEqual([]);
  });

  test('retries with backoff until success', async () => {
    const clock = new FakeClock(1_000_000);
    const { fn } = failThenSucceed(3);
    const waits: Array<[number, number]> = [];
    const result = await retry(fn, {
      ...base,
      maxAttempts: 5,
      deadline: clock.now() + 60_000,
      clock,
      onWait: (ms, n) => waits.push([ms, n]),
    });
    expect(result).toEqual({ value: 4, done: true, attempts: 4 });
    expect(clock.sleeps).toEqual([100, 200, 400]);
    expect(waits).toEqual([
      [100, 1],
      [200, 2],
      [400, 3],
    ]);
  });

  test('maxAttempts is the total number of calls, not retries after the first', async () => {
    const clock = new FakeClock(1_000_000);
    const { fn, calls } = failThenSucceed(Infinity);
    const result = await retry(fn, {
      ...base,
      maxAttempts: 3,
      deadline: clock.now() + 60_000,
      clock,
    });
    expect(calls).toEqual([1, 2, 3]);
    expect(result).toEqual({ value: -3, done: false, attempts: 3, stopped: 'attempts' });
    expect(clock.sleeps).toEqual([100, 200]);
  });

  test('a wait that would reach the deadline is not started', async () => {
    const clock = new FakeClock(1_000_000);
    const { fn, calls } = failThenSucceed(Infinity);
    // Waits 100, 200, 400: after the third attempt (t=300) a 400 ms wait would end at 700 ≥ 650.
    const result = await retry(fn, {
      ...base,
      maxAttempts: 10,
      deadline: clock.now() + 650,
      clock,
    });
    expect(calls).toEqual([1, 2, 3]);
    expect(result.stopped).toBe('deadline');
    expect(clock.now()).toBe(1_000_300);
  });

  test('retryAfterMs replaces the backoff delay', async () => {
    const clock = new FakeClock(1_000_000);
    const { fn } = failThenSucceed(2, { retryAfterMs: 5000 });
    await retry(fn, { ...base, maxAttempts: 5, deadline: clock.now() + 60_000, clock });
    expect(clock.sleeps).toEqual([5000, 5000]);
  });

  test('a fatal outcome stops at once', async () => {
    const clock = new FakeClock(1_000_000);
    const { fn, calls } = failThenSucceed(Infinity, { fatal: true });
    expect(
      await retry(fn, { ...base, maxAttempts: 5, deadline: clock.now() + 60_000, clock }),
    ).toEqual({ value: -1, done: false, attempts: 1, stopped: 'fatal' });
    expect(calls).toEqual([1]);
  });

  test('an aborted signal stops before the next attempt', async () => {
    const clock = new FakeClock(1_000_000);
    const controller = new AbortController();
    const calls: number[] = [];
    const fn = async (n: number): Promise<AttemptOutcome<number>> => {
      calls.push(n);
      if (n === 2) controller.abort();
      return { done: false };
    };
    const result = await retry(fn, {
      ...base,
      maxAttempts: 5,
      deadline: clock.now() + 60_000,
      clock,
      signal: controller.signal,
    });
    expect(calls).toEqual([1, 2]);
    expect(result).toMatchObject({ done: false, attempts: 2, stopped: 'aborted' });
  });

  test('the last value seen is kept when a later outcome carries none', async () => {
    const clock = new FakeClock(1_000_000);
    const fn = async (n: number): Promise<AttemptOutcome<string>> =>
      n === 1 ? { done: false, value: 'first' } : { done: false };
    expect(
      (await retry(fn, { ...base, maxAttempts: 2, deadline: clock.now() + 60_000, clock })).value,
    ).toBe('first');
  });
});
