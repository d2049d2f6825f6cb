// helm-deploy: `helm upgrade --install` with the real helm CLI (argument array, never a shell),
// then OUR fail-fast wait on the workloads of the new revision's manifest (packages/kube's
// waitForRollouts, not helm's --wait), and with atomic a rollback to the last good revision
// chosen as helm-rollback chooses it, verified the same way.
import { Deadline, type Clock } from '@cicd-actions/core/clock';
import { ActionError, errorMessage } from '@cicd-actions/core/errors';
import { formatDuration } from '@cicd-actions/core/inputs';
import type { Runner } from '@cicd-actions/core/runner';
import { HelmCli, lastHelmError, type RunProgram } from '@cicd-actions/helm/helm-cli';
import type { HelmVersion } from '@cicd-actions/helm/helm-version';
import type { WorkloadReport } from '@cicd-actions/helm/history-table';
import { decodeKubeconfigInput, helmEnvironment } from '@cicd-actions/helm/kubeconfig-file';
import { readWithRetry } from '@cicd-actions/helm/read-retry';
import {
  PENDING_STATUSES,
  rollbackNeed,
  selectRollbackTarget,
  type HistoryEntry,
} from '@cicd-actions/helm/release-history';
import { rollbackArgs } from '@cicd-actions/helm/rollback-flags';
import { upgradeArgs, type UpgradeOptions } from '@cicd-actions/helm/upgrade-flags';
import type { VerifyWorkloads } from '@cicd-actions/helm/verify-workloads';
import type { RolloutResult } from '@cicd-actions/kube/watch-rollout';
import { readInputs, type DeployInputs } from './inputs';
import { report, type DeployReport, type DeployStatus } from './report';

export interface DeployDeps {
  clock: Clock;
  /** The job's cancellation (runAction's ctx.signal): helm gets SIGTERM, the wait stops. */
  signal?: AbortSignal;
  /** Registers a cleanup that runs when the action ends (runAction's ctx.onCleanup). */
  onCleanup?: (fn: () => void) => void;
  run?: RunProgram;
  verify?: VerifyWorkloads;
  /** How often a running `helm upgrade` gets a progress line; default 15 s. */
  progressEveryMs?: number;
}

/** With atomic, this share of the timeout (at least 20 s) is kept for the rollback and its check. */
export function rollbackReserveMs(timeoutMs: number): number {
  return Math.min(timeoutMs / 2, Math.max(20_000, timeoutMs / 4));
}

export async function main(runner: Runner, deps: DeployDeps): Promise<void> {
  const input = readInputs(runner);
  const kubeconfigText = await decodeKubeconfigInput(runner, input.kubeconfig, input.context);
  const deadline = new Deadline(deps.clock, input.timeoutMs);

  // A kubeconfig given as input wins over the job's KUBECONFIG.
  const helmEnv = helmEnvironment(runner, kubeconfigText, 'helm-deploy', deps.onCleanup);
  const cliOptions = {
    helm: input.helm,
    env: helmEnv.env,
    namespace: input.namespace,
    kubeContext: input.context,
    run: deps.run,
  };
  const cli = new HelmCli({ ...cliOptions, signal: deps.signal });
  // After a cancel, one short look at the history (not tied to the cancelled signal).
  const lateCli = new HelmCli(cliOptions);

  const r: DeployReport = {
    release: input.release,
    namespace: input.namespace,
    chart: input.chartText,
    chartVersion: input.chartVersion,
    helmVersion: '',
    status: 'failed',
    message: '',
    before: [],
    history: [],
    dryRun: input.dryRun,
    atomic: input.atomic,
    wait: input.wait,
  };
  let reported = false;
  const finish = (status: DeployStatus, message: string) => {
    r.status = status;
    r.message = message;
    reported = true;
    report(runner, r);
  };
  try {
    await deploy(runner, deps, input, cli, lateCli, deadline, kubeconfigText, r, finish);
  } catch (err) {
    if (!reported) {
      const cancelled = deps.signal?.aborted;
      finish(
        cancelled ? 'cancelled' : 'failed',
        cancelled ? `Cancelled: ${errorMessage(err)}` : errorMessage(err),
      );
    }
    throw err;
  } finally {
    helmEnv.remove();
  }
}

