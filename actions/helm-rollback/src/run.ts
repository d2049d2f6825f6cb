// helm-rollback: roll a release back to its last good revision with the real helm CLI, then
// prove it worked by waiting for the workloads the rolled-back manifest declares.
import { Deadline, type Clock } from '@cicd-actions/core/clock';
import { ActionError, errorMessage } from '@cicd-actions/core/errors';
import { formatDuration } from '@cicd-actions/core/inputs';
import type { Runner } from '@cicd-actions/core/runner';
import {
  HelmCli,
  lastHelmError,
  type ProgramResult,
  type RunProgram,
} from '@cicd-actions/helm/helm-cli';
import type { HelmVersion } from '@cicd-actions/helm/helm-version';
import {
  rollbackNeed,
  selectRollbackTarget,
  type HistoryEntry,
  type RollbackPlan,
} from '@cicd-actions/helm/release-history';
import type { RevisionImages } from '@cicd-actions/helm/history-table';
import { rollbackArgs, type RollbackOptions } from '@cicd-actions/helm/rollback-flags';
import type { VerifyWorkloads } from '@cicd-actions/helm/verify-workloads';
import { revisionImages } from '@cicd-actions/helm/release-images';
import { readWithRetry } from '@cicd-actions/helm/read-retry';
import { decodeKubeconfigInput, helmEnvironment } from '@cicd-actions/helm/kubeconfig-file';
import { readInputs, type RollbackInputs } from './inputs';
import {
  logHistory,
  reportError,
  reportNewRevision,
  reportNoTarget,
  reportNotNeeded,
  reportRollback,
  reportTarget,
  type Outcome,
  type RollbackReport,
  type RollbackStatus,
  type WorkloadReport,
} from './report';

export type { VerifyWorkloads };

export interface RollbackDeps {
  clock: Clock;
  run?: RunProgram;
  verify?: VerifyWorkloads;
  /** How often a running `helm rollback` gets a progress line; default 15 s. */
  progressEveryMs?: number;
  /** The job's cancellation (runAction's ctx.signal): helm gets SIGTERM, the wait stops. */
  signal?: AbortSignal;
  /** Registers a cleanup that runs however the action ends (runAction's ctx.onCleanup). */
  onCleanup?: (fn: () => void) => void;
}

/** What one run works with, handed from step to step. */
interface Job {
  runner: Runner;
  deps: RollbackDeps;
  input: RollbackInputs;
  cli: HelmCli;
  deadline: Deadline;
  kubeconfigText: string | undefined;
  outcome: Outcome;
}

/** Sets the outcome of an attempted rollback (status, message, history, summary). */
type Finish = (status: RollbackStatus, headline: string) => void;

type Options = Omit<RollbackOptions, 'revision'>;

export async function main(runner: Runner, deps: RollbackDeps): Promise<void> {
  const input = readInputs(runner);
  const kubeconfigText = await decodeKubeconfigInput(runner, input.kubeconfig, input.context);
  const deadline = new Deadline(deps.clock, input.timeoutMs);

  // A kubeconfig given as input wins over the job's KUBECONFIG.
  const helmEnv = helmEnvironment(runner, kubeconfigText, 'helm-rollback', deps.onCleanup);
  const cli = new HelmCli({
    helm: input.helm,
    env: helmEnv.env,
    namespace: input.namespace,
    kubeContext: input.context,
    run: deps.run,
    signal: deps.signal,
  });

  const outcome: Outcome = {};
  try {
    await rollback({ runner, deps, input, cli, deadline, kubeconfigText, outcome });
  } catch (err) {
    // The next step (e.g. a notification) can still read what happened.
    reportError(runner, outcome, err);
    throw err;
  } finally {
    helmEnv.remove();
  }
}

