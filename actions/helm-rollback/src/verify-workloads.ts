// Verification after a rollback: the workloads of the rolled-back manifest are waited for with
// the wait-rollout logic (packages/kube), under the action's one deadline.
import { ActionError, InputError, errorMessage } from '@cicd-actions/core/errors';
import { formatDuration } from '@cicd-actions/core/inputs';
import type { VerifyWorkloads } from './main';
import type { WorkloadReport } from './rollback-summary';

export const verifyWorkloads: VerifyWorkloads = async (
  refs,
  { deadline, kubeconfig, context, env, runner },
) => {
  const kube = await import('@cicd-actions/kube');
  let connection;
  try {
    connection = await kube.loadKubeConnection({
      content: kubeconfig,
      context,
      env,
      onSecret: (s) => runner.setSecret(s),
    });
  } catch (err) {
    if (err instanceof kube.KubeconfigError)
      throw kubeconfig || err.about === 'context'
        ? new InputError(err.about, err.message)
        : new ActionError(`cannot verify the rollback: ${err.message}`);
    throw err;
  }
  const api = await kube.createKubeApi(connection, {
    onSecret: (s) => runner.setSecret(s),
    userAgent: 'cicd-actions/helm-rollback',
    env,
    pluginTimeoutMs: Math.min(60_000, Math.max(1000, deadline.remaining())),
  });
  try {
    const results = await runner.group(
      `Waiting for ${refs.length} workload(s) to roll out (${formatDuration(deadline.remaining())} left)`,
      () =>
        kube.waitForRollouts({
          api,
          targets: refs,
          deadline: deadline.at,
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
    api.close();
  }
};