async function deploy(
  runner: Runner,
  deps: DeployDeps,
  input: DeployInputs,
  cli: HelmCli,
  lateCli: HelmCli,
  deadline: Deadline,
  kubeconfigText: string | undefined,
  r: DeployReport,
  finish: (status: DeployStatus, message: string) => void,
): Promise<void> {
  const { release, namespace } = input;
  const version: HelmVersion = await cli.version(Math.max(1000, deadline.remaining()));
  if (version.major < 3)
    throw new ActionError(
      `Helm ${version.text} is not supported: Helm 2 used Tiller and a different release store; use Helm 3 or 4`,
    );
  if (version.major > 4)
    runner.warning(`Helm ${version.text} is newer than this action knows; passing Helm 4 flags`);
  r.helmVersion = version.text;
  runner.info(`Helm ${version.text} (${input.helm}); release ${release} in namespace ${namespace}`);

  const before = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.historyOrEmpty(release, t),
  );
  r.before = before;
  r.history = before;
  const previous = before[before.length - 1];
  if (previous) {
    r.previousRevision = previous.revision;
    runner.setOutput('previous-revision', previous.revision);
  }
  if (previous && PENDING_STATUSES.includes(previous.status))
    throw new ActionError(
      `Release '${release}' is stuck in ${previous.status} at revision ${previous.revision} (an operation that never finished); helm would refuse the upgrade — roll it back first (helm-rollback)`,
    );

  // The upgrade gets the time left, minus what atomic keeps for the rollback.
  const reserve = input.atomic && !input.dryRun ? rollbackReserveMs(input.timeoutMs) : 0;
  const upgradeDeadline = new Deadline(deps.clock, Math.max(1000, deadline.remaining() - reserve));
  const options: UpgradeOptions = {
    release,
    namespace,
    chart: input.chart,
    chartVersion: input.chartVersion,
    createNamespace: input.createNamespace,
    valuesFiles: input.valuesFiles,
    set: input.set,
    setString: input.setString,
    timeoutMs: upgradeDeadline.remaining(),
    dryRun: input.dryRun,
    kubeContext: input.context,
  };
  const args = upgradeArgs(version.major, options);
  runner.info(
    `Running: ${input.helm} ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`,
  );
  const started = deps.clock.now();
  const progress = setInterval(() => {
    runner.info(
      `… helm upgrade still running (${formatDuration(deps.clock.now() - started)} elapsed, ${formatDuration(upgradeDeadline.remaining())} left)`,
    );
  }, deps.progressEveryMs ?? 15_000);
  let result;
  try {
    result = await runner.group(`helm upgrade --install ${release}`, () =>
      cli.exec(args, upgradeDeadline.remaining() + 10_000, (line) => {
        if (line.trim()) runner.info(`helm: ${line}`);
      }),
    );
  } finally {
    clearInterval(progress);
  }
  r.upgradeSeconds = Math.round((deps.clock.now() - started) / 100) / 10;

  if (result.cancelled || deps.signal?.aborted) {
    // Helm got SIGTERM and records the release as failed itself; look once at what it wrote.
    const after = await lateCli.historyOrEmpty(release, 1500).catch(() => undefined);
    if (after) {
      r.history = after;
      const created = createdRevision(after, previous);
      if (created) {
        r.revision = created.revision;
        runner.setOutput('revision', created.revision);
      }
    }
    const at = r.history[r.history.length - 1];
    const message = `Cancelled during helm upgrade of ${release} (helm was stopped with SIGTERM)${at ? `; the release is at revision ${at.revision} (${at.status})` : ''}.`;
    finish('cancelled', message);
    throw new ActionError(message);
  }

  if (input.dryRun) {
    if (result.code !== 0) {
      const message = `helm upgrade --dry-run of ${release} failed (exit code ${result.code}): ${lastHelmError(result.stderr)}`;
      finish('failed', message);
      throw new ActionError(message);
    }
    finish(
      'skipped',
      `Dry run: helm rendered and accepted ${input.chartText} for ${release}; nothing was changed.`,
    );
    return;
  }

  const after = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.historyOrEmpty(release, t),
  );
  r.history = after;
  const created = createdRevision(after, previous);
  if (created) {
    r.revision = created.revision;
    runner.setOutput('revision', created.revision);
  }

  if (result.code !== 0) {
    const helmError = lastHelmError(result.stderr);
    if (!created) {
      const message = `helm upgrade of ${release} failed before creating a revision (exit code ${result.code}): ${helmError}; ${previous ? `the release is still at revision ${previous.revision} (${previous.status}), nothing was changed` : 'the release was not installed'}`;
      r.why = [`helm: ${helmError}`];
      await addImages(cli, release, r, deadline);
      finish('failed', message);
      throw new ActionError(message);
    }
    r.why = [`helm: ${helmError}`];
    const failure = `helm upgrade of ${release} failed at revision ${created.revision} (exit code ${result.code}): ${helmError}`;
    return failed(runner, deps, input, cli, deadline, kubeconfigText, r, finish, failure, version);
  }
  if (!created) {
    // Helm exited 0 without writing a revision: nothing to wait for, and nothing this run owns.
    const message = `helm upgrade of ${release} exited 0 but its history shows no new revision after ${previous?.revision ?? 0}`;
    finish('failed', message);
    throw new ActionError(message);
  }
  runner.info(
    `helm upgrade created revision ${created.revision} (${created.status}, ${created.chart}${created.app_version ? `, app ${created.app_version}` : ''}) in ${formatDuration(deps.clock.now() - started)}`,
  );

  if (!input.wait) {
    await addImages(cli, release, r, deadline);
    finish(
      'deployed',
      `Deployed ${release} revision ${created.revision} (${created.chart}); not waited for (wait: false).`,
    );
    return;
  }

  const waitDeadline = new Deadline(deps.clock, Math.max(1000, deadline.remaining() - reserve));
  const results = await waitForRevision(
    runner,
    deps,
    input,
    cli,
    waitDeadline,
    kubeconfigText,
    created.revision,
  );
  r.results = results.raw;
  r.workloads = results.reports;
  if (deps.signal?.aborted) {
    const message = `Cancelled while waiting for revision ${created.revision} of ${release} to roll out.`;
    finish('cancelled', message);
    throw new ActionError(message);
  }
  const notReady = results.raw.filter((w) => !w.done);
  if (notReady.length) {
    r.why = notReady.map((w) => `${w.kind}/${w.name}: ${whyNot(w)}`);
    const first = notReady[0];
    const failure = `Revision ${created.revision} of ${release} did not roll out: ${first.kind}/${first.name} ${whyNot(first)}${notReady.length > 1 ? ` (and ${notReady.length - 1} more)` : ''}`;
    return failed(runner, deps, input, cli, deadline, kubeconfigText, r, finish, failure, version);
  }
  await addImages(cli, release, r, deadline);
  const slowest = Math.max(0, ...results.raw.map((w) => w.elapsedMs));
  finish(
    'deployed',
    results.raw.length
      ? `Deployed ${release} revision ${created.revision} (${created.chart}${created.app_version ? `, app ${created.app_version}` : ''}): all ${results.raw.length} workload(s) ready in ${formatDuration(slowest)}.`
      : `Deployed ${release} revision ${created.revision} (${created.chart}); its manifest has no Deployments, StatefulSets or DaemonSets to wait for.`,
  );
}

