// The job summary and log tables: history before and after, the target marked, the workloads.
import { heading, table } from '@cicd-actions/core/summary';
import type { HistoryEntry } from './release-history';

export type RollbackStatus = 'rolled-back' | 'verified' | 'failed' | 'skipped';

export interface WorkloadReport {
  /** `Deployment/web` */
  workload: string;
  namespace: string;
  ready: boolean;
  replicas: string;
  revision: string;
  message: string;
}

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
}

/** The revision column, with the roles a person looks for. */
function revisionLabel(entry: HistoryEntry, marks: Record<number, string>): string {
  const mark = marks[entry.revision];
  return mark ? `${entry.revision} ← ${mark}` : String(entry.revision);
}

export function historyTable(entries: HistoryEntry[], marks: Record<number, string>): string {
  return table(
    ['Revision', 'Status', 'Chart', 'App version', 'Updated', 'Description'],
    entries.map((e) => [
      revisionLabel(e, marks),
      e.status,
      e.chart,
      e.app_version,
      e.updated,
      e.description,
    ]),
  );
}

/** Plain-text history for the log: one aligned line per revision. */
export function historyLines(entries: HistoryEntry[], marks: Record<number, string>): string[] {
  const rows = [
    ['REVISION', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'],
    ...entries.map((e) => [
      revisionLabel(e, marks),
      e.status,
      e.chart,
      e.app_version,
      e.description,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

const STATUS_ICON: Record<RollbackStatus, string> = {
  verified: '✅',
  'rolled-back': '↩️',
  skipped: '⏭️',
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
  parts.push(historyTable(r.before, beforeMarks));
  if (r.after) {
    const afterMarks: Record<number, string> = {};
    if (r.to !== undefined) afterMarks[r.to] = 'target';
    if (r.newRevision !== undefined) afterMarks[r.newRevision] = `new (copy of ${r.to})`;
    parts.push(heading('History after', 4));
    parts.push(historyTable(r.after, afterMarks));
  }
  if (r.workloads) {
    parts.push(heading('Verified workloads', 4));
    if (r.workloads.length) {
      parts.push(
        table(
          ['Workload', 'Namespace', 'Ready', 'Replicas', 'Revision', 'Message'],
          r.workloads.map((w) => [
            w.workload,
            w.namespace,
            w.ready ? '✅ yes' : '❌ no',
            w.replicas,
            w.revision,
            w.message,
          ]),
        ),
      );
    } else {
      parts.push(
        'The release manifest has no Deployments, StatefulSets or DaemonSets to wait for.\n',
      );
    }
  }
  if (r.verifyNote) parts.push(`${r.verifyNote}\n`);
  return parts.join('\n');
}
