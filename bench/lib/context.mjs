// Everything a measured process talks to, started once per bench run: the health endpoint, the
// webhook sink, the simulated cluster and the helm stand-in.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { helmDeployCase } from '../helm-deploy.mjs';
import { helmRollbackCase } from '../helm-rollback.mjs';
import { startCluster } from './cluster.mjs';
import { startHealthServer, startWebhookSink } from './servers.mjs';

export async function startContext({ root, benchDir, log }) {
  const tlsDir = path.join(root, 'test', 'k8s-sim', 'fixtures');
  const ctx = {
    root,
    benchDir,
    node: process.execPath,
    // Every process (floors, ours, peers) trusts the loopback test CA the same way.
    commonEnv: { NODE_EXTRA_CA_CERTS: path.join(tlsDir, 'ca.pem') },
    health: await startHealthServer(),
    sink: await startWebhookSink(tlsDir),
    cluster: null,
    peersDir:
      process.env.BENCH_PEERS_DIR && existsSync(process.env.BENCH_PEERS_DIR)
        ? process.env.BENCH_PEERS_DIR
        : null,
  };
  ctx.cluster = await startCluster(ctx, log);
  ctx.helmRollbackCase = helmRollbackCase(ctx);
  ctx.helmDeployCase = helmDeployCase(ctx);
  ctx.close = async () => {
    await ctx.health.close();
    await ctx.sink.close();
    await ctx.cluster?.close();
  };
  return ctx;
}
