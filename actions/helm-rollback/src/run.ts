// helm-rollback: roll a release back to its last good revision with the real helm CLI, then
// prove it worked by waiting for the workloads the rolled-back manifest declares.
import { Deadline, type Clock } from '@cicd-actions/core/clock';
import { ActionError, InputError, errorMessage } from '@cicd-actions/core/errors';
import { Inputs, formatDuration, parseBoolean } from '@cicd-actions/core/inputs';
import type { Env, Runner } from '@cicd-actions/core/runner';
import { heading } from '@cicd-actions/core/summary';
import { HelmCli, lastHelmError, type RunProgram } from '@cicd-actions/helm/helm-cli';
import type { HelmVersion } from '@cicd-actions/helm/helm-version';
import {
  rollbackNeed,
  selectRollbackTarget,
  type HistoryEntry,
  type RollbackPlan,
} from '@cicd-actions/helm/release-history';
import type { RevisionImages } from '@cicd-actions/helm/history-table';
import { validateNamespace, validateReleaseName } from '@cicd-actions/helm/release-names';
import {
  rollbackArgs,
  WAIT_STRATEGIES,
  type RollbackOptions,
  type WaitStrategy,
} from '@cicd-actions/helm/rollback-flags';
import type { VerifyWorkloads } from '@cicd-actions/helm/verify-workloads';
import { revisionImages } from '@cicd-actions/helm/release-images';
import { readWithRetry } from '@cicd-actions/helm/read-retry';
import {
  decodeKubeconfigInput,
  validateContext,
  writeKubeconfigFile,
} from '@cicd-actions/helm/kubeconfig-file';
import {
  historyLines,
  historyTable,
  rollbackSummary,
  type RollbackReport,
  type RollbackStatus,
  type WorkloadReport,
} from './report';

export interface RollbackInputs {
  release: string;
  namespace: string;
  revision?: number;
  /**
   * The revision the deploy created: 'any' (the input's default) rolls back whatever is current;
   * undefined (the input given empty: the deploy created none) means there is nothing to undo.
   */
  failedRevision: number | undefined | 'any';
  wait: false | WaitStrategy;
  waitForJobs: boolean;
  timeoutMs: number;
  cleanupOnFail: boolean;
  dryRun: boolean;
  force: boolean;
  recreatePods: boolean;
  noHooks: boolean;
  verify: boolean;
  kubeconfig: string;
  context?: string;
  helm: string;
}

export type { VerifyWorkloads };

export interface RollbackDeps {
  clock: Clock;
  run?: RunProgram;
  verify?: VerifyWorkloads;
  /** How often a running `helm rollback` gets a progress line; default 15 s. */
  progressEveryMs?: number;
  /** The job's cancellation (runAction's ctx.signal): helm gets SIGTERM, the wait stops. */
  signal?: AbortSignal;
}

/** The default of the failed-revision input: roll back whatever revision is current. */
export const ANY_REVISION = 'any';

/** Every input, parsed and checked before anything runs. */
export function readInputs(runner: Runner): RollbackInputs {
  const inputs = new Inputs(runner);
  // The kubeconfig is masked before anything else can print it.
  const kubeconfig = inputs.raw('kubeconfig').trim();
  runner.setSecret(kubeconfig);
  const release = validateReleaseName('release', inputs.required('release'));
  const namespace = validateNamespace('namespace', inputs.string('namespace', 'default'));
  const revisionText = inputs.string('revision');
  const revision = revisionText === '' ? undefined : inputs.integer('revision', 0, { min: 1 });
  // Not trimmed to a default: an empty value is what a deploy that created no revision chains in.
  const failedText = inputs.raw('failed-revision').trim();
  let failedRevision: number | undefined | 'any';
  if (failedText.toLowerCase() === ANY_REVISION) failedRevision = 'any';
  else if (failedText === '') failedRevision = undefined;
  else if (
    /^\d+$/.test(failedText) &&
    Number(failedText) >= 1 &&
    Number.isSafeInteger(Number(failedText))
  )
    failedRevision = Number(failedText);
  else
    throw new InputError(
      'failed-revision',
      `expected the revision the deploy created (a whole number >= 1, e.g. helm-deploy's revision output), empty (the deploy created none) or '${ANY_REVISION}', got '${failedText.replace(/[\r\n]+/g, ' ').slice(0, 40)}'`,
    );
  if (failedRevision !== 'any' && revision !== undefined)
    throw new InputError(
      'revision',
      'cannot be combined with failed-revision: with failed-revision the target is always the last good revision before it',
    );
  const waitText = inputs.string('wait', 'true');
  const strategy = WAIT_STRATEGIES.find((s) => s.toLowerCase() === waitText.toLowerCase());
  const waitSwitch = parseBoolean(waitText);
  if (!strategy && waitSwitch === undefined)
    throw new InputError(
      'wait',
      `expected true, false or a Helm 4 wait strategy (${WAIT_STRATEGIES.join(', ')}), got '${waitText}'`,
    );
  // `true` is Helm 4's bare --wait (watcher); Helm 3 has a single kind of wait.
  const wait: false | WaitStrategy = strategy ?? (waitSwitch ? 'watcher' : false);
  const context = validateContext(inputs.string('context') || undefined);
  const helm = inputs.string('helm', 'helm');
  if (/[\r\n\x00]/.test(helm))
    throw new InputError('helm', 'expected a program name or path on one line');
  return {
    release,
    namespace,
    revision,
    failedRevision,
    wait,
    waitForJobs: inputs.boolean('wait-for-jobs', false),
    timeoutMs: inputs.duration('timeout', '5m', { min: 1000 }),
    cleanupOnFail: inputs.boolean('cleanup-on-fail', false),
    dryRun: inputs.boolean('dry-run', false),
    force: inputs.boolean('force', false),
    recreatePods: inputs.boolean('recreate-pods', false),
    noHooks: inputs.boolean('no-hooks', false),
    verify: inputs.boolean('verify', true),
    kubeconfig,
    context,
    helm,
  };
}

