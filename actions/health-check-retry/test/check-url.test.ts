import { Deadline, HttpError, type HttpRequest, type HttpResponse } from '@cicd-actions/core';
import { checkUrl, HEARTBEAT_MS, sleepWithProgress, type CheckDeps } from '../src/check-url';
import type { HealthCheckConfig } from '../src/inputs';
import { parseExpectedStatus, type StatusSet } from '../src/expected-status';
import { FakeClock } from '../../../test/harness/fake-clock';

type Step =
  number | HttpError | { status: number; headers?: Record<string, string>; latency?: number };

function config(overrides: Partial<HealthCheckConfig> = {}): HealthCheckConfig {
  return {
    urls: [new URL('https://svc.test/health?token=x')],
    method: 'GET',
    headers: {},
    expect: { status: parseExpectedStatus('200-399') as StatusSet, json: [] },
    maxAttempts: 10,
    retryDelayMs: 1000,
    backoff: 'exponential',
    maxDelayMs: 30_000,
    jitter: false,
    attemptTimeoutMs: 10_000,
    timeoutMs: 300_000,
    initialDelayMs: 0,
    successThreshold: 1,
    followRedirects: 'same-host',
    insecure: false,
    ...overrides,
  };
}

/** A scripted server: each request takes the next step (a status, a fault, or a response with a latency). */
function scripted(clock: FakeClock, steps: Step[]) {
  const requests: HttpRequest[] = [];
  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    requests.push(req);
    const step = steps[Math.min(requests.length - 1, steps.length - 1)];
    if (step instanceof HttpError) throw step;
    const s = typeof step === 'number' ? { status: step } : step;
    if (s.latency) {
      if (s.latency > req.timeoutMs) {
        clock.advance(req.timeoutMs);
        throw new HttpError('TIMEOUT', `timed out after ${req.timeoutMs} ms`);
      }
      clock.advance(s.latency);
    }
    return {
      status: s.status,
      statusText: '',
      headers: s.headers ?? {},
      body: Buffer.alloc(0),
      truncated: false,
      url: String(req.url),
      redirects: 0,
      timeMs: s.latency ?? 0,
    };
  };
  return { request, requests };
}

function deps(
  clock: FakeClock,
  cfg: HealthCheckConfig,
  request: CheckDeps['request'],
  lines: string[] = [],
): CheckDeps {
  return {
    clock,
    request,
    random: () => 0.5,
    deadline: new Deadline(clock, cfg.timeoutMs),
    startedAt: clock.now(),
    log: (l) => void lines.push(l),
  };
}

