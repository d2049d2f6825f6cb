// What the next step and the person reading the run see: outputs that chain (revision into
// helm-rollback's failed-revision, a one-line message), and a job summary with the history (app
// versions and images), the workloads, and on failure why.
import { messageLine } from '@cicd-actions/core/preview';
import { heading } from '@cicd-actions/core/summary';
import type { Runner } from '@cicd-actions/core/runner';
import {
  historyTable,
  workloadTable,
  type RevisionImages,
  type WorkloadReport,
} from '@cicd-actions/helm/history-table';
import type { HistoryEntry } from '@cicd-actions/helm/release-history';
import type { RolloutResult } from '@cicd-actions/kube/watch-rollout';

export type DeployStatus = 'deployed' | 'failed' | 'rolled-back' | 'cancelled' | 'skipped';

export interface DeployReport {
  release: string;
  namespace: string;
  chart: string;
  chartVersion?: string;
  helmVersion: string;
  status: DeployStatus;
  /** One line. */
  message: string;
  before: HistoryEntry[];
  /** The latest history read. */
  history: HistoryEntry[];
  previousRevision?: number;
  /** The revision this run created. */
  revision?: number;
  dryRun: boolean;
  atomic: boolean;
  wait: boolean;
  upgradeSeconds?: number;
  /** The wait on the new revision's workloads. */
  results?: RolloutResult[];
  workloads?: WorkloadReport[];
  /** Why it failed, one line per cause. */
  why?: string[];
  rollback?: { from: number; to: number; newRevision?: number; workloads?: WorkloadReport[] };
  images?: RevisionImages;
}

/** The `resources` output, field for field as wait-rollout prints it. */
export function resourcesJson(results: RolloutResult[]): string {
  return JSON.stringify(
    results.map((w) => ({
      kind: w.kind,
      name: w.name,
      namespace: w.namespace,
      done: w.done,
      outcome: w.outcome,
      message: w.message,
      reason: w.reason ?? null,
      replicas: w.replicas
        ? {
            desired: w.replicas.desired,
            updated: w.replicas.updated,
            ready: w.replicas.ready,
            available: w.replicas.available,
          }
        : null,
      revision: w.revision ?? null,
      seconds: Math.round(w.elapsedMs / 100) / 10,
    })),
  );
}

const ICON: Record<DeployStatus, string> = {
  deployed: '✅',
  failed: '❌',
  'rolled-back': '↩️',
  cancelled: '🛑',
  skipped: '⏭️',
};

export function deploySummary(r: DeployReport): string {
  const parts: string[] = [];
  parts.push(
    heading(
      `${ICON[r.status]} Helm deploy of ${r.release} (namespace ${r.namespace}): ${r.status}`,
    ),
  );
  const facts = [
    r.helmVersion ? `Helm ${r.helmVersion}` : '',
    `chart ${r.chart}${r.chartVersion ? ` ${r.chartVersion}` : ''}`,
    r.revision !== undefined ? `revision ${r.revision} created by this run` : 'no revision created',
    r.previousRevision !== undefined
      ? `previous revision ${r.previousRevision}`
      : r.dryRun
        ? ''
        : 'first install',
    r.upgradeSeconds !== undefined ? `helm upgrade took ${r.upgradeSeconds}s` : '',
    r.dryRun ? 'dry run, nothing was changed' : '',
  ].filter(Boolean);
  parts.push(`${r.message}\n\n${facts.join(' · ')}.\n`);
  if (r.why?.length && r.status !== 'deployed') {
    parts.push(heading('Why', 4));
    parts.push(`${r.why.map((w) => `- ${w}`).join('\n')}\n`);
  }
  if (r.workloads) {
    parts.push(heading(`Workloads of revision ${r.revision ?? ''}`.trim(), 4));
    parts.push(
      r.workloads.length
        ? workloadTable(r.workloads)
        : 'The manifest has no Deployments, StatefulSets or DaemonSets to wait for.\n',
    );
  }
  if (r.rollback) {
    parts.push(heading('Atomic rollback', 4));
    parts.push(
      `From revision ${r.rollback.from} to revision ${r.rollback.to} (the last good one)${r.rollback.newRevision !== undefined ? `: new revision ${r.rollback.newRevision}` : ''}.\n`,
    );
    if (r.rollback.workloads?.length) parts.push(workloadTable(r.rollback.workloads));
  }
  if (r.history.length) {
    const marks: Record<number, string> = {};
    if (r.previousRevision !== undefined) marks[r.previousRevision] = 'previous';
    if (r.revision !== undefined) marks[r.revision] = 'this run';
    if (r.rollback) {
      marks[r.rollback.to] = 'rollback target';
      if (r.rollback.newRevision !== undefined)
        marks[r.rollback.newRevision] = `rollback (copy of ${r.rollback.to})`;
    }
    if (r.rollback?.newRevision !== undefined && r.images)
      r.images[r.rollback.newRevision] ??= r.images[r.rollback.to];
    parts.push(heading('History', 4));
    parts.push(historyTable(r.history.slice(-10), marks, r.images));
  }
  return parts.join('\n');
}

/** Sets every output once and writes the summary. */
export function report(runner: Runner, r: DeployReport): void {
  runner.setOutput('status', r.status);
  runner.setOutput('message', messageLine(runner.redact(r.message)));
  runner.setOutput('revision', r.revision ?? '');
  runner.setOutput('previous-revision', r.previousRevision ?? '');
  runner.setOutput('resources', resourcesJson(r.results ?? []));
  runner.setOutput('history', JSON.stringify(r.history));
  runner.appendSummary(runner.redact(deploySummary(r)));
}
