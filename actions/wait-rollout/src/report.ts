// What the next step and the person reading the run see: the `resources` output, the job
// summary tables, and the one-line error.
import { code, details, formatDuration, heading, table } from '@cicd-actions/core';
import type { RolloutDiagnostics } from '@cicd-actions/kube/diagnostics';
import type { RolloutResult } from '@cicd-actions/kube/watch-rollout';
import { formatWorkloadRef } from '@cicd-actions/kube/workload-ref';

/** The `resources` output: one object per resource, stable field names. */
export function resultsJson(results: RolloutResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      kind: r.kind,
      name: r.name,
      namespace: r.namespace,
      done: r.done,
      outcome: r.outcome,
      message: r.message,
      reason: r.reason ?? null,
      replicas: r.replicas
        ? {
            desired: r.replicas.desired,
            updated: r.replicas.updated,
            ready: r.replicas.ready,
            available: r.replicas.available,
          }
        : null,
      revision: r.revision ?? null,
      seconds: Math.round(r.elapsedMs / 100) / 10,
    })),
  );
}

function whyNot(r: RolloutResult, timeoutMs: number): string {
  if (r.outcome === 'timed-out')
    return `timed out after ${formatDuration(timeoutMs)}: ${r.message}`;
  return r.reason && !r.message.includes(r.reason) ? `${r.reason}: ${r.message}` : r.message;
}

/** The `message` output: the first failure and its reason, or `all N ready`. */
export function messageLine(results: RolloutResult[], timeoutMs: number): string {
  const first = results.find((r) => !r.done);
  if (!first) return `all ${results.length} ready`;
  return oneLine(`${formatWorkloadRef(first)}: ${whyNot(first, timeoutMs)}`);
}

/** Outputs are read by expressions: one line, however the server wrote its message. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** One line naming every resource that did not finish and why. */
export function failureLine(results: RolloutResult[], timeoutMs: number): string {
  const failed = results.filter((r) => !r.done);
  const parts = failed.map((r) => `${formatWorkloadRef(r)}: ${whyNot(r, timeoutMs)}`);
  if (failed.length === 1) return parts[0];
  return `${failed.length} of ${results.length} rollouts did not finish — ${parts.join('; ')}`;
}

const OUTCOME: Record<RolloutResult['outcome'], string> = {
  ready: '✅ ready',
  failed: '❌ failed',
  'timed-out': '⏱️ timed out',
};

export function summaryMarkdown(
  namespace: string,
  timeoutMs: number,
  results: RolloutResult[],
  diagnostics: Map<RolloutResult, RolloutDiagnostics>,
  extra: { selector?: string } = {},
): string {
  const ready = results.filter((r) => r.done).length;
  const out: string[] = [];
  out.push(heading(`Rollout: ${ready} of ${results.length} ready in namespace ${code(namespace)}`));
  if (extra.selector) out.push(`Selected by ${code(extra.selector)}.\n`);
  out.push(
    table(
      [
        'Resource',
        'Result',
        'Ready / desired',
        'Updated',
        'Available',
        'Revision',
        'Time',
        'Detail',
      ],
      results.map((r) => [
        code(formatWorkloadRef(r)),
        OUTCOME[r.outcome],
        r.replicas ? `${r.replicas.ready} / ${r.replicas.desired}` : '',
        r.replicas?.updated ?? '',
        r.replicas?.available ?? '',
        r.revision ?? '',
        formatDuration(r.elapsedMs),
        r.done ? '' : whyNot(r, timeoutMs),
      ]),
    ),
  );
  for (const r of results) {
    const diag = diagnostics.get(r);
    if (!diag) continue;
    const parts: string[] = [];
    if (diag.revision || diag.replicaSet)
      parts.push(
        `Revision ${diag.revision ?? '?'}${diag.replicaSet ? `, ReplicaSet ${code(diag.replicaSet)}` : ''}.\n`,
      );
    if (diag.conditions.length)
      parts.push(
        table(
          ['Condition', 'Status', 'Reason', 'Message'],
          diag.conditions.map((c) => [c.type, c.status ?? '', c.reason ?? '', c.message ?? '']),
        ),
      );
    const podRows = diag.pods.flatMap((p) =>
      (p.containers.length
        ? p.containers
        : [
            {
              name: '',
              state: p.reason ?? p.phase,
              restarts: 0,
              message: undefined,
              lastTermination: undefined,
            },
          ]
      ).map((c) => [
        code(p.name),
        p.phase,
        c.name,
        c.state,
        c.restarts,
        [c.lastTermination ? `last ended ${c.lastTermination}` : '', c.message ?? '']
          .filter(Boolean)
          .join('; '),
      ]),
    );
    parts.push(
      podRows.length
        ? table(['Pod (not ready)', 'Phase', 'Container', 'State', 'Restarts', 'Detail'], podRows)
        : 'No pod of the new revision is waiting to become ready.\n',
    );
    parts.push(
      diag.events.length
        ? table(
            ['Last seen', 'Object', 'Reason', 'Count', 'Message'],
            diag.events.map((e) => [e.lastSeen ?? '', e.object, e.reason, e.count, e.message]),
          )
        : 'No Warning events.\n',
    );
    for (const e of diag.errors) parts.push(`(could not read ${e})\n`);
    out.push(details(`Why ${formatWorkloadRef(r)} is not ready`, parts.join('\n')));
  }
  return out.join('\n');
}
