// wait-rollout: validate, find the cluster, wait for every rollout under one deadline, explain
// what did not finish, and report (outputs, summary, one ::error:: line).
import {
  ActionError,
  Deadline,
  InputError,
  errorMessage,
  formatDuration,
  systemClock,
  type Clock,
  type Env,
  type Runner,
} from '@cicd-actions/core';
import type { KubeConnection } from '@cicd-actions/kube/kubeconfig';
import type { KubeApi } from '@cicd-actions/kube/kube-api';
import { connectCluster } from '@cicd-actions/kube/cluster-session';
import {
  collectDiagnostics,
  formatDiagnostics,
  type RolloutDiagnostics,
} from '@cicd-actions/kube/diagnostics';
import { waitForRollouts, type RolloutResult } from '@cicd-actions/kube/watch-rollout';
import {
  formatWorkloadRef,
  workloadCollectionPath,
  type WorkloadRef,
} from '@cicd-actions/kube/workload-ref';
import { readInputs, type WaitRolloutInputs } from './inputs';
import {
  failureLine,
  messageLine,
  refName,
  resultsJson,
  summaryMarkdown,
  type AnyResult,
} from './report';
import {
  formatResourceRef,
  waitForResources,
  type ResourceResult,
} from '@cicd-actions/kube/watch-resources';

export interface WaitRolloutDeps {
  env: Env;
  clock?: Clock;
  /** The job's cancellation (runAction's ctx.signal). */
  signal?: AbortSignal;
  /** Where the in-cluster service account lives (tests point it at a fixture). */
  serviceAccountDir?: string;
  readFile?: (file: string) => string;
  /** A client instead of the real one (unit tests). */
  createApi?: (conn: KubeConnection) => Promise<KubeApi>;
  /** Timing knobs of the wait (unit tests shorten them). */
  wait?: { backstopMs?: number; podCheckMs?: number; progressIntervalMs?: number };
}

interface List {
  items?: Array<{ metadata?: { name?: string } }>;
}

/** The workloads a selector names, in the order kinds were given, then by name. */
async function selectTargets(
  api: KubeApi,
  inputs: WaitRolloutInputs,
  deadline: Deadline,
): Promise<WorkloadRef[]> {
  const found: WorkloadRef[] = [];
  for (const kind of inputs.kinds) {
    const list = await api.get<List>(
      workloadCollectionPath(kind, inputs.namespace),
      { labelSelector: inputs.selector },
      { timeoutMs: Math.max(1000, deadline.cap(15_000)) },
    );
    const names = (list.items ?? [])
      .map((i) => i.metadata?.name ?? '')
      .filter(Boolean)
      .sort();
    for (const name of names) found.push({ kind, name, namespace: inputs.namespace });
  }
  return found;
}

export async function main(runner: Runner, deps: WaitRolloutDeps): Promise<void> {
  // Masked before anything else can print it, even an error about it.
  runner.setSecret(runner.env['INPUT_KUBECONFIG']?.trim());
  const inputs = readInputs(runner);
  let failure: string | undefined;
  try {
    failure = await waitAndReport(runner, inputs, deps);
  } catch (err) {
    // A failure before any rollout was judged (no cluster, a selector that matches nothing) is
    // still the next step's one line; a bad input stays an input error with no outputs.
    if (!(err instanceof InputError))
      runner.setOutput('message', runner.redact(errorMessage(err).split('\n')[0]));
    throw err;
  }
  if (failure) throw new ActionError(failure);
}

