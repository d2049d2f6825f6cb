// httpRequest against real loopback servers: timeouts, body cap, redirects, faults.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpError, httpRequest, isLocalhostName, safeUrl, type HttpErrorCode } from '../src/index';

interface Server {
  url: string;
  port: number;
  seen: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

const open: Server[] = [];

async function serve(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  host = '127.0.0.1',
): Promise<Server> {
  const seen: Server['seen'] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      handler(req, res);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const s: Server = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const sock of sockets) sock.destroy();
        server.close(() => resolve());
      }),
  };
  open.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

describe('safeUrl', () => {
  test.each([
    {
      input: 'https://user:pw@example.com:8443/health?token=x#frag',
      expected: 'https://example.com:8443/health',
    },
    { input: 'http://example.com', expected: 'http://example.com/' },
    { input: 'http://[::1]:80/x', expected: 'http://[::1]/x' },
    { input: 'not a url', expected: '(invalid URL)' },
  ])('$input', ({ input, expected }) => expect(safeUrl(input)).toBe(expected));
});

describe('isLocalhostName', () => {
  test.each([
    { host: 'localhost', expected: true },
    { host: 'LOCALHOST', expected: true },
    { host: 'localhost.', expected: true },
    { host: 'api.localhost', expected: true },
    { host: 'localhost.example.com', expected: false },
    { host: 'mylocalhost', expected: false },
    { host: '127.0.0.1', expected: false },
  ])('$host', ({ host, expected }) => expect(isLocalhostName(host)).toBe(expected));
});

