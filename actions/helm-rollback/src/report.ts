// What helm-rollback tells: the outputs (the revisions as soon as they are known; status,
// message and history once, also on a failure), the job summary with the history before and
// after, the target marked, the workloads, the history's log groups and the one-line `message`.
import { errorMessage } from '@cicd-actions/core/errors';
import type { Runner } from '@cicd-actions/core/runner';
import { messageLine } from '@cicd-actions/core/preview';
import { heading } from '@cicd-actions/core/summary';
import {
  historyLines,
  historyTable,
  workloadTable,
  type RevisionImages,
  type WorkloadReport,
} from '@cicd-actions/helm/history-table';
import type { HistoryEntry } from '@cicd-actions/helm/release-history';

export { historyLines, historyTable, type WorkloadReport } from '@cicd-actions/helm/history-table';

export type RollbackStatus = 'rolled-back' | 'verified' | 'failed' | 'skipped' | 'not-needed';

export interface RollbackReport {
  release: string;
  namespace: string;
  helmVersion: string;
  status: RollbackStatus;
  headline: string;
  before: HistoryEntry[];
  after?: HistoryEntry[];
  from?: number;
  to?: number;
  newRevision?: number;
  dryRun: boolean;
  workloads?: WorkloadReport[];
  /** Why verification was skipped or what failed, one line. */
  verifyNote?: string;
  /** The images of each revision's manifest (best effort). */
  images?: RevisionImages;
}

const STATUS_ICON: Record<RollbackStatus, string> = {
  verified: '✅',
  'rolled-back': '↩️',
  skipped: '⏭️',
  'not-needed': '⏭️',
  failed: '❌',
};

export function rollbackSummary(r: RollbackReport): string {
  const parts: string[] = [];
  parts.push(
    heading(
      `${STATUS_ICON[r.status]} Helm rollback of ${r.release} (namespace ${r.namespace}): ${r.status}`,
    ),
  );
  parts.push(
    `${r.headline}\n\nHelm ${r.helmVersion}${r.dryRun ? ' — dry run, nothing was changed' : ''}.\n`,
  );
  const beforeMarks: Record<number, string> = {};
  if (r.from !== undefined) beforeMarks[r.from] = 'current';
  if (r.to !== undefined) beforeMarks[r.to] = 'target';
  parts.push(heading('History before', 4));
  parts.push(historyTable(r.before, beforeMarks, r.images));
  if (r.after) {
    const afterMarks: Record<number, string> = {};
    if (r.to !== undefined) afterMarks[r.to] = 'target';
    if (r.newRevision !== undefined) afterMarks[r.newRevision] = `new (copy of ${r.to})`;
    parts.push(heading('History after', 4));
    parts.push(historyTable(r.after, afterMarks, r.images));
  }
  if (r.workloads) {
    parts.push(heading('Verified workloads', 4));
    if (r.workloads.length) {
      parts.push(workloadTable(r.workloads));
    } else {
      parts.push(
        'The release manifest has no Deployments, StatefulSets or DaemonSets to wait for.\n',
      );
    }
  }
  if (r.verifyNote) parts.push(`${r.verifyNote}\n`);
  return parts.join('\n');
}

/** What has been reported so far, so that a failure still sets the outputs once. */
export interface Outcome {
  status?: RollbackStatus;
  history?: HistoryEntry[];
  historySet?: boolean;
}

/** from-revision and to-revision as soon as the target is chosen: a later failure still tells them. */
export function reportTarget(runner: Runner, from: number, to: number): void {
  runner.setOutput('from-revision', from);
  runner.setOutput('to-revision', to);
}

/** new-revision as soon as the history shows the revision helm wrote. */
export function reportNewRevision(runner: Runner, revision: number): void {
  runner.setOutput('new-revision', revision);
}

/** A log group with the history, each revision's marks and images. */
export function logHistory(
  runner: Runner,
  title: string,
  history: HistoryEntry[],
  marks: Record<number, string>,
  images: RevisionImages,
): void {
  runner.startGroup(title);
  for (const line of historyLines(history, marks, images)) runner.info(line);
  runner.endGroup();
}

/** The outputs and summary of a run that was told nothing needs undoing. */
export function reportNotNeeded(
  runner: Runner,
  outcome: Outcome,
  r: {
    release: string;
    namespace: string;
    helmVersion: string;
    reason: string;
    history: HistoryEntry[];
    current?: HistoryEntry;
    images: RevisionImages;
  },
): void {
  const message = `Nothing rolled back: ${r.reason}`;
  runner.notice(message);
  outcome.status = 'not-needed';
  outcome.historySet = true;
  runner.setOutput('status', 'not-needed');
  runner.setOutput('message', messageLine(message));
  runner.setOutput('history', JSON.stringify(r.history));
  if (r.current) runner.setOutput('from-revision', r.current.revision);
  runner.appendSummary(
    `${heading(`⏭️ Helm rollback of ${r.release} (namespace ${r.namespace}): not-needed`)}\n${message}\n\nHelm ${r.helmVersion}.\n\n${historyTable(r.history, r.current ? { [r.current.revision]: 'current' } : {}, r.images)}`,
  );
}

/** The summary when no target could be chosen: nothing was changed; the history shows why. */
export function reportNoTarget(
  runner: Runner,
  release: string,
  namespace: string,
  err: unknown,
  history: HistoryEntry[],
  current: HistoryEntry | undefined,
  images: RevisionImages,
): void {
  runner.appendSummary(
    `${heading(`❌ Helm rollback of ${release} (namespace ${namespace}): failed`)}\n${errorMessage(err)}\n\n${historyTable(history, current ? { [current.revision]: 'current' } : {}, images)}`,
  );
}

/** Sets the outcome of a rollback that was attempted: status, message, history and summary. */
export function reportRollback(
  runner: Runner,
  outcome: Outcome,
  report: RollbackReport,
  status: RollbackStatus,
  headline: string,
): void {
  report.status = status;
  report.headline = headline;
  outcome.status = status;
  outcome.historySet = true;
  runner.setOutput('status', status);
  runner.setOutput('message', messageLine(runner.redact(headline)));
  runner.setOutput('history', JSON.stringify(report.after ?? report.before));
  runner.appendSummary(rollbackSummary(report));
}

/** On a failure, the outputs not set yet: the next step (e.g. a notification) can still read them. */
export function reportError(runner: Runner, outcome: Outcome, err: unknown): void {
  if (!outcome.status) {
    runner.setOutput('status', 'failed');
    runner.setOutput('message', messageLine(runner.redact(errorMessage(err))));
  }
  if (!outcome.historySet && outcome.history)
    runner.setOutput('history', JSON.stringify(outcome.history));
}