describe('checkUrl (fake clock)', () => {
  test('healthy after two failures; waits grow exponentially', async () => {
    const clock = new FakeClock();
    const cfg = config();
    const { request, requests } = scripted(clock, [503, 502, 200]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(result.healthy).toBe(true);
    expect(result.url).toBe('https://svc.test/health');
    expect(requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(result.attempts.map((a) => [a.n, a.status, a.ok, a.offsetMs])).toEqual([
      [1, 503, false, 0],
      [2, 502, false, 1000],
      [3, 200, true, 3000],
    ]);
  });

  test('never healthy: exactly max-attempts requests, delays capped at max-delay', async () => {
    const clock = new FakeClock();
    const cfg = config({ maxAttempts: 6, maxDelayMs: 5000 });
    const { request, requests } = scripted(clock, [500]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(result.healthy).toBe(false);
    expect(requests).toHaveLength(6);
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(result.gaveUp).toBe('all 6 attempts failed');
  });

  test('fixed backoff with jitter waits between 0 and retry-delay', async () => {
    const clock = new FakeClock();
    const cfg = config({ maxAttempts: 4, backoff: 'fixed', jitter: true });
    const { request } = scripted(clock, [500]);
    const d = deps(clock, cfg, request);
    d.random = () => 0.25;
    await checkUrl(cfg.urls[0], cfg, d);
    expect(clock.sleeps).toEqual([250, 250, 250]);
  });

  test('the deadline stops retries before the attempts run out', async () => {
    const clock = new FakeClock();
    const cfg = config({ maxAttempts: 100, backoff: 'fixed', retryDelayMs: 1000, timeoutMs: 3500 });
    const { request, requests } = scripted(clock, [503]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(requests).toHaveLength(4); // at 0, 1000, 2000, 3000; a wait to 4000 would pass 3500
    expect(result.gaveUp).toBe('timeout of 3.5s reached after 4 attempts');
  });

  test('each attempt timeout is capped by the time left', async () => {
    const clock = new FakeClock();
    const cfg = config({
      attemptTimeoutMs: 10_000,
      timeoutMs: 4000,
      backoff: 'fixed',
      retryDelayMs: 1000,
    });
    const { request, requests } = scripted(clock, [{ status: 200, latency: 60_000 }]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(requests.map((r) => r.timeoutMs)).toEqual([4000]);
    expect(result.attempts[0].error).toBe('no answer before the overall timeout (4.0s were left)');
    expect(result.healthy).toBe(false);
  });

  test('Retry-After replaces the backoff wait', async () => {
    const clock = new FakeClock();
    const cfg = config();
    const { request } = scripted(clock, [
      { status: 503, headers: { 'retry-after': '7' } },
      {
        status: 429,
        headers: { 'retry-after': new Date(clock.now() + 7000 + 12_000).toUTCString() },
      },
      200,
    ]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(result.healthy).toBe(true);
    expect(clock.sleeps).toEqual([7000, 12_000]);
  });

  test('a Retry-After beyond the deadline ends the check at once', async () => {
    const clock = new FakeClock();
    const cfg = config({ timeoutMs: 60_000 });
    const { request, requests } = scripted(clock, [
      { status: 503, headers: { 'retry-after': '120' } },
    ]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(result.gaveUp).toMatch(
      /asked to retry after 2m0s \(Retry-After\), past the timeout of 1m0s/,
    );
  });

  test('success-threshold: a failure resets the count of consecutive successes', async () => {
    const clock = new FakeClock();
    const cfg = config({ successThreshold: 3, backoff: 'fixed' });
    const { request, requests } = scripted(clock, [200, 200, 503, 200, 200, 200, 500]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(result.healthy).toBe(true);
    expect(requests).toHaveLength(6);
    expect(result.attempts.map((a) => a.ok)).toEqual([true, true, false, true, true, true]);
  });

  test('success-threshold: stops as soon as the streak can no longer fit in max-attempts', async () => {
    const clock = new FakeClock();
    const cfg = config({ successThreshold: 3, maxAttempts: 5, backoff: 'fixed' });
    const { request, requests } = scripted(clock, [200, 200, 503, 200]);
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request));
    expect(requests).toHaveLength(3); // after #3 fails only 2 attempts remain for 3 successes
    expect(result.healthy).toBe(false);
    expect(result.gaveUp).toMatch(
      /3 consecutive successes are no longer possible within max-attempts 5/,
    );
  });

  test('network faults are failed attempts with their reason', async () => {
    const clock = new FakeClock();
    const cfg = config({ maxAttempts: 3 });
    const { request } = scripted(clock, [
      new HttpError('CONNECTION_REFUSED', 'connection refused'),
      new HttpError('TLS', 'TLS error: DEPTH_ZERO_SELF_SIGNED_CERT'),
      new HttpError('DNS', 'DNS lookup failed (ENOTFOUND)'),
    ]);
    const lines: string[] = [];
    const result = await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request, lines));
    expect(result.attempts.map((a) => a.error)).toEqual([
      'connection refused',
      'TLS error: DEPTH_ZERO_SELF_SIGNED_CERT',
      'DNS lookup failed (ENOTFOUND)',
    ]);
    expect(lines).toContain('attempt 1/3 failed (refused); next in 1.0s, 5m0s left');
  });

  test('one log line per attempt and a progress line per wait', async () => {
    const clock = new FakeClock();
    const cfg = config({ maxAttempts: 3 });
    const { request } = scripted(clock, [
      { status: 503, latency: 12 },
      { status: 200, latency: 8 },
    ]);
    const lines: string[] = [];
    await checkUrl(cfg.urls[0], cfg, deps(clock, cfg, request, lines));
    expect(lines).toEqual([
      'attempt 1/3: HTTP 503 in 12ms - status 503, expected 200-399',
      'attempt 1/3 failed (503); next in 1.0s, 4m59s left',
      'attempt 2/3: HTTP 200 in 8ms, healthy',
    ]);
  });

  test('the request carries method, headers, body, redirects and TLS settings', async () => {
    const clock = new FakeClock();
    const cfg = config({
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: '{}',
      followRedirects: 'none',
      insecure: true,
    });
    const { request, requests } = scripted(clock, [200]);
    const d = deps(clock, cfg, request);
    d.ca = 'PEM';
    await checkUrl(cfg.urls[0], cfg, d);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: '{}',
      followRedirects: false,
      insecure: true,
      ca: 'PEM',
      timeoutMs: 10_000,
    });
  });
});

describe('sleepWithProgress', () => {
  test('long waits report the time left every heartbeat', async () => {
    const clock = new FakeClock();
    const ticks: number[] = [];
    await sleepWithProgress(clock, 2 * HEARTBEAT_MS + 5000, (left) => ticks.push(left));
    expect(clock.sleeps).toEqual([HEARTBEAT_MS, HEARTBEAT_MS, 5000]);
    expect(ticks).toEqual([HEARTBEAT_MS + 5000, 5000]);
  });

  test('short waits are silent', async () => {
    const clock = new FakeClock();
    const ticks: number[] = [];
    await sleepWithProgress(clock, 1500, (left) => ticks.push(left));
    expect(ticks).toEqual([]);
    expect(clock.sleeps).toEqual([1500]);
  });
});