describe('httpRequest', () => {
  test('returns status, headers and body; sends method, headers and body', async () => {
    const s = await serve((_req, res) => res.writeHead(201, { 'x-reply': 'yes' }).end('created'));
    const res = await httpRequest({
      url: `${s.url}/items?q=1`,
      method: 'post',
      headers: { 'X-Token': 'abc' },
      body: 'payload',
      timeoutMs: 5000,
    });
    expect(res).toMatchObject({
      status: 201,
      truncated: false,
      redirects: 0,
      url: `${s.url}/items`,
    });
    expect(res.headers['x-reply']).toBe('yes');
    expect(res.body.toString()).toBe('created');
    expect(s.seen[0]).toMatchObject({ method: 'POST', path: '/items?q=1', body: 'payload' });
    expect(s.seen[0].headers).toMatchObject({ 'x-token': 'abc', 'content-length': '7' });
  });

  describe('body cap', () => {
    test.each([
      { name: 'under the cap', size: 1000, cap: 4096, truncated: false, kept: 1000 },
      { name: 'exactly the cap', size: 4096, cap: 4096, truncated: false, kept: 4096 },
      { name: 'over the cap', size: 200_000, cap: 4096, truncated: true, kept: 4096 },
      {
        name: '10 MB against the default 1 MiB cap',
        size: 10 * 1024 * 1024,
        cap: undefined,
        truncated: true,
        kept: 1024 * 1024,
      },
    ])('$name', async ({ size, cap, truncated, kept }) => {
      const s = await serve((_req, res) => res.writeHead(200).end(Buffer.alloc(size, 'a')));
      const res = await httpRequest({ url: s.url, timeoutMs: 10_000, maxBodyBytes: cap });
      expect(res.truncated).toBe(truncated);
      expect(res.body.length).toBe(kept);
    });
  });

  describe('timeout covers every phase', () => {
    test.each([
      { name: 'no headers', handler: () => undefined },
      {
        name: 'headers, then the body stalls',
        handler: (_req: http.IncomingMessage, res: http.ServerResponse) => {
          res.writeHead(200, { 'content-length': '100' });
          res.write('partial');
        },
      },
    ])('$name', async ({ handler }) => {
      const s = await serve(handler);
      const started = Date.now();
      const err = await failure(httpRequest({ url: s.url, timeoutMs: 200 }));
      expect(err.code).toBe('TIMEOUT');
      expect(err.message).toBe('timed out after 200 ms');
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  test('an outer signal aborts a request in flight', async () => {
    const s = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(
      (await failure(httpRequest({ url: s.url, timeoutMs: 10_000, signal: controller.signal })))
        .code,
    ).toBe('ABORTED');
  });

  test('an already-aborted signal sends nothing', async () => {
    const s = await serve((_req, res) => res.end());
    const controller = new AbortController();
    controller.abort();
    expect(
      (await failure(httpRequest({ url: s.url, timeoutMs: 10_000, signal: controller.signal })))
        .code,
    ).toBe('ABORTED');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.seen).toHaveLength(0);
  });

  describe('redirects', () => {
    test.each([
      { status: 301, method: 'GET', expectMethod: 'GET', expectBody: 'data' },
      { status: 302, method: 'POST', expectMethod: 'GET', expectBody: '' },
      { status: 303, method: 'PUT', expectMethod: 'GET', expectBody: '' },
      { status: 307, method: 'POST', expectMethod: 'POST', expectBody: 'data' },
      { status: 308, method: 'PUT', expectMethod: 'PUT', expectBody: 'data' },
    ])(
      '$status after $method continues as $expectMethod',
      async ({ status, method, expectMethod, expectBody }) => {
        const s = await serve((req, res) =>
          req.url === '/from'
            ? res.writeHead(status, { location: '/to' }).end()
            : res.writeHead(200).end('there'),
        );
        const res = await httpRequest({
          url: `${s.url}/from`,
          method,
          body: 'data',
          followRedirects: true,
          timeoutMs: 5000,
        });
        expect(res).toMatchObject({ status: 200, redirects: 1, url: `${s.url}/to` });
        expect(s.seen[1]).toMatchObject({ method: expectMethod, path: '/to', body: expectBody });
      },
    );

    test('not followed unless asked', async () => {
      const s = await serve((_req, res) => res.writeHead(302, { location: '/elsewhere' }).end());
      expect((await httpRequest({ url: s.url, timeoutMs: 5000 })).status).toBe(302);
      expect(s.seen).toHaveLength(1);
    });

    test.each([
      {
        name: 'loop',
        location: (path: string) => (path === '/a' ? '/b' : '/a'),
        code: 'REDIRECT_LOOP' as HttpErrorCode,
        max: 10,
      },
      {
        name: 'too many',
        location: (path: string) => `/n${Number(path.slice(2) || 0) + 1}`,
        code: 'TOO_MANY_REDIRECTS' as HttpErrorCode,
        max: 3,
      },
      {
        name: 'unsupported scheme',
        location: () => 'ftp://example.com/x',
        code: 'BAD_REDIRECT' as HttpErrorCode,
        max: 10,
      },
    ])('$name → $code', async ({ location, code, max }) => {
      const s = await serve((req, res) =>
        res.writeHead(302, { location: location(req.url ?? '/') }).end(),
      );
      const err = await failure(
        httpRequest({
          url: `${s.url}/a`,
          followRedirects: true,
          maxRedirects: max,
          timeoutMs: 5000,
        }),
      );
      expect(err.code).toBe(code);
      if (code === 'TOO_MANY_REDIRECTS') expect(s.seen).toHaveLength(max + 1);
    });

    test('credential headers stay with their origin', async () => {
      const target = await serve((_req, res) => res.writeHead(200).end());
      const origin = await serve((req, res) => {
        if (req.url === '/same') res.writeHead(302, { location: '/other' }).end();
        else if (req.url === '/other')
          res.writeHead(302, { location: `${target.url}/cross` }).end();
      });
      const headers = {
        Authorization: 'Bearer t',
        'X-Api-Key': 'k',
        Cookie: 'c=1',
        'X-Trace': 'keep',
      };
      await httpRequest({
        url: `${origin.url}/same`,
        headers,
        followRedirects: true,
        timeoutMs: 5000,
      });
      expect(origin.seen[1].headers).toMatchObject({
        authorization: 'Bearer t',
        'x-api-key': 'k',
        cookie: 'c=1',
        'x-trace': 'keep',
      });
      const cross = target.seen[0].headers;
      expect([cross.authorization, cross['x-api-key'], cross.cookie, cross['x-trace']]).toEqual([
        undefined,
        undefined,
        undefined,
        'keep',
      ]);
    });
  });

  describe('network faults become HttpError codes', () => {
    test('refused', async () => {
      const s = await serve(() => undefined);
      const url = s.url;
      await s.close();
      open.splice(open.indexOf(s), 1);
      const err = await failure(httpRequest({ url, timeoutMs: 5000 }));
      expect([err.code, err.message]).toEqual(['CONNECTION_REFUSED', 'connection refused']);
    });

    test('reset before any response', async () => {
      const s = await serve((req) => req.socket.destroy());
      expect((await failure(httpRequest({ url: s.url, timeoutMs: 5000 }))).code).toBe(
        'CONNECTION_RESET',
      );
    });

    test('connection closed in the middle of the body', async () => {
      const s = await serve((req, res) => {
        res.writeHead(200, { 'content-length': '1000' });
        res.write('only part', () => req.socket.destroy());
      });
      expect((await failure(httpRequest({ url: s.url, timeoutMs: 5000 }))).code).toBe(
        'CONNECTION_RESET',
      );
    });

    test('DNS failure (.invalid never resolves)', async () => {
      const err = await failure(
        httpRequest({ url: 'http://no-such-host.invalid/', timeoutMs: 5000 }),
      );
      expect(err.code).toBe('DNS');
      expect(err.message).toMatch(/^DNS lookup failed \((ENOTFOUND|EAI_AGAIN|EAI_NONAME)\)$/);
    });

    test('an error message never carries credentials or the query', async () => {
      const s = await serve((req, res) =>
        res
          .writeHead(302, { location: req.url?.startsWith('/a') ? '/b?sig=zzz' : '/a?sig=zzz' })
          .end(),
      );
      const err = await failure(
        httpRequest({
          url: `http://u:hunter2@127.0.0.1:${s.port}/a?sig=zzz`,
          followRedirects: true,
          timeoutMs: 5000,
        }),
      );
      expect(err.code).toBe('REDIRECT_LOOP');
      expect(err.message).not.toMatch(/hunter2|zzz/);
    });
  });

  describe('localhost reaches either loopback address', () => {
    test.each(['127.0.0.1', '::1'])('server on %s', async (host) => {
      const s = await serve((_req, res) => res.writeHead(200).end('hi'), host);
      const res = await httpRequest({ url: `http://localhost:${s.port}/`, timeoutMs: 5000 });
      expect(res.status).toBe(200);
    });

    test('refused on both is still "connection refused"', async () => {
      const s = await serve(() => undefined);
      const port = s.port;
      await s.close();
      open.splice(open.indexOf(s), 1);
      expect(
        (await failure(httpRequest({ url: `http://localhost:${port}/`, timeoutMs: 5000 }))).code,
      ).toBe('CONNECTION_REFUSED');
    });
  });
});
