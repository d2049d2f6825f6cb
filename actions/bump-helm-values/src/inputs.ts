// Every input read and checked before anything is touched: a bad input stops the action with
// one ::error:: line naming it, before any file is read or any git command runs.
import { InputError, Inputs, parseLines, type Runner } from '@cicd-actions/core';
import { parseChangeLines, parseChangesJson, type JsonChanges } from './changes';
import { VALUE_TYPES, type ValueType } from './scalar';
import type { MergeMethod } from './pull-request';

export const COMMIT_VIA = ['git', 'api'] as const;
export const AUTO_MERGE = ['false', 'merge', 'squash', 'rebase'] as const;

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

export interface BumpInputs {
  filePatterns: string[];
  /** From `changes` (same for every file) or `changes-json`. */
  changes: JsonChanges;
  valueType: ValueType;
  createMissing: boolean;
  /** Edit anchored values in place (every alias follows, each is listed). */
  allowAnchors: boolean;
  commit: boolean;
  push: boolean;
  /** Branch to push to; undefined = the checked-out branch. */
  branch?: string;
  remote: string;
  commitMessage?: string;
  authorName: string;
  authorEmail: string;
  pushRetries: number;
  createPr: boolean;
  prBranch?: string;
  prTitle?: string;
  prBody?: string;
  base?: string;
  token: string;
  repository?: string;
  dryRun: boolean;
  workingDirectory: string;
  /** Bound of every git and API call together (the timeout input). */
  timeoutMs: number;
  /** git: commit and push locally; api: GitHub's createCommitOnBranch (signed, no push credentials). */
  commitVia: (typeof COMMIT_VIA)[number];
  labels: string[];
  reviewers: string[];
  autoMerge?: MergeMethod;
}

/** git check-ref-format's rules for a branch name, checked without running git. */
export function isValidBranchName(name: string): boolean {
  if (
    name === '' ||
    name === '@' ||
    name.startsWith('-') ||
    name.startsWith('/') ||
    name.endsWith('/') ||
    name.endsWith('.')
  )
    return false;
  if (
    /[\x00-\x20\x7f~^:?*[\\]/.test(name) ||
    name.includes('..') ||
    name.includes('@{') ||
    name.includes('//')
  )
    return false;
  return name
    .split('/')
    .every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

function branchInput(inputs: Inputs, name: string): string | undefined {
  const v = inputs.string(name).replace(/^refs\/heads\//, '');
  if (v === '') return undefined;
  if (!isValidBranchName(v)) throw new InputError(name, `'${v}' is not a valid branch name`);
  return v;
}

function oneLine(inputs: Inputs, name: string, fallback: string): string {
  const v = inputs.string(name, fallback);
  if (/[\r\n]/.test(v)) throw new InputError(name, 'must be one line');
  return v;
}

/** files, value-type, and changes or changes-json (exactly one of them). */
function readChanges(
  runner: Runner,
  inputs: Inputs,
): Pick<BumpInputs, 'filePatterns' | 'valueType' | 'changes'> {
  const filePatterns = parseLines(inputs.required('files'));
  if (filePatterns.length === 0)
    throw new InputError('files', 'is required: one file or glob per line');

  const valueType = inputs.oneOf('value-type', VALUE_TYPES, 'auto');
  const changesText = runner.input('changes');
  const jsonText = runner.input('changes-json');
  if (changesText !== '' && jsonText !== '')
    throw new InputError('changes', 'give either changes or changes-json, not both');
  if (changesText === '' && jsonText === '')
    throw new InputError('changes', 'is required (path=value lines), unless changes-json is given');
  let changes: JsonChanges;
  try {
    changes =
      changesText !== ''
        ? { kind: 'all', changes: parseChangeLines(changesText, valueType) }
        : parseChangesJson(jsonText);
  } catch (err) {
    throw new InputError(changesText !== '' ? 'changes' : 'changes-json', (err as Error).message);
  }
  return { filePatterns, valueType, changes };
}

/** labels, reviewers and auto-merge: only with create-pr. */
function readPrOptions(
  inputs: Inputs,
  createPr: boolean,
): Pick<BumpInputs, 'labels' | 'reviewers' | 'autoMerge'> {
  const labels = inputs.list('labels');
  for (const l of labels)
    if (l.length > 100)
      throw new InputError('labels', `a label is at most 100 characters, got ${l.length}`);
  const reviewers = inputs.list('reviewers');
  for (const r of reviewers)
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]+)?$/.test(r))
      throw new InputError('reviewers', `expected GitHub logins or org/team names, got '${r}'`);
  const autoMerge = inputs.oneOf('auto-merge', AUTO_MERGE, 'false');
  if (!createPr && (labels.length || reviewers.length || autoMerge !== 'false'))
    throw new InputError(
      labels.length ? 'labels' : reviewers.length ? 'reviewers' : 'auto-merge',
      'applies to the pull request, so it needs create-pr: true',
    );
  return { labels, reviewers, autoMerge: autoMerge === 'false' ? undefined : autoMerge };
}

