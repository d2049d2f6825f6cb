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
import {
  KubeconfigError,
  loadKubeConnection,
  type KubeConnection,
} from '@cicd-actions/kube/kubeconfig';
import { createKubeApi, type KubeApi } from '@cicd-actions/kube/kube-api';
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
import { failureLine, messageLine, resultsJson, summaryMarkdown } from './report';

export interface WaitRolloutDeps {
  env: Env;
  clock?: Clock;
  /** Where the in-cluster service account lives (tests point it at a fixture). */
  serviceAccountDir?: string;
  readFile?: (file: string) => string;
  /** A client instead of the real one (unit tests). */
  createApi?: (conn: KubeConnection) => Promise<KubeApi>;
  /** Timing knobs of the wait (unit tests shorten them). */
  wait?: { backstopMs?: number; podCheckMs?: number; progressIntervalMs?: number };
}

/** Budget for reading diagnostics once the deadline has passed. */
const DIAGNOSTICS_BUDGET_MS = 5_000;

async function connect(
  runner: Runner,
  inputs: WaitRolloutInputs,
  deps: WaitRolloutDeps,
): Promise<KubeConnection> {
  try {
    return await loadKubeConnection({
      content: inputs.kubeconfig,
      context: inputs.context,
      env: deps.env,
      serviceAccountDir: deps.serviceAccountDir,
      readFile: deps.readFile,
      onSecret: (s) => runner.setSecret(s),
    });
  } catch (err) {
    if (!(err instanceof KubeconfigError)) throw err;
    // A problem in what the workflow gave us is an input error; one in the runner's files is not.
    if (inputs.kubeconfig || err.about === 'context') throw new InputError(err.about, err.message);
    throw new ActionError(err.message);
  }
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
  const conn = await connect(runner, inputs, deps);

  let api: KubeApi;
  try {
    api = await (
      deps.createApi ??
      ((c) =>
        createKubeApi(c, {
          onSecret: (s) => runner.setSecret(s),
          userAgent: 'cicd-actions/wait-rollout',
          env: deps.env,
          pluginTimeoutMs: Math.max(1000, deadline.cap(60_000)),
        }))
    )(conn);
  } catch (err) {
    throw new ActionError(
      `cannot get credentials for context '${conn.context}' from ${conn.source}: ${errorMessage(err)}`,
    );
  }
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

    runner.info(
      `Waiting for ${targets.map(formatWorkloadRef).join(', ')} in namespace ${inputs.namespace} on ${conn.server} ` +
        `(context ${conn.context} from ${conn.source}); timeout ${formatDuration(inputs.timeoutMs)}, fail-fast ${inputs.failFast ? 'on' : 'off'}`,
    );
    const results = await waitForRollouts({
      api,
      targets,
      deadline: deadline.at,
      clock,
      failFast: inputs.failFast,
      ...deps.wait,
      onProgress: (p) =>
        runner.info(`${formatWorkloadRef(p.ref)}: ${p.message} [${formatDuration(p.elapsedMs)}]`),
    });

    const diagnostics = new Map<RolloutResult, RolloutDiagnostics>();
    for (const r of results) {
      const name = formatWorkloadRef(r);
      if (r.done) {
        runner.info(`${name}: ${r.message} (${formatDuration(r.elapsedMs)})`);
        continue;
      }
      await runner.group(
        `${name}: ${r.outcome === 'timed-out' ? 'timed out' : 'failed'} (${r.reason ?? r.outcome}) — diagnostics`,
        async () => {
          runner.info(r.message);
          if (!r.object) return;
          const budget = AbortSignal.timeout(DIAGNOSTICS_BUDGET_MS);
          const diag = await collectDiagnostics(api, r, r.object, { signal: budget });
          diagnostics.set(r, diag);
          for (const line of formatDiagnostics(diag)) runner.info(line);
        },
      );
    }

    const failed = results.filter((r) => !r.done);
    runner.setOutput('ready', failed.length === 0);
    runner.setOutput('resources', runner.redact(resultsJson(results)));
    runner.setOutput('failed', failed.map(formatWorkloadRef).join(','));
    runner.setOutput('message', runner.redact(messageLine(results, inputs.timeoutMs)));
    runner.appendSummary(
      summaryMarkdown(inputs.namespace, inputs.timeoutMs, results, diagnostics, {
        selector: inputs.selector,
      }),
    );
    return failed.length ? failureLine(results, inputs.timeoutMs) : undefined;
  } finally {
    api.close();
  }
}
