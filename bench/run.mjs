#!/usr/bin/env node
// npm run bench — cold start, detection latency and scale of the bundled actions, against floors
// (the same I/O with Node's built-ins only) and, when their bundles are present, the peer actions.
// Prints a table and rewrites the generated part of bench/results.md (between the markers; the
// hand-written sections around it are kept).
//
// Options: --runs N (cold-start rounds, default 11)   --only <regex> (case names)
//          --no-profile (skip the --cpu-prof runs; by default each action is profiled 5 times,
//          profiles kept in bench/out/profiles)
//          --no-write (print only)
// Env:     BENCH_PEERS_DIR=/tmp/peers  (bundles prepared by `node bench/peers.mjs <clones> <dir>`)
import '../scripts/require-node.mjs';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { availableParallelism, setPriority } from 'node:os';
import { BUDGET_MS, coldStartCases, FLOORS } from './cases.mjs';
import { startContext } from './lib/context.mjs';
import { mad, measureProcess, median, rssMethod } from './lib/measure.mjs';
import { detectionLatency } from './latency.mjs';
import { scaleCases } from './scale.mjs';
import { profileActions } from './profile.mjs';
import { renderReport, writeResults, readRecordedPeers, writeRecordedPeers } from './report.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '11' },
    only: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const rounds = Number(opts.runs);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--runs must be a positive integer');
const only = opts.only ? new RegExp(opts.only) : null;

const started = performance.now();
// Where allowed (root, or CAP_SYS_NICE), run the bench and so every measured child at a higher
// priority: other work on a shared machine then disturbs the figures less. Same for every case.
let priority = 'normal priority';
try {
  setPriority(0, -10);
  priority = 'nice -10';
} catch {
  // not permitted: measure at normal priority
}
// The machine's load says how far to trust this run's absolute figures (the ratios hold better).
const loadAverage = () =>
  existsSync('/proc/loadavg')
    ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    : 'n/a';
const loadAtStart = loadAverage();
const log = (line) => process.stderr.write(`${line}\n`);

const ctx = await startContext({ root, benchDir, log });

const nodeVersion = (
  await measureProcess({ command: ctx.node, args: ['-p', 'process.version'] })
).stdout.trim();
log(
  `bench: ${nodeVersion}, ${rounds} interleaved rounds, peak RSS via ${rssMethod}, peers ${ctx.peersDir ? `from ${ctx.peersDir}` : 'recorded'}`,
);

// ---- cold start ------------------------------------------------------------------------------
const cases = coldStartCases(ctx).filter((c) => !only || c.kind === 'floor' || only.test(c.name));
const samples = new Map(cases.map((c) => [c.name, []]));
const failures = new Map();

async function runOnce(c) {
  const prepared = c.prepare();
  try {
    const r = await measureProcess({
      command: prepared.command,
      args: prepared.args,
      env: prepared.env,
      cwd: prepared.cwd,
      timeoutMs: 30_000,
    });
    const problem = prepared.check(r);
    return { ...r, problem };
  } finally {
    prepared.cleanup();
  }
}

// One warm-up run per case (file cache, JIT of the parent) that also proves the case works.
for (const c of cases) {
  const r = await runOnce(c);
  if (r.problem) {
    failures.set(c.name, r.problem);
    log(`  ${c.name}: FAILED warm-up — ${r.problem}`);
  }
}
const live = cases.filter((c) => !failures.has(c.name));
for (let round = 0; round < rounds; round++) {
  // Rotate the order each round so no case always runs right after the same neighbour.
  const order = live.map((_, i) => live[(i + round) % live.length]);
  for (const c of order) {
    const r = await runOnce(c);
    if (r.problem) {
      failures.set(c.name, `round ${round + 1}: ${r.problem}`);
      continue;
    }
    samples.get(c.name)[round] = { wallMs: r.wallMs, cpuMs: r.cpuMs, rssKiB: r.rssKiB };
  }
  log(`  round ${round + 1}/${rounds} done`);
}

function summarise(c) {
  const runs = samples.get(c.name).filter(Boolean);
  const wall = runs.map((s) => s.wallMs);
  const row = {
    name: c.name,
    kind: c.kind,
    floor: c.floor ?? null,
    runs: runs.length,
    wallMs: median(wall),
    madMs: mad(wall),
    cpuMs: median(runs.map((s) => s.cpuMs)),
    rssMiB: median(runs.map((s) => s.rssKiB / 1024)),
    failure: failures.get(c.name) ?? null,
  };
  if (c.floor && samples.has(c.floor)) {
    // Ratio per round (the case and its floor ran moments apart), then the median of those.
    const floorRuns = samples.get(c.floor);
    const ratios = samples
      .get(c.name)
      .map((s, i) => (s && floorRuns[i] ? s.wallMs / floorRuns[i].wallMs : NaN));
    row.ratio = median(ratios);
    // The same per round on CPU time (user + system), which waiting for a busy CPU does not inflate.
    row.cpuRatio = median(
      samples
        .get(c.name)
        .map((s, i) => (s?.cpuMs && floorRuns[i]?.cpuMs ? s.cpuMs / floorRuns[i].cpuMs : NaN)),
    );
    row.floorMs = median(floorRuns.filter(Boolean).map((s) => s.wallMs));
    // Wall time over the floor, per round: the budget is an absolute figure.
    row.overMs = median(
      samples.get(c.name).map((s, i) => (s && floorRuns[i] ? s.wallMs - floorRuns[i].wallMs : NaN)),
    );
  }
  if (c.kind === 'ours') row.budgetMs = BUDGET_MS;
  if (c.peer) Object.assign(row, { repo: c.peer.id, ref: c.peer.ref, commit: c.peer.commit });
  return row;
}
const cold = cases.map(summarise);

// ---- detection latency and scale -----------------------------------------------------------
const latency = only && !only.test('latency') ? [] : await detectionLatency(ctx, log);
const scale = only && !only.test('scale') ? [] : await scaleCases(ctx, log);
const profiles =
  opts['no-profile'] || (only && !only.test('profile')) ? null : await profileActions(ctx, log);

await ctx.close();

// ---- report ----------------------------------------------------------------------------------
let peers;
const measuredPeers = cold.filter((r) => r.kind === 'peer');
if (measuredPeers.length) {
  peers = {
    source: 'measured',
    date: new Date().toISOString().slice(0, 10),
    nodeVersion,
    rows: measuredPeers,
  };
  if (!opts['no-write']) writeRecordedPeers(benchDir, peers);
} else {
  peers = readRecordedPeers(benchDir);
}
const report = renderReport({
  nodeVersion,
  rounds,
  rssMethod,
  cold,
  peers,
  latency,
  scale,
  profiles,
  floors: FLOORS,
  load: { start: loadAtStart, end: loadAverage(), cpus: availableParallelism(), priority },
  totalS: (performance.now() - started) / 1000,
});
process.stdout.write(report.console);
if (!opts['no-write']) {
  writeResults(benchDir, report.markdown);
  log(
    `bench: wrote ${path.relative(process.cwd(), path.join(benchDir, 'results.md'))} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