async function rollback(job: Job): Promise<void> {
  const { runner, input } = job;
  const { release, namespace } = input;
  const { version, options } = await checkHelm(job);
  const { before, current, images } = await readHistory(job);
  if (!needsRollback(job, version, before, current, images)) return;
  const plan = chooseTarget(job, before, current, images);

  const report: RollbackReport = {
    release,
    namespace,
    helmVersion: version.text,
    status: 'failed',
    headline: '',
    before,
    from: plan.current.revision,
    to: plan.target.revision,
    dryRun: input.dryRun,
    images,
  };
  const finish: Finish = (status, headline) =>
    reportRollback(runner, job.outcome, report, status, headline);

  const result = await runHelmRollback(job, version, options, plan.target.revision);
  if (result.code !== 0) return rollbackFailed(job, plan, result, report, finish);

  if (input.dryRun) {
    finish(
      'skipped',
      `Dry run: would roll back from revision ${plan.current.revision} to revision ${plan.target.revision}; Helm accepted the rollback and nothing was changed.`,
    );
    runner.info(
      `Dry run: ${release} would be rolled back to revision ${plan.target.revision}; nothing was changed`,
    );
    return;
  }
  await confirmRollback(job, plan, report, images, finish);
}

/** `helm version`, Helm 2 refused; the flags are checked before anything changes. */
async function checkHelm(job: Job): Promise<{ version: HelmVersion; options: Options }> {
  const { runner, input, cli, deadline } = job;
  const { release, namespace } = input;
  const version: HelmVersion = await cli.version(Math.max(1000, deadline.remaining()));
  if (version.major < 3)
    throw new ActionError(
      `Helm ${version.text} is not supported: Helm 2 used Tiller and a different release store; use Helm 3 or 4`,
    );
  if (version.major > 4)
    runner.warning(`Helm ${version.text} is newer than this action knows; passing Helm 4 flags`);
  // Built once with a placeholder revision so that a flag this Helm lacks fails before anything changes.
  const options: Options = {
    release,
    namespace,
    wait: input.wait,
    waitForJobs: input.waitForJobs,
    timeoutMs: input.timeoutMs,
    cleanupOnFail: input.cleanupOnFail,
    dryRun: input.dryRun,
    force: input.force,
    recreatePods: input.recreatePods,
    noHooks: input.noHooks,
    kubeContext: input.context,
  };
  rollbackArgs(version.major, { ...options, revision: 1 });
  runner.info(`Helm ${version.text} (${input.helm}); release ${release} in namespace ${namespace}`);
  return { version, options };
}

/** The release's history before the rollback, with what each revision ran, in a log group. */
async function readHistory(job: Job): Promise<{
  before: HistoryEntry[];
  current: HistoryEntry | undefined;
  images: RevisionImages;
}> {
  const { runner, deps, input, cli, deadline } = job;
  const { release } = input;
  const before = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.history(release, t),
  );
  job.outcome.history = before;
  const current = before[before.length - 1];
  // What each revision ran, for the history tables (best effort, a few seconds at most).
  const images: RevisionImages = await revisionImages(
    cli,
    release,
    before,
    Math.min(5_000, deadline.remaining() / 10),
  );
  if (current)
    logHistory(
      runner,
      `History of ${release}: ${before.length} revision(s), current ${current.revision} (${current.status})`,
      before,
      { [current.revision]: 'current' },
      images,
    );
  return { before, current, images };
}

/** With failed-revision, only that revision while still current is rolled back (else reported). */
function needsRollback(
  job: Job,
  version: HelmVersion,
  before: HistoryEntry[],
  current: HistoryEntry | undefined,
  images: RevisionImages,
): boolean {
  const { runner, input } = job;
  const { release, namespace } = input;
  if (input.failedRevision === 'any') {
    runner.warning(
      `failed-revision is not set: rolling back whatever revision of ${release} is current${current ? ` (${current.revision})` : ''}, even one this run did not create. Set failed-revision to the deploy's revision output (helm-deploy: \${{ steps.<deploy>.outputs.revision }}) so that nothing is rolled back when the deploy created no revision or someone deployed since.`,
    );
    return true;
  }
  const need = rollbackNeed(before, release, input.failedRevision);
  if (!need.needed) {
    reportNotNeeded(runner, job.outcome, {
      release,
      namespace,
      helmVersion: version.text,
      reason: need.reason,
      history: before,
      current: need.current,
      images,
    });
    return false;
  }
  runner.info(
    `Revision ${input.failedRevision} (the one the deploy created) is the current revision of ${release}: rolling it back`,
  );
  return true;
}

