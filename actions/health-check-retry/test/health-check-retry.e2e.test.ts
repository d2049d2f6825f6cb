// End-to-end: the bundled action (dist/health-check-retry) run through the runner-emulating
// harness against real loopback HTTP(S) servers.
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { CA_PEM, closedPort, startServer, type LoopbackServer } from './loopback-server';

const servers: LoopbackServer[] = [];
const runs: ActionRun[] = [];

async function serve(...args: Parameters<typeof startServer>): Promise<LoopbackServer> {
  const s = await startServer(...args);
  servers.push(s);
  return s;
}

async function check(inputs: Record<string, string>, timeoutMs = 30_000): Promise<ActionRun> {
  // Small delays keep the suite fast; each test overrides what it is about.
  const run = await runBundle('health-check-retry', {
    inputs: { 'retry-delay': '50ms', 'max-delay': '200ms', jitter: 'false', ...inputs },
    timeoutMs,
  });
  runs.push(run);
  return run;
}

interface ResultJson {
  url: string;
  healthy: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
  latencies: number[];
}

const results = (run: ActionRun): ResultJson[] => JSON.parse(run.outputs.results) as ResultJson[];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  runs.splice(0).forEach(cleanupRun);
});

/** No stack trace, no uncaught exception: a clean run whatever happened on the network. */
function expectNoCrash(run: ActionRun) {
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Uncaught|Unhandled/);
  expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.signal).toBeNull();
}

