// What the next step and the person reading the run see: the `resources` output, the job
// summary tables, and the one-line error.
import {
  code,
  details,
  formatDuration,
  heading,
  messageLine as oneLine,
  table,
} from '@cicd-actions/core';
import type { RolloutDiagnostics } from '@cicd-actions/kube/diagnostics';
import type { RolloutResult } from '@cicd-actions/kube/watch-rollout';
import type { ResourceResult } from '@cicd-actions/kube/watch-resources';

/** A workload's rollout (kubectl's rules) or another kind's result (its controller's status). */
export type AnyResult = RolloutResult | ResourceResult;

/** `deployment/api`, `application/shop`. */
export const refName = (r: { kind: string; name: string }) => `${r.kind.toLowerCase()}/${r.name}`;

const replicasOf = (r: AnyResult) => ('replicas' in r ? r.replicas : undefined);
const detailsOf = (r: AnyResult) => ('details' in r ? r.details : []);

/** The `resources` output: one object per resource, stable field names. */
export function resultsJson(results: AnyResult[]): string {
  return JSON.stringify(
    results.map((r) => {
      const replicas = replicasOf(r);
      return {
        kind: r.kind,
        name: r.name,
        namespace: r.namespace,
        done: r.done,
        outcome: r.outcome,
        message: r.message,
        reason: r.reason ?? null,
        replicas: replicas
          ? {
              desired: replicas.desired,
              updated: replicas.updated,
              ready: replicas.ready,
              available: replicas.available,
            }
          : null,
        revision: r.revision ?? null,
        seconds: Math.round(r.elapsedMs / 100) / 10,
        ...(detailsOf(r).length ? { details: detailsOf(r) } : {}),
      };
    }),
  );
}

function whyNot(r: AnyResult, timeoutMs: number): string {
  if (r.reason === 'Cancelled') return `cancelled: ${r.message}`;
  if (r.outcome === 'timed-out' && r.reason === 'Stopped') return r.message;
  if (r.outcome === 'timed-out')
    return `timed out after ${formatDuration(timeoutMs)}: ${r.message}`;
  const why = r.reason && !r.message.includes(r.reason) ? `${r.reason}: ${r.message}` : r.message;
  const details = detailsOf(r);
  return details.length ? `${why} — ${details.join('; ')}` : why;
}

/** The `message` output: the first failure and its reason, or `all N ready`. */
export function messageLine(results: AnyResult[], timeoutMs: number): string {
  // A real failure first; a resource that was merely not waited for any longer says less.
  const first =
    results.find((r) => r.outcome === 'failed') ??
    results.find((r) => !r.done && r.reason !== 'Stopped') ??
    results.find((r) => !r.done);
  if (!first) return `all ${results.length} ready`;
  return oneLine(`${refName(first)}: ${whyNot(first, timeoutMs)}`);
}

/** One line naming every resource that did not finish and why. */
export function failureLine(results: AnyResult[], timeoutMs: number): string {
  const failed = results.filter((r) => !r.done);
  const parts = failed.map((r) => `${refName(r)}: ${whyNot(r, timeoutMs)}`);
  if (failed.length === 1) return parts[0];
  return `${failed.length} of ${results.length} rollouts did not finish — ${parts.join('; ')}`;
}

const OUTCOME: Record<AnyResult['outcome'], string> = {
  ready: '✅ ready',
  failed: '❌ failed',
  'timed-out': '⏱️ timed out',
};

export function summaryMarkdown(
  namespace: string,
  timeoutMs: number,
  results: AnyResult[],
  diagnostics: Map<AnyResult, RolloutDiagnostics>,
  extra: { selector?: string } = {},
): string {
  const ready = results.filter((r) => r.done).length;
  const out: string[] = [];
  const cancelled = results.some((r) => r.reason === 'Cancelled') ? ' (cancelled)' : '';
  out.push(
    heading(
      `Rollout: ${ready} of ${results.length} ready in namespace ${code(namespace)}${cancelled}`,
    ),
  );
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
        code(refName(r)),
        r.reason === 'Cancelled' ? '⏹️ cancelled' : OUTCOME[r.outcome],
        replicasOf(r) ? `${replicasOf(r)!.ready} / ${replicasOf(r)!.desired}` : '',
        replicasOf(r)?.updated ?? '',
        replicasOf(r)?.available ?? '',
        r.revision ?? '',
        formatDuration(r.elapsedMs),
        r.done ? '' : whyNot(r, timeoutMs),
      ]),
    ),
  );
  for (const r of results) {
    const lines = detailsOf(r);
    if (!r.done && lines.length)
      out.push(
        details(`Why ${refName(r)} is not ready`, lines.map((d) => `- ${d}`).join('\n') + '\n'),
      );
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
    out.push(details(`Why ${refName(r)} is not ready`, parts.join('\n')));
  }
  return out.join('\n');
}
