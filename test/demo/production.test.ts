// `npm run demo` scenarios of examples/deploy-production.yml, each played from the workflow file
// and judged by the world's end state: the Helm release's revisions and image, the values file
// in the GitOps remote, the chat messages (how many, what they say, whom they ping).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDemo, type DemoResult } from '../../demo/src/demo';
import { escapeHtml } from '../../demo/src/markdown';
import { LIVE_REVISION, type ScenarioName } from '../../demo/src/scenarios';
import { chat, history, images, liveHandles, nothingLeftRunning } from './scenario-checks';

const WORKFLOW = 'examples/deploy-production.yml';
const PAST = ['1 superseded 1.4.0 Install complete', '2 superseded 1.4.1 Upgrade complete'];
let outDir: string;
beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'demo-production-'));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function play(scenario: ScenarioName) {
  const state: { result: DemoResult; before: Record<string, number> } = {} as never;
  beforeAll(async () => {
    state.before = liveHandles();
    state.result = await runDemo({ workflow: WORKFLOW, scenario, outDir });
  }, 120_000);
  return state;
}

const ours = (r: DemoResult, action: string) =>
  r.run.jobs
    .find((j) => j.id === 'deploy')!
    .steps.filter((s) => s.runs.startsWith(`uses: acme/cicd-actions/actions/${action}@`));

