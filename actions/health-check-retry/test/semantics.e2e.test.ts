// End to end, the retry semantics users rely on (issue 16) and the leaks and hangs of issue 12:
// the bundled action against real loopback servers.
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { startServer, type LoopbackServer } from './loopback-server';

const servers: LoopbackServer[] = [];
const runs: ActionRun[] = [];

async function serve(...args: Parameters<typeof startServer>): Promise<LoopbackServer> {
  const s = await startServer(...args);
  servers.push(s);
  return s;
}

async function check(inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runBundle('health-check-retry', { inputs, timeoutMs: 30_000 });
  runs.push(run);
  return run;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  runs.splice(0).forEach(cleanupRun);
});

const gaps = (s: LoopbackServer) => s.requests.slice(1).map((r, i) => r.at - s.requests[i].at);

test('backoff: fixed waits exactly retry-delay (no jitter unless asked for)', async () => {
  const server = await serve((_req, res) => void res.writeHead(503).end());
  const run = await check({
    url: server.url,
    'max-attempts': '4',
    'retry-delay': '300ms',
    backoff: 'fixed',
  });
  expect(run.code).toBe(1);
  expect(server.requests).toHaveLength(4);
  // Jittered, each wait would be uniform in 0-300 ms; fixed, none is shorter than 300 ms.
  for (const gap of gaps(server)) expect(gap).toBeGreaterThanOrEqual(295);
  expect(run.stdout).toMatch(/next in 300ms/);
});

test('a comma stays inside the URL: one URL, its query intact', async () => {
  const server = await serve((_req, res) => void res.writeHead(200).end());
  const run = await check({ url: `${server.url}/health?checks=db,cache`, 'max-attempts': '1' });
  expect(run.code).toBe(0);
  expect(server.requests.map((r) => r.path)).toEqual(['/health?checks=db,cache']);
  expect(JSON.parse(run.outputs.results)).toHaveLength(1);
});

test('a 200 with a 3 MB body and no body check is healthy (the body is drained to the cap and ignored)', async () => {
  const server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(Buffer.alloc(3 * 1024 * 1024, 'x'));
  });
  const run = await check({ url: server.url, 'max-attempts': '1' });
  expect(run.code).toBe(0);
  expect(run.outputs.healthy).toBe('true');
});

test('Retry-After: 0 falls back to the normal delay instead of a burst', async () => {
  const server = await serve((_req, res, n) =>
    n < 3 ? void res.writeHead(503, { 'retry-after': '0' }).end() : void res.writeHead(200).end(),
  );
  const run = await check({
    url: server.url,
    'retry-delay': '250ms',
    backoff: 'fixed',
    'max-attempts': '5',
  });
  expect(run.code).toBe(0);
  expect(server.requests).toHaveLength(3);
  for (const gap of gaps(server)) expect(gap).toBeGreaterThanOrEqual(245);
});

test('outputs: attempts and requests are both honest (a followed redirect is a second request)', async () => {
  const server = await serve((req, res) =>
    req.url === '/old'
      ? void res.writeHead(301, { location: '/new' }).end()
      : void res.writeHead(200).end(),
  );
  const run = await check({ url: `${server.url}/old`, 'max-attempts': '1' });
  expect(run.code).toBe(0);
  expect(run.outputs).toMatchObject({ attempts: '1', requests: '2', healthy: 'true' });
  expect(run.outputs.message).toBe(
    `health check passed: ${server.url}/old answered 200 after 1 attempt (${/\((\S+)\)$/.exec(run.outputs.message)![1]})`,
  );
});

test('the message output is one line saying why it failed', async () => {
  const server = await serve((_req, res) => void res.writeHead(503).end());
  const run = await check({ url: `${server.url}/h`, 'max-attempts': '2', 'retry-delay': '10ms' });
  expect(run.code).toBe(1);
  expect(run.outputs.message).toBe(
    `health check failed: ${server.url}/h: all 2 attempts failed; last: status 503, expected 200-399`,
  );
});

