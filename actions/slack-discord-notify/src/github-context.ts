// What the runner tells every step about the run, from GITHUB_* variables: no token needed.
import type { Env } from '@cicd-actions/core';

export interface GithubContext {
  repository: string;
  repositoryUrl: string;
  /** Branch or tag name (GITHUB_REF_NAME, else GITHUB_REF). */
  ref: string;
  sha: string;
  shortSha: string;
  commitUrl: string;
  actor: string;
  workflow: string;
  runNumber: string;
  runUrl: string;
}

export function readGithubContext(env: Env): GithubContext {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY ?? '';
  const repositoryUrl = repository ? `${server}/${repository}` : '';
  const sha = env.GITHUB_SHA ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  const attempt =
    env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1'
      ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
      : '';
  return {
    repository,
    repositoryUrl,
    ref: env.GITHUB_REF_NAME || (env.GITHUB_REF ?? '').replace(/^refs\/(heads|tags)\//, ''),
    sha,
    shortSha: sha.slice(0, 7),
    commitUrl: repositoryUrl && sha ? `${repositoryUrl}/commit/${sha}` : '',
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    runUrl: repositoryUrl && runId ? `${repositoryUrl}/actions/runs/${runId}${attempt}` : '',
  };
}
