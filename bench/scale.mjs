// Scale: many URLs at once, many Deployments at once, a big values file with many changes.
// Each case runs interleaved with its reference (the single-item run) and reports their ratio.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { actionEntry } from './cases.mjs';
import { measureProcess, median } from './lib/measure.mjs';
import { stepEnvironment } from './lib/runner-env.mjs';
import { bigValues, serviceName } from './lib/values-file.mjs';

const RUNS = 5;
const BUDGET_MS = 15_000;

async function runAction(ctx, found, inputs, label, prepare) {
  const step = stepEnvironment(
    found.meta,
    (dirs) => {
      prepare?.(dirs);
      return inputs;
    },
    ctx.commonEnv,
    label,
  );
  try {
    const r = await measureProcess({
      command: ctx.node,
      args: [found.entry],
      env: step.env,
      cwd: step.workspace,
      timeoutMs: 60_000,
    });
    if (r.code !== 0)
      throw new Error(
        `${label}: exit ${r.code}: ${
          (r.stdout + r.stderr)
            .split('\n')
            .filter((l) => l.includes('::error'))
            .join(' ')
            .slice(0, 300) || r.stderr.slice(-300)
        }`,
      );
    return {
      ...r,
      outputs: step.outputs(),
      workspace: step.workspace,
      files: prepare ? readBack(step.workspace) : null,
    };
  } finally {
    step.cleanup();
  }
}

function readBack(workspace) {
  try {
    return readFileSync(path.join(workspace, 'values.yaml'), 'utf8');
  } catch {
    return null;
  }
}

/** Runs `many` and `one` alternately RUNS times; returns medians and the median paired ratio. */
async function paired(many, one) {
  const manyMs = [];
  const oneMs = [];
  const ratios = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await one();
    const a = await many();
    manyMs.push(a.wallMs);
    oneMs.push(b.wallMs);
    ratios.push(a.wallMs / b.wallMs);
  }
  return { many: median(manyMs), one: median(oneMs), ratio: median(ratios), runs: RUNS };
}

async function fiftyUrls(ctx) {
  const found = actionEntry(ctx.root, 'health-check-retry');
  if (!found) return null;
  // URL i answers after 4·i ms: 0 … 196 ms; the slowest alone is the reference.
  const urls = Array.from({ length: 50 }, (_, i) => `${ctx.health.base}/slow/${4 * i}/${i}`);
  const res = await paired(
    () => runAction(ctx, found, { url: urls.join('\n') }, 'scale-urls'),
    () => runAction(ctx, found, { url: urls[49] }, 'scale-url'),
  );
  return {
    name: 'health-check-retry, 50 URLs at once',
    what: 'whole process, 50 URLs answering after 0–196 ms vs the 196 ms URL alone',
    display: `${res.many.toFixed(0)} ms vs ${res.one.toFixed(0)} ms = ${res.ratio.toFixed(2)}×`,
    targetText: '≤ 1.5× the slowest single URL',
    ok: res.ratio <= 1.5,
    runs: res.runs,
  };
}

async function twentyDeployments(ctx) {
  const found = actionEntry(ctx.root, 'wait-rollout');
  if (!found || !ctx.cluster) return null;
  const names = Array.from({ length: 20 }, (_, i) => `scale-${i}`);
  for (const n of names) await ctx.cluster.ensureRolledOut(n);
  const base = { namespace: ctx.cluster.namespace, kubeconfig: ctx.cluster.kubeconfig() };
  const res = await paired(
    () =>
      runAction(
        ctx,
        found,
        { ...base, resources: names.map((n) => `deployment/${n}`).join('\n') },
        'scale-deploys',
      ),
    () => runAction(ctx, found, { ...base, resources: `deployment/${names[0]}` }, 'scale-deploy'),
  );
  return {
    name: 'wait-rollout, 20 Deployments at once',
    what: 'whole process, 20 rolled-out Deployments vs 1',
    display: `${res.many.toFixed(0)} ms vs ${res.one.toFixed(0)} ms = ${res.ratio.toFixed(2)}×`,
    targetText: '≤ 1.5× one Deployment (our yardstick)',
    ok: res.ratio <= 1.5,
    runs: res.runs,
  };
}

async function bigBump(ctx) {
  const found = actionEntry(ctx.root, 'bump-helm-values');
  if (!found) return null;
  const original = bigValues('1.0.0');
  // Every other service: 50 changes spread over the whole file.
  const changes = Array.from(
    { length: 50 },
    (_, i) => `${serviceName(2 * i)}.image.tag=2.0.0`,
  ).join('\n');
  const times = [];
  let checked = false;
  const budgetEnd = performance.now() + BUDGET_MS;
  // A slow build of the action must not push the whole bench past its few minutes.
  for (let i = 0; i < RUNS && (i === 0 || performance.now() < budgetEnd); i++) {
    const r = await runAction(
      ctx,
      found,
      { files: 'values.yaml', changes, commit: 'false', push: 'false' },
      'scale-bump',
      ({ workspace }) => writeFileSync(path.join(workspace, 'values.yaml'), original),
    );
    if (!checked) {
      // The edit must have happened, and touched exactly the 50 tag lines.
      const after = r.files ?? '';
      const a = original.split('\n');
      const b = after.split('\n');
      const differing = a.filter((line, n) => line !== b[n]).length;
      if (a.length !== b.length || differing !== 50)
        throw new Error(
          `bump scale: expected exactly 50 changed lines, got ${differing} (lines ${a.length} → ${b.length})`,
        );
      checked = true;
    }
    times.push(r.wallMs);
  }
  const m = median(times);
  return {
    name: 'bump-helm-values, 50 changes in a 5,000-line file',
    what: 'whole process (commit: false), file written',
    display: `${m.toFixed(0)} ms`,
    targetText: '≤ 300 ms',
    ok: m <= 300,
    runs: times.length,
  };
}

export async function scaleCases(ctx, log) {
  const rows = [];
  for (const [name, measure] of [
    ['50 URLs', fiftyUrls],
    ['20 Deployments', twentyDeployments],
    ['big bump', bigBump],
  ]) {
    try {
      const row = await measure(ctx);
      if (row) {
        rows.push(row);
        log(`  scale ${name}: ${row.display}`);
      }
    } catch (err) {
      rows.push({
        name,
        what: '',
        display: '–',
        targetText: '',
        ok: false,
        runs: 0,
        failure: err.message.slice(0, 300),
      });
      log(`  scale ${name}: FAILED ${err.message}`);
    }
  }
  return rows;
}
