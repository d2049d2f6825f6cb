// The action's flow: resolve files, edit them all in memory (nothing is written if any file has
// a problem), write atomically, commit once, push — and when the branch moved, fetch its new
// tip and re-apply the same semantic edit there (never a text rebase), up to push-retries.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import {
  ActionError,
  InputError,
  backoffDelay,
  code,
  details,
  heading,
  table,
  formatDuration,
  workspacePath,
  type Clock,
  type Runner,
} from '@cicd-actions/core';
import {
  createGit,
  gitErrorLine,
  GitStoppedError,
  withoutUrlCredentials,
  type Git,
} from '@cicd-actions/core/git';
import { editYaml, YamlEditError, type AppliedEdit, type ChangeSpec } from './edit';
import { normalizeFileKey } from './changes';
import { unifiedDiff } from './diff';
import { readText, resolveFiles, writeAtomically } from './files';
import type { BumpInputs } from './inputs';
import type { JsonScalar } from './scalar';
import { showHelm } from './helm-read';
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

interface FilePlan {
  file: string;
  changes: ChangeSpec[];
}

interface FileOutcome {
  file: string;
  before: string;
  after: string;
  edits: AppliedEdit[];
  warnings: string[];
  notices: string[];
}

const MAX_LISTED_PROBLEMS = 5;

/** Pairs each file with its changes; with per-file JSON both sides must name the same files. */
export function planFiles(changes: BumpInputs['changes'], files: string[]): FilePlan[] {
  if (changes.kind === 'all') return files.map((file) => ({ file, changes: changes.changes }));
  const missing = files.filter((f) => !changes.files.has(normalizeFileKey(f)));
  if (missing.length)
    throw new InputError(
      'changes-json',
      `has no entry for ${missing.map((f) => `'${f}'`).join(', ')}, which files matched`,
    );
  const extra = [...changes.files.keys()].filter(
    (k) => !files.some((f) => normalizeFileKey(f) === k),
  );
  if (extra.length)
    throw new InputError(
      'changes-json',
      `names ${extra.map((f) => `'${f}'`).join(', ')}, which files did not match`,
    );
  return files.map((file) => ({ file, changes: changes.files.get(normalizeFileKey(file))! }));
}

