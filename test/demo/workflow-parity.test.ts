// The demo plays examples/deploy-production.yml's deploy job: same steps, same order, same `if:`
// gates. This keeps the two from drifting apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deployJob, type DeployTargets } from '../../demo/src/deploy-job';
import type { JobContext } from '../../demo/src/job';
import { ROOT } from '../harness/run-action';
import { ourActionName, parseWorkflow } from '../lint/workflow-rules';

const targets: DeployTargets = {
  release: 'shop',
  namespace: 'production',
  deployment: 'shop-api',
  version: '1.5.0',
  kubeconfigBase64: '',
  healthUrl: 'http://127.0.0.1:1/v1/health/liveness',
  slack: { apiUrl: 'http://127.0.0.1:1/api', token: 't', channel: 'C1' },
  discordWebhookUrl: 'http://127.0.0.1:1/api/webhooks/1/t',
  helm: 'helm',
  gitopsDirectory: 'infra',
  runHelm: async () => ({ exitCode: 0, stdout: '', outputs: {}, summary: '' }),
};

function demoSteps(): string[] {
  return deployJob(targets).map(
    (s) => `${'uses' in s ? s.uses : 'run: helm upgrade'} if ${s.if ?? 'success'}`,
  );
}

function workflowSteps(): string[] {
  const workflow = parseWorkflow(
    readFileSync(path.join(ROOT, 'examples', 'deploy-production.yml'), 'utf8'),
  );
  return (workflow.jobs?.deploy.steps ?? []).flatMap((s) => {
    const gate = !s.if
      ? 'success'
      : s.if.startsWith('failure()')
        ? 'failure'
        : s.if === 'always()'
          ? 'always'
          : `other: ${s.if}`;
    const name = s.uses ? ourActionName(s.uses) : undefined;
    if (name) return [`${name} if ${gate}`];
    if (s.run && /helm upgrade/.test(s.run)) return [`run: helm upgrade if ${gate}`];
    return []; // checkout, token and tool set-up steps have no counterpart on this machine
  });
}

test('the demo runs the production workflow’s deploy steps in the same order with the same gates', () => {
  expect(demoSteps()).toEqual(workflowSteps());
});

test('both chain the same outputs: previous-values into the revert, the started message ids into the final one', () => {
  const workflow = parseWorkflow(
    readFileSync(path.join(ROOT, 'examples', 'deploy-production.yml'), 'utf8'),
  );
  const yamlSteps = workflow.jobs?.deploy.steps ?? [];
  const yamlRevert = yamlSteps.filter(
    (s) => s.uses && ourActionName(s.uses) === 'bump-helm-values',
  )[1];
  const yamlFinal = yamlSteps.filter(
    (s) => s.uses && ourActionName(s.uses) === 'slack-discord-notify',
  )[1];
  expect(yamlRevert.with?.['changes-json']).toBe('${{ steps.bump.outputs.previous-values }}');
  expect(yamlFinal.with?.['slack-ts']).toBe('${{ steps.started.outputs.slack-ts }}');
  expect(yamlFinal.with?.['discord-message-id']).toBe(
    '${{ steps.started.outputs.discord-message-id }}',
  );

  // The demo's steps, fed known outputs, pass the same values on.
  const outputs: Record<string, Record<string, string>> = {
    bump: {
      'previous-values': '{"charts/shop/values-production.yaml":{"shop-api.image.tag":"1.4.2"}}',
    },
    'notify-started': {
      'slack-ts': '1700000001.000100',
      'discord-message-id': '1100000000000000001',
    },
  };
  const ctx: JobContext = {
    output: (id, name) => outputs[id]?.[name] ?? '',
    conclusion: () => 'success',
    status: 'failure',
  };
  const steps = deployJob(targets);
  const inputsOf = (id: string) => {
    const step = steps.find((s) => s.id === id);
    if (!step || !('uses' in step) || !step.with) throw new Error(`no action step ${id}`);
    return step.with(ctx);
  };
  expect(inputsOf('revert')['changes-json']).toBe(outputs.bump['previous-values']);
  expect(inputsOf('notify-finished')['slack-ts']).toBe('1700000001.000100');
  expect(inputsOf('notify-finished')['discord-message-id']).toBe('1100000000000000001');
});
