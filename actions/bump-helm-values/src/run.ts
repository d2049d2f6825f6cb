// The action's flow: resolve files, edit them all in memory (nothing is written if any file has
// a problem), then either only report (dry run, nothing to change), or write atomically and
// commit — through git (commit-git.ts: commit once, push, re-apply when the branch moved) or
// through GitHub's API (commit-api.ts). Returns what report.ts tells; I/O is injected.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ActionError,
  InputError,
  formatDuration,
  workspacePath,
  type Clock,
  type Runner,
} from '@cicd-actions/core';
import { GitStoppedError, type Git } from '@cicd-actions/core/git';
import { commitViaApi } from './commit-api';
import { commitAndPush, gitContext } from './commit-git';
import { resolveFiles } from './files';
import type { BumpInputs } from './inputs';
import { diffOf, editAll, planFiles, writeChanged } from './plan';
import { logDiff, logEdits, type BumpReport } from './report';
import type { PullRequestRequest, PullRequestResult } from './pull-request';

export interface BumpDeps {
  clock: Clock;
  random: () => number;
  /** The directory the action runs in (the workspace). */
  cwd: string;
  env: Record<string, string | undefined>;
  git?: (cwd: string) => Git;
  openPullRequest?: (req: PullRequestRequest) => Promise<PullRequestResult>;
  /** Cancellation (runAction's ctx.signal): the running git or API call is stopped. */
  signal?: AbortSignal;
}

export async function run(runner: Runner, cfg: BumpInputs, deps: BumpDeps): Promise<BumpReport> {
  try {
    return await runSteps(runner, cfg, deps);
  } catch (err) {
    if (err instanceof GitStoppedError && err.why === 'timeout')
      throw new ActionError(
        `${err.message} (timeout: ${formatDuration(cfg.timeoutMs)}); raise the timeout input if the remote is slow`,
      );
    throw err;
  }
}

async function runSteps(runner: Runner, cfg: BumpInputs, deps: BumpDeps): Promise<BumpReport> {
  if (cfg.token) runner.setSecret(cfg.token);
  const cwd = path.resolve(deps.cwd, cfg.workingDirectory);
  if (!(await stat(cwd).catch(() => undefined))?.isDirectory())
    throw new InputError('working-directory', `'${cfg.workingDirectory}' is not a directory`);
  const files = await resolveFiles(cfg.filePatterns, cwd);
  // Every file (a glob's match or a symbolic link too) must be inside the workspace.
  for (const f of files) workspacePath('files', path.resolve(cwd, f), { env: deps.env });
  const plans = planFiles(cfg.changes, files);
  if (cfg.commitVia === 'api' && !cfg.dryRun) return commitViaApi(runner, cfg, deps, cwd, plans);
  const outcomes = await editAll(cwd, plans, cfg);
  logEdits(runner, outcomes);
  const diff = diffOf(outcomes);
  const anyChange = outcomes.some((o) => o.after !== o.before);

  if (cfg.dryRun) {
    logDiff(runner, diff);
    return {
      changed: anyChange,
      commitSha: '',
      outcomes,
      note: anyChange
        ? '**Dry run**: nothing was written or committed.'
        : 'The values are already set; nothing to do (dry run).',
      diff,
      dryRun: true,
    };
  }
  if (!anyChange)
    return {
      changed: false,
      commitSha: '',
      outcomes,
      note: 'The values are already set; nothing to commit.',
      diff: '',
    };

  // Every git question is answered before the first file is written.
  const ctx = cfg.commit ? await gitContext(cwd, cfg, deps, outcomes) : undefined;
  const written = await writeChanged(cwd, outcomes);
  logDiff(runner, diff);
  if (!ctx)
    return {
      changed: true,
      commitSha: '',
      outcomes,
      note: `Wrote ${written.length} file(s); commit is false, so nothing was committed.`,
      diff,
    };
  return commitAndPush(runner, ctx, cfg, deps, { cwd, plans, outcomes, written });
}
