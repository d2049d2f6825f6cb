// Real HTTP(S) servers on loopback for the end-to-end tests: each records the requests it got.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const CA_PEM = readFileSync(path.join(fixtures, 'ca.pem'), 'utf8');
const SERVER_CERT = readFileSync(path.join(fixtures, 'server.pem'), 'utf8');
const SERVER_KEY = readFileSync(path.join(fixtures, 'server-key.pem'), 'utf8');

export interface SeenRequest {
  n: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

export interface LoopbackServer {
  /** Base URL, e.g. http://127.0.0.1:4321 (no trailing slash). */
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startServer(
  handler: Handler,
  opts: { host?: string; tls?: boolean } = {},
): Promise<LoopbackServer> {
  const host = opts.host ?? '127.0.0.1';
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const n = requests.length + 1;
    requests.push({
      n,
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      at: Date.now(),
    });
    handler(req, res, n);
  };
  const server = opts.tls
    ? https.createServer({ cert: SERVER_CERT, key: SERVER_KEY }, onRequest)
    : http.createServer(onRequest);
  // Refused TLS handshakes and reset sockets are part of the tests, not errors of the test server.
  server.on('tlsClientError', () => undefined);
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${hostPart}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
