// The job summary and log tables: history before and after, the target marked, the workloads.
import { heading } from '@cicd-actions/core/summary';
import {
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