describe('redirects to another host', () => {
  // 127.0.0.1 and localhost: two host names for the same loopback server.
  const redirecting = () =>
    serve((req, res) => {
      if (req.url === '/start')
        res
          .writeHead(302, {
            location: `http://localhost:${(req.socket.address() as { port: number }).port}/elsewhere`,
          })
          .end();
      else res.writeHead(200).end('elsewhere');
    });

  test('default (same-host): not followed, the 302 is judged by expected-status, and said', async () => {
    const server = await redirecting();
    const run = await check({
      url: `${server.url}/start`,
      'expected-status': '200',
      'max-attempts': '1',
    });
    expect(run.code).toBe(1);
    expect(server.requests.map((r) => r.path)).toEqual(['/start']);
    expect(JSON.parse(run.outputs.results)[0].error).toMatch(
      /^status 302 \(redirect to another host \(localhost:\d+\) not followed \(follow-redirects: same-host\)\), expected 200$/,
    );
  });

  test('any: followed, and every user header dropped on the way (not only the secret-looking ones)', async () => {
    const server = await redirecting();
    const run = await check({
      url: `${server.url}/start`,
      'follow-redirects': 'any',
      headers: 'x-functions-key: fn-secret-0123\nAuthorization: Bearer tok-4567\nX-Trace: t-1',
      'max-attempts': '1',
    });
    expect(run.code).toBe(0);
    expect(server.requests.map((r) => r.path)).toEqual(['/start', '/elsewhere']);
    expect(server.requests[0].headers['x-functions-key']).toBe('fn-secret-0123');
    for (const name of ['x-functions-key', 'authorization', 'x-trace'])
      expect(server.requests[1].headers[name]).toBeUndefined();
  });
});

test('a header not on the harmless list is masked, even when the server echoes it', async () => {
  const SECRET = 'apim-subscription-9f8e7d6c';
  const server = await serve((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'DOWN', echo: req.headers['ocp-apim-subscription-key'] }));
  });
  const run = await check({
    url: server.url,
    headers: `Ocp-Apim-Subscription-Key: ${SECRET}\nAccept: application/json`,
    'expected-json': `echo=nothing`,
    'max-attempts': '1',
  });
  expect(run.code).toBe(1);
  expect(run.masks).toContain(SECRET);
  expect(run.masks).not.toContain('application/json');
  const shown = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const text of [shown, run.summary, JSON.stringify(run.outputs)])
    expect(text).not.toContain(SECRET);
  expect(JSON.parse(run.outputs.results)[0].error).toBe('JSON echo is "***", expected nothing');
});

test('a catastrophic expected-body pattern cannot hang the step: the attempt fails in bounded time', async () => {
  const server = await serve((_req, res) => void res.writeHead(200).end(`${'a'.repeat(40)}b`));
  const started = Date.now();
  const run = await check({
    url: server.url,
    'expected-body': '(a+)+$',
    'max-attempts': '2',
    'retry-delay': '10ms',
    timeout: '20s',
  });
  expect(run.code).toBe(1);
  expect(server.requests).toHaveLength(2);
  // Each attempt's match is stopped after 1 s: far below the 20 s timeout (unbounded otherwise).
  expect(Date.now() - started).toBeLessThan(8000);
  expect(JSON.parse(run.outputs.results)[0].error).toMatch(
    /^expected-body did not finish matching in time/,
  );
});

test('a working expected-body pattern still matches (through the worker)', async () => {
  const server = await serve(
    (_req, res, n) => void res.writeHead(200).end(n < 2 ? 'starting' : 'status: ready'),
  );
  const run = await check({
    url: server.url,
    'expected-body': 'ready$',
    'retry-delay': '10ms',
    'max-attempts': '3',
  });
  expect(run.code).toBe(0);
  expect(server.requests).toHaveLength(2);
});

test('SIGTERM while waiting: stops at once, outputs and summary say cancelled, exit non-zero', async () => {
  const server = await serve((_req, res) => void res.writeHead(503).end());
  let signalledAt = 0;
  const run = await runBundle('health-check-retry', {
    inputs: { url: server.url, 'max-attempts': '100', 'retry-delay': '20s', backoff: 'fixed' },
    timeoutMs: 30_000,
    onSpawn: (child) => {
      const poll = setInterval(() => {
        if (server.requests.length < 1) return;
        clearInterval(poll);
        signalledAt = Date.now();
        child.kill('SIGTERM');
      }, 20);
    },
  });
  runs.push(run);
  const exitedAfter = Date.now() - signalledAt;
  expect(run.code).not.toBe(0);
  expect(exitedAfter).toBeLessThan(2000);
  expect(server.requests).toHaveLength(1);
  expect(run.outputs).toMatchObject({ healthy: 'false', attempts: '1' });
  expect(run.outputs.message).toMatch(/^health check cancelled after 1 attempt/);
  expect(run.summary).toMatch(/Health check cancelled/);
  expect(run.errors).toEqual([expect.stringMatching(/^cancelled \(SIGTERM\)/)]);
});
