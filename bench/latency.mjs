// Detection latency: how long after the world changes does the waiting action exit?
// The change happens at a random moment between the action's requests (as a real service turns
// healthy whenever it likes), and the figure is the child's exit time minus the change time.
import { setTimeout as sleep } from 'node:timers/promises';
import { actionEntry } from './cases.mjs';
import { measureProcess, median } from './lib/measure.mjs';
import { stepEnvironment } from './lib/runner-env.mjs';

const RUNS = 7;
const TARGET_MS = 150;

async function until(predicate, timeoutMs, what) {
  const end = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

function summary(name, what, values, failure) {
  return {
    name,
    what,
    medianMs: median(values),
    minMs: values.length ? Math.min(...values) : NaN,
    maxMs: values.length ? Math.max(...values) : NaN,
    targetMs: TARGET_MS,
    runs: values.length,
    failure,
  };
}

async function healthCheckLatency(ctx, log) {
  const found = actionEntry(ctx.root, 'health-check-retry');
  if (!found) return null;
  const values = [];
  let failure = null;
  for (let i = 0; i < RUNS; i++) {
    ctx.health.setHealthy(false);
    const before = ctx.health.hits('/flip');
    const step = stepEnvironment(
      found.meta,
      {
        url: `${ctx.health.base}/flip`,
        'retry-delay': '100ms',
        'max-delay': '100ms',
        'max-attempts': '1000',
        timeout: '60s',
      },
      ctx.commonEnv,
      'latency',
    );
    try {
      const run = measureProcess({
        command: ctx.node,
        args: [found.entry],
        env: step.env,
        cwd: step.workspace,
        timeoutMs: 30_000,
        rusage: false,
      });
      await until(() => ctx.health.hits('/flip') >= before + 2, 10_000, 'two failed attempts');
      await sleep(Math.random() * 100);
      const healthyAt = ctx.health.setHealthy(true);
      const r = await run;
      if (r.code !== 0)
        throw new Error(
          `exit ${r.code}: ${r.stdout
            .split('\n')
            .filter((l) => l.startsWith('::error'))
            .join(' ')}`,
        );
      values.push(r.exitAt - healthyAt);
    } catch (err) {
      failure = err.message.slice(0, 300);
      break;
    } finally {
      step.cleanup();
    }
  }
  ctx.health.setHealthy(false);
  log(
    `  latency health-check-retry: ${values.map((v) => v.toFixed(0)).join(', ')} ms${failure ? ` (${failure})` : ''}`,
  );
  return summary(
    'health-check-retry',
    'endpoint turns healthy → process exits (retry-delay and max-delay 100ms)',
    values,
    failure,
  );
}

async function waitRolloutLatency(ctx, log, count) {
  const found = actionEntry(ctx.root, 'wait-rollout');
  if (!found || !ctx.cluster) return null;
  const names = Array.from({ length: count }, (_, i) => (count === 1 ? 'lat' : `lat-${i}`));
  const values = [];
  let failure = null;
  for (let i = 0; i < RUNS; i++) {
    for (const name of names) await ctx.cluster.startRollout(name);
    const step = stepEnvironment(
      found.meta,
      {
        resources: names.map((n) => `deployment/${n}`).join('\n'),
        namespace: ctx.cluster.namespace,
        kubeconfig: ctx.cluster.kubeconfig(),
        timeout: '60s',
      },
      ctx.commonEnv,
      'latency',
    );
    try {
      const watchesBefore = ctx.cluster.watches();
      const run = measureProcess({
        command: ctx.node,
        args: [found.entry],
        env: step.env,
        cwd: step.workspace,
        timeoutMs: 30_000,
        rusage: false,
      });
      // Complete the rollout once the action is watching and has gone quiet (its initial reads
      // done), at a random moment after that.
      await until(
        () =>
          ctx.cluster.watches() > watchesBefore &&
          performance.now() - ctx.cluster.lastRequestAt() > 30,
        10_000,
        'the action to start watching',
      );
      await sleep(Math.random() * 100);
      let completedAt = 0;
      for (const name of names) completedAt = await ctx.cluster.completeRollout(name);
      const r = await run;
      if (r.code !== 0)
        throw new Error(
          `exit ${r.code}: ${r.stdout
            .split('\n')
            .filter((l) => l.startsWith('::error'))
            .join(' ')}`,
        );
      values.push(r.exitAt - completedAt);
    } catch (err) {
      failure = err.message.slice(0, 300);
      break;
    } finally {
      step.cleanup();
    }
  }
  log(
    `  latency wait-rollout ×${count}: ${values.map((v) => v.toFixed(0)).join(', ')} ms${failure ? ` (${failure})` : ''}`,
  );
  return summary(
    count === 1 ? 'wait-rollout' : `wait-rollout, ${count} Deployments`,
    count === 1
      ? 'simulated Deployment becomes complete → process exits (watch)'
      : `all ${count} Deployments become complete → process exits`,
    values,
    failure,
  );
}

export async function detectionLatency(ctx, log) {
  const rows = [];
  for (const measure of [
    () => healthCheckLatency(ctx, log),
    () => waitRolloutLatency(ctx, log, 1),
    () => waitRolloutLatency(ctx, log, 20),
  ]) {
    try {
      const row = await measure();
      if (row) rows.push(row);
    } catch (err) {
      log(`  latency: ${err.message}`);
    }
  }
  return rows;
}
