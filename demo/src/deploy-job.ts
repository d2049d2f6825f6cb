// The seed pipeline's deploy job, step for step, as examples/deploy-production.yml writes it.
// Every input that comes from an earlier step is read from that step's real outputs; the
// comment beside it is the expression the workflow file uses for the same value.
import type { JobContext, StepDefinition, StepRun } from './job';
import { CHART_DIR, TAG_PATH, VALUES_FILE } from './gitops-repo';

export interface DeployTargets {
  release: string;
  namespace: string;
  deployment: string;
  version: string;
  /** kubeconfig content, base64 (as the seed keeps it in the KUBECONFIG_DATA secret). */
  kubeconfigBase64: string;
  healthUrl: string;
  slack: { apiUrl: string; token: string; channel: string };
  discordWebhookUrl: string;
  /** Path of the helm binary helm-rollback runs. */
  helm: string;
  /** Where the job checked out the GitOps repository, relative to the workspace. */
  gitopsDirectory: string;
  /** Runs helm in the GitOps checkout against the cluster (the deploy step's `run:`). */
  runHelm(args: string[]): Promise<StepRun>;
}

/** Reads one old value out of bump-helm-values' previous-values output (file → path → value). */
export function previousValue(previousValues: string, file: string, key: string): string {
  if (!previousValues) return '';
  const parsed = JSON.parse(previousValues) as Record<string, Record<string, unknown>>;
  const entry = parsed[file] ?? Object.entries(parsed).find(([f]) => f.endsWith(file))?.[1];
  const value = entry?.[key] ?? entry?.[`.${key}`];
  return value === undefined || value === null ? '' : String(value);
}

/** The diagnostics line for the final message: why the deploy failed, from the failing steps' outputs. */
export function failureReason(ctx: JobContext): string {
  const reasons: string[] = [];
  if (ctx.conclusion('rollout') === 'failure') {
    const failed = ctx.output('rollout', 'failed');
    let detail = '';
    try {
      const resources = JSON.parse(ctx.output('rollout', 'resources') || '[]') as {
        kind?: string;
        name?: string;
        reason?: string;
        message?: string;
        done?: boolean;
      }[];
      detail = resources
        .filter((r) => !r.done)
        .map((r) => `${r.kind ?? ''}/${r.name ?? ''}: ${r.message ?? r.reason ?? 'not ready'}`)
        .join('; ');
    } catch {
      // An unreadable output still leaves the failed list to report.
    }
    reasons.push(`rollout failed — ${detail || failed || 'see the job log'}`);
  }
  if (ctx.conclusion('health') === 'failure') {
    reasons.push(
      `health check failed after ${ctx.output('health', 'attempts') || '?'} attempts (last status ${ctx.output('health', 'status') || 'none'})`,
    );
  }
  if (ctx.conclusion('deploy') === 'failure') reasons.push('helm upgrade failed');
  if (ctx.conclusion('bump') === 'failure') reasons.push('bumping the GitOps repository failed');
  return reasons.join('; ') || 'unknown';
}

/** Final status for the notification: `${{ job.status }}`, or rolled-back when the rollback ran green. */
export function finalStatus(ctx: JobContext): string {
  if (ctx.status === 'success') return 'success';
  return ctx.conclusion('rollback') === 'success' ? 'rolled-back' : 'failure';
}