describe('health-check-retry end to end', () => {
  test('becomes healthy after two failures: 3 requests, outputs and summary', async () => {
    const server = await serve((_req, res, n) => {
      res.statusCode = n <= 2 ? 503 : 200;
      res.end(n <= 2 ? 'starting' : 'ok');
    });
    const run = await check({ url: `${server.url}/v1/health/liveness` });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(run.outputs).toMatchObject({ healthy: 'true', attempts: '3', status: '200' });
    expect(Number(run.outputs['elapsed-ms'])).toBeGreaterThanOrEqual(100); // two waits of 50 ms
    const [r] = results(run);
    expect(r).toMatchObject({
      url: `${server.url}/v1/health/liveness`,
      healthy: true,
      attempts: 3,
      status: 200,
      error: null,
    });
    expect(r.latencies).toHaveLength(3);
    expect(run.summary).toContain(`#### ✅ ${server.url}/v1/health/liveness`);
    expect(run.summary).toMatch(
      /\| 1 \| \+\d+ms \| 503 \| \d+ms \| status 503, expected 200-399 \|/,
    );
    expect(run.summary).toMatch(/\| 3 \| \+\d+ms \| 200 \| \d+ms \| ok \|/);
    expect(run.stdout).toMatch(
      /^attempt 1\/10: HTTP 503 in \d+ms - status 503, expected 200-399$/m,
    );
    expect(run.stdout).toMatch(/^attempt 2\/10 failed \(503\); next in 100ms, 4m59s left$/m);
    expect(run.errors).toEqual([]);
  });

  test('never healthy: fails after exactly max-attempts requests', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    const run = await check({ url: server.url, 'max-attempts': '4' });
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(4);
    expect(run.outputs).toMatchObject({ healthy: 'false', attempts: '4', status: '500' });
    expect(run.errors).toEqual([
      `Not healthy: ${server.url}/: all 4 attempts failed; last: status 500, expected 200-399`,
    ]);
    expect(results(run)[0]).toMatchObject({
      healthy: false,
      attempts: 4,
      error: 'status 500, expected 200-399',
    });
    expectNoCrash(run);
  });

  test('the overall timeout ends the check before the attempts run out', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    const run = await check({
      url: server.url,
      'max-attempts': '1000',
      timeout: '1s',
      backoff: 'fixed',
      'retry-delay': '100ms',
    });
    expect(run.code).toBe(1);
    // About one request per 100 ms within 1 s; far fewer than the 1000 allowed.
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.requests.length).toBeLessThanOrEqual(11);
    expect(Number(run.outputs['elapsed-ms'])).toBeLessThan(1500);
    expect(run.errors[0]).toMatch(/timeout of 1\.0s reached after \d+ attempts/);
  });

  test('an attempt that hangs is cut at the overall timeout', async () => {
    const server = await serve(() => undefined); // never answers
    const run = await check({ url: server.url, timeout: '700ms', 'attempt-timeout': '30s' });
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(Number(run.outputs['elapsed-ms'])).toBeLessThan(1500);
    expect(results(run)[0].error).toMatch(/^no answer before the overall timeout/);
  });

  test('Retry-After in seconds is honoured', async () => {
    const server = await serve((_req, res, n) => {
      if (n === 1) res.writeHead(503, { 'retry-after': '1' }).end();
      else res.writeHead(200).end();
    });
    const run = await check({ url: server.url });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    // retry-delay is 50 ms: only the header explains a gap of about a second.
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(950);
    expect(run.stdout).toMatch(/attempt 1\/10 failed \(503\); next in 1\.0s/);
  });

  test('Retry-After as an HTTP date is honoured', async () => {
    let retryAt = 0;
    const server = await serve((_req, res, n) => {
      if (n === 1) {
        // Two seconds ahead, truncated to the second by the date format: a wait of 1-2 s.
        retryAt = Math.floor((Date.now() + 2000) / 1000) * 1000;
        res.writeHead(429, { 'retry-after': new Date(retryAt).toUTCString() }).end();
      } else res.writeHead(200).end();
    });
    const run = await check({ url: server.url });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at).toBeGreaterThanOrEqual(retryAt - 50);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(900);
  });

  test('a Retry-After past the deadline stops at once instead of waiting', async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(503, { 'retry-after': '120' }).end(),
    );
    const run = await check({ url: server.url, timeout: '10s' });
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(run.durationMs).toBeLessThan(5000);
    expect(run.errors[0]).toMatch(
      /asked to retry after 2m0s \(Retry-After\), past the timeout of 10\.0s/,
    );
  });

  test('success-threshold: a failure in between resets the count', async () => {
    const pattern = [200, 503, 200, 200];
    const server = await serve((_req, res, n) => void res.writeHead(pattern[n - 1] ?? 500).end());
    const run = await check({
      url: server.url,
      'success-threshold': '2',
      'max-attempts': '6',
      backoff: 'fixed',
    });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(4);
    expect(run.outputs.attempts).toBe('4');
    expect(run.stdout).toMatch(/attempt 1\/6 ok \(200\), 1\/2 consecutive; next in 50ms/);
  });

  test('URLs are checked concurrently: the step takes about as long as the slowest', async () => {
    const SLOW_MS = 1000;
    const slow = await serve(
      (_req, res) => void setTimeout(() => res.writeHead(200).end('ok'), SLOW_MS),
    );
    const slow2 = await serve(
      (_req, res) => void setTimeout(() => res.writeHead(200).end('ok'), SLOW_MS),
    );
    const fast = await serve((_req, res) => void res.writeHead(200).end('ok'));
    // One per line (issue 16: commas used to split URLs).
    const run = await check({ url: `${slow.url}/a\n${slow2.url}/b\n${fast.url}/c` });
    expect(run.code).toBe(0);
    expect([slow, slow2, fast].map((s) => s.requests.length)).toEqual([1, 1, 1]);
    const elapsed = Number(run.outputs['elapsed-ms']);
    // One after another would take at least 2 × SLOW_MS; together, SLOW_MS plus overhead.
    expect(elapsed).toBeGreaterThanOrEqual(SLOW_MS - 50);
    expect(elapsed).toBeLessThan(1.9 * SLOW_MS);
    expect(results(run).map((r) => r.url)).toEqual([
      `${slow.url}/a`,
      `${slow2.url}/b`,
      `${fast.url}/c`,
    ]);
    expect(run.outputs).toMatchObject({ healthy: 'true', attempts: '3' });
  });

  test('several URLs: one unhealthy fails the step, each is reported', async () => {
    const good = await serve((_req, res) => void res.writeHead(200).end());
    const bad = await serve((_req, res) => void res.writeHead(502).end());
    const run = await check({ url: `${good.url}/ok\n${bad.url}/bad`, 'max-attempts': '2' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ healthy: 'false', attempts: '3', status: '502' });
    expect(results(run).map((r) => [r.healthy, r.attempts])).toEqual([
      [true, 1],
      [false, 2],
    ]);
    expect(run.errors[0]).toMatch(
      /^1 of 2 URLs not healthy: http:\/\/127\.0\.0\.1:\d+\/bad: all 2 attempts failed/,
    );
    expect(run.stdout).toMatch(
      new RegExp(`^\\[${bad.url.replace(/[.]/g, '\\.')}/bad\\] attempt 1/2: HTTP 502`, 'm'),
    );
    expect(run.summary).toContain(`#### ❌ ${bad.url}/bad`);
  });

  test('credential header values are masked: they appear only in ::add-mask::', async () => {
    const SECRET = 'tok-9f8e7d6c5b4a';
    const server = await serve((_req, res, n) => void res.writeHead(n === 1 ? 401 : 200).end());
    const run = await check({
      url: `${server.url}/health?api_token=qs-secret-123`,
      headers: `Authorization: Bearer ${SECRET}\nX-Trace: visible`,
    });
    expect(run.code).toBe(0);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(server.requests[0].headers['x-trace']).toBe('visible');
    expect(run.masks).toEqual(
      expect.arrayContaining([`Bearer ${SECRET}`, SECRET, 'qs-secret-123']),
    );
    const outsideMasks = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [outsideMasks, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('qs-secret-123');
    }
    expect(results(run)[0].url).toBe(`${server.url}/health`);
  });

  test('expected-json and expected-body: healthy only when the body says so', async () => {
    const server = await serve((_req, res, n) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ status: n < 2 ? 'DOWN' : 'UP', checks: [{ name: 'db', ok: n >= 3 }] }),
      );
    });
    const run = await check({
      url: server.url,
      'expected-json': 'status=UP\nchecks[0].ok=true',
      'expected-body': '"db"',
    });
    expect(run.code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(run.summary).toContain('JSON status is "DOWN", expected UP');
    expect(run.summary).toContain('JSON checks[0].ok is false, expected true');
  });

  test('POST with a body and method', async () => {
    let received = '';
    const server = await serve((req, res) => {
      req.setEncoding('utf8').on('data', (d: string) => (received += d));
      req.on('end', () => void res.writeHead(204).end());
    });
    const run = await check({
      url: server.url,
      method: 'post',
      body: '{"probe": true}',
      headers: 'Content-Type: application/json',
    });
    expect(run.code).toBe(0);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
    });
    expect(received).toBe('{"probe": true}');
  });

  test('redirects are followed by default and judged by status when not', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/health' }).end();
      else res.writeHead(200).end();
    });
    const followed = await check({ url: `${server.url}/old`, 'expected-status': '200' });
    expect(followed.code).toBe(0);
    expect(server.requests.map((r) => r.path)).toEqual(['/old', '/health']);
    const notFollowed = await check({
      url: `${server.url}/old`,
      'expected-status': '200',
      'follow-redirects': 'false',
      'max-attempts': '1',
    });
    expect(notFollowed.code).toBe(1);
    expect(results(notFollowed)[0]).toMatchObject({
      status: 301,
      error: 'status 301, expected 200',
    });
  });

  test('initial-delay waits before the first request', async () => {
    const server = await serve((_req, res) => void res.writeHead(200).end());
    const started = Date.now();
    const run = await check({ url: server.url, 'initial-delay': '400ms' });
    expect(run.code).toBe(0);
    expect(server.requests[0].at - started).toBeGreaterThanOrEqual(400);
    expect(run.stdout).toContain('Waiting 400ms (initial-delay) before the first attempt');
  });

  describe('localhost answers whichever loopback the server is on', () => {
    test.each(['127.0.0.1', '::1'])('server on %s', async (host) => {
      const server = await serve((_req, res) => void res.writeHead(200).end(), { host });
      const run = await check({
        url: `http://localhost:${server.port}/health`,
        'max-attempts': '1',
      });
      expect(run.code).toBe(0);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('TLS', () => {
    test('ca-cert makes a private CA trusted', async () => {
      const server = await serve((_req, res) => void res.writeHead(200).end(), { tls: true });
      const run = await check({
        url: `https://localhost:${server.port}/health`,
        'ca-cert': CA_PEM,
        'max-attempts': '1',
      });
      expect(run.code).toBe(0);
      expect(server.requests).toHaveLength(1);
    });

    test('ca-cert also works over an IP address in the certificate', async () => {
      const server = await serve((_req, res) => void res.writeHead(200).end(), {
        tls: true,
        host: '::1',
      });
      const run = await check({
        url: `https://[::1]:${server.port}/`,
        'ca-cert': CA_PEM,
        'max-attempts': '1',
      });
      expect(run.code).toBe(0);
    });

    test('insecure skips verification, with a warning', async () => {
      const server = await serve((_req, res) => void res.writeHead(200).end(), { tls: true });
      const run = await check({
        url: `https://127.0.0.1:${server.port}/`,
        insecure: 'true',
        'max-attempts': '1',
      });
      expect(run.code).toBe(0);
      expect(run.warnings).toEqual(['insecure is true: TLS certificates are not verified']);
    });
  });

  describe('network faults are failed attempts, never a crash', () => {
    const faults: Array<{
      name: string;
      setup: () => Promise<string>;
      inputs?: Record<string, string>;
      error: RegExp;
    }> = [
      {
        name: 'connection refused',
        setup: async () => `http://127.0.0.1:${await closedPort()}/`,
        error: /^connection refused$/,
      },
      {
        name: 'connection reset',
        setup: async () => (await serve((req) => req.socket.destroy())).url,
        error: /^connection reset by peer$/,
      },
      {
        name: 'DNS failure',
        setup: async () => 'http://health-check.invalid/health',
        error: /^DNS lookup failed/,
      },
      {
        name: 'TLS error (certificate not trusted, no ca-cert)',
        setup: async () =>
          `https://localhost:${(await serve((_q, res) => void res.end(), { tls: true })).port}/`,
        error: /^TLS error: UNABLE_TO_VERIFY_LEAF_SIGNATURE$/,
      },
      {
        name: 'attempt timeout',
        setup: async () => (await serve(() => undefined)).url,
        inputs: { 'attempt-timeout': '300ms' },
        error: /^timed out after 300 ms$/,
      },
      {
        name: 'redirect loop',
        setup: async () =>
          (
            await serve(
              (req, res) =>
                void res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end(),
            )
          ).url + '/a',
        error: /^redirect loop at http:\/\/127\.0\.0\.1:\d+\/a$/,
      },
      {
        name: 'a 10 MB body',
        setup: async () =>
          (
            await serve((_req, res) => {
              res.writeHead(200, { 'content-type': 'text/plain' });
              const chunk = Buffer.alloc(64 * 1024, 'x');
              let sent = 0;
              const pump = () => {
                while (sent < 10 * 1024 * 1024 && !res.destroyed) {
                  sent += chunk.length;
                  if (!res.write(chunk)) return void res.once('drain', pump);
                }
                res.end();
              };
              pump();
            })
          ).url,
        // With a body check the cap holds (issue 16: without one, a big body is not a failure).
        inputs: { 'expected-body': 'x' },
        error: /^body larger than 1 MiB \(reading stopped\); expected-body needs the whole body$/,
      },
    ];
    test.each(faults)('$name', async ({ setup, inputs, error }) => {
      const url = await setup();
      const run = await check({ url, 'max-attempts': '2', ...inputs });
      expect(run.code).toBe(1);
      expectNoCrash(run);
      const [r] = results(run);
      expect(r).toMatchObject({ healthy: false, attempts: 2 });
      expect(r.error).toMatch(error);
      expect(r.latencies).toHaveLength(2);
      expect(run.errors).toHaveLength(1);
      expect(run.summary).toContain('#### ❌');
    });
  });

  describe('bad input: one ::error:: naming the input, exit 1, no request sent', () => {
    const cases: Array<{
      name: string;
      inputs: Record<string, string>;
      input: string;
      url?: string;
    }> = [
      {
        name: 'unparseable duration',
        inputs: { 'retry-delay': 'two seconds' },
        input: 'retry-delay',
      },
      { name: 'unparseable timeout', inputs: { timeout: '5 minutes' }, input: 'timeout' },
      { name: 'negative attempts', inputs: { 'max-attempts': '-1' }, input: 'max-attempts' },
      { name: 'zero attempts', inputs: { 'max-attempts': '0' }, input: 'max-attempts' },
      { name: 'invalid URL', inputs: {}, input: 'url', url: 'not a url' },
      { name: 'non-http scheme', inputs: {}, input: 'url', url: 'ftp://127.0.0.1/health' },
      { name: 'status 600', inputs: { 'expected-status': '200,600' }, input: 'expected-status' },
      {
        name: 'status range 299-200',
        inputs: { 'expected-status': '299-200' },
        input: 'expected-status',
      },
      { name: 'invalid regex', inputs: { 'expected-body': '([a-z' }, input: 'expected-body' },
      {
        name: 'bad expected-json line',
        inputs: { 'expected-json': 'status UP' },
        input: 'expected-json',
      },
      { name: 'bad header line', inputs: { headers: 'X-Ok: 1\nno colon here' }, input: 'headers' },
      { name: 'unknown backoff', inputs: { backoff: 'random' }, input: 'backoff' },
    ];
    test.each(cases)('$name', async ({ inputs, input, url }) => {
      const server = await serve((_req, res) => void res.writeHead(200).end());
      // A good URL is listed too, so a request would reach the server if validation came late.
      const run = await check({ url: url ? `${server.url}/ok\n${url}` : server.url, ...inputs });
      expect(run.code).toBe(1);
      expect(server.requests).toHaveLength(0);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(new RegExp(`^Input '${input}': `));
      expect(run.errors[0]).not.toContain('\n');
      expect(run.outputs).toEqual({});
      expect(run.summary).toBe('');
      expectNoCrash(run);
    });
  });
});
