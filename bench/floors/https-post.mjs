// Floor for slack-discord-notify: one HTTPS POST of a small JSON body with node:https.
import https from 'node:https';

const body = JSON.stringify({ content: 'deploy succeeded' });
const req = https.request(process.env.BENCH_URL, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
});
req.on('response', (res) => {
  res.resume();
  res.on('end', () => (process.exitCode = res.statusCode < 300 ? 0 : 1));
});
req.on('error', () => (process.exitCode = 1));
req.end(body);
