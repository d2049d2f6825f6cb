// Opening (or reusing) the pull request in PR mode. @actions/github is loaded only here, and
// only when create-pr is true: it is most of the bundle's weight and cold start.
import { ActionError } from '@cicd-actions/core';

export interface PullRequestRequest {
  /** Epoch ms: every API call is aborted at this deadline (the timeout input). */
  deadline?: number;
  /** Cancellation: the running API call is aborted. */
  signal?: AbortSignal;
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface PullRequestResult {
  url: string;
  number: number;
  reused: boolean;
}

function apiFailure(what: string, err: unknown): ActionError {
  const e = err as { status?: number; message?: string; name?: string };
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || /aborted/i.test(e.message ?? ''))
    return new ActionError(
      `GitHub API: ${what} was stopped: the timeout passed or the job is being cancelled`,
    );
  const status = e.status ? `HTTP ${e.status}: ` : '';
  return new ActionError(
    `GitHub API: ${what} failed: ${status}${(e.message ?? String(err)).split('\n')[0]}`,
  );
}

export async function openPullRequest(req: PullRequestRequest): Promise<PullRequestResult> {
  const { getOctokit } = await import('@actions/github');
  const signals = [
    req.signal,
    req.deadline ? AbortSignal.timeout(Math.max(1, req.deadline - Date.now())) : undefined,
  ];
  const signal = AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
  const octokit = getOctokit(req.token, {
    baseUrl: req.apiUrl.replace(/\/+$/, ''),
    request: { signal },
  });
  const { owner, repo, head, base } = req;
  const findOpen = async (): Promise<PullRequestResult | undefined> => {
    try {
      const { data } = await octokit.rest.pulls.list({
        owner,
        repo,
        state: 'open',
        head: `${owner}:${head}`,
        base,
        per_page: 10,
      });
      const pr = data.find((p) => p.head?.ref === head) ?? data[0];
      return pr ? { url: pr.html_url, number: pr.number, reused: true } : undefined;
    } catch (err) {
      throw apiFailure(`listing open pull requests from ${head}`, err);
    }
  };
  const open = await findOpen();
  if (open) return open;
  try {
    const { data } = await octokit.rest.pulls.create({
      owner,
      repo,
      head,
      base,
      title: req.title,
      body: req.body,
    });
    return { url: data.html_url, number: data.number, reused: false };
  } catch (err) {
    // Another run may have opened it between our list and create: GitHub answers 422.
    if ((err as { status?: number }).status === 422) {
      const raced = await findOpen();
      if (raced) return raced;
    }
    throw apiFailure(`creating the pull request ${head} → ${base}`, err);
  }
}
