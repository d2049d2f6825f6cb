// Tokens with a lifetime, in front of the simulated API server: an HTTPS reverse proxy (the sim's
// certificate) that accepts `Bearer gate.<n>.<expiry ms>` until its expiry and unless revoked,
// and forwards the request, watches included, to the simulator with the simulator's own token.
// The exec plugin stand-in (gatePlugin) mints such tokens the way `aws eks get-token` mints
// 15-minute ones, with a short lifetime, and counts its runs in a file.
import http from 'node:http';
import https from 'node:https';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { SimCluster } from '../../../test/k8s-sim/index';
import { loadTls } from '../../../test/k8s-sim/tls';

export interface TokenGate {
  url: string;
  /** Every request: the token number it carried and the status the gate gave (0 = forwarded). */
  log: Array<{ path: string; token: number; status: number; at: number }>;
  /** Makes the gate refuse token n from now on (a revoked token). */
  revoke(n: number): void;
  close(): Promise<void>;
}

export async function startTokenGate(cluster: SimCluster): Promise<TokenGate> {
  const log: TokenGate['log'] = [];
  const revoked = new Set<number>();
  const sockets = new Set<Socket>();
  const tls = loadTls();
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const m = /^Bearer gate\.(\d+)\.(\d+)$/.exec(req.headers.authorization ?? '');
    const n = m ? Number(m[1]) : -1;
    const valid = !!m && Date.now() < Number(m[2]) && !revoked.has(n);
    const entry = { path: req.url ?? '', token: n, status: valid ? 0 : 401, at: Date.now() };
    log.push(entry);
    if (!valid) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 }),
      );
    }
    const headers = { ...req.headers, authorization: `Bearer ${cluster.token}` };
    delete headers.host;
    const upstream = https.request(
      `${cluster.url}${req.url}`,
      { method: req.method, headers, ca: cluster.caPem },
      (up: http.IncomingMessage) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    revoke: (n) => void revoked.add(n),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/**
 * Writes a plugin script into `dir` that prints `gate.<run>.<now + lifetimeMs>` with that
 * expirationTimestamp (or a fixed token when `fixedToken` is given) and counts its runs.
 */
export function gatePlugin(
  dir: string,
  lifetimeMs: number,
  fixedToken?: string,
): { script: string; runs: () => number } {
  const counter = path.join(dir, 'runs');
  writeFileSync(counter, '0');
  const script = path.join(dir, 'get-token.mjs');
  writeFileSync(
    script,
    [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      `const n = Number(readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1;`,
      `writeFileSync(${JSON.stringify(counter)}, String(n));`,
      `const exp = Date.now() + ${lifetimeMs};`,
      `const token = ${fixedToken ? JSON.stringify(fixedToken) : '`gate.${n}.${exp}`'};`,
      "process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token, expirationTimestamp: new Date(exp).toISOString() } }));",
    ].join('\n'),
  );
  return { script, runs: () => Number(readFileSync(counter, 'utf8')) };
}