async function waitAndReport(
  runner: Runner,
  inputs: WaitRolloutInputs,
  deps: WaitRolloutDeps,
): Promise<string | undefined> {
  const clock = deps.clock ?? systemClock;
  const deadline = new Deadline(clock, inputs.timeoutMs);
  // The wait ends early enough for the diagnostics to fit before the deadline.
  const session = await connectCluster({
    kubeconfig: inputs.kubeconfig,
    context: inputs.context,
    env: deps.env,
    deadline: deadline.at,
    signal: deps.signal,
    onSecret: (s) => runner.setSecret(s),
    userAgent: 'cicd-actions/wait-rollout',
    serviceAccountDir: deps.serviceAccountDir,
    readFile: deps.readFile,
    createApi: deps.createApi,
    now: () => clock.now(),
  });
  const api = session.api;
  try {
    const targets = [...inputs.targets];
    if (inputs.selector) {
      let selected: WorkloadRef[];
      try {
        selected = await selectTargets(api, inputs, deadline);
      } catch (err) {
        throw new ActionError(
          `cannot list workloads matching selector '${inputs.selector}' in namespace '${inputs.namespace}': ${errorMessage(err)}`,
        );
      }
      if (!selected.length)
        throw new ActionError(
          `no ${inputs.kinds.map((k) => k.toLowerCase()).join(', ')} matches selector '${inputs.selector}' in namespace '${inputs.namespace}'`,
        );
      for (const t of selected)
        if (!targets.some((x) => x.kind === t.kind && x.name === t.name)) targets.push(t);
    }

    const resources = inputs.all.flatMap((t) => ('resource' in t ? [t.resource] : []));
    const named = [...targets.map(formatWorkloadRef), ...resources.map(formatResourceRef)];
    runner.info(
      `Waiting for ${named.join(', ')} in namespace ${inputs.namespace} on ${session.describe()}; ` +
        `timeout ${formatDuration(inputs.timeoutMs)}, fail-fast ${inputs.failFast ? 'on' : 'off'}` +
        (inputs.images.length
          ? `; first until the pod templates carry ${inputs.images.map((i) => (i.container ? `${i.container}=${i.image}` : i.image)).join(', ')}`
          : '') +
        (inputs.revision && resources.length ? `; at revision ${inputs.revision}` : ''),
    );
    // The step fails once any item has failed: the others are not waited for any longer (they
    // are reported with reason Stopped), so a crash loop does not wait out an Application's health.
    const stop = new AbortController();
    let stoppedBy: string | undefined;
    const onFailure = (r: AnyResult) => {
      if (r.outcome !== 'failed' || stoppedBy) return;
      stoppedBy = refName(r);
      // After the current tick: failures found in the same answer are all reported as such.
      setImmediate(() => stop.abort());
    };
    const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
    const [rollouts, others] = await Promise.all([
      targets.length
        ? waitForRollouts({
            api,
            targets,
            deadline: session.waitDeadline,
            clock,
            failFast: inputs.failFast,
            images: inputs.images,
            signal,
            ...deps.wait,
            onProgress: (p) =>
              runner.info(
                `${formatWorkloadRef(p.ref)}: ${p.message} [${formatDuration(p.elapsedMs)}]`,
              ),
            // Said the moment it is known, as kubectl prints it, not after the slowest workload.
            onResult: (r) => {
              if (r.done)
                runner.info(
                  `${formatWorkloadRef(r)}: ${r.message} (${formatDuration(r.elapsedMs)})`,
                );
              onFailure(r);
            },
            onNotice: (line) => runner.warning(line),
          })
        : Promise.resolve([] as RolloutResult[]),
      resources.length
        ? waitForResources({
            api,
            targets: resources,
            deadline: session.waitDeadline,
            clock,
            revision: inputs.revision,
            refresh: inputs.refresh,
            acceptPaused: inputs.acceptPaused,
            signal,
            ...deps.wait,
            onProgress: (p) =>
              runner.info(
                `${formatResourceRef(p.ref)}: ${p.message} [${formatDuration(p.elapsedMs)}]`,
              ),
            onResult: (r) => {
              if (r.done)
                runner.info(
                  `${formatResourceRef(r)}: ${r.message} (${formatDuration(r.elapsedMs)})`,
                );
              onFailure(r);
            },
            onNotice: (line) => runner.warning(line),
          })
        : Promise.resolve([] as ResourceResult[]),
    ]);
    // In the order the input named them; selected workloads after.
    const results: AnyResult[] = [];
    let w = 0;
    let o = 0;
    for (const t of inputs.all) results.push('workload' in t ? rollouts[w++] : others[o++]);
    while (w < rollouts.length) results.push(rollouts[w++]);
    if (stoppedBy && !deps.signal?.aborted)
      for (const r of results)
        if (r.outcome === 'timed-out') {
          r.reason = 'Stopped';
          r.message = `${r.message} (not waited for after ${stoppedBy} failed)`;
        }

    // Cancelled: what was still being waited for says so (not "timed out"), and no diagnostics
    // are read — the runner gives a cancelled step seconds, not minutes.
    const cancelled = deps.signal?.aborted === true;
    if (cancelled)
      for (const r of results)
        if (!r.done) {
          r.reason = 'Cancelled';
          r.message = `${r.message} (not waited for: the job was cancelled)`;
        }

    const diagnostics = new Map<AnyResult, RolloutDiagnostics>();
    for (const r of results) {
      const name = refName(r);
      if (r.done || cancelled) continue;
      await runner.group(
        `${name}: ${r.outcome === 'timed-out' ? 'timed out' : 'failed'} (${r.reason ?? r.outcome}) — diagnostics`,
        async () => {
          runner.info(r.message);
          if ('details' in r) {
            for (const line of r.details) runner.info(`  ${line}`);
            return;
          }
          if (!r.object) return;
          const budget = session.diagnosticsBudget(5_000);
          try {
            const diag = await collectDiagnostics(api, r, r.object, { signal: budget.signal });
            diagnostics.set(r, diag);
            for (const line of formatDiagnostics(diag)) runner.info(line);
          } finally {
            budget.dispose();
          }
        },
      );
    }

    const failed = results.filter((r) => !r.done);
    runner.setOutput('ready', failed.length === 0);
    runner.setOutput('resources', runner.redact(resultsJson(results)));
    runner.setOutput('failed', failed.map(refName).join(','));
    runner.setOutput('message', runner.redact(messageLine(results, inputs.timeoutMs)));
    runner.appendSummary(
      summaryMarkdown(inputs.namespace, inputs.timeoutMs, results, diagnostics, {
        selector: inputs.selector,
      }),
    );
    return failed.length ? failureLine(results, inputs.timeoutMs) : undefined;
  } finally {
    session.close();
  }
}
