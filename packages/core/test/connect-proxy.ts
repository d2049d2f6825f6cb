// A real forward proxy on loopback for tests: CONNECT tunnels and absolute-form plain-HTTP
// requests, Basic proxy authentication, and its own name table — the names it knows (e.g.
// `api.internal.test`) exist nowhere else, so a request that reaches them proves it went through
// the proxy and that the client did not resolve the name itself.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

export interface ProxyLogEntry {
  method: string;
  /** `host:port` for CONNECT, the absolute URL for plain HTTP. */
  target: string;
  proxyAuthorization?: string;
  host?: string;
}

export interface ConnectProxyOptions {
  /** Names only this proxy resolves: `api.internal.test` → 127.0.0.1:<port>. */
  hosts: Record<string, number>;
  /** Credentials the proxy demands (407 otherwise). */
  credentials?: { user: string; password: string };
  /** Never answer a CONNECT (a proxy that hangs). */
  silent?: boolean;
}

export interface ConnectProxy {
  url: string;
  port: number;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<net.Socket>();
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined;
  const authorized = (req: http.IncomingMessage) =>
    !expected || req.headers['proxy-authorization'] === expected;
  /** A name → the loopback port behind it, or undefined when the name is unknown here. */
  const resolve = (host: string): number | undefined => options.hosts[host.toLowerCase()];

  const server = http.createServer((req, res) => {
    log.push({
      method: req.method ?? '',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
      host: req.headers.host,
    });
    if (!authorized(req))
      return void res
        .writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-length': '0' })
        .end();
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return void res.writeHead(400).end('absolute-form expected');
    }
    const port = resolve(target.hostname);
    if (port === undefined) return void res.writeHead(502).end(`unknown host ${target.hostname}`);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end('upstream failed'));
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    log.push({
      method: 'CONNECT',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
      host: req.headers.host,
    });
    if (options.silent) return;
    if (!authorized(req))
      return void client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    const port = m ? resolve(m[1]) : undefined;
    if (port === undefined)
      return void client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
