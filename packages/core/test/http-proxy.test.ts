// httpRequest and HttpTransport through a real CONNECT proxy on loopback. The proxy alone knows
// `api.internal.test`: a request that reaches it went through the proxy by name.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, HttpTransport, httpRequest } from '../src/http';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'test',
  'k8s-sim',
  'fixtures',
);
const CA = readFileSync(path.join(FIXTURES, 'ca.pem'), 'utf8');
const TLS = {
  cert: readFileSync(path.join(FIXTURES, 'server.pem'), 'utf8'),
  key: readFileSync(path.join(FIXTURES, 'server-key.pem'), 'utf8'),
};

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

interface Target {
  port: number;
  seen: Array<{ method: string; url: string; host?: string; authorization?: string }>;
}

async function target(
  kind: 'http' | 'https',
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, res) =>
    res.end('hello'),
): Promise<Target> {
  const seen: Target['seen'] = [];
  const sockets = new Set<Socket>();
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      host: req.headers.host,
      authorization: req.headers.authorization,
    });
    handler(req, res);
  };
  const server =
    kind === 'https' ? https.createServer(TLS, onRequest) : http.createServer(onRequest);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return { port: (server.address() as AddressInfo).port, seen };
}

async function proxyFor(
  hosts: Record<string, number>,
  extra: Partial<Parameters<typeof startConnectProxy>[0]> = {},
): Promise<ConnectProxy> {
  const p = await startConnectProxy({ hosts, ...extra });
  closers.push(() => p.close());
  return p;
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

test('the names only the proxy knows do not resolve here', async () => {
  await expect(lookup('api.internal.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  const err = await failure(
    httpRequest({ url: 'http://api.internal.test/', timeoutMs: 5000, env: {} }),
  );
  expect(err).toMatchObject({ code: 'DNS', phase: 'connect', sent: false });
});

describe('HTTPS through HTTPS_PROXY (CONNECT)', () => {
  test('CONNECT names the host (the proxy resolves it); TLS is checked against the target', async () => {
    const t = await target('https', (req, res) => res.end(`hello ${req.url}`));
    const proxy = await proxyFor({ 'api.internal.test': t.port });
    const transport = new HttpTransport({
      env: { HTTPS_PROXY: proxy.url },
      ca: CA,
      servername: 'localhost',
    });
    try {
      const res = await transport.request({
        url: 'https://api.internal.test/health?x=1',
        timeoutMs: 5000,
      });
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe('hello /health?x=1');
      expect(proxy.log).toEqual([
        expect.objectContaining({
          method: 'CONNECT',
          target: 'api.internal.test:443',
          host: 'api.internal.test:443',
        }),
      ]);
      expect(t.seen[0].host).toBe('api.internal.test');
    } finally {
      transport.close();
    }
  });

  test('keep-alive: two requests, one tunnel', async () => {
    const t = await target('https');
    const proxy = await proxyFor({ 'api.internal.test': t.port });
    const transport = new HttpTransport({
      env: { HTTPS_PROXY: proxy.url },
      ca: CA,
      servername: 'localhost',
      keepAlive: true,
    });
    try {
      await transport.request({ url: 'https://api.internal.test/a', timeoutMs: 5000 });
      await transport.request({ url: 'https://api.internal.test/b', timeoutMs: 5000 });
      expect(proxy.log.filter((e) => e.method === 'CONNECT')).toHaveLength(1);
      expect(t.seen.map((s) => s.url)).toEqual(['/a', '/b']);
    } finally {
      transport.close();
    }
  });

  test('a target certificate that does not match is a TLS error, phase tls: nothing was sent', async () => {
    const t = await target('https');
    const proxy = await proxyFor({ 'api.internal.test': t.port });
    const err = await failure(
      httpRequest({
        url: 'https://api.internal.test/',
        ca: CA,
        timeoutMs: 5000,
        env: { HTTPS_PROXY: proxy.url },
      }),
    );
    expect(err).toMatchObject({ code: 'TLS', phase: 'tls', sent: false });
    expect(t.seen).toEqual([]);
  });

  test('proxy credentials from the URL become Proxy-Authorization; errors never show them', async () => {
    const t = await target('https');
    const proxy = await proxyFor(
      { 'api.internal.test': t.port },
      { credentials: { user: 'ci', password: 'p@ss:w0rd' } },
    );
    const port = proxy.port;
    const ok = await httpRequest({
      url: 'https://api.internal.test/',
      insecure: true,
      timeoutMs: 5000,
      env: { HTTPS_PROXY: `http://ci:p%40ss%3Aw0rd@127.0.0.1:${port}` },
    });
    expect(ok.status).toBe(200);
    expect(proxy.log[0].proxyAuthorization).toBe(
      `Basic ${Buffer.from('ci:p@ss:w0rd').toString('base64')}`,
    );
    // The target never sees the proxy's credentials.
    expect(t.seen[0].authorization).toBeUndefined();

    const err = await failure(
      httpRequest({
        url: 'https://api.internal.test/',
        insecure: true,
        timeoutMs: 5000,
        env: { HTTPS_PROXY: `http://ci:wrong-secret@127.0.0.1:${port}` },
      }),
    );
    expect(err).toMatchObject({ code: 'PROXY', phase: 'connect', sent: false });
    expect(err.message).toBe(
      `the proxy http://127.0.0.1:${port} asks for credentials (407 Proxy Authentication Required) and rejected the ones in the proxy URL to api.internal.test:443`,
    );
    expect(err.message).not.toMatch(/wrong-secret|ci:/);
  });

  test('a name the proxy cannot reach: its 502 is a PROXY error naming the proxy, nothing sent', async () => {
    const proxy = await proxyFor({});
    const err = await failure(
      httpRequest({
        url: 'https://nowhere.internal.test/',
        timeoutMs: 5000,
        env: { HTTPS_PROXY: proxy.url },
      }),
    );
    expect(err).toMatchObject({ code: 'PROXY', sent: false });
    expect(err.message).toBe(
      `the proxy ${proxy.url} refused the tunnel (502 Bad Gateway) to nowhere.internal.test:443`,
    );
  });

  test('a proxy that is not listening: connection refused, naming the proxy', async () => {
    const closed = await proxyFor({});
    await closed.close();
    const err = await failure(
      httpRequest({
        url: 'https://api.internal.test/',
        timeoutMs: 5000,
        env: { HTTPS_PROXY: closed.url },
      }),
    );
    expect(err).toMatchObject({ code: 'CONNECTION_REFUSED', phase: 'connect', sent: false });
    expect(err.message).toBe(`connection refused (proxy ${closed.url})`);
  });

  test('a proxy that never answers CONNECT: the timeout holds, phase connect', async () => {
    const proxy = await proxyFor({}, { silent: true });
    const started = Date.now();
    const err = await failure(
      httpRequest({
        url: 'https://api.internal.test/',
        timeoutMs: 300,
        env: { HTTPS_PROXY: proxy.url },
      }),
    );
    expect(err).toMatchObject({ code: 'TIMEOUT', phase: 'connect', sent: false });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('a socks5 proxy is a one-line PROXY error naming the variable', async () => {
    const err = await failure(
      httpRequest({
        url: 'https://x.test/',
        timeoutMs: 5000,
        env: { HTTPS_PROXY: 'socks5://s.corp:1080' },
      }),
    );
    expect(err).toMatchObject({ code: 'PROXY', sent: false });
    expect(err.message).toBe(
      'the HTTPS_PROXY variable is a socks5:// proxy; only http:// and https:// proxies are supported',
    );
  });
});

describe('plain HTTP through HTTP_PROXY (absolute-form)', () => {
  test('the request line carries the absolute URL; Host is the target', async () => {
    const t = await target('http', (req, res) => res.end(`seen ${req.url}`));
    const proxy = await proxyFor({ 'api.internal.test': t.port });
    const res = await httpRequest({
      url: `http://api.internal.test:${t.port}/hook?x=1`,
      method: 'POST',
      body: '{}',
      timeoutMs: 5000,
      env: { http_proxy: proxy.url },
    });
    expect(res.body.toString()).toBe('seen /hook?x=1');
    expect(proxy.log).toEqual([
      expect.objectContaining({
        method: 'POST',
        target: `http://api.internal.test:${t.port}/hook?x=1`,
        host: `api.internal.test:${t.port}`,
      }),
    ]);
  });

  test('a redirect to another host keeps going through the proxy and drops credentials', async () => {
    const b = await target('http', (_q, res) => res.end('landed'));
    const a = await target('http', (_q, res) =>
      res.writeHead(302, { location: `http://b.internal.test:${b.port}/x` }).end(),
    );
    const proxy = await proxyFor({ 'a.internal.test': a.port, 'b.internal.test': b.port });
    const res = await httpRequest({
      url: `http://a.internal.test:${a.port}/`,
      headers: { authorization: 'Bearer tok' },
      followRedirects: true,
      timeoutMs: 5000,
      env: { HTTP_PROXY: proxy.url },
    });
    expect(res.body.toString()).toBe('landed');
    expect(proxy.log.map((e) => e.target)).toEqual([
      `http://a.internal.test:${a.port}/`,
      `http://b.internal.test:${b.port}/x`,
    ]);
    expect(a.seen[0].authorization).toBe('Bearer tok');
    expect(b.seen[0].authorization).toBeUndefined();
  });
});

describe('NO_PROXY and loopback', () => {
  test('a NO_PROXY match goes direct: the name then does not resolve, and the proxy saw nothing', async () => {
    const proxy = await proxyFor({ 'api.internal.test': 1 });
    for (const noProxy of ['internal.test', '.internal.test', 'api.internal.test:443', '*']) {
      const err = await failure(
        httpRequest({
          url: 'https://api.internal.test/',
          timeoutMs: 5000,
          env: { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy },
        }),
      );
      expect({ noProxy, code: err.code }).toEqual({ noProxy, code: 'DNS' });
    }
    expect(proxy.log).toEqual([]);
  });

  test('loopback targets never take the proxy', async () => {
    const t = await target('http');
    const proxy = await proxyFor({});
    const res = await httpRequest({
      url: `http://127.0.0.1:${t.port}/`,
      timeoutMs: 5000,
      env: { HTTP_PROXY: proxy.url },
    });
    expect(res.status).toBe(200);
    expect(proxy.log).toEqual([]);
  });

  test('proxy: false ignores the environment', async () => {
    const proxy = await proxyFor({ 'api.internal.test': 1 });
    const err = await failure(
      httpRequest({
        url: 'https://api.internal.test/',
        timeoutMs: 5000,
        proxy: false,
        env: { HTTPS_PROXY: proxy.url },
      }),
    );
    expect(err.code).toBe('DNS');
    expect(proxy.log).toEqual([]);
  });
});

describe('how far a failed request got (phase / sent)', () => {
  test('connection refused: connect, not sent', async () => {
    const t = await target('http');
    closers.splice(0).forEach((c) => void c());
    await new Promise((r) => setTimeout(r, 50));
    const err = await failure(httpRequest({ url: `http://127.0.0.1:${t.port}/`, timeoutMs: 5000 }));
    expect(err).toMatchObject({ code: 'CONNECTION_REFUSED', phase: 'connect', sent: false });
  });

  test('a TLS handshake that fails: tls, not sent — the server never saw a request', async () => {
    const t = await target('https');
    const err = await failure(
      httpRequest({ url: `https://127.0.0.1:${t.port}/`, timeoutMs: 5000 }),
    );
    expect(err).toMatchObject({ code: 'TLS', phase: 'tls', sent: false });
    expect(t.seen).toEqual([]);
  });

  test('the server read the request and closed without answering: sent', async () => {
    const t = await target('http', (req) => req.socket.destroy());
    const err = await failure(
      httpRequest({
        url: `http://127.0.0.1:${t.port}/`,
        method: 'POST',
        body: 'x',
        timeoutMs: 5000,
      }),
    );
    expect(err).toMatchObject({ code: 'CONNECTION_RESET', phase: 'sent', sent: true });
    expect(t.seen).toHaveLength(1);
  });

  test('no answer in time after sending: a TIMEOUT that was sent', async () => {
    const t = await target('http', () => undefined);
    const err = await failure(
      httpRequest({
        url: `http://127.0.0.1:${t.port}/`,
        method: 'POST',
        body: 'x',
        timeoutMs: 300,
      }),
    );
    expect(err).toMatchObject({ code: 'TIMEOUT', phase: 'sent', sent: true });
  });

  test('the answer cut half-way: response', async () => {
    const t = await target('http', (_q, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('part');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const err = await failure(httpRequest({ url: `http://127.0.0.1:${t.port}/`, timeoutMs: 5000 }));
    expect(err).toMatchObject({ code: 'CONNECTION_RESET', phase: 'response', sent: true });
  });
});

describe('HttpTransport.stream', () => {
  test('chunks arrive as they are sent; a cut stream throws CONNECTION_RESET (response)', async () => {
    let cut: () => void = () => undefined;
    const t = await target('http', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":1}\n');
      cut = () => res.socket?.destroy();
    });
    const transport = new HttpTransport({ keepAlive: true });
    try {
      const stream = await transport.stream({
        url: `http://127.0.0.1:${t.port}/watch`,
        timeoutMs: 5000,
      });
      expect(stream.status).toBe(200);
      const got: string[] = [];
      const err = await (async () => {
        try {
          for await (const c of stream.chunks()) {
            got.push(c.toString());
            cut();
          }
        } catch (e) {
          return e as HttpError;
        }
      })();
      expect(got).toEqual(['{"a":1}\n']);
      expect(err).toMatchObject({ code: 'CONNECTION_RESET', phase: 'response' });
    } finally {
      transport.close();
    }
  });

  test('an already-aborted signal fails at once, without a connection', async () => {
    const t = await target('http');
    const transport = new HttpTransport();
    const err = await failure(
      transport.stream({
        url: `http://127.0.0.1:${t.port}/`,
        timeoutMs: 60_000,
        signal: AbortSignal.abort(),
      }),
    );
    expect(err).toMatchObject({ code: 'ABORTED', sent: false });
    expect(t.seen).toEqual([]);
  });
});