export function deployJob(t: DeployTargets): StepDefinition[] {
  const upgradeArgs = [
    'upgrade',
    t.release,
    CHART_DIR,
    '--namespace',
    t.namespace,
    '--values',
    VALUES_FILE,
  ];
  const notifyCommon = {
    'slack-api-url': t.slack.apiUrl,
    'slack-token': t.slack.token,
    'slack-channel': t.slack.channel,
    'discord-webhook-url': t.discordWebhookUrl,
    // The sinks listen on loopback over plain HTTP, like a self-hosted proxy would.
    'allow-any-url': 'true',
    environment: 'production',
    username: 'Deploy Bot',
    'fail-on-error': 'true',
  };
  return [
    {
      id: 'notify-started',
      name: 'Notify: deploy started',
      uses: 'slack-discord-notify',
      with: () => ({
        ...notifyCommon,
        status: 'started',
        title: `Deploying ${t.deployment} ${t.version}`,
        version: t.version,
      }),
    },
    {
      id: 'bump',
      name: 'Bump image tag in the GitOps repo',
      uses: 'bump-helm-values',
      with: () => ({
        'working-directory': t.gitopsDirectory,
        files: VALUES_FILE,
        changes: `${TAG_PATH}=${t.version}`,
      }),
    },
    {
      id: 'deploy',
      name: 'Helm upgrade',
      // No --wait: waiting, failing fast and saying why is the next step's job.
      script: `helm ${upgradeArgs.join(' ')}`,
      run: () => t.runHelm(upgradeArgs),
    },
    {
      id: 'rollout',
      name: 'Wait for the rollout',
      uses: 'wait-rollout',
      with: () => ({
        resources: `deployment/${t.deployment}`,
        namespace: t.namespace,
        kubeconfig: t.kubeconfigBase64,
        timeout: '60s',
      }),
    },
    {
      id: 'health',
      name: 'Smoke test: liveness',
      uses: 'health-check-retry',
      with: () => ({
        url: t.healthUrl,
        'max-attempts': '5',
        'retry-delay': '200ms',
        'expected-json': 'status=ok',
        timeout: '20s',
      }),
    },
    {
      id: 'rollback',
      name: 'Roll back the release',
      if: 'failure',
      uses: 'helm-rollback',
      with: () => ({
        release: t.release,
        namespace: t.namespace,
        kubeconfig: t.kubeconfigBase64,
        helm: t.helm,
        timeout: '60s',
      }),
    },
    {
      id: 'revert',
      name: 'Revert the image tag in Git',
      if: 'failure',
      uses: 'bump-helm-values',
      with: (ctx) => ({
        'working-directory': t.gitopsDirectory,
        files: VALUES_FILE,
        // ${{ steps.bump.outputs.previous-values }}: the old values, in the shape changes-json takes.
        'changes-json': ctx.output('bump', 'previous-values'),
        'commit-message': `revert: ${TAG_PATH} back from ${t.version} (deploy failed, rolled back)`,
      }),
    },
    {
      id: 'notify-finished',
      name: 'Notify: update the started message',
      if: 'always',
      uses: 'slack-discord-notify',
      with: (ctx) => {
        const status = finalStatus(ctx);
        const fields = [
          `Image: ${t.deployment}:${t.version}`,
          `GitOps commit: ${ctx.output('bump', 'commit-sha').slice(0, 12) || 'none'}`,
        ];
        if (status !== 'success') {
          fields.push(
            `Rolled back: revision ${ctx.output('rollback', 'from-revision') || '?'} → ${ctx.output('rollback', 'to-revision') || '?'} (now ${ctx.output('rollback', 'new-revision') || '?'})`,
          );
          const previous = previousValue(
            ctx.output('bump', 'previous-values'),
            VALUES_FILE,
            TAG_PATH,
          );
          fields.push(
            `Git: ${TAG_PATH} reverted to ${previous || '?'} in ${ctx.output('revert', 'commit-sha').slice(0, 12) || 'no commit'}`,
          );
        }
        return {
          ...notifyCommon,
          status,
          title:
            status === 'success'
              ? `Deployed ${t.deployment} ${t.version}`
              : `Deploy of ${t.deployment} ${t.version} failed and was rolled back`,
          version: t.version,
          message:
            status === 'success'
              ? `${t.deployment} ${t.version} is live and healthy.`
              : `Reason: ${failureReason(ctx)}`,
          fields: fields.join('\n'),
          // ${{ steps.notify-started.outputs.slack-ts }} / …discord-message-id
          'slack-ts': ctx.output('notify-started', 'slack-ts'),
          'discord-message-id': ctx.output('notify-started', 'discord-message-id'),
        };
      },
    },
  ];
}