describe('good: a healthy release', () => {
  const s = play('good');

  test('the run is green and the demo found nothing wrong', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.run.jobs.map((j) => [j.id, j.result, !!j.standIn])).toEqual([
      ['test', 'success', true],
      ['build', 'success', false],
      ['deploy', 'success', false],
    ]);
  });

  test('Helm revision 4 runs 1.5.0, made by the workflow’s helm upgrade; nothing rolled back', () => {
    expect(history(s.result)).toEqual([
      ...PAST,
      '3 superseded 1.4.2 Upgrade complete',
      '4 deployed 1.5.0 Upgrade complete',
    ]);
    expect(images(s.result)).toEqual({
      'shop-api': 'ghcr.io/acme/shop-api:1.5.0',
      'shop-web': 'ghcr.io/acme/shop-web:2.0.7',
    });
    expect(s.result.helmCommands.filter((a) => a[0] === 'rollback')).toEqual([]);
    expect(ours(s.result, 'helm-rollback').map((x) => x.conclusion)).toEqual(['skipped']);
  });

  test('the GitOps remote has the bump on top, by github-actions[bot], with the version from the build job', () => {
    expect(s.result.gitHistory.map((c) => [c.tag, c.author])).toEqual([
      ['1.5.0', 'github-actions[bot]'],
      ['1.4.2', 'Platform Team'],
    ]);
    const bump = ours(s.result, 'bump-helm-values')[0];
    expect(bump.inputs.changes).toBe('shop-api.image.tag=1.5.0');
    expect(bump.outputs['commit-sha']).toBe(s.result.gitHistory[0].sha);
    expect(s.result.run.jobs.find((j) => j.id === 'build')!.outputs).toEqual({ version: '1.5.0' });
  });

  test('one message per platform, posted as started and edited in place to success, pinging nobody', () => {
    expect(chat(s.result, 'slack').map((m) => m.via)).toEqual([
      ['chat.postMessage', 'chat.update'],
    ]);
    expect(chat(s.result, 'discord').map((m) => m.via)).toEqual([
      ['webhook execute', 'webhook message PATCH'],
    ]);
    for (const m of [...chat(s.result, 'slack'), ...chat(s.result, 'discord')]) {
      expect(m.final).toContain('Deployment of 1.5.0 to production succeeded');
      expect(m.final).toContain('Live and healthy.');
      expect(m.pings).toEqual([]);
    }
    const [started, final] = ours(s.result, 'slack-discord-notify');
    expect(final.inputs['slack-ts']).toBe(started.outputs['slack-ts']);
    expect(final.inputs.status).toBe('success');
  });

  test('the summary has a green, text-labelled banner and no secret', () => {
    const md = readFileSync(s.result.markdownPath, 'utf8');
    const html = readFileSync(s.result.htmlPath, 'utf8');
    expect(md).toContain('> **SUCCESS: the run succeeded');
    expect(html).toMatch(/<div class="verdict success" role="status">SUCCESS: the run succeeded/);
    for (const secret of ['xoxb-demo-0000000000-local-sink', 'demoDiscordHookToken-secret']) {
      expect(md).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('bad-release: the new pods crash-loop', () => {
  const s = play('bad-release');

  test('wait-rollout fails fast on the crash loop; the smoke test is skipped', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.run.status).toBe('failure');
    const wait = ours(s.result, 'wait-rollout')[0];
    expect(wait.conclusion).toBe('failure');
    expect(wait.outputs.failed).toBe('deployment/shop-api');
    expect(wait.annotations.map((a) => a.message).join('\n')).toMatch(/CrashLoopBackOff/);
    expect(wait.durationMs).toBeLessThan(20_000);
    expect(ours(s.result, 'health-check-retry')[0].conclusion).toBe('skipped');
  });

  test('rolled back to revision 3 by helm-rollback: revision 5 runs 1.4.2 again', () => {
    expect(history(s.result)).toEqual([
      ...PAST,
      '3 superseded 1.4.2 Upgrade complete',
      '4 superseded 1.5.1 Upgrade complete',
      '5 deployed 1.4.2 Rollback to 3',
    ]);
    expect(
      s.result.helmCommands.filter((a) => a[0] === 'rollback').map((a) => a.slice(0, 3)),
    ).toEqual([['rollback', 'shop', '3']]);
    expect(images(s.result)['shop-api']).toBe('ghcr.io/acme/shop-api:1.4.2');
    expect(ours(s.result, 'helm-rollback')[0].outputs.status).toBe('verified');
  });

  test('the values file is reverted in Git from the bump’s previous-values', () => {
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.4.2', '1.5.1', '1.4.2']);
    expect(s.result.gitHistory[0].subject).toBe(
      'revert: shop-api.image.tag back from 1.5.1 (deploy failed, rolled back)',
    );
    const [bump, revert] = ours(s.result, 'bump-helm-values');
    expect(revert.inputs['changes-json']).toBe(bump.outputs['previous-values']);
    expect(JSON.parse(bump.outputs['previous-values'])).toEqual({
      // The value as Helm reads it, and the exact old text (valuesYaml writes the tag quoted).
      'charts/shop/values-production.yaml': {
        'shop-api.image.tag': { value: '1.4.2', yaml: '"1.4.2"' },
      },
    });
  });

  test('the started message is edited to rolled back, and a new message pings @here (an edit notifies nobody)', () => {
    const revert = ours(s.result, 'bump-helm-values')[1];
    for (const [platform, ping] of [
      ['slack', '<!here>'],
      ['discord', '@here'],
    ] as const) {
      const messages = chat(s.result, platform);
      expect(messages.map((m) => m.via.length)).toEqual([2, 1]);
      const [started, alert] = messages;
      expect(started.final).toContain(
        'Deployment of 1.5.1 to production failed and was rolled back',
      );
      expect(started.final).toContain(`Git revert: ${revert.outputs['commit-sha']}.`);
      expect(started.pings).toEqual([]);
      expect(alert.final).toContain('Deployment of 1.5.1 to production failed and was rolled back');
      expect(alert.pings).toEqual([ping]);
    }
    expect(ours(s.result, 'slack-discord-notify')[1].inputs.status).toBe('rolled-back');
  });

  test('the summary’s banner says FAILED in red, and repeated diagnostics show once with a count', () => {
    const md = readFileSync(s.result.markdownPath, 'utf8');
    const html = readFileSync(s.result.htmlPath, 'utf8');
    expect(md).toContain('> **FAILURE: the run failed');
    expect(html).toMatch(/<div class="verdict failure" role="status">FAILURE: the run failed/);
    expect(html).not.toContain('class="verdict success"');
    // Each distinct annotation of the failed step shows once, as a labelled line.
    const wait = ours(s.result, 'wait-rollout')[0];
    expect(wait.annotations.length).toBeGreaterThan(0);
    for (const message of new Set(wait.annotations.map((x) => x.message))) {
      const shown = html.split(`<div class="ann error">Error: ${escapeHtml(message)}`).length - 1;
      expect({ message, shown }).toEqual({ message, shown: 1 });
    }
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('failed-health: ready pods, failing smoke test', () => {
  const s = play('failed-health');

  test('the rollout passes, the smoke test fails on 503, and the release is rolled back and reverted', () => {
    expect(s.result.problems).toEqual([]);
    expect(ours(s.result, 'wait-rollout')[0].conclusion).toBe('success');
    const health = ours(s.result, 'health-check-retry')[0];
    expect([health.conclusion, health.outputs.healthy, health.outputs.status]).toEqual([
      'failure',
      'false',
      '503',
    ]);
    expect(history(s.result).slice(-2)).toEqual([
      '4 superseded 1.5.2 Upgrade complete',
      '5 deployed 1.4.2 Rollback to 3',
    ]);
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.4.2', '1.5.2', '1.4.2']);
  });

  test('the alert names the failed smoke test and its last status, and pings @here', () => {
    for (const platform of ['slack', 'discord'] as const) {
      const [started, alert] = chat(s.result, platform);
      expect(started.final).toContain('failed and was rolled back');
      expect(alert.final).toContain('all 5 attempts failed; last: status 503');
      expect(alert.pings).toHaveLength(1);
    }
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('push-race: another release bumps the same values file at the same time', () => {
  const s = play('push-race');

  test('both bumps land: ours re-applied on top of the other one, neither overwritten', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.gitHistory.map((c) => [c.tag, c.webTag, c.author])).toEqual([
      ['1.5.5', '2.1.0', 'github-actions[bot]'],
      ['1.4.2', '2.1.0', 'github-actions[bot]'],
      ['1.4.2', '2.0.7', 'Platform Team'],
    ]);
    const bump = ours(s.result, 'bump-helm-values')[0];
    expect(bump.outputs['commit-sha']).toBe(s.result.gitHistory[0].sha);
    expect(bump.log.map((l) => ('text' in l ? l.text : '')).join('\n')).toMatch(/Push rejected/);
  });

  test('the release deployed from the checkout carries both tags', () => {
    expect(images(s.result)).toEqual({
      'shop-api': 'ghcr.io/acme/shop-api:1.5.5',
      'shop-web': 'ghcr.io/acme/shop-web:2.1.0',
    });
    expect(history(s.result).at(-1)).toBe('4 deployed 1.5.5 Upgrade complete');
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('failed-upgrade: helm upgrade fails before it creates a revision', () => {
  const s = play('failed-upgrade');

  test('helm-deploy fails and says so; its revision output is empty, the previous one is 3', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.run.status).toBe('failure');
    const deploy = ours(s.result, 'helm-deploy')[0];
    expect(deploy.conclusion).toBe('failure');
    expect(deploy.outputs).toMatchObject({
      status: 'failed',
      revision: '',
      'previous-revision': String(LIVE_REVISION),
    });
    expect(deploy.outputs.message).toMatch(
      /^helm upgrade of shop failed before creating a revision .*the release is still at revision 3 \(deployed\), nothing was changed$/,
    );
    expect(ours(s.result, 'wait-rollout')[0].conclusion).toBe('skipped');
  });

  test('the chained rollback does nothing (not-needed): the healthy release is not downgraded', () => {
    const rollback = ours(s.result, 'helm-rollback')[0];
    expect(rollback.conclusion).toBe('success');
    expect(rollback.inputs['failed-revision'] ?? '').toBe('');
    expect(rollback.outputs.status).toBe('not-needed');
    expect(rollback.outputs.message).toMatch(
      /^Nothing rolled back: the deploy created no revision/,
    );
    expect(s.result.helmCommands.filter((a) => a[0] === 'rollback')).toEqual([]);
    expect(history(s.result)).toEqual([...PAST, '3 deployed 1.4.2 Upgrade complete']);
    expect(images(s.result)['shop-api']).toBe('ghcr.io/acme/shop-api:1.4.2');
  });

  test('Git and the cluster agree again: the bump is reverted', () => {
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.4.2', '1.5.3', '1.4.2']);
  });

  test('the chat says failed (not rolled back), with helm-deploy’s reason, and pings @here', () => {
    for (const platform of ['slack', 'discord'] as const) {
      const [started, alert] = chat(s.result, platform);
      expect(started.final).toContain('Deployment of 1.5.3 to production failed');
      expect(started.final).not.toContain('was rolled back');
      expect(alert.final).toContain('failed before creating a revision');
      expect(alert.pings).toHaveLength(1);
    }
    expect(ours(s.result, 'slack-discord-notify')[1].inputs.status).toBe('failure');
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('cancelled: the run is cancelled mid-rollout', () => {
  const s = play('cancelled');

  test('the wait is cancelled; the rollback and the revert still run (failure() || cancelled())', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.run.status).toBe('cancelled');
    expect(ours(s.result, 'wait-rollout')[0].conclusion).toBe('cancelled');
    const deploy = ours(s.result, 'helm-deploy')[0];
    expect(deploy.outputs).toMatchObject({
      status: 'deployed',
      revision: String(LIVE_REVISION + 1),
    });
    const rollback = ours(s.result, 'helm-rollback')[0];
    expect(rollback.inputs['failed-revision']).toBe(deploy.outputs.revision);
    expect(rollback.outputs).toMatchObject({
      'from-revision': String(LIVE_REVISION + 1),
      'to-revision': String(LIVE_REVISION),
      status: 'verified',
    });
    expect(ours(s.result, 'bump-helm-values')[1].conclusion).toBe('success');
  });

  test('the last good release is live again and Git agrees', () => {
    expect(history(s.result).slice(-2)).toEqual([
      '4 superseded 1.5.4 Upgrade complete',
      '5 deployed 1.4.2 Rollback to 3',
    ]);
    expect(images(s.result)['shop-api']).toBe('ghcr.io/acme/shop-api:1.4.2');
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.4.2', '1.5.4', '1.4.2']);
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});
