// What the run tells: the outputs (changed, commit-sha, previous-values, diff, pr-url,
// pr-number, and the one-line message, also on failure), the job summary (a table of every key, the diff), the log lines of the edits and
// the diff group, and the note as the last log line.
import {
  code,
  details,
  errorMessage,
  heading,
  messageLine,
  table,
  type Runner,
} from '@cicd-actions/core';
import { effectiveEdits, show, showNew, type FileOutcome } from './plan';
import type { JsonScalar } from './scalar';
import type { PullRequestResult } from './pull-request';

export interface BumpReport {
  changed: boolean;
  commitSha: string;
  outcomes: FileOutcome[];
  /** One or two sentences for the summary (markdown) and, as plain text, the log. */
  note: string;
  pr?: PullRequestResult;
  /** The diff output ('' when nothing was committed or written). */
  diff: string;
  /** A dry run: nothing was written or committed. */
  dryRun?: boolean;
  /** Where the commit went (`origin/main`, `octo/infra@main via the GitHub API`); unset when not pushed. */
  pushedTo?: string;
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The `message` output: one line saying what this run did, for a notification's reason. */
export function bumpMessage(r: BumpReport): string {
  const edits = effectiveEdits(r.outcomes);
  const what = `${count(edits.length, 'key')} in ${count(new Set(edits.map((e) => e.file)).size, 'file')}`;
  const pr = r.pr
    ? `; pull request #${r.pr.number} ${r.pr.reused ? 'was already open (reused)' : 'opened'}: ${r.pr.url}`
    : '';
  if (r.dryRun)
    return edits.length
      ? `Dry run: would change ${what}; nothing was written or committed`
      : 'Dry run: nothing to change, the values are already set';
  if (!r.changed) return `Nothing to change: the values are already set${pr}`;
  if (!r.commitSha) return `Wrote ${what}; nothing was committed (commit is false)`;
  const sha = r.commitSha.slice(0, 12);
  return r.pushedTo
    ? `Committed ${what} at ${sha}, pushed to ${r.pushedTo}${pr}`
    : `Committed ${what} at ${sha}; not pushed (push is false)${pr}`;
}

/** On a failure (or a cancel), the message says why, so a notification can carry it. */
export function reportFailure(runner: Runner, err: unknown, cancelled: boolean): void {
  const why = errorMessage(err);
  runner.setOutput('message', messageLine(runner.redact(cancelled ? `Cancelled: ${why}` : why)));
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

/** Each file's warnings and notices as annotations, then one log line per key that changes. */
export function logEdits(runner: Runner, outcomes: FileOutcome[]): void {
  for (const o of outcomes) {
    for (const w of o.warnings) runner.warning(`${o.file}: ${w}`);
    for (const n of o.notices) runner.notice(`${o.file}: ${n}`);
  }
  for (const { file, edit } of effectiveEdits(outcomes))
    runner.info(
      `${file}:${edit.line}: ${edit.pathText}: ${edit.created ? '(new)' : show(edit.oldValue)} → ${showNew(edit)}`,
    );
}

export function logDiff(runner: Runner, diff: string, title = 'Diff'): void {
  if (!diff) return;
  runner.startGroup(title);
  runner.info(diff.replace(/\n$/, ''));
  runner.endGroup();
}

export function summaryTable(outcomes: FileOutcome[]): string {
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

export function report(runner: Runner, r: BumpReport): void {
  const { diff } = r;
  runner.setOutput('changed', r.changed);
  runner.setOutput('commit-sha', r.commitSha);
  runner.setOutput('previous-values', JSON.stringify(previousValues(r.outcomes)));
  runner.setOutput('diff', diff);
  runner.setOutput('pr-url', r.pr?.url ?? '');
  runner.setOutput('pr-number', r.pr ? String(r.pr.number) : '');
  runner.setOutput('message', messageLine(runner.redact(bumpMessage(r))));
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
