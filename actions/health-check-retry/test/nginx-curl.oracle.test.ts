// Differential test: the bundled action against a real nginx, judged by what curl -f says about
// the same URLs and by nginx's own access log (its clock and its record of each request's URI
// and headers). Needs nginx and curl (Debian: apt-get install -y nginx curl); jest.config.mjs
// runs this file only where both are installed, and it fails loudly if started without them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';

function findCommand(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  const found = dirs.map((d) => path.join(d, name)).find((p) => existsSync(p));
  if (!found) throw new Error(`${name} is not installed (apt-get install -y nginx curl)`);
  return found;
}

const NGINX = findCommand('nginx');
const CURL = findCommand('curl');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let dir: string;
let nginx: ChildProcess;
let base: string;
let port: number;
const runs: ActionRun[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nginx-oracle-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(3 * 1024 * 1024, 'x'));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`)
    .join(' ');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off; master_process off; worker_processes 1;
error_log ${dir}/error.log; pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  log_format oracle '$msec $request_method "$request_uri" key="$http_x_functions_key" auth="$http_authorization"';
  access_log ${dir}/access.log oracle;
  ${temp}
  server {
    listen 127.0.0.1:${port};
    location = /ok { return 200 "ok"; }
    location = /created { return 201; }
    location = /notfound { return 404; }
    location = /error { return 500; }
    location = /unavailable { add_header Retry-After 0 always; return 503; }
    location = /big { default_type text/plain; alias ${dir}/big.bin; }
    location = /moved { return 301 /ok; }
    location = /elsewhere { return 302 http://localhost:${port}/ok; }
    location = /loop-a { return 302 /loop-b; }
    location = /loop-b { return 302 /loop-a; }
    location /echo { default_type text/plain; return 200 "$request_uri"; }
  }
}
`,
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  // Ready when it answers (bounded: 5 s).
  for (let i = 0; i < 100; i++) {
    if (curl('/ok').code === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start: ${readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
});

afterAll(() => {
  nginx?.kill('SIGTERM');
  runs.splice(0).forEach(cleanupRun);
  rmSync(dir, { recursive: true, force: true });
});

/** curl's verdict: -f fails on >= 400; -L follows redirects (capped, loops fail). */
function curl(urlPath: string, args: string[] = []): { ok: boolean; code: number } {
  const r = spawnSync(
    CURL,
    [
      '-s',
      '-f',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '--max-redirs',
      '10',
      ...args,
      `${base}${urlPath}`,
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  return { ok: r.status === 0, code: Number(r.stdout) };
}

async function check(inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runBundle('health-check-retry', {
    inputs: { 'max-attempts': '1', ...inputs },
    timeoutMs: 30_000,
  });
  runs.push(run);
  return run;
}

interface Logged {
  at: number;
  method: string;
  uri: string;
  key: string;
  auth: string;
}
function accessLog(): Logged[] {
  return readFileSync(path.join(dir, 'access.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^(\S+) (\S+) "([^"]*)" key="([^"]*)" auth="([^"]*)"$/.exec(line)!;
      return { at: Number(m[1]) * 1000, method: m[2], uri: m[3], key: m[4], auth: m[5] };
    });
}

describe('healthy exactly when curl -f says so (default expected-status 200-399)', () => {
  test.each([
    ['/ok', []],
    ['/created', []],
    ['/notfound', []],
    ['/error', []],
    ['/big', []], // 3 MB: curl -f is happy, so is a probe; no body check, so are we
    ['/moved', ['-L']], // same host: followed by both
    ['/elsewhere', []], // another host: a probe does not follow it; neither do we by default
    ['/loop-a', ['-L']], // a loop: curl gives up (47), we fail the attempt
  ] as Array<[string, string[]]>)('%s (curl %j)', async (urlPath, args) => {
    const oracle = curl(urlPath, args);
    const run = await check({ url: `${base}${urlPath}` });
    expect(run.outputs.healthy).toBe(String(oracle.ok));
    expect(run.code).toBe(oracle.ok ? 0 : 1);
    // The status each last saw agrees too, except on a loop, where we keep no response.
    const status = JSON.parse(run.outputs.results)[0].status;
    if (urlPath !== '/loop-a') expect(status).toBe(oracle.code);
    else expect(JSON.parse(run.outputs.results)[0].error).toMatch(/^redirect loop/);
  });
});

test('a comma stays in the URL: nginx logs the same request URI for curl and for us', async () => {
  const before = accessLog().length;
  curl('/echo?checks=db,cache');
  const run = await check({ url: `${base}/echo?checks=db,cache` });
  expect(run.code).toBe(0);
  const uris = accessLog()
    .slice(before)
    .map((l) => l.uri);
  expect(uris).toEqual(['/echo?checks=db,cache', '/echo?checks=db,cache']);
});

test('follow-redirects: any crosses hosts, and nginx sees no user header on the second hop', async () => {
  const before = accessLog().length;
  const run = await check({
    url: `${base}/elsewhere`,
    'follow-redirects': 'any',
    headers: 'X-Functions-Key: fn-key-0123456\nAuthorization: Bearer tok-89abcdef',
  });
  expect(run.code).toBe(0);
  const hops = accessLog().slice(before);
  expect(hops.map((l) => [l.uri, l.key, l.auth])).toEqual([
    ['/elsewhere', 'fn-key-0123456', 'Bearer tok-89abcdef'],
    ['/ok', '-', '-'],
  ]);
  expect(run.outputs).toMatchObject({ attempts: '1', requests: '2' });
});

test("backoff: fixed and Retry-After: 0 — nginx's clock sees waits of retry-delay, no burst", async () => {
  const before = accessLog().length;
  const run = await check({
    url: `${base}/unavailable`,
    'max-attempts': '4',
    'retry-delay': '300ms',
    backoff: 'fixed',
  });
  expect(run.code).toBe(1);
  const hits = accessLog().slice(before);
  expect(hits).toHaveLength(4);
  // nginx's $msec has millisecond resolution; a jittered or 0 s wait would show gaps far below 300.
  for (let i = 1; i < hits.length; i++)
    expect(hits[i].at - hits[i - 1].at).toBeGreaterThanOrEqual(290);
});
