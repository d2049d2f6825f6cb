// commit-via: git. Every git question is answered before a file is written (gitContext); then one
// commit of only our files, and a push — when the branch moved, fetch its new tip and re-apply
// the same semantic edit there (never a text rebase), up to push-retries; then the pull request.
import { ActionError, backoffDelay, formatDuration, type Runner } from '@cicd-actions/core';
import { createGit, gitErrorLine, withoutUrlCredentials, type Git } from '@cicd-actions/core/git';
import { defaultCommitMessage } from './commit-message';
import type { BumpInputs } from './inputs';
import { defaultPrBranch, openPr, prNote, repositoryFromRemote } from './open-pr';
import { diffOf, editAll, writeChanged, type FileOutcome, type FilePlan } from './plan';
import { logDiff, type BumpReport } from './report';
import type { BumpDeps } from './run';
import type { PullRequestResult } from './pull-request';

export interface GitContext {
  git: Git;
  current?: string;
  target: string;
  base?: string;
  remoteUrl: string;
  /** Epoch ms: the timeout input, for every git and API call. */
  deadline: number;
}

export async function gitContext(
  cwd: string,
  cfg: BumpInputs,
  deps: BumpDeps,
  outcomes: FileOutcome[],
): Promise<GitContext> {
  const deadline = deps.clock.now() + cfg.timeoutMs;
  const git = (
    deps.git ?? ((dir) => createGit(dir, deps.env, 'git', { deadline, signal: deps.signal }))
  )(cwd);
  const top = await git(['rev-parse', '--show-toplevel'], { allowFailure: true });
  if (top.code !== 0)
    throw new ActionError(
      `${cwd} is not inside a git repository (${gitErrorLine(top.stderr)}); check out the repository first, or set commit: false to only edit the files`,
    );
  const head = await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
  const current = head.code === 0 ? head.stdout.trim() : undefined;
  const remote = await git(['remote', 'get-url', cfg.remote], { allowFailure: true });
  if (cfg.push && remote.code !== 0)
    throw new ActionError(`the repository has no remote named '${cfg.remote}' to push to`);
  let target: string | undefined;
  let base: string | undefined;
  if (cfg.createPr) {
    target = cfg.prBranch ?? defaultPrBranch(outcomes);
    base = cfg.base ?? cfg.branch ?? current;
    if (!base)
      throw new ActionError(
        'HEAD is detached, so the pull request base is unknown; set the base input',
      );
    if (target === base)
      throw new ActionError(`pr-branch '${target}' is the base branch; choose another pr-branch`);
  } else {
    target = cfg.branch ?? current;
    if (!target && cfg.push)
      throw new ActionError(
        'HEAD is detached (a tag or pull request checkout), so there is no branch to push to; set the branch input',
      );
  }
  return {
    git,
    current,
    target: target ?? 'HEAD',
    base,
    remoteUrl: remote.stdout.trim(),
    deadline,
  };
}

async function commitFiles(
  ctx: GitContext,
  cfg: BumpInputs,
  files: string[],
  message: string,
): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: cfg.authorName,
    GIT_AUTHOR_EMAIL: cfg.authorEmail,
    GIT_COMMITTER_NAME: cfg.authorName,
    GIT_COMMITTER_EMAIL: cfg.authorEmail,
  };
  await ctx.git(['add', '--', ...files]);
  // Only our files: anything else the job staged stays out of this commit.
  await ctx.git(['commit', '--quiet', '--only', '-m', message, '--', ...files], { env });
  return (await ctx.git(['rev-parse', 'HEAD'])).stdout.trim();
}

/** git's own lines about the push; `remote:` lines are the server's (or a hook's) free text. */
function pushStatusLines(output: string): string[] {
  return output.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^\s*remote:/.test(l));
}

