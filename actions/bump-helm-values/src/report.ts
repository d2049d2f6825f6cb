// What the run tells: the outputs (changed, commit-sha, previous-values, diff, pr-url,
// pr-number), the job summary (a table of every key, the diff), the log lines of the edits and
// the diff group, and the note as the last log line.
import { code, details, heading, table, type Runner } from '@cicd-actions/core';
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
