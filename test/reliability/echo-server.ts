// Hostile loopback servers for the leak tests: each answers with everything the request carried
// (method, path and query, every header, the body) echoed back, the way real servers do in their
// error bodies ("invalid token xoxb-…"), in a redirect's Location, or in a Kubernetes Status
// message. If an action prints what came back without redacting it, the secret is in its log.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadTls } from '../k8s-sim/tls';

export interface EchoRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface EchoAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface EchoServer {
  url: string;
  port: number;
  requests: EchoRequest[];
  close(): Promise<void>;
}

/** The request as one line of text: what a server that "helpfully" echoes its input returns. */
export function echoText(r: EchoRequest): string {
  return `${r.method} ${r.url} headers=${JSON.stringify(r.headers)} body=${r.body}`;
}

/**
 * A server on 127.0.0.1 (HTTPS with the simulator's test certificate when `tls`); `answer` decides
 * each response from the request (default: 500 with the echo as the body). `hang` requests are
 * accepted and never answered (cancellation tests).
 */
export async function startEchoServer(
  options: {
    tls?: boolean;
    answer?: (r: EchoRequest) => EchoAnswer | 'hang';
  } = {},
): Promise<EchoServer> {
  const requests: EchoRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const r: EchoRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      };
      requests.push(r);
      const a = options.answer ? options.answer(r) : { status: 500, body: echoText(r) };
      if (a === 'hang') return;
      res.writeHead(a.status, { 'content-type': 'text/plain', ...(a.headers ?? {}) });
      res.end(a.body ?? '');
    });
  };
  const server = options.tls
    ? https.createServer({ cert: loadTls().cert, key: loadTls().key }, handler)
    : http.createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface HostileProxy {
  url: string;
  port: number;
  /** Proxy-Authorization of each request it saw. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A forward proxy on 127.0.0.1 that refuses every tunnel and every absolute-form request, and
 * echoes the request — its Proxy-Authorization included — in the status line and the body.
 */
export async function startHostileProxy(): Promise<HostileProxy> {
  const seen: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const echo = (req: http.IncomingMessage) =>
    `refused ${req.method} ${req.url} proxy-authorization=${req.headers['proxy-authorization'] ?? ''}`;
  const server = http.createServer((req, res) => {
    seen.push(req.headers['proxy-authorization'] ?? '');
    res.writeHead(502, echo(req).replace(/[\r\n]/g, ' '), { 'content-type': 'text/plain' });
    res.end(`${echo(req)} headers=${JSON.stringify(req.headers)}`);
  });
  server.on('connect', (req: http.IncomingMessage, client: import('node:net').Socket) => {
    seen.push(req.headers['proxy-authorization'] ?? '');
    client.on('error', () => client.destroy());
    const body = `${echo(req)} headers=${JSON.stringify(req.headers)}`;
    client.end(
      `HTTP/1.1 502 ${echo(req).replace(/[\r\n]/g, ' ')}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
