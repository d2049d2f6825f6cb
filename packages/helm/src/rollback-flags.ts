// The `helm rollback` command line for one Helm major. Helm 4 renamed or changed several flags
// (`helm rollback --help` of 3.17.3 and 4.1.4): --force became --force-replace, --wait takes a
// strategy, --dry-run takes a mode and --recreate-pods is gone.
import { InputError } from '@cicd-actions/core/errors';

/** Helm 4's wait strategies; `hookOnly` is Helm 4's default (no waiting on resources). */
export const WAIT_STRATEGIES = ['watcher', 'legacy', 'hookOnly'] as const;
export type WaitStrategy = (typeof WAIT_STRATEGIES)[number];

export interface RollbackOptions {
  release: string;
  namespace: string;
  /** Always explicit: Helm's `0` means "N-1" even when N-1 failed. */
  revision: number;
  /** false, or the wait strategy (`watcher` is what `true` means). */
  wait: false | WaitStrategy;
  waitForJobs: boolean;
  /** Helm's --timeout, in ms (rounded up to whole seconds). */
  timeoutMs: number;
  cleanupOnFail: boolean;
  dryRun: boolean;
  force: boolean;
  recreatePods: boolean;
  noHooks: boolean;
  kubeContext?: string;
}

/** A Go duration Helm's --timeout accepts; never 0s, which Helm would read as "no time at all". */
export function goDuration(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))}s`;
}

/** The argument array for `helm rollback` on Helm `major` (3 or 4). */
export function rollbackArgs(major: number, o: RollbackOptions): string[] {
  if (!Number.isSafeInteger(o.revision) || o.revision < 1)
    throw new Error(
      `refusing to roll back to revision ${o.revision}: it must be an explicit revision >= 1`,
    );
  const helm4 = major >= 4;
  const args = ['rollback', o.release, String(o.revision), '--namespace', o.namespace];
  if (o.kubeContext) args.push('--kube-context', o.kubeContext);
  if (o.wait) {
    if (helm4) args.push(`--wait=${o.wait}`);
    // Helm 3 has one way to wait; its --wait is what Helm 4 calls `legacy`, and hookOnly is not waiting.
    else if (o.wait !== 'hookOnly') args.push('--wait');
  }
  if (o.waitForJobs) args.push('--wait-for-jobs');
  args.push('--timeout', goDuration(o.timeoutMs));
  if (o.cleanupOnFail) args.push('--cleanup-on-fail');
  if (o.noHooks) args.push('--no-hooks');
  if (o.force) args.push(helm4 ? '--force-replace' : '--force');
  if (o.recreatePods) {
    if (helm4)
      throw new InputError(
        'recreate-pods',
        'is not supported by Helm 4, which removed --recreate-pods; leave it false (a rollback that changes the pod template restarts the pods anyway)',
      );
    args.push('--recreate-pods');
  }
  // Helm 4's bare --dry-run still works but is deprecated; `client` is what it means.
  if (o.dryRun) args.push(helm4 ? '--dry-run=client' : '--dry-run');
  return args;
}
