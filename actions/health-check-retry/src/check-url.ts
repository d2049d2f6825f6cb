// The per-URL loop: request, judge, wait (backoff or Retry-After), until healthy `success-threshold`
// times in a row, attempts run out, or the overall deadline leaves no room for another wait.
import { backoffDelay, retry, safeUrl, type Clock, type Deadline } from '@cicd-actions/core';
import { MATCH_LIMIT_MS, type BodyMatch, type BodyMatcher } from './body-matcher';
import {
  classifyFault,
  classifyResponse,
  MAX_BODY_BYTES,
  type AttemptVerdict,
} from './classify-attempt';
import type { HealthCheckConfig } from './inputs';
import { formatWait } from './format';
import { fetchFollowing, type SendRequest } from './redirects';

export type { SendRequest } from './redirects';

export interface AttemptRecord {
  n: number;
  /** Start of the attempt, ms after the step started. */
  offsetMs: number;
  latencyMs: number;
  ok: boolean;
  status?: number;
  error?: string;
  /** HTTP requests this attempt sent (redirects followed add one each). */
  requests: number;
}

export interface UrlResult {
  /** The URL without credentials, query or fragment. */
  url: string;
  healthy: boolean;
  attempts: AttemptRecord[];
  /** Why the loop gave up; undefined when healthy. */
  gaveUp?: string;
  cancelled?: boolean;
}

export interface CheckDeps {
  clock: Clock;
  request: SendRequest;
  random: () => number;
  deadline: Deadline;
  /** Clock time the step started, for attempt offsets. */
  startedAt: number;
  log: (line: string) => void;
  /** Trusted CAs for https (public roots + ca-cert), when ca-cert is set. */
  ca?: string;
  /** Time-limited expected-body matching (a worker); in-thread when absent. */
  matcher?: BodyMatcher;
  /** Cancels the request in flight and any wait. */
  signal?: AbortSignal;
  redact?: (text: string) => string;
}

/** Long waits report progress this often, so a log never looks stuck. */
export const HEARTBEAT_MS = 30_000;

/** Sleeps `ms` (less when cancelled), logging the time still to wait every HEARTBEAT_MS. */
/** The clock retry() waits on: each long wait says how long is left. */
function progressClock(clock: Clock, deadline: Deadline, log: (line: string) => void): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) =>
      sleepWithProgress(
        clock,
        ms,
        (left) =>
          log(
            `still waiting: next attempt in ${formatWait(left)}, ${formatWait(deadline.remaining())} left`,
          ),
        signal,
      ),
  };
}

function backoffOf(cfg: HealthCheckConfig) {
  return {
    initialMs: cfg.retryDelayMs,
    maxMs: cfg.maxDelayMs,
    strategy: cfg.backoff,
    jitter: cfg.jitter,
  };
}

