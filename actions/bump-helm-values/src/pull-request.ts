// Opening (or reusing) the pull request in PR mode, then its labels, reviewers and auto-merge.
// @actions/github is loaded only here (and for commit-via: api), only when needed: it is most of
// the bundle's weight and cold start.
import { apiFailure, octokitFor, type ApiSession } from './github-api';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface PullRequestRequest extends ApiSession {
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
  labels?: string[];
  /** Users, and teams as `org/team`. */
  reviewers?: string[];
  autoMerge?: MergeMethod;
}

export interface PullRequestResult {
  url: string;
  number: number;
  reused: boolean;
}

export async function openPullRequest(req: PullRequestRequest): Promise<PullRequestResult> {
  const octokit = await octokitFor(req);
  const { owner, repo, head, base } = req;
  type Found = PullRequestResult & { nodeId?: string };
  const findOpen = async (): Promise<Found | undefined> => {
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
      return pr
        ? { url: pr.html_url, number: pr.number, reused: true, nodeId: pr.node_id }
        : undefined;
    } catch (err) {
      throw apiFailure(`listing open pull requests from ${head}`, err);
    }
  };
  let pr = await findOpen();
  if (!pr) {
    try {
      const { data } = await octokit.rest.pulls.create({
        owner,
        repo,
        head,
        base,
        title: req.title,
        body: req.body,
      });
      pr = { url: data.html_url, number: data.number, reused: false, nodeId: data.node_id };
    } catch (err) {
      // Another run may have opened it between our list and create: GitHub answers 422.
      if ((err as { status?: number }).status === 422) pr = await findOpen();
      if (!pr) throw apiFailure(`creating the pull request ${head} → ${base}`, err);
    }
  }
  const number = pr.number;
  if (req.labels?.length) {
    try {
      await octokit.rest.issues.addLabels({
        owner,
        repo,
        issue_number: number,
        labels: req.labels,
      });
    } catch (err) {
      throw apiFailure(`adding labels to #${number}`, err);
    }
  }
  if (req.reviewers?.length) {
    const teams = req.reviewers.filter((r) => r.includes('/')).map((r) => r.split('/')[1]);
    const users = req.reviewers.filter((r) => !r.includes('/'));
    try {
      await octokit.rest.pulls.requestReviewers({
        owner,
        repo,
        pull_number: number,
        reviewers: users,
        team_reviewers: teams,
      });
    } catch (err) {
      throw apiFailure(`requesting reviewers for #${number}`, err);
    }
  }
  if (req.autoMerge && pr.nodeId) {
    try {
      await octokit.graphql(
        `mutation AutoMerge($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) { clientMutationId }
}`,
        { id: pr.nodeId, mergeMethod: req.autoMerge.toUpperCase() },
      );
    } catch (err) {
      throw apiFailure(`enabling auto-merge (${req.autoMerge}) on #${number}`, err);
    }
  }
  return { url: pr.url, number: pr.number, reused: pr.reused };
}
