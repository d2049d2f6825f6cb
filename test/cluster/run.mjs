// `npm run test:cluster`: build the control plane if needed, start it, run the cluster suites
// against it, stop every process it started (also on failure, SIGINT or SIGTERM), and end with
// the plain closing line. Extra arguments go to jest (e.g. a path or -t pattern).
import '../../scripts/require-node.mjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, CLUSTER_DIR } from './build.mjs';
import { startControlPlane } from './control-plane.mjs';

const ROOT = path.resolve(CLUSTER_DIR, '..', '..');
const log = (line) => process.stderr.write(`${line}\n`);
let cluster;
let jest;
let stopping;

function stop() {
  stopping ??= (async () => {
    if (jest && jest.exitCode === null) jest.kill('SIGTERM');
    if (cluster) await cluster.stop();
  })();
  return stopping;
}

let aborting = false;
function abort(why, code) {
  if (aborting) return;
  aborting = true;
  log(`test/cluster: ${why}, stopping the control plane`);
  stop().finally(() => process.exit(code));
}
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => abort(sig, sig === 'SIGINT' ? 130 : 143));
// `npm run` killed with SIGTERM does not pass the signal on (its `sh -c` dies, we are
// re-parented): a changed parent is taken as the same request to stop.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && abort('parent process gone', 143), 1000).unref();

async function main() {
  const t0 = Date.now();
  build({ log });
  cluster = await startControlPlane({ log });
  const description = path.join(cluster.dir, 'cluster.json');
  writeFileSync(
    description,
    JSON.stringify({
      server: cluster.server,
      caPem: cluster.caPem,
      caFile: cluster.caFile,
      adminToken: cluster.adminToken,
      adminKubeconfig: cluster.adminKubeconfig,
      staticToken: cluster.staticToken,
      staticTokenUser: cluster.staticTokenUser,
      nodes: cluster.nodes,
      version: cluster.version,
      pkiBinary: cluster.pkiBinary,
      pkiDir: cluster.pkiDir,
    }),
    { mode: 0o600 },
  );
  process.stdout.write(`kube-apiserver /version gitVersion: ${cluster.version.gitVersion}\n`);
  const results = path.join(cluster.dir, 'jest-results.json');
  const tmp = path.join(cluster.dir, 'tmp');
  mkdirSync(tmp);
  jest = spawn(
    process.execPath,
    [
      path.join(ROOT, 'scripts', 'jest.mjs'),
      '--config',
      path.join(CLUSTER_DIR, 'jest.config.mjs'),
      '--json',
      `--outputFile=${results}`,
      ...process.argv.slice(2),
    ],
    // TMPDIR inside the cluster's dir: whatever the suites write to temp goes when it goes.
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, CICD_TEST_CLUSTER: description, TMPDIR: tmp },
    },
  );
  const code = await new Promise((resolve) => jest.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  const counts = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : undefined;
  await stop();
  log(`test/cluster: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const passed = counts?.numPassedTests ?? 0;
  const failed = counts?.numFailedTests ?? 0;
  const skipped = (counts?.numPendingTests ?? 0) + (counts?.numTodoTests ?? 0);
  process.stdout.write(`\ncluster: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    log(`test/cluster: ${err.stack ?? err}`);
    await stop();
    process.exit(1);
  },
);