export async function sleepWithProgress(
  clock: Clock,
  ms: number,
  onTick: (leftMs: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const end = clock.now() + ms;
  for (;;) {
    const left = end - clock.now();
    if (left <= 0 || signal?.aborted) return;
    await clock.sleep(Math.min(left, HEARTBEAT_MS), signal);
    if (signal?.aborted) return;
    const after = end - clock.now();
    if (after > 0) onTick(after);
  }
}

/** One attempt: the request (and its redirects), the body check, the verdict. */
async function attemptOnce(
  url: URL,
  cfg: HealthCheckConfig,
  deps: CheckDeps,
): Promise<{ verdict: AttemptVerdict; requests: number }> {
  const { clock, deadline } = deps;
  const limit = Math.min(cfg.attemptTimeoutMs, deadline.remaining());
  let requests = 1;
  try {
    const fetched = await fetchFollowing(
      deps.request,
      {
        url,
        method: cfg.method,
        headers: cfg.headers,
        body: cfg.body,
        timeoutMs: limit,
        maxBodyBytes: MAX_BODY_BYTES,
        insecure: cfg.insecure,
        ca: deps.ca,
        signal: deps.signal,
      },
      cfg.followRedirects,
      clock,
    );
    requests = fetched.requests;
    const { body, truncated } = fetched.res;
    // In the worker when there is a body check to do; its time comes out of the deadline.
    const bodyMatch: BodyMatch | undefined =
      cfg.expect.bodyPattern && deps.matcher && !truncated
        ? await deps.matcher.match(
            body.toString('utf8'),
            Math.min(MATCH_LIMIT_MS, deadline.remaining()),
          )
        : undefined;
    const verdict = classifyResponse(fetched.res, cfg.expect, clock.now(), {
      bodyMatch,
      notFollowed: fetched.notFollowed,
      redact: deps.redact,
    });
    return { verdict, requests };
  } catch (err) {
    return {
      verdict: classifyFault(err, limit < cfg.attemptTimeoutMs ? limit : undefined),
      requests,
    };
  }
}

export async function checkUrl(
  url: URL,
  cfg: HealthCheckConfig,
  deps: CheckDeps,
): Promise<UrlResult> {
  const { clock, deadline, log } = deps;
  const max = cfg.maxAttempts;
  const attempts: AttemptRecord[] = [];
  let okStreak = 0;
  let failStreak = 0;
  let last: AttemptVerdict | undefined;

  const attempt = async (n: number) => {
    const started = clock.now();
    const { verdict, requests } = await attemptOnce(url, cfg, deps);
    const latencyMs = Math.max(0, clock.now() - started);
    last = verdict;
    const record: AttemptRecord = {
      n,
      offsetMs: started - deps.startedAt,
      latencyMs,
      ok: verdict.ok,
      status: verdict.status,
      error: verdict.error,
      requests,
    };
    attempts.push(record);
    const what = verdict.status !== undefined ? `HTTP ${verdict.status}` : 'no response';
    log(
      `attempt ${n}/${max}: ${what} in ${formatWait(latencyMs)}${verdict.ok ? ', healthy' : ` - ${verdict.error}`}`,
    );

    if (verdict.ok) {
      okStreak++;
      failStreak = 0;
      if (okStreak >= cfg.successThreshold) return { done: true as const, value: record };
    } else {
      okStreak = 0;
      failStreak++;
    }
    // The wait is decided here (streaks, Retry-After, backoff); retry() enforces attempts and the deadline.
    // Stop early when the attempts left cannot give the consecutive successes still needed.
    if (n < max && max - n < cfg.successThreshold - okStreak)
      return { done: false as const, fatal: true, value: record };
    const wait = verdict.ok
      ? cfg.retryDelayMs
      : (verdict.retryAfterMs ?? backoffDelay(failStreak, backoffOf(cfg), deps.random));
    return { done: false as const, retryAfterMs: wait, value: record };
  };

  const outcome = await retry(attempt, {
    signal: deps.signal,
    ...backoffOf(cfg),
    maxAttempts: max,
    deadline: deadline.at,
    clock: progressClock(clock, deadline, log),
    random: deps.random,
    onWait: (ms, n) => {
      const state = last?.ok
        ? `ok (${last.short}), ${okStreak}/${cfg.successThreshold} consecutive`
        : `failed (${last?.short ?? 'error'})`;
      log(
        `attempt ${n}/${max} ${state}; next in ${formatWait(ms)}, ${formatWait(deadline.remaining())} left`,
      );
    },
  });

  const result: UrlResult = { url: safeUrl(url), healthy: outcome.done, attempts };
  if (deps.signal?.aborted && !outcome.done) {
    result.cancelled = true;
    result.gaveUp = `cancelled after ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`;
  } else if (!outcome.done)
    result.gaveUp = gaveUpReason(outcome.stopped, attempts.length, cfg, last);
  return result;
}

function gaveUpReason(
  stopped: string | undefined,
  count: number,
  cfg: HealthCheckConfig,
  last: AttemptVerdict | undefined,
): string {
  const tries = `${count} attempt${count === 1 ? '' : 's'}`;
  switch (stopped) {
    case 'fatal':
      return `${cfg.successThreshold} consecutive successes are no longer possible within max-attempts ${cfg.maxAttempts} (after ${tries})`;
    case 'deadline':
      if (last?.retryAfterMs !== undefined)
        return `the server asked to retry after ${formatWait(last.retryAfterMs)} (Retry-After), past the timeout of ${formatWait(cfg.timeoutMs)} (after ${tries})`;
      return `timeout of ${formatWait(cfg.timeoutMs)} reached after ${tries}`;
    default:
      return cfg.successThreshold > 1
        ? `no ${cfg.successThreshold} consecutive successes in ${tries}`
        : `all ${tries} failed`;
  }
}