/** The revision this run created: the newest one after what was current before. */
function createdRevision(
  after: HistoryEntry[],
  previous: HistoryEntry | undefined,
): HistoryEntry | undefined {
  const newest = after[after.length - 1];
  if (!newest) return undefined;
  return newest.revision > (previous?.revision ?? 0) ? newest : undefined;
}

function whyNot(w: RolloutResult): string {
  const reason = w.reason && !w.message.includes(w.reason) ? `${w.reason}: ` : '';
  return `${w.outcome === 'timed-out' ? 'timed out' : 'failed'} (${reason}${w.message})`;
}

async function addImages(cli: HelmCli, release: string, r: DeployReport, deadline: Deadline) {
  const { revisionImages } = await import('@cicd-actions/helm/release-images');
  r.images = await revisionImages(
    cli,
    release,
    r.history,
    Math.min(5_000, Math.max(0, deadline.remaining() - 1000)),
    r.images,
  ).catch(() => r.images);
}

/** Waits for the workloads of one revision's manifest under `deadline`. */
async function waitForRevision(
  runner: Runner,
  deps: DeployDeps,
  input: DeployInputs,
  cli: HelmCli,
  deadline: Deadline,
  kubeconfigText: string | undefined,
  revision: number,
): Promise<{ raw: RolloutResult[]; reports: WorkloadReport[] }> {
  const manifest = await readWithRetry(runner, deps.clock, deadline, 'helm get manifest', (t) =>
    cli.manifest(input.release, revision, t),
  );
  const { workloadsFromManifest } = await import('@cicd-actions/helm/manifest-workloads');
  const refs = workloadsFromManifest(manifest, input.namespace);
  if (!refs.length) return { raw: [], reports: [] };
  runner.info(
    `Waiting for ${refs.length} workload(s) of revision ${revision}: ${refs.map((w) => `${w.kind}/${w.name}`).join(', ')} (${formatDuration(deadline.remaining())} left)`,
  );
  const verify =
    deps.verify ?? (await import('@cicd-actions/helm/verify-workloads')).verifyWorkloads;
  const raw: RolloutResult[] = [];
  const reports = await verify(refs, {
    deadline,
    kubeconfig: kubeconfigText ?? '',
    context: input.context,
    env: runner.env,
    runner,
    signal: deps.signal,
    userAgent: 'cicd-actions/helm-deploy',
    onResult: (w) => raw.push(w),
  });
  return { raw, reports };
}

