// Loopback servers the measured processes talk to: a health endpoint (plain HTTP, as a service's
// liveness URL usually is inside a runner's reach) and a webhook sink (HTTPS, as Slack and
// Discord are, so the TLS handshake is part of every figure, ours, the floor's and the peers').
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import path from 'node:path';

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
}

function close(server) {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * GET /healthz → 200; GET /flip → 503 until setHealthy(true) (records when it turned healthy);
 * GET /slow/<ms> → 200 after <ms>.
 */
export async function startHealthServer() {
  const hits = new Map();
  let healthy = false;
  let healthySince = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    req.resume();
    const reply = (status, body) => {
      res.writeHead(status, {
        'content-type': 'text/plain',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    };
    if (url.pathname === '/healthz') return reply(200, 'ok');
    if (url.pathname === '/flip') return healthy ? reply(200, 'ok') : reply(503, 'starting');
    const slow = /^\/slow\/(\d+)(?:\/\d+)?$/.exec(url.pathname);
    if (slow) return setTimeout(() => reply(200, 'ok'), Number(slow[1]));
    reply(404, 'not found');
  });
  const port = await listen(server);
  return {
    base: `http://127.0.0.1:${port}`,
    hits: (p) => hits.get(p) ?? 0,
    setHealthy(value) {
      healthy = value;
      healthySince = value ? performance.now() : 0;
      return healthySince;
    },
    get healthySince() {
      return healthySince;
    },
    close: () => close(server),
  };
}

/**
 * HTTPS sink on 127.0.0.1 with the repository's loopback test certificate.
 * Slack-like paths (/services/...) answer 200 "ok" as Slack webhooks do; everything else answers
 * 204 as a Discord webhook does (200 with a message object when ?wait=true).
 */
export async function startWebhookSink(tlsDir) {
  let posts = 0;
  const server = https.createServer(
    {
      key: readFileSync(path.join(tlsDir, 'server-key.pem')),
      cert: readFileSync(path.join(tlsDir, 'server.pem')),
    },
    (req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'POST' || req.method === 'PATCH') posts++;
        const url = new URL(req.url, 'https://x');
        if (url.pathname.startsWith('/services/')) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          return res.end('ok');
        }
        if (url.searchParams.get('wait') === 'true') {
          const body = JSON.stringify({ id: '1100000000000000000', channel_id: '1', content: '' });
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(body);
        }
        res.writeHead(204);
        res.end();
      });
    },
  );
  const port = await listen(server);
  return {
    base: `https://127.0.0.1:${port}`,
    posts: () => posts,
    close: () => close(server),
  };
}
