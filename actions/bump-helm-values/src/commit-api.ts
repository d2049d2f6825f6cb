// commit-via: api. Reads the branch head and the files at it through GitHub's API, applies the
// edit, and commits with createCommitOnBranch(expectedHeadOid): GitHub signs the commit and
// refuses it when the branch moved, and then the files are read again at the new head and the
// edit re-applied — the no-lost-update guarantee of the git path, without push credentials.
// The GitHub client (github-api.ts) is imported only here, only when this path runs.
import path from 'node:path';
import { ActionError, backoffDelay, formatDuration, type Runner } from '@cicd-actions/core';
import { createGit } from '@cicd-actions/core/git';
import { defaultCommitMessage } from './commit-message';
import type { BumpInputs } from './inputs';
import { defaultPrBranch, openPr, prNote } from './open-pr';
import { diffOf, editAll, type FileOutcome, type FilePlan } from './plan';
import { logDiff, logEdits, type BumpReport } from './report';
import type * as GitHubApi from './github-api';
import type { Octokit } from './github-api';
import type { BumpDeps } from './run';
import type { PullRequestResult } from './pull-request';

/** The repository and the branch to commit to, and each file's path inside the repository. */
async function apiTarget(
  cfg: BumpInputs,
  deps: BumpDeps,
  cwd: string,
  deadline: number,
): Promise<{
  repository: string;
  owner: string;
  repo: string;
  branch: string;
  repoPath: (file: string) => string;
}> {
  const repository = cfg.repository ?? deps.env.GITHUB_REPOSITORY;
  if (!repository)
    throw new ActionError('commit-via: api needs the repository (set the repository input)');
  const [owner, repo] = repository.split('/');
  // Local git is only asked (read-only) where the files sit in the repository and which branch is
  // checked out; it needs no credentials, and without a repository the paths are as given.
  const git = (
    deps.git ?? ((dir) => createGit(dir, deps.env, 'git', { deadline, signal: deps.signal }))
  )(cwd);
  const prefix = await git(['rev-parse', '--show-prefix'], { allowFailure: true }).catch(
    () => undefined,
  );
  const repoPath = (file: string) =>
    path.posix.join(prefix?.code === 0 ? prefix.stdout.trim() : '', file);
  const checkedOut = await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    allowFailure: true,
  }).catch(() => undefined);
  const refName = deps.env.GITHUB_REF?.startsWith('refs/heads/')
    ? deps.env.GITHUB_REF.slice(11)
    : undefined;
  const branch =
    cfg.branch ?? (checkedOut?.code === 0 ? checkedOut.stdout.trim() : undefined) ?? refName;
  if (!branch)
    throw new ActionError(
      'commit-via: api cannot tell which branch to commit to; set the branch input',
    );
  return { repository, owner, repo, branch, repoPath };
}

/**
 * The files at the head of the target branch (a PR branch not created yet: at the base's head,
 * which createFrom then names), each edited in memory.
 */
async function editAtHead(
  api: typeof GitHubApi,
  octokit: Octokit,
  cfg: BumpInputs,
  cwd: string,
  plans: FilePlan[],
  at: {
    owner: string;
    repo: string;
    target?: string;
    base?: string;
    paths: string[];
    attempt: number;
  },
): Promise<{ oid: string; createFrom?: string; outcomes: FileOutcome[] }> {
  const { owner, repo, target, base, paths, attempt } = at;
  let state = await api.readBranch(octokit, owner, repo, target ?? base!, paths);
  let createFrom: string | undefined;
  if (!state.oid && cfg.createPr && target) {
    // A new PR branch starts at the base's head.
    state = await api.readBranch(octokit, owner, repo, base!, paths);
    createFrom = state.oid;
  }
  if (!state.oid)
    throw new ActionError(`GitHub API: ${owner}/${repo} has no branch ${target ?? base}`);
  const texts = new Map(plans.map((p, i) => [p.file, state.files.get(paths[i])]));
  const outcomes = await editAll(
    cwd,
    plans,
    cfg,
    attempt > 1 ? ` by the retry (after ${target} moved)` : '',
    async (file) => {
      const t = texts.get(file);
      if (t === undefined)
        throw new Error(`not found on ${target ?? base} at ${state.oid!.slice(0, 12)}`);
      return t;
    },
  );
  return { oid: state.oid, createFrom, outcomes };
}