export async function main(runner: Runner, deps: RollbackDeps): Promise<void> {
  const input = readInputs(runner);
  const kubeconfigText = await decodeKubeconfigInput(runner, input.kubeconfig, input.context);
  const deadline = new Deadline(deps.clock, input.timeoutMs);

  const helmEnv: Env = { ...runner.env };
  // Inputs are the action's business, not helm's; and a kubeconfig given as input wins.
  for (const key of Object.keys(helmEnv)) if (key.startsWith('INPUT_')) delete helmEnv[key];
  const kubeconfigFile = kubeconfigText
    ? writeKubeconfigFile(runner.env, kubeconfigText, 'helm-rollback')
    : undefined;
  if (kubeconfigFile) helmEnv.KUBECONFIG = kubeconfigFile.file;
  const cli = new HelmCli({
    helm: input.helm,
    env: helmEnv,
    namespace: input.namespace,
    kubeContext: input.context,
    run: deps.run,
    signal: deps.signal,
  });

  const outcome: Outcome = {};
  try {
    await rollback(runner, deps, input, cli, deadline, kubeconfigText, outcome);
  } catch (err) {
    // The next step (e.g. a notification) can still read what happened.
    if (!outcome.status) {
      runner.setOutput('status', 'failed');
      runner.setOutput('message', oneLine(runner.redact(errorMessage(err))));
    }
    if (!outcome.historySet && outcome.history)
      runner.setOutput('history', JSON.stringify(outcome.history));
    throw err;
  } finally {
    kubeconfigFile?.remove();
  }
}

