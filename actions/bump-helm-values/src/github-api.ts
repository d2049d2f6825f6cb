// GitHub's API for commit-via: api and PR mode. Octokit sends through core's HTTP transport (its
// `request.fetch`), so HTTPS_PROXY/NO_PROXY follow core's proxy rules like every other request of
// the suite (not @actions/http-client's), and every call is bounded by the timeout and stopped on
// cancel. @actions/github is loaded only when the API is used.
import { ActionError, httpRequest, HttpError } from '@cicd-actions/core';

export interface ApiSession {
  apiUrl: string;
  token: string;
  /** Epoch ms: every call is aborted at this deadline (the timeout input). */
  deadline?: number;
  /** Cancellation: the running call is aborted. */
  signal?: AbortSignal;
  /** Where the proxy variables are read. */
  env?: Record<string, string | undefined>;
}

/** A fetch for Octokit on core's transport: proxy rules, deadline and cancellation of core's httpRequest. */
export function coreFetch(session: ApiSession): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const signals = [session.signal, init.signal ?? undefined].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    try {
      const res = await httpRequest({
        url,
        method: init.method ?? 'GET',
        headers,
        body: typeof init.body === 'string' ? init.body : undefined,
        timeoutMs: Math.max(1, (session.deadline ?? Date.now() + 300_000) - Date.now()),
        deadline: session.deadline,
        signal: signals.length ? AbortSignal.any(signals) : undefined,
        env: session.env,
        maxBodyBytes: 64 * 1024 * 1024,
      });
      const empty = res.status === 204 || res.status === 304;
      return new Response(empty ? null : new Uint8Array(res.body), {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    } catch (err) {
      if (err instanceof HttpError && (err.code === 'TIMEOUT' || err.code === 'ABORTED')) {
        const stopped = new Error(`the request was stopped (${err.message})`);
        stopped.name = 'AbortError';
        throw stopped;
      }
      throw err;
    }
  }) as typeof fetch;
}

export async function octokitFor(session: ApiSession) {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(session.token, {
    baseUrl: session.apiUrl.replace(/\/+$/, ''),
    request: { fetch: coreFetch(session) },
  });
}

export type Octokit = Awaited<ReturnType<typeof octokitFor>>;

/** One line for a failed API call: what was being done, the HTTP status and GitHub's message. */
export function apiFailure(what: string, err: unknown): ActionError {
  const e = err as { status?: number; message?: string; name?: string };
  if (
    e.name === 'AbortError' ||
    e.name === 'TimeoutError' ||
    /aborted|stopped/i.test(e.message ?? '')
  )
    return new ActionError(
      `GitHub API: ${what} was stopped: the timeout passed or the job is being cancelled`,
    );
  const status = e.status ? `HTTP ${e.status}: ` : '';
  return new ActionError(
    `GitHub API: ${what} failed: ${status}${(e.message ?? String(err)).split('\n')[0]}`,
  );
}

export interface BranchState {
  /** The branch's head commit, or undefined when the branch does not exist. */
  oid?: string;
  /** path → text at that commit (undefined: no such file). */
  files: Map<string, string | undefined>;
}

/** The head of a branch and the files at exactly that commit, in one GraphQL query. */
export async function readBranch(
  octokit: Octokit,
  owner: string,
  repo: string,
  branch: string,
  paths: string[],
): Promise<BranchState> {
  const fields = paths
    .map((_p, i) => `f${i}: file(path: $p${i}) { object { ... on Blob { text isBinary } } }`)
    .join('\n');
  const params = paths.map((_p, i) => `, $p${i}: String!`).join('');
  const query = `query ReadBranch($owner: String!, $name: String!, $ref: String!${params}) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) { target { oid ... on Commit { ${fields} } } }
  }
}`;
  const vars: Record<string, string> = { owner, name: repo, ref: `refs/heads/${branch}` };
  paths.forEach((p, i) => (vars[`p${i}`] = p));
  type Target = { oid: string } & Record<
    string,
    { object?: { text?: string; isBinary?: boolean } } | null
  >;
  let data: { repository: { ref: { target: Target } | null } | null };
  try {
    data = await octokit.graphql(query, vars);
  } catch (err) {
    throw apiFailure(`reading ${branch} of ${owner}/${repo}`, err);
  }
  if (!data.repository) throw new ActionError(`GitHub API: no repository ${owner}/${repo}`);
  const target = data.repository.ref?.target;
  const files = new Map<string, string | undefined>();
  paths.forEach((p, i) => {
    const entry = target?.[`f${i}`] as { object?: { text?: string; isBinary?: boolean } } | null;
    if (entry?.object?.isBinary) throw new ActionError(`GitHub API: ${p} on ${branch} is binary`);
    files.set(p, entry?.object?.text ?? undefined);
  });
  return { oid: target?.oid, files };
}

export type CommitOutcome = { ok: true; oid: string; url?: string } | { ok: false; stale: string };

/**
 * createCommitOnBranch with expectedHeadOid: GitHub makes (and signs) the commit only when the
 * branch is still at that commit; otherwise `stale` (someone pushed first).
 */
export async function commitOnBranch(
  octokit: Octokit,
  input: {
    owner: string;
    repo: string;
    branch: string;
    expectedHeadOid: string;
    message: string;
    files: Array<{ path: string; text: string }>;
  },
): Promise<CommitOutcome> {
  const [headline, ...rest] = input.message.split('\n');
  const body = rest.join('\n').replace(/^\n+/, '');
  const mutation = `mutation Commit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;
  try {
    const data: { createCommitOnBranch: { commit: { oid: string; url?: string } } } =
      await octokit.graphql(mutation, {
        input: {
          branch: {
            repositoryNameWithOwner: `${input.owner}/${input.repo}`,
            branchName: input.branch,
          },
          expectedHeadOid: input.expectedHeadOid,
          message: body ? { headline, body } : { headline },
          fileChanges: {
            additions: input.files.map((f) => ({
              path: f.path,
              contents: Buffer.from(f.text, 'utf8').toString('base64'),
            })),
          },
        },
      });
    const c = data.createCommitOnBranch.commit;
    return { ok: true, oid: c.oid, url: c.url };
  } catch (err) {
    const errors = (err as { errors?: Array<{ type?: string; message?: string }> }).errors ?? [];
    const stale = errors.find(
      (e) => e.type === 'STALE_DATA' || /expected branch to point to/i.test(e.message ?? ''),
    );
    if (stale) return { ok: false, stale: stale.message ?? 'the branch moved' };
    throw apiFailure(`committing to ${input.branch} (createCommitOnBranch)`, err);
  }
}

/** Creates a branch at a commit (PR mode through the API). */
export async function createBranch(
  octokit: Octokit,
  owner: string,
  repo: string,
  branch: string,
  oid: string,
): Promise<void> {
  try {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: oid });
  } catch (err) {
    // Another run created it first: fine, the commit then goes on top of its head.
    if ((err as { status?: number }).status === 422) return;
    throw apiFailure(`creating the branch ${branch}`, err);
  }
}