/** The deploy failed: without atomic, report it; with atomic, roll back and verify. */
async function failed(
  runner: Runner,
  deps: DeployDeps,
  input: DeployInputs,
  cli: HelmCli,
  deadline: Deadline,
  kubeconfigText: string | undefined,
  r: DeployReport,
  finish: (status: DeployStatus, message: string) => void,
  failure: string,
  version: HelmVersion,
): Promise<never> {
  if (!input.atomic) {
    await addImages(cli, input.release, r, deadline);
    finish('failed', failure);
    throw new ActionError(failure);
  }
  const { release, namespace } = input;
  runner.info(`${failure}; atomic: rolling back to the last good revision`);
  const history = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.history(release, t),
  );
  r.history = history;
  const need = rollbackNeed(history, release, r.revision);
  if (!need.needed) {
    const message = `${failure}; atomic: not rolled back, ${need.reason}`;
    await addImages(cli, release, r, deadline);
    finish('failed', message);
    throw new ActionError(message);
  }
  let plan;
  try {
    plan = selectRollbackTarget(history, release);
  } catch (err) {
    const message = `${failure}; atomic: nothing to roll back to — ${errorMessage(err)}`;
    await addImages(cli, release, r, deadline);
    finish('failed', message);
    throw new ActionError(message);
  }
  r.rollback = { from: plan.current.revision, to: plan.target.revision };
  runner.info(
    `Rolling back ${release} from revision ${plan.current.revision} to revision ${plan.target.revision} (${plan.target.chart}): ${plan.reason}`,
  );
  const args = rollbackArgs(version.major, {
    release,
    namespace,
    revision: plan.target.revision,
    wait: false,
    waitForJobs: false,
    timeoutMs: Math.max(1000, deadline.remaining()),
    cleanupOnFail: false,
    dryRun: false,
    force: false,
    recreatePods: false,
    noHooks: false,
    kubeContext: input.context,
  });
  runner.info(`Running: ${input.helm} ${args.join(' ')}`);
  const rolled = await runner.group(`helm rollback ${release} ${plan.target.revision}`, () =>
    cli.rollback(args, deadline.remaining() + 10_000, (line) => {
      if (line.trim()) runner.info(`helm: ${line}`);
    }),
  );
  if (rolled.cancelled || deps.signal?.aborted) {
    const message = `${failure}; cancelled during the atomic rollback to revision ${plan.target.revision}.`;
    finish('cancelled', message);
    throw new ActionError(message);
  }
  const afterRollback = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.history(release, t),
  );
  r.history = afterRollback;
  const newest = afterRollback[afterRollback.length - 1];
  if (rolled.code !== 0 || !newest || newest.revision <= plan.current.revision) {
    const message = `${failure}; atomic: helm rollback to revision ${plan.target.revision} failed (exit code ${rolled.code}): ${lastHelmError(rolled.stderr)}`;
    await addImages(cli, release, r, deadline);
    finish('failed', message);
    throw new ActionError(message);
  }
  r.rollback.newRevision = newest.revision;
  const check = await waitForRevision(
    runner,
    deps,
    input,
    cli,
    deadline,
    kubeconfigText,
    newest.revision,
  );
  r.rollback.workloads = check.reports;
  await addImages(cli, release, r, deadline);
  const notReady = check.raw.filter((w) => !w.done);
  if (notReady.length) {
    const message = `${failure}; atomic: rolled back to revision ${plan.target.revision} (new revision ${newest.revision}), but ${notReady[0].kind}/${notReady[0].name} is not ready either: ${whyNot(notReady[0])}`;
    finish('failed', message);
    throw new ActionError(message);
  }
  const message = `${failure}; atomic: rolled back to revision ${plan.target.revision} (new revision ${newest.revision}), verified: ${check.raw.length} workload(s) ready.`;
  finish('rolled-back', message);
  throw new ActionError(message);
}