export function readInputs(runner: Runner): BumpInputs {
  const inputs = new Inputs(runner);
  const { filePatterns, valueType, changes } = readChanges(runner, inputs);

  const commit = inputs.boolean('commit', true);
  const push = commit && inputs.boolean('push', true);
  const createPr = inputs.boolean('create-pr', false);
  if (createPr && !(commit && push))
    throw new InputError(
      'create-pr',
      'needs commit: true and push: true (the pull request is opened from a pushed branch)',
    );

  const remote = inputs.string('remote', 'origin');
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(remote))
    throw new InputError('remote', `expected a remote name like origin, got '${remote}'`);

  const authorName = oneLine(inputs, 'author-name', BOT_NAME);
  const authorEmail = oneLine(inputs, 'author-email', BOT_EMAIL);
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(authorEmail))
    throw new InputError('author-email', `expected an email address, got '${authorEmail}'`);
  if (/[<>]/.test(authorName)) throw new InputError('author-name', 'must not contain < or >');

  const token = inputs.string('github-token');
  if (createPr && token === '')
    throw new InputError('github-token', 'is required when create-pr is true');
  const repository = inputs.string('repository') || undefined;
  if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    throw new InputError('repository', `expected owner/name, got '${repository}'`);

  const commitVia = inputs.oneOf('commit-via', COMMIT_VIA, 'git');
  if (commitVia === 'api' && !(commit && push))
    throw new InputError(
      'commit-via',
      'api commits through GitHub, so it needs commit: true and push: true',
    );
  if (commitVia === 'api' && token === '')
    throw new InputError('github-token', 'is required when commit-via is api');
  const prOptions = readPrOptions(inputs, createPr);

  const workingDirectory = inputs.string('working-directory', '.');
  // Inside the workspace (symlinks followed): nothing outside it is read or written.
  inputs.path('working-directory', { fallback: '.' });

  const commitMessage = inputs.raw('commit-message').trim() || undefined;
  const prTitle = inputs.string('pr-title') || undefined;
  if (prTitle && /[\r\n]/.test(prTitle)) throw new InputError('pr-title', 'must be one line');

  return {
    filePatterns,
    changes,
    valueType,
    createMissing: inputs.boolean('create-missing', false),
    allowAnchors: inputs.boolean('allow-anchors', false),
    commit,
    push,
    branch: branchInput(inputs, 'branch'),
    remote,
    commitMessage,
    authorName,
    authorEmail,
    pushRetries: inputs.integer('push-retries', 5, { min: 0, max: 20 }),
    createPr,
    prBranch: branchInput(inputs, 'pr-branch'),
    prTitle,
    prBody: inputs.raw('pr-body').trim() || undefined,
    base: branchInput(inputs, 'base'),
    token,
    repository,
    dryRun: inputs.boolean('dry-run', false),
    workingDirectory,
    timeoutMs: inputs.duration('timeout', '5m', { min: 1_000 }),
    commitVia,
    ...prOptions,
  };
}
