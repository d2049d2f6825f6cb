// Floor for helm-rollback: the five helm calls it makes (against the same stand-in), one after
// another as it must, then one HTTPS GET of the Deployment the rolled-back manifest declares.
import { execFile } from 'node:child_process';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const helm = process.env.BENCH_HELM;
const scope = ['--namespace', process.env.BENCH_NAMESPACE];
await run(helm, ['version']);
JSON.parse((await run(helm, ['history', 'api', ...scope, '--output', 'json'])).stdout);
await run(helm, ['rollback', 'api', '1', ...scope, '--wait', '--timeout', '60s']);
JSON.parse((await run(helm, ['history', 'api', ...scope, '--output', 'json'])).stdout);
await run(helm, ['get', 'manifest', 'api', ...scope, '--revision', '3']);

const {
  BENCH_K8S_SERVER: server,
  BENCH_K8S_TOKEN: token,
  BENCH_K8S_CA: caFile,
  BENCH_K8S_PATH: apiPath,
} = process.env;
const req = https.get(new URL(apiPath, server), {
  ca: readFileSync(caFile),
  headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
});
req.on('response', (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => {
    const d = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.exitCode =
      res.statusCode === 200 && d.status?.availableReplicas === d.spec.replicas ? 0 : 1;
  });
});
req.on('error', () => (process.exitCode = 1));