export async function commitViaApi(
  runner: Runner,
  cfg: BumpInputs,
  deps: BumpDeps,
  cwd: string,
  plans: FilePlan[],
): Promise<BumpReport> {
  const deadline = deps.clock.now() + cfg.timeoutMs;
  const { repository, owner, repo, branch, repoPath } = await apiTarget(cfg, deps, cwd, deadline);
  const api = await import('./github-api');
  const octokit = await api.octokitFor({
    apiUrl: deps.env.GITHUB_API_URL || 'https://api.github.com',
    token: cfg.token,
    deadline,
    signal: deps.signal,
    env: deps.env,
  });
  const base = cfg.createPr ? (cfg.base ?? branch) : undefined;
  let target = cfg.createPr ? cfg.prBranch : branch;
  const paths = plans.map((p) => repoPath(p.file));
  for (let attempt = 1; ; attempt++) {
    const { oid, createFrom, outcomes } = await editAtHead(api, octokit, cfg, cwd, plans, {
      owner,
      repo,
      target,
      base,
      paths,
      attempt,
    });
    if (attempt === 1) logEdits(runner, outcomes);
    if (!target) {
      target = defaultPrBranch(outcomes);
      continue;
    }
    const changedFiles = outcomes.filter((o) => o.after !== o.before);
    const diff = diffOf(changedFiles);
    if (changedFiles.length === 0) {
      let pr: PullRequestResult | undefined;
      if (cfg.createPr && !createFrom)
        pr = await openPr(runner, cfg, deps, outcomes, repository, target, base!, deadline);
      return {
        changed: false,
        commitSha: '',
        outcomes,
        note: `\`${target}\` already has these values; nothing was committed.`,
        pr,
        diff: '',
      };
    }
    if (createFrom) await api.createBranch(octokit, owner, repo, target, createFrom);
    const message = cfg.commitMessage ?? defaultCommitMessage(outcomes);
    const r = await api.commitOnBranch(octokit, {
      owner,
      repo,
      branch: target,
      expectedHeadOid: oid,
      message,
      files: changedFiles.map((o) => ({ path: repoPath(o.file), text: o.after })),
    });
    if (r.ok) {
      logDiff(runner, diff);
      runner.info(
        `Committed ${r.oid.slice(0, 12)} to ${owner}/${repo}@${target} through the GitHub API${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
      );
      let pr: PullRequestResult | undefined;
      if (cfg.createPr)
        pr = await openPr(runner, cfg, deps, outcomes, repository, target, base!, deadline);
      const note = [
        `Committed \`${r.oid.slice(0, 12)}\` to \`${target}\` through the GitHub API (signed by GitHub).`,
        prNote(pr),
      ]
        .filter(Boolean)
        .join(' ');
      return {
        changed: true,
        commitSha: r.oid,
        outcomes,
        note,
        pr,
        diff,
        pushedTo: `${owner}/${repo}@${target} via the GitHub API`,
      };
    }
    if (attempt > cfg.pushRetries)
      throw new ActionError(
        `GitHub API: ${target} kept moving; the commit was refused ${attempt} times (push-retries: ${cfg.pushRetries}): ${r.stale}`,
      );
    const wait =
      200 + backoffDelay(attempt, { initialMs: 1000, maxMs: 15_000, jitter: true }, deps.random);
    if (deps.clock.now() + wait >= deadline)
      throw new ActionError(
        `GitHub API: ${target} moved (${r.stale}) and the timeout (${formatDuration(cfg.timeoutMs)}) leaves no time to re-apply and commit again`,
      );
    runner.info(
      `Commit refused: ${target} moved (${r.stale}). Re-reading the files at its new head and re-applying in ${wait} ms (retry ${attempt} of ${cfg.pushRetries}).`,
    );
    await deps.clock.sleep(wait, deps.signal);
  }
}