/** The revision to roll back to; when there is none, the summary still shows the history. */
function chooseTarget(
  job: Job,
  before: HistoryEntry[],
  current: HistoryEntry | undefined,
  images: RevisionImages,
): RollbackPlan {
  const { runner, input } = job;
  const { release, namespace } = input;
  let plan: RollbackPlan;
  try {
    plan = selectRollbackTarget(before, release, input.revision);
  } catch (err) {
    // Nothing was changed; the summary still shows the history that made the choice impossible.
    reportNoTarget(runner, release, namespace, err, before, current, images);
    throw err;
  }
  for (const note of plan.notes) runner.notice(note);
  runner.info(
    `Rolling back ${release} from revision ${plan.current.revision} (${plan.current.status}) to revision ${plan.target.revision} (${plan.target.status}, ${plan.target.chart}): ${plan.reason}`,
  );
  reportTarget(runner, plan.current.revision, plan.target.revision);
  return plan;
}

/** `helm rollback`, once, with progress lines; its output goes to the log, a cancel is a failure. */
async function runHelmRollback(
  job: Job,
  version: HelmVersion,
  options: Options,
  revision: number,
): Promise<ProgramResult> {
  const { runner, deps, input, cli, deadline } = job;
  const args = rollbackArgs(version.major, {
    ...options,
    revision,
    timeoutMs: Math.max(1000, deadline.remaining()),
  });
  runner.info(`Running: ${input.helm} ${args.join(' ')}`);
  const started = deps.clock.now();
  const progress = setInterval(() => {
    runner.info(
      `… helm rollback still running (${formatDuration(deps.clock.now() - started)} elapsed, ${formatDuration(deadline.remaining())} left)`,
    );
  }, deps.progressEveryMs ?? 15_000);
  let result;
  try {
    // Killed a little after its own --timeout, so that Helm can record the outcome itself.
    result = await cli.rollback(args, deadline.remaining() + 15_000);
  } finally {
    clearInterval(progress);
  }
  if (result.cancelled)
    result = {
      ...result,
      code: result.code || 1,
      stderr: `${result.stderr}\nError: cancelled: helm was stopped with SIGTERM (the job was cancelled)`,
    };
  for (const line of `${result.stdout}\n${result.stderr}`.split(/\r?\n/))
    if (line.trim()) runner.info(`helm: ${line}`);
  return result;
}

/** helm rollback failed: the revision it may still have written, and why its workloads are not ready. */
async function rollbackFailed(
  job: Job,
  plan: RollbackPlan,
  result: ProgramResult,
  report: RollbackReport,
  finish: Finish,
): Promise<never> {
  const { runner, input, cli, deadline } = job;
  const { release } = input;
  const after = await cli
    .history(release, Math.max(1000, Math.min(30_000, deadline.remaining() + 10_000)))
    .catch(() => undefined);
  if (after) {
    report.after = after;
    const latest = after[after.length - 1];
    if (latest && latest.revision > plan.current.revision) {
      report.newRevision = latest.revision;
      reportNewRevision(runner, latest.revision);
    }
  }
  const message = `helm rollback of ${release} to revision ${plan.target.revision} failed (exit code ${result.code}): ${lastHelmError(result.stderr)}`;
  // Helm got as far as writing the revision (typically its --wait gave up): say why the
  // workloads are not ready, with a short look rather than another wait.
  if (report.newRevision !== undefined && input.verify) {
    report.workloads = await diagnoseWorkloads(job, report.newRevision);
  }
  finish('failed', message);
  throw new ActionError(message);
}

