import type { Clock } from './clock';

export interface BackoffOptions {
  /** The first delay, in ms. */
  initialMs: number;
  /** No delay is longer than this. */
  maxMs: number;
  /** `exponential` doubles the delay each attempt; `fixed` keeps it. */
  strategy?: 'exponential' | 'fixed';
  /** Full jitter: a uniformly random delay between 0 and the computed one. */
  jitter?: boolean;
}

/**
 * The delay before retry number `retry` (1 = the first retry): exponential with a cap, and
 * "full jitter" (AWS architecture blog) so that many clients retrying at once spread out.
 */
export function backoffDelay(
  retry: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const base =
    opts.strategy === 'fixed' ? opts.initialMs : opts.initialMs * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(opts.maxMs, base);
  return opts.jitter ? Math.floor(random() * capped) : capped;
}

/** `Retry-After`: delay-seconds or an HTTP date. Returns milliseconds, or undefined when unparseable. */
export function parseRetryAfter(value: string | undefined | null, now: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // Every HTTP-date form starts with a day name; Date.parse alone would take '-5' for a date.
  if (!/^[A-Za-z]{3}/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export type AttemptOutcome<T> =
  | { done: true; value: T }
  /** Not done; retry after the backoff, or after `retryAfterMs` if the server asked for it. */
  | { done: false; retryAfterMs?: number; value?: T; fatal?: boolean };

export interface RetryOptions extends BackoffOptions {
  maxAttempts: number;
  /** Absolute time (clock ms) after which no attempt starts and no wait goes past. */
  deadline: number;
  clock: Clock;
  random?: () => number;
  signal?: AbortSignal;
  /** Called before each wait, for progress logs. */
  onWait?: (ms: number, attempt: number) => void;
}

export interface RetryResult<T> {
  value?: T;
  done: boolean;
  attempts: number;
  /** Why it stopped without success. */
  stopped?: 'attempts' | 'deadline' | 'fatal' | 'aborted';
}

/**
 * Runs `attempt` until it reports done, attempts run out, or the deadline passes. A wait that
 * would end after the deadline is not started: the last attempt is the last one that fits.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<AttemptOutcome<T>>,
  opts: RetryOptions,
): Promise<RetryResult<T>> {
  const { clock } = opts;
  let last: T | undefined;
  for (let n = 1; ; n++) {
    if (opts.signal?.aborted)
      return { value: last, done: false, attempts: n - 1, stopped: 'aborted' };
    const outcome = await attempt(n);
    if (outcome.value !== undefined) last = outcome.value;
    if (outcome.done) return { value: outcome.value, done: true, attempts: n };
    if (outcome.fatal) return { value: last, done: false, attempts: n, stopped: 'fatal' };
    if (n >= opts.maxAttempts)
      return { value: last, done: false, attempts: n, stopped: 'attempts' };
    const wait = outcome.retryAfterMs ?? backoffDelay(n, opts, opts.random);
    if (clock.now() + wait >= opts.deadline)
      return { value: last, done: false, attempts: n, stopped: 'deadline' };
    opts.onWait?.(wait, n);
    await clock.sleep(wait, opts.signal);
  }
}
