// A release's history for people: the Markdown table of a job summary and aligned log lines, each
// revision with its app version and images, the roles a reader looks for (current, target, new)
// and the revisions never to go back to (failed, rolled back from) marked.
import { table } from '@cicd-actions/core/summary';
import { badRevisions, type HistoryEntry } from './release-history';

/** Extra facts per revision: the images its manifest runs (when they could be read). */
export type RevisionImages = Record<number, string[] | undefined>;

/** `2026-12-02T00:51:21.123456789Z` (Helm's RFC 3339 with nanoseconds) → `2026-12-02 00:51:21 UTC`. */
export function humanTime(updated: string): string {
  if (!updated) return '';
  // JavaScript dates keep milliseconds: the nanoseconds Helm writes are cut first.
  const trimmed = updated.trim().replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return updated;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The revision column: the roles given, then why a revision is bad. */
function revisionLabel(
  entry: HistoryEntry,
  marks: Record<number, string>,
  bad: Map<number, string>,
): string {
  const notes = [marks[entry.revision]];
  const why = bad.get(entry.revision);
  if (why && why !== 'failed') notes.push(`⛔ ${why}`);
  const shown = notes.filter(Boolean);
  return shown.length ? `${entry.revision} ← ${shown.join('; ')}` : String(entry.revision);
}

export function historyTable(
  entries: HistoryEntry[],
  marks: Record<number, string>,
  images: RevisionImages = {},
): string {
  const bad = badRevisions(entries);
  const withImages = entries.some((e) => images[e.revision]?.length);
  return table(
    [
      'Revision',
      'Status',
      'Chart',
      'App version',
      ...(withImages ? ['Images'] : []),
      'Updated',
      'Description',
    ],
    entries.map((e) => [
      revisionLabel(e, marks, bad),
      e.status,
      e.chart,
      e.app_version,
      ...(withImages ? [(images[e.revision] ?? []).join(', ')] : []),
      humanTime(e.updated),
      e.description,
    ]),
  );
}

/** Plain-text history for the log: one aligned line per revision. */
export function historyLines(
  entries: HistoryEntry[],
  marks: Record<number, string>,
  images: RevisionImages = {},
): string[] {
  const bad = badRevisions(entries);
  const withImages = entries.some((e) => images[e.revision]?.length);
  const rows = [
    [
      'REVISION',
      'STATUS',
      'CHART',
      'APP VERSION',
      ...(withImages ? ['IMAGES'] : []),
      'UPDATED',
      'DESCRIPTION',
    ],
    ...entries.map((e) => [
      revisionLabel(e, marks, bad),
      e.status,
      e.chart,
      e.app_version,
      ...(withImages ? [(images[e.revision] ?? []).join(', ')] : []),
      humanTime(e.updated),
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

/** The workloads' results as a summary table. */
export interface WorkloadReport {
  /** `Deployment/web` */
  workload: string;
  namespace: string;
  ready: boolean;
  replicas: string;
  revision: string;
  message: string;
}

export function workloadTable(workloads: WorkloadReport[]): string {
  return table(
    ['Workload', 'Namespace', 'Ready', 'Replicas', 'Revision', 'Message'],
    workloads.map((w) => [
      w.workload,
      w.namespace,
      w.ready ? '✅ yes' : '❌ no',
      w.replicas,
      w.revision,
      w.message,
    ]),
  );
}