/** After helm's exit 0: the history must show the new revision; then its workloads are verified. */
async function confirmRollback(
  job: Job,
  plan: RollbackPlan,
  report: RollbackReport,
  images: RevisionImages,
  finish: Finish,
): Promise<void> {
  const { runner, deps, input, cli, deadline } = job;
  const { release } = input;
  const after = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.history(release, t),
  );
  report.after = after;
  const newest = after[after.length - 1];
  if (!newest || newest.revision <= plan.current.revision) {
    finish(
      'failed',
      `helm rollback exited 0 but the history shows no new revision after ${plan.current.revision}`,
    );
    throw new ActionError(
      `helm rollback of ${release} exited 0 but its history shows no new revision after ${plan.current.revision}`,
    );
  }
  report.newRevision = newest.revision;
  // The new revision is a copy of the target: it runs the target's images.
  images[newest.revision] = images[plan.target.revision];
  reportNewRevision(runner, newest.revision);
  logHistory(
    runner,
    `History of ${release} after the rollback: revision ${newest.revision} is ${newest.status}`,
    after,
    { [plan.target.revision]: 'target', [newest.revision]: 'new' },
    images,
  );
  const rolledBack = `Rolled back from revision ${plan.current.revision} to revision ${plan.target.revision} (${plan.target.chart}); new revision ${newest.revision} is ${newest.status}.`;

  if (!input.verify) {
    finish('rolled-back', `${rolledBack} Not verified (verify: false).`);
    return;
  }
  await verifyRollback(job, newest.revision, report, rolledBack, finish);
}

/** The workloads' state right now (a few seconds at most), for a rollback helm reported as failed. */
async function diagnoseWorkloads(
  job: Job,
  revision: number,
): Promise<WorkloadReport[] | undefined> {
  const { runner, deps, input, cli, kubeconfigText } = job;
  const glance = new Deadline(deps.clock, 5_000);
  try {
    const manifest = await cli.manifest(input.release, revision, glance.remaining());
    const { workloadsFromManifest } = await import('@cicd-actions/helm/manifest-workloads');
    const refs = workloadsFromManifest(manifest, input.namespace);
    if (!refs.length) return undefined;
    const verify =
      deps.verify ?? (await import('@cicd-actions/helm/verify-workloads')).verifyWorkloads;
    return await verify(refs, {
      deadline: new Deadline(deps.clock, Math.min(2_000, glance.remaining())),
      kubeconfig: kubeconfigText ?? '',
      context: input.context,
      env: runner.env,
      runner,
      signal: deps.signal,
    });
  } catch (err) {
    runner.info(`(could not look at the workloads: ${errorMessage(err)})`);
    return undefined;
  }
}

async function verifyRollback(
  job: Job,
  newRevision: number,
  report: RollbackReport,
  rolledBack: string,
  finish: Finish,
): Promise<void> {
  const { runner, deps, input, cli, deadline, kubeconfigText } = job;
  const manifest = await readWithRetry(runner, deps.clock, deadline, 'helm get manifest', (t) =>
    cli.manifest(input.release, newRevision, t),
  );
  const { workloadsFromManifest } = await import('@cicd-actions/helm/manifest-workloads');
  const refs = workloadsFromManifest(manifest, input.namespace);
  if (!refs.length) {
    report.workloads = [];
    finish(
      'rolled-back',
      `${rolledBack} Nothing to verify: the manifest has no Deployments, StatefulSets or DaemonSets.`,
    );
    return;
  }
  runner.info(
    `Verifying ${refs.length} workload(s) of revision ${newRevision}: ${refs.map((r) => `${r.kind}/${r.name}`).join(', ')} (${formatDuration(deadline.remaining())} left)`,
  );
  const verify =
    deps.verify ?? (await import('@cicd-actions/helm/verify-workloads')).verifyWorkloads;
  const results = await verify(refs, {
    deadline,
    kubeconfig: kubeconfigText ?? '',
    context: input.context,
    env: runner.env,
    runner,
    signal: deps.signal,
  });
  report.workloads = results;
  const failed = results.filter((w) => !w.ready);
  if (failed.length) {
    const first = failed[0];
    const message = `Rolled back ${input.release} to revision ${report.to} (new revision ${newRevision}), but ${first.workload} did not become ready: ${first.message}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ''}`;
    finish('failed', message);
    throw new ActionError(message);
  }
  finish('verified', `${rolledBack} All ${results.length} workload(s) are rolled out and ready.`);
}