/** Outputs are one line: a chained `message` must not break a Slack line or a commit subject. */
function oneLine(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** What has been reported so far, so that a failure still sets the outputs once. */
interface Outcome {
  status?: RollbackStatus;
  history?: HistoryEntry[];
  historySet?: boolean;
}

async function rollback(
  runner: Runner,
  deps: RollbackDeps,
  input: RollbackInputs,
  cli: HelmCli,
  deadline: Deadline,
  kubeconfigText: string | undefined,
  outcome: Outcome,
): Promise<void> {
  const { release, namespace } = input;
  const version: HelmVersion = await cli.version(Math.max(1000, deadline.remaining()));
  if (version.major < 3)
    throw new ActionError(
      `Helm ${version.text} is not supported: Helm 2 used Tiller and a different release store; use Helm 3 or 4`,
    );
  if (version.major > 4)
    runner.warning(`Helm ${version.text} is newer than this action knows; passing Helm 4 flags`);
  // Built once with a placeholder revision so that a flag this Helm lacks fails before anything changes.
  const options: Omit<RollbackOptions, 'revision'> = {
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

  const before = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) =>
    cli.history(release, t),
  );
  outcome.history = before;
  const current = before[before.length - 1];
  // What each revision ran, for the history tables (best effort, a few seconds at most).
  const images: RevisionImages = await revisionImages(
    cli,
    release,
    before,
    Math.min(5_000, deadline.remaining() / 10),
  );
  if (current) {
    runner.startGroup(
      `History of ${release}: ${before.length} revision(s), current ${current.revision} (${current.status})`,
    );
    for (const line of historyLines(before, { [current.revision]: 'current' }, images))
      runner.info(line);
    runner.endGroup();
  }

  if (input.failedRevision === 'any') {
    runner.warning(
      `failed-revision is not set: rolling back whatever revision of ${release} is current${current ? ` (${current.revision})` : ''}, even one this run did not create. Set failed-revision to the deploy's revision output (helm-deploy: \${{ steps.<deploy>.outputs.revision }}) so that nothing is rolled back when the deploy created no revision or someone deployed since.`,
    );
  } else {
    const need = rollbackNeed(before, release, input.failedRevision);
    if (!need.needed) {
      const message = `Nothing rolled back: ${need.reason}`;
      runner.notice(message);
      outcome.status = 'not-needed';
      outcome.historySet = true;
      runner.setOutput('status', 'not-needed');
      runner.setOutput('message', oneLine(message));
      runner.setOutput('history', JSON.stringify(before));
      if (need.current) runner.setOutput('from-revision', need.current.revision);
      runner.appendSummary(
        `${heading(`⏭️ Helm rollback of ${release} (namespace ${namespace}): not-needed`)}\n${message}\n\nHelm ${version.text}.\n\n${historyTable(before, need.current ? { [need.current.revision]: 'current' } : {}, images)}`,
      );
      return;
    }
    runner.info(
      `Revision ${input.failedRevision} (the one the deploy created) is the current revision of ${release}: rolling it back`,
    );
  }
  let plan: RollbackPlan;
  try {
    plan = selectRollbackTarget(before, release, input.revision);
  } catch (err) {
    // Nothing was changed; the summary still shows the history that made the choice impossible.
    runner.appendSummary(
      `${heading(`❌ Helm rollback of ${release} (namespace ${namespace}): failed`)}\n${errorMessage(err)}\n\n${historyTable(before, current ? { [current.revision]: 'current' } : {}, images)}`,
    );
    throw err;
  }
  for (const note of plan.notes) runner.notice(note);
  runner.info(
    `Rolling back ${release} from revision ${plan.current.revision} (${plan.current.status}) to revision ${plan.target.revision} (${plan.target.status}, ${plan.target.chart}): ${plan.reason}`,
  );
  runner.setOutput('from-revision', plan.current.revision);
  runner.setOutput('to-revision', plan.target.revision);

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
  const finish = (status: RollbackStatus, headline: string) => {
    report.status = status;
    report.headline = headline;
    outcome.status = status;
    outcome.historySet = true;
    runner.setOutput('status', status);
    runner.setOutput('message', oneLine(runner.redact(headline)));
    runner.setOutput('history', JSON.stringify(report.after ?? report.before));
    runner.appendSummary(rollbackSummary(report));
  };

  const args = rollbackArgs(version.major, {
    ...options,
    revision: plan.target.revision,
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

  if (result.code !== 0) {
    const after = await cli
      .history(release, Math.max(1000, Math.min(30_000, deadline.remaining() + 10_000)))
      .catch(() => undefined);
    if (after) {
      report.after = after;
      const latest = after[after.length - 1];
      if (latest && latest.revision > plan.current.revision) {
        report.newRevision = latest.revision;
        runner.setOutput('new-revision', latest.revision);
      }
    }
    const message = `helm rollback of ${release} to revision ${plan.target.revision} failed (exit code ${result.code}): ${lastHelmError(result.stderr)}`;
    // Helm got as far as writing the revision (typically its --wait gave up): say why the
    // workloads are not ready, with a short look rather than another wait.
    if (report.newRevision !== undefined && input.verify) {
      report.workloads = await diagnoseWorkloads(
        runner,
        deps,
        input,
        cli,
        report.newRevision,
        kubeconfigText,
      );
    }
    finish('failed', message);
    throw new ActionError(message);
  }

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
  runner.setOutput('new-revision', newest.revision);
  runner.startGroup(
    `History of ${release} after the rollback: revision ${newest.revision} is ${newest.status}`,
  );
  for (const line of historyLines(
    after,
    { [plan.target.revision]: 'target', [newest.revision]: 'new' },
    images,
  ))
    runner.info(line);
  runner.endGroup();
  const rolledBack = `Rolled back from revision ${plan.current.revision} to revision ${plan.target.revision} (${plan.target.chart}); new revision ${newest.revision} is ${newest.status}.`;

  if (!input.verify) {
    finish('rolled-back', `${rolledBack} Not verified (verify: false).`);
    return;
  }
  await verifyRollback(
    runner,
    deps,
    input,
    cli,
    deadline,
    kubeconfigText,
    newest.revision,
    report,
    rolledBack,
    finish,
  );
}

/** The workloads' state right now (a few seconds at most), for a rollback helm reported as failed. */
async function diagnoseWorkloads(
  runner: Runner,
  deps: RollbackDeps,
  input: RollbackInputs,
  cli: HelmCli,
  revision: number,
  kubeconfigText: string | undefined,
): Promise<WorkloadReport[] | undefined> {
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
  runner: Runner,
  deps: RollbackDeps,
  input: RollbackInputs,
  cli: HelmCli,
  deadline: Deadline,
  kubeconfigText: string | undefined,
  newRevision: number,
  report: RollbackReport,
  rolledBack: string,
  finish: (status: RollbackStatus, headline: string) => void,
): Promise<void> {
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
