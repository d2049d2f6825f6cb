// Floor for wait-rollout (and the verify step of helm-rollback): one authenticated HTTPS GET of the
// Deployment from the API server, and kubectl's "is it rolled out" comparison on the answer.
import https from 'node:https';
import { readFileSync } from 'node:fs';

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
    const s = d.status ?? {};
    const done =
      res.statusCode === 200 &&
      (s.observedGeneration ?? 0) >= d.metadata.generation &&
      s.updatedReplicas === d.spec.replicas &&
      s.availableReplicas === d.spec.replicas;
    process.exitCode = done ? 0 : 1;
  });
});
req.on('error', () => (process.exitCode = 1));
