// The decision: wait initial-delay, then check every URL at once under one deadline, each with
// its own retries. All I/O (clock, HTTP, body matcher, roots, log) is injected.
import { Deadline, safeUrl, type Clock } from '@cicd-actions/core';
import type { BodyMatcher } from './body-matcher';
import { checkUrl, sleepWithProgress, type SendRequest, type UrlResult } from './check-url';
import { formatWait } from './format';
import type { HealthCheckInputs } from './inputs';

export interface HealthCheckDeps {
  clock: Clock;
  request: SendRequest;
  random: () => number;
  /** The public root CAs, to which ca-cert is added (loaded only when ca-cert is set). */
  rootCertificates: () => Promise<readonly string[]>;
  /** Makes the time-limited expected-body matcher (a worker); in-thread matching when absent. */
  bodyMatcher?: (pattern: RegExp) => BodyMatcher;
  signal?: AbortSignal;
  /** A log line (the caller redacts it). */
  log: (line: string) => void;
  /** A warning annotation. */
  warn: (line: string) => void;
  redact?: (text: string) => string;
}

export interface RunOutcome {
  results: UrlResult[];
  elapsedMs: number;
  cancelled: boolean;
}

/** Log labels: the safe URL, numbered when two URLs differ only in what is hidden. */
export function labels(urls: URL[]): string[] {
  const safe = urls.map((u) => safeUrl(u));
  return safe.map((s, i) => (safe.indexOf(s) !== safe.lastIndexOf(s) ? `${s} #${i + 1}` : s));
}

export async function run(
  cfg: HealthCheckInputs,
  deps: HealthCheckDeps,
  startedAt: number,
): Promise<RunOutcome> {
  const { clock, log } = deps;
  const deadline = new Deadline(clock, cfg.timeoutMs - (clock.now() - startedAt));
  // Started now, so the worker's start-up overlaps the wait and the first request.
  const matcher = cfg.expect.bodyPattern ? deps.bodyMatcher?.(cfg.expect.bodyPattern) : undefined;
  try {
    const ca = cfg.caCert ? [...(await deps.rootCertificates()), cfg.caCert].join('\n') : undefined;
    const names = labels(cfg.urls);
    if (cfg.insecure) deps.warn('insecure is true: TLS certificates are not verified');
    for (const name of names)
      log(
        `Checking ${cfg.method} ${name}: up to ${cfg.maxAttempts} attempts, timeout ${formatWait(cfg.timeoutMs)}, expecting status ${cfg.expect.status.text}`,
      );
    if (cfg.initialDelayMs > 0) {
      log(
        `Waiting ${formatWait(cfg.initialDelayMs)} (initial-delay) before the first attempt, ${formatWait(deadline.remaining())} left`,
      );
      await sleepWithProgress(
        clock,
        cfg.initialDelayMs,
        (left) =>
          log(
            `still waiting: first attempt in ${formatWait(left)}, ${formatWait(deadline.remaining())} left`,
          ),
        deps.signal,
      );
    }
    const results = await Promise.all(
      cfg.urls.map((url, i) => {
        const prefix = cfg.urls.length > 1 ? `[${names[i]}] ` : '';
        return checkUrl(url, cfg, {
          clock,
          request: deps.request,
          random: deps.random,
          deadline,
          startedAt,
          ca,
          matcher,
          signal: deps.signal,
          redact: deps.redact,
          log: (line) => log(prefix + line),
        });
      }),
    );
    return {
      results,
      elapsedMs: clock.now() - startedAt,
      cancelled: Boolean(deps.signal?.aborted),
    };
  } finally {
    await matcher?.close();
  }
}