/** A push failure worth a fetch-and-re-apply: the branch moved, or a concurrent push won the ref lock. */
export function isRaceRejection(output: string): boolean {
  return pushStatusLines(output).some(
    (l) =>
      /\[rejected\].*\((fetch first|non-fast-forward|stale info)\)/.test(l) ||
      /\[remote rejected\].*\((failed to update ref|failed to lock|cannot lock ref|incorrect old value provided)/.test(
        l,
      ),
  );
}

/** The line that says why a push failed: git's `! [rejected] … (reason)` line, else its first error. */
export function pushFailureReason(stderr: string): string {
  const status = pushStatusLines(stderr).find((l) => /^\s*!\s*\[(remote )?rejected\]/.test(l));
  return withoutUrlCredentials(
    status?.trim().replace(/^!\s*/, '').replace(/\s+/g, ' ') ??
      (gitErrorLine(stderr) || 'rejected'),
  );
}

interface PushState {
  cwd: string;
  plans: FilePlan[];
  outcomes: FileOutcome[];
  sha: string;
}

/**
 * Pushes HEAD to the target branch. When the push loses a race, fetches the branch's new tip,
 * resets onto it (--keep), re-applies the same edit to the fresh files and commits again — so
 * one bump is always one commit on top of whatever others pushed meanwhile.
 */
async function pushReapplying(
  runner: Runner,
  ctx: GitContext,
  cfg: BumpInputs,
  deps: BumpDeps,
  state: PushState,
): Promise<PushState & { changed: boolean }> {
  let { outcomes, sha } = state;
  for (let attempt = 1; ; attempt++) {
    const pushed = await ctx.git(['push', cfg.remote, `HEAD:refs/heads/${ctx.target}`], {
      allowFailure: true,
    });
    if (pushed.code === 0) {
      runner.info(
        `Pushed ${sha.slice(0, 12)} to ${cfg.remote}/${ctx.target}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
      );
      return { ...state, outcomes, sha, changed: true };
    }
    const reason = pushFailureReason(pushed.stderr);
    if (!isRaceRejection(`${pushed.stdout}\n${pushed.stderr}`))
      throw new ActionError(`git push to ${cfg.remote}/${ctx.target} failed: ${reason}`);
    if (attempt > cfg.pushRetries) {
      throw new ActionError(
        `git push to ${cfg.remote}/${ctx.target} was rejected ${attempt} times because the branch kept moving (push-retries: ${cfg.pushRetries}); the change is committed locally as ${sha.slice(0, 12)} but not pushed`,
      );
    }
    const wait =
      200 + backoffDelay(attempt, { initialMs: 1000, maxMs: 15_000, jitter: true }, deps.random);
    runner.info(
      `Push rejected (${reason}): ${ctx.target} moved on ${cfg.remote}. Re-applying the change on its new tip in ${wait} ms (retry ${attempt} of ${cfg.pushRetries}).`,
    );
    if (deps.clock.now() + wait >= ctx.deadline)
      throw new ActionError(
        `git push to ${cfg.remote}/${ctx.target} was rejected (${reason}) and the timeout (${formatDuration(cfg.timeoutMs)}) leaves no time to re-apply and push again; the change is committed locally as ${sha.slice(0, 12)} but not pushed`,
      );
    await deps.clock.sleep(wait, deps.signal);
    await ctx.git(['fetch', '--quiet', '--no-tags', cfg.remote, `refs/heads/${ctx.target}`]);
    // --keep moves HEAD to the new tip and refreshes only the files that differ; the job's own uncommitted work is kept.
    await ctx.git(['reset', '--quiet', '--keep', 'FETCH_HEAD']);
    outcomes = await editAll(
      state.cwd,
      state.plans,
      cfg,
      ` by the retry (after ${ctx.target} moved); the local branch is now at ${cfg.remote}/${ctx.target}`,
    );
    if (!outcomes.some((o) => o.after !== o.before)) {
      runner.info(`The new tip of ${ctx.target} already has these values; nothing to commit.`);
      return { ...state, outcomes, sha: '', changed: false };
    }
    const written = await writeChanged(state.cwd, outcomes);
    logDiff(runner, diffOf(outcomes), `Diff re-applied on ${cfg.remote}/${ctx.target}`);
    sha = await commitFiles(ctx, cfg, written, cfg.commitMessage ?? defaultCommitMessage(outcomes));
    runner.info(`Re-applied and committed ${sha.slice(0, 12)}`);
  }
}

/**
 * The written files committed on the target branch, pushed (with push: true), and the pull
 * request opened (with create-pr: true).
 */
export async function commitAndPush(
  runner: Runner,
  ctx: GitContext,
  cfg: BumpInputs,
  deps: BumpDeps,
  work: { cwd: string; plans: FilePlan[]; outcomes: FileOutcome[]; written: string[] },
): Promise<BumpReport> {
  if (ctx.target !== ctx.current && ctx.target !== 'HEAD') {
    // Commit on a local branch named like the target, so the checked-out branch is left as it was.
    await ctx.git(['checkout', '--quiet', '-B', ctx.target]);
  }
  const { cwd, plans } = work;
  const message = cfg.commitMessage ?? defaultCommitMessage(work.outcomes);
  const committed = await commitFiles(ctx, cfg, work.written, message);
  runner.info(`Committed ${committed.slice(0, 12)}: ${message.split('\n')[0]}`);
  if (!cfg.push)
    return {
      changed: true,
      commitSha: committed,
      outcomes: work.outcomes,
      note: `Committed \`${committed.slice(0, 12)}\` (push is false).`,
      diff: diffOf(work.outcomes),
    };

  const pushed = await pushReapplying(runner, ctx, cfg, deps, {
    cwd,
    plans,
    outcomes: work.outcomes,
    sha: committed,
  });
  const { changed, outcomes, sha } = pushed;

  let pr: PullRequestResult | undefined;
  if (cfg.createPr) {
    const repository =
      cfg.repository ??
      repositoryFromRemote(ctx.remoteUrl, deps.env.GITHUB_SERVER_URL) ??
      deps.env.GITHUB_REPOSITORY;
    pr = await openPr(runner, cfg, deps, outcomes, repository, ctx.target, ctx.base!, ctx.deadline);
  }

  const where = `${cfg.remote}/${ctx.target}`;
  const note = [
    changed
      ? `Committed \`${sha.slice(0, 12)}\` and pushed it to \`${where}\`.`
      : `\`${where}\` already had these values (set by someone else meanwhile); nothing was committed.`,
    prNote(pr),
  ]
    .filter(Boolean)
    .join(' ');
  return {
    changed,
    commitSha: sha,
    outcomes,
    note,
    pr,
    diff: changed ? diffOf(outcomes) : '',
    pushedTo: changed ? where : undefined,
  };
}
