#!/usr/bin/env node
// A/B one change to an action's start-up: runs the action's cold-start case with its committed
// bundle (A) and with another build of it (B), interleaved, and prints both medians and the
// median of the paired ratios B/A — the figure to quote when a change is said to help.
//
//   node bench/ab.mjs <action> <B entry, e.g. /tmp/variant/index.js> [--runs 21] [--a <A entry>]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setPriority } from 'node:os';
import { coldStartCases } from './cases.mjs';
import { startContext } from './lib/context.mjs';
import { mad, measureProcess, median } from './lib/measure.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '21' }, a: { type: 'string' } },
});
const [action, variant] = positionals;
if (!action || !variant) {
  console.error('usage: node bench/ab.mjs <action> <B entry> [--runs N] [--a <A entry>]');
  process.exit(2);
}
const log = (line) => process.stderr.write(`${line}\n`);
try {
  setPriority(0, -10); // as bench/run.mjs: less disturbed by other work where allowed
} catch {
  // normal priority
}
const ctx = await startContext({ root, benchDir, log });
const c = coldStartCases(ctx).find(
  (k) => (k.kind === 'ours' || k.kind === 'variant') && k.name === action,
);
if (!c) throw new Error(`no cold-start case for ${action} (is dist/${action} built?)`);

async function once(entry) {
  const p = c.prepare();
  try {
    const args = [...p.args.slice(0, -1), path.resolve(entry)];
    const r = await measureProcess({ command: p.command, args, env: p.env, cwd: p.cwd });
    const problem = p.check(r);
    if (problem) throw new Error(`${entry}: ${problem}`);
    return r;
  } finally {
    p.cleanup();
  }
}

const a = [];
const b = [];
const ratios = [];
const aEntry = values.a ?? c.prepare().args.at(-1);
await once(aEntry);
await once(variant);
for (let i = 0; i < Number(values.runs); i++) {
  // Alternate which goes first so neither always runs on a warmer machine.
  let ra;
  let rb;
  if (i % 2) {
    rb = await once(variant);
    ra = await once(aEntry);
  } else {
    ra = await once(aEntry);
    rb = await once(variant);
  }
  a.push(ra);
  b.push(rb);
  ratios.push(rb.wallMs / ra.wallMs);
}
await ctx.close();
const fmt = (rs) =>
  `${median(rs.map((r) => r.wallMs)).toFixed(1)} ± ${mad(rs.map((r) => r.wallMs)).toFixed(1)} ms wall, ${median(rs.map((r) => r.cpuMs)).toFixed(1)} ms CPU, RSS ${(median(rs.map((r) => r.rssKiB)) / 1024).toFixed(1)} MiB`;
const cpuRatio = median(a.map((r, i) => (r.cpuMs && b[i].cpuMs ? b[i].cpuMs / r.cpuMs : NaN)));
console.log(`${action}, ${a.length} interleaved pairs`);
console.log(`A ${aEntry}: ${fmt(a)}`);
console.log(`B ${variant}: ${fmt(b)}`);
console.log(
  `B/A median paired ratio: wall ${median(ratios).toFixed(3)} (${((median(ratios) - 1) * 100).toFixed(1)}%), CPU ${cpuRatio.toFixed(3)} (${((cpuRatio - 1) * 100).toFixed(1)}%)`,
);