/** Reads and edits every file in memory; throws one error listing every problem, with file:line:column. */
async function editAll(
  cwd: string,
  plans: FilePlan[],
  cfg: BumpInputs,
  when = '',
  read: (file: string) => Promise<string> = (file) => readText(path.resolve(cwd, file)),
): Promise<FileOutcome[]> {
  const problems: string[] = [];
  const outcomes: FileOutcome[] = [];
  for (const plan of plans) {
    let before: string;
    try {
      before = await read(plan.file);
    } catch (err) {
      problems.push(`${plan.file}: cannot read: ${(err as Error).message}`);
      continue;
    }
    try {
      const r = editYaml(before, plan.changes, {
        valueType: cfg.valueType,
        createMissing: cfg.createMissing,
        allowAnchors: cfg.allowAnchors,
      });
      outcomes.push({
        file: plan.file,
        before,
        after: r.text,
        edits: r.edits,
        warnings: r.warnings,
        notices: r.notices,
      });
    } catch (err) {
      if (!(err instanceof YamlEditError)) throw err;
      for (const p of err.problems)
        problems.push(`${plan.file}${p.line ? `:${p.line}:${p.col}` : ''}: ${p.message}`);
    }
  }
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
    const more =
      problems.length > MAX_LISTED_PROBLEMS
        ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more`
        : '';
    throw new ActionError(`${listed}${more} — no file was changed${when}`);
  }
  return outcomes;
}

/** A value as Helm reads it (16.1, true), a string that would read as another type in quotes ("16.10"). */
function show(v: JsonScalar | undefined): string {
  return showHelm(v);
}

/** An edit's new value for a person: `removed` for a key taken out again. */
function showNew(e: AppliedEdit): string {
  return e.removed ? '(removed)' : show(e.newValue);
}

/** Edits that change something, one per path (documents of one file share the value). */
function effectiveEdits(outcomes: FileOutcome[]): Array<{ file: string; edit: AppliedEdit }> {
  const seen = new Set<string>();
  const out: Array<{ file: string; edit: AppliedEdit }> = [];
  for (const o of outcomes) {
    for (const e of o.edits) {
      const key = `${o.file}\0${e.pathText}`;
      const noop = e.removed ? e.line === 0 : e.oldText === e.newText && !e.created;
      if (seen.has(key) || noop) continue;
      seen.add(key);
      out.push({ file: o.file, edit: e });
    }
  }
  return out;
}

export function defaultCommitMessage(outcomes: FileOutcome[]): string {
  const edits = effectiveEdits(outcomes);
  const byPath = new Map<string, string>();
  for (const { edit } of edits)
    if (!byPath.has(edit.pathText)) byPath.set(edit.pathText, showNew(edit));
  const values = new Set(byPath.values());
  const subject =
    values.size === 1
      ? `chore: update ${[...byPath.keys()].join(', ')} to ${[...values][0]}`
      : `chore: update ${[...byPath].map(([p, v]) => `${p} to ${v}`).join(', ')}`;
  const body = edits
    .map(
      ({ file, edit }) =>
        `- ${file}: ${edit.pathText} ${edit.created ? '(new)' : show(edit.oldValue)} → ${showNew(edit)}`,
    )
    .join('\n');
  return `${subject}\n\n${body}`;
}

/** One key's state before this run: the value Helm read and the exact text, or that it was absent. */
export type PreviousEntry = { value: JsonScalar; yaml: string } | { absent: true };

/**
 * file → path → what was there before, the shape changes-json accepts to undo this run byte for
 * byte: `{"value": 16, "yaml": "16"}` (the value as Helm read it, and its exact text), or
 * `{"absent": true}` for a key this run created (a revert removes it again).
 */
export function previousValues(
  outcomes: FileOutcome[],
): Record<string, Record<string, PreviousEntry>> {
  const out: Record<string, Record<string, PreviousEntry>> = {};
  for (const o of outcomes) {
    const entry: Record<string, PreviousEntry> = {};
    for (const e of o.edits) {
      if (e.pathText in entry) continue;
      if (e.created || (e.removed && e.line === 0)) entry[e.pathText] = { absent: true };
      else entry[e.pathText] = { value: e.oldValue, yaml: e.oldText };
    }
    out[o.file] = entry;
  }
  return out;
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

interface GitContext {
  git: Git;
  current?: string;
  target: string;
  base?: string;
  remoteUrl: string;
  /** Epoch ms: the timeout input, for every git and API call. */
  deadline: number;
}

async function gitContext(
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

async function writeChanged(cwd: string, outcomes: FileOutcome[]): Promise<string[]> {
  const changed = outcomes.filter((o) => o.after !== o.before);
  for (const o of changed) await writeAtomically(path.resolve(cwd, o.file), o.after);
  return changed.map((o) => o.file);
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

function logDiff(runner: Runner, diff: string, title = 'Diff'): void {
  if (!diff) return;
  runner.startGroup(title);
  runner.info(diff.replace(/\n$/, ''));
  runner.endGroup();
}

function summaryTable(outcomes: FileOutcome[]): string {
  const rows: unknown[][] = [];
  for (const o of outcomes) {
    const seen = new Set<string>();
    for (const e of o.edits) {
      if (seen.has(e.pathText)) continue;
      seen.add(e.pathText);
      const status = e.created
        ? 'created'
        : e.removed
          ? e.line === 0
            ? 'already absent'
            : 'removed'
          : e.oldText === e.newText
            ? 'already set'
            : 'changed';
      rows.push([
        code(o.file),
        code(e.pathText),
        e.created ? '—' : code(show(e.oldValue)),
        e.removed ? '—' : code(show(e.newValue)),
        status,
      ]);
    }
  }
  return table(['File', 'Path', 'Old', 'New', 'Status'], rows);
}

interface Result {
  changed: boolean;
  commitSha: string;
  outcomes: FileOutcome[];
  note: string;
  pr?: PullRequestResult;
}

function report(runner: Runner, r: Result, diff: string): void {
  runner.setOutput('changed', r.changed);
  runner.setOutput('commit-sha', r.commitSha);
  runner.setOutput('previous-values', JSON.stringify(previousValues(r.outcomes)));
  runner.setOutput('diff', diff);
  runner.setOutput('pr-url', r.pr?.url ?? '');
  runner.setOutput('pr-number', r.pr ? String(r.pr.number) : '');
  let md = heading('bump-helm-values') + '\n' + summaryTable(r.outcomes) + '\n' + r.note + '\n';
  if (diff) md += '\n' + details('Diff', '```diff\n' + diff + '```');
  runner.appendSummary(md);
  runner.info(plainText(r.note));
}

/** A summary note as a log line: the log is plain text (`[#7](url)` → `#7 (url)`, no ** or backticks). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\*\*/g, '')
    .replace(/`/g, '');
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
    logDiff(
      runner,
      outcomes.map((o) => unifiedDiff(o.before, o.after, o.file)).join(''),
      `Diff re-applied on ${cfg.remote}/${ctx.target}`,
    );
    sha = await commitFiles(ctx, cfg, written, cfg.commitMessage ?? defaultCommitMessage(outcomes));
    runner.info(`Re-applied and committed ${sha.slice(0, 12)}`);
  }
}

async function openPr(
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

/**
 * commit-via: api. Reads the branch head and the files at it through GitHub's API, applies the
 * edit, and commits with createCommitOnBranch(expectedHeadOid): GitHub signs the commit and
 * refuses it when the branch moved, and then the files are read again at the new head and the
 * edit re-applied — the no-lost-update guarantee of the git path, without push credentials.
 */
async function bumpViaApi(
  runner: Runner,
  cfg: BumpInputs,
  deps: BumpDeps,
  cwd: string,
  plans: FilePlan[],
): Promise<void> {
  const deadline = deps.clock.now() + cfg.timeoutMs;
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
    if (attempt === 1) {
      for (const o of outcomes) {
        for (const w of o.warnings) runner.warning(`${o.file}: ${w}`);
        for (const n of o.notices) runner.notice(`${o.file}: ${n}`);
      }
      for (const { file, edit } of effectiveEdits(outcomes))
        runner.info(
          `${file}:${edit.line}: ${edit.pathText}: ${edit.created ? '(new)' : show(edit.oldValue)} → ${showNew(edit)}`,
        );
    }
    if (!target) {
      target = defaultPrBranch(outcomes);
      continue;
    }
    const changedFiles = outcomes.filter((o) => o.after !== o.before);
    const diff = changedFiles.map((o) => unifiedDiff(o.before, o.after, o.file)).join('');
    if (changedFiles.length === 0) {
      let pr: PullRequestResult | undefined;
      if (cfg.createPr && !createFrom)
        pr = await openPr(runner, cfg, deps, outcomes, repository, target, base!, deadline);
      return report(
        runner,
        {
          changed: false,
          commitSha: '',
          outcomes,
          note: `\`${target}\` already has these values; nothing was committed.`,
          pr,
        },
        '',
      );
    }
    if (createFrom) await api.createBranch(octokit, owner, repo, target, createFrom);
    const message = cfg.commitMessage ?? defaultCommitMessage(outcomes);
    const r = await api.commitOnBranch(octokit, {
      owner,
      repo,
      branch: target,
      expectedHeadOid: state.oid,
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
        pr
          ? `Pull request: [#${pr.number}](${pr.url})${pr.reused ? ' (already open, reused)' : ''}.`
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      return report(runner, { changed: true, commitSha: r.oid, outcomes, note, pr }, diff);
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

export async function bump(runner: Runner, cfg: BumpInputs, deps: BumpDeps): Promise<void> {
  try {
    await bumpSteps(runner, cfg, deps);
  } catch (err) {
    if (err instanceof GitStoppedError && err.why === 'timeout')
      throw new ActionError(
        `${err.message} (timeout: ${formatDuration(cfg.timeoutMs)}); raise the timeout input if the remote is slow`,
      );
    throw err;
  }
}

async function bumpSteps(runner: Runner, cfg: BumpInputs, deps: BumpDeps): Promise<void> {
  if (cfg.token) runner.setSecret(cfg.token);
  const cwd = path.resolve(deps.cwd, cfg.workingDirectory);
  if (!(await stat(cwd).catch(() => undefined))?.isDirectory())
    throw new InputError('working-directory', `'${cfg.workingDirectory}' is not a directory`);
  const files = await resolveFiles(cfg.filePatterns, cwd);
  // Every file (a glob's match or a symbolic link too) must be inside the workspace.
  for (const f of files) workspacePath('files', path.resolve(cwd, f), { env: deps.env });
  const plans = planFiles(cfg.changes, files);
  if (cfg.commitVia === 'api' && !cfg.dryRun) return bumpViaApi(runner, cfg, deps, cwd, plans);
  let outcomes = await editAll(cwd, plans, cfg);
  for (const o of outcomes) {
    for (const w of o.warnings) runner.warning(`${o.file}: ${w}`);
    for (const n of o.notices) runner.notice(`${o.file}: ${n}`);
  }
  for (const { file, edit } of effectiveEdits(outcomes))
    runner.info(
      `${file}:${edit.line}: ${edit.pathText}: ${edit.created ? '(new)' : show(edit.oldValue)} → ${showNew(edit)}`,
    );
  const diffOf = (list: FileOutcome[]) =>
    list.map((o) => unifiedDiff(o.before, o.after, o.file)).join('');
  let diff = diffOf(outcomes);
  const anyChange = outcomes.some((o) => o.after !== o.before);

  if (cfg.dryRun) {
    logDiff(runner, diff);
    return report(
      runner,
      {
        changed: anyChange,
        commitSha: '',
        outcomes,
        note: anyChange
          ? '**Dry run**: nothing was written or committed.'
          : 'The values are already set; nothing to do (dry run).',
      },
      diff,
    );
  }
  if (!anyChange)
    return report(
      runner,
      {
        changed: false,
        commitSha: '',
        outcomes,
        note: 'The values are already set; nothing to commit.',
      },
      '',
    );

  // Every git question is answered before the first file is written.
  const ctx = cfg.commit ? await gitContext(cwd, cfg, deps, outcomes) : undefined;
  const written = await writeChanged(cwd, outcomes);
  logDiff(runner, diff);
  if (!ctx)
    return report(
      runner,
      {
        changed: true,
        commitSha: '',
        outcomes,
        note: `Wrote ${written.length} file(s); commit is false, so nothing was committed.`,
      },
      diff,
    );

  if (ctx.target !== ctx.current && ctx.target !== 'HEAD') {
    // Commit on a local branch named like the target, so the checked-out branch is left as it was.
    await ctx.git(['checkout', '--quiet', '-B', ctx.target]);
  }
  const message = cfg.commitMessage ?? defaultCommitMessage(outcomes);
  let sha = await commitFiles(ctx, cfg, written, message);
  runner.info(`Committed ${sha.slice(0, 12)}: ${message.split('\n')[0]}`);
  if (!cfg.push)
    return report(
      runner,
      {
        changed: true,
        commitSha: sha,
        outcomes,
        note: `Committed \`${sha.slice(0, 12)}\` (push is false).`,
      },
      diff,
    );

  const pushed = await pushReapplying(runner, ctx, cfg, deps, { cwd, plans, outcomes, sha });
  outcomes = pushed.outcomes;
  diff = diffOf(outcomes);
  const { changed } = pushed;
  sha = pushed.sha;

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
    pr
      ? `Pull request: [#${pr.number}](${pr.url})${pr.reused ? ' (already open, reused)' : ''}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  report(runner, { changed, commitSha: sha, outcomes, note, pr }, changed ? diff : '');
}
