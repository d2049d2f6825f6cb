// Verification after a rollback: the workloads of the rolled-back manifest are waited for with
// the wait-rollout logic (packages/kube), under the action's one deadline.
import { errorMessage } from '@cicd-actions/core/errors';
import { formatDuration } from '@cicd-actions/core/inputs';
import type { Deadline } from '@cicd-actions/core/clock';
import type { Env, Runner } from '@cicd-actions/core/runner';
import type { WorkloadRef } from '@cicd-actions/kube/workload-ref';
import type { RolloutResult } from '@cicd-actions/kube/watch-rollout';
import type { WorkloadReport } from './history-table';

export interface VerifyOptions {
  deadline: Deadline;
  kubeconfig: string;
  context?: string;
  env: Env;
  runner: Runner;
  /** The job's cancellation: the wait stops at once. */
  signal?: AbortSignal;
  /** `cicd-actions/<action>`. */
  userAgent?: string;
  /** Called with each workload's raw result (the deploy reports outcomes and reasons). */
  onResult?: (result: RolloutResult) => void;
}

/** Waits for workloads under the deadline and reports each; the default uses packages/kube. */
export type VerifyWorkloads = (
  refs: WorkloadRef[],
  opts: VerifyOptions,
) => Promise<WorkloadReport[]>;

export const verifyWorkloads: VerifyWorkloads = async (
  refs,
  { deadline, kubeconfig, context, env, runner, signal, userAgent, onResult },
) => {
  const kube = await import('@cicd-actions/kube');
  // One cluster session (packages/kube): input errors name the input, secrets are masked.
  const session = await kube.connectCluster({
    kubeconfig,
    context,
    env,
    deadline: deadline.at,
    signal,
    onSecret: (s) => runner.setSecret(s),
    userAgent: userAgent ?? 'cicd-actions/helm-rollback',
  });
  const api = session.api;
  try {
    const results = await runner.group(
      `Waiting for ${refs.length} workload(s) to roll out (${formatDuration(deadline.remaining())} left)`,
      () =>
        kube.waitForRollouts({
          api,
          targets: refs,
          deadline: session.waitDeadline,
          signal,
          onProgress: (p) => {
            if (p.changed)
              runner.info(
                `${kube.formatWorkloadRef(p.ref)}: ${p.message.trim()} (${formatDuration(p.elapsedMs)})`,
              );
          },
        }),
    );
    const reports: WorkloadReport[] = [];
    for (const r of results) {
      onResult?.(r);
      const name = `${r.kind}/${r.name}`;
      if (!r.done) {
        await runner.group(`Why ${name} is not ready (${r.reason ?? r.outcome})`, async () => {
          try {
            const diag = await kube.collectDiagnostics(api, r, r.object);
            for (const line of kube.formatDiagnostics(diag)) runner.info(line);
          } catch (err) {
            runner.info(`(diagnostics unavailable: ${errorMessage(err)})`);
          }
        });
      }
      const c = r.replicas;
      runner.info(
        `${name}: ${r.done ? `ready in ${formatDuration(r.elapsedMs)}` : `NOT ready (${r.outcome}${r.reason ? `, ${r.reason}` : ''})`} — ${r.message}`,
      );
      reports.push({
        workload: name,
        namespace: r.namespace,
        ready: r.done,
        replicas: c
          ? `${c.ready}/${c.desired} ready, ${c.updated} updated, ${c.available} available`
          : '',
        revision: r.revision ?? '',
        message: r.done
          ? `ready in ${formatDuration(r.elapsedMs)}`
          : `${r.outcome}${r.reason ? ` (${r.reason})` : ''}: ${r.message}`,
      });
    }
    return reports;
  } finally {
    session.close();
  }
};
