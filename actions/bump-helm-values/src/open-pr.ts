// PR mode: the branch the change goes to, the repository the pull request is opened in, and the
// call that opens (or reuses) it. The GitHub client itself (pull-request.ts) is imported only
// here and only when a pull request is opened, so it stays out of the main bundle.
import { createHash } from 'node:crypto';
import { ActionError, type Runner } from '@cicd-actions/core';
import { defaultCommitMessage } from './commit-message';
import type { BumpInputs } from './inputs';
import { effectiveEdits, show, type FileOutcome } from './plan';
import { summaryTable } from './report';
import type { BumpDeps } from './run';
import type { PullRequestRequest, PullRequestResult } from './pull-request';

/** owner/name of the remote when it is on this GitHub server, else the workflow's repository. */
export function repositoryFromRemote(
  url: string,
  serverUrl: string | undefined,
): string | undefined {
  const host = (() => {
    try {
      return new URL(serverUrl || 'https://github.com').host;
    } catch {
      return 'github.com';
    }
  })();
  const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}[:/]([^/]+)/([^/]+?)(?:\\.git)?/?$`).exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export function defaultPrBranch(outcomes: FileOutcome[]): string {
  const edits = effectiveEdits(outcomes);
  const first = edits[0] ? `${edits[0].edit.pathText}-${show(edits[0].edit.newValue)}` : 'values';
  const slug =
    first
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || 'values';
  const hash = createHash('sha256')
    .update(JSON.stringify(edits.map(({ file, edit }) => [file, edit.pathText, edit.newValue])))
    .digest('hex')
    .slice(0, 8);
  return `bump-helm-values/${slug}-${hash}`;
}

/** The note's pull request sentence ('' without one). */
export function prNote(pr: PullRequestResult | undefined): string {
  return pr
    ? `Pull request: [#${pr.number}](${pr.url})${pr.reused ? ' (already open, reused)' : ''}.`
    : '';
}

export async function openPr(
  runner: Runner,
  cfg: BumpInputs,
  deps: BumpDeps,
  outcomes: FileOutcome[],
  repository: string | undefined,
  head: string,
  base: string,
  deadline: number,
): Promise<PullRequestResult> {
  if (!repository)
    throw new ActionError(
      'cannot tell which GitHub repository to open the pull request in; set the repository input',
    );
  const [owner, repo] = repository.split('/');
  const title = cfg.prTitle ?? (cfg.commitMessage ?? defaultCommitMessage(outcomes)).split('\n')[0];
  const body = cfg.prBody ?? `Opened by bump-helm-values.\n\n${summaryTable(outcomes)}`;
  const open =
    deps.openPullRequest ??
    (async (req: PullRequestRequest) => (await import('./pull-request')).openPullRequest(req));
  const pr = await open({
    signal: deps.signal,
    deadline,
    env: deps.env,
    apiUrl: deps.env.GITHUB_API_URL || 'https://api.github.com',
    token: cfg.token,
    owner,
    repo,
    head,
    base,
    title,
    body,
    labels: cfg.labels,
    reviewers: cfg.reviewers,
    autoMerge: cfg.autoMerge,
  });
  runner.info(`${pr.reused ? 'Reused the open' : 'Opened'} pull request #${pr.number}: ${pr.url}`);
  return pr;
}
