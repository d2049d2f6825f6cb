// Every input of helm-rollback, read and checked before anything runs: a bad value is one
// ::error:: naming the input, and no helm, no file and no cluster is touched.
import { InputError } from '@cicd-actions/core/errors';
import { accessSync, constants, statSync } from 'node:fs';
import { Inputs, parseBoolean, preview } from '@cicd-actions/core/inputs';
import type { Runner } from '@cicd-actions/core/runner';
import { validateContext } from '@cicd-actions/helm/kubeconfig-file';
import { validateNamespace, validateReleaseName } from '@cicd-actions/helm/release-names';
import { WAIT_STRATEGIES, type WaitStrategy } from '@cicd-actions/helm/rollback-flags';

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
  const failedRevision = readFailedRevision(inputs);
  if (failedRevision !== 'any' && revision !== undefined)
    throw new InputError(
      'revision',
      'cannot be combined with failed-revision: with failed-revision the target is always the last good revision before it',
    );
  const wait = readWait(inputs);
  const context = validateContext(inputs.string('context') || undefined);
  const helm = inputs.string('helm', 'helm');
  checkHelm(helm);
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

/** failed-revision: a revision number, empty (the deploy created none) or 'any'. */
function readFailedRevision(inputs: Inputs): number | undefined | 'any' {
  // Not trimmed to a default: an empty value is what a deploy that created no revision chains in.
  const failedText = inputs.raw('failed-revision').trim();
  if (failedText.toLowerCase() === ANY_REVISION) return 'any';
  if (failedText === '') return undefined;
  if (
    /^\d+$/.test(failedText) &&
    Number(failedText) >= 1 &&
    Number.isSafeInteger(Number(failedText))
  )
    return Number(failedText);
  throw new InputError(
    'failed-revision',
    `expected the revision the deploy created (a whole number >= 1, e.g. helm-deploy's revision output), empty (the deploy created none) or '${ANY_REVISION}', got ${preview(failedText, 40)}`,
  );
}

/** wait: true, false or one of Helm 4's wait strategies. */
function readWait(inputs: Inputs): false | WaitStrategy {
  const waitText = inputs.string('wait', 'true');
  const strategy = WAIT_STRATEGIES.find((s) => s.toLowerCase() === waitText.toLowerCase());
  const waitSwitch = parseBoolean(waitText);
  if (!strategy && waitSwitch === undefined)
    throw new InputError(
      'wait',
      `expected true, false or a Helm 4 wait strategy (${WAIT_STRATEGIES.join(', ')}), got ${preview(waitText)}`,
    );
  // `true` is Helm 4's bare --wait (watcher); Helm 3 has a single kind of wait.
  return strategy ?? (waitSwitch ? 'watcher' : false);
}

/**
 * helm: a program name looked up on PATH (letters, digits, '.', '_', '+', '-') or the path of an
 * executable file. Checked here so that a bad value is named as the input, not as a failed spawn.
 */
function checkHelm(helm: string): void {
  if (/[\r\n\x00]/.test(helm) || helm.length > 4096)
    throw new InputError(
      'helm',
      `expected a program name or path on one line, got ${preview(helm)}`,
    );
  if (!helm.includes('/')) {
    if (!/^[A-Za-z0-9._+-]+$/.test(helm))
      throw new InputError(
        'helm',
        `expected a program name on PATH (e.g. helm) or the path of the helm binary, got ${preview(helm)}`,
      );
    return;
  }
  let ok: boolean;
  try {
    accessSync(helm, constants.X_OK);
    ok = statSync(helm).isFile();
  } catch {
    ok = false;
  }
  if (!ok)
    throw new InputError(
      'helm',
      `expected the path of an executable helm binary, got ${preview(helm)} (no executable file there)`,
    );
}
