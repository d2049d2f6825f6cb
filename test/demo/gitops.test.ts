// `npm run demo -- --workflow examples/deploy-gitops.yml` scenarios: Argo CD (a stand-in that
// applies each new commit of the GitOps remote with Helm) deploys; the workflow bumps, waits,
// smoke-tests and, on failure, reverts in Git and waits for the revert to be live. Judged by the
// end state: Helm revisions and image, the values file in Git, the chat messages.
// cancelled is not here yet: see demo/README.md ("Scenarios").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDemo, type DemoResult } from '../../demo/src/demo';
import type { ScenarioName } from '../../demo/src/scenarios';
import { chat, history, images, liveHandles, nothingLeftRunning } from './scenario-checks';

const WORKFLOW = 'examples/deploy-gitops.yml';
let outDir: string;
beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'demo-gitops-'));
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

const deploySteps = (r: DemoResult) => r.run.jobs.find((j) => j.id === 'deploy')!.steps;
const ours = (r: DemoResult, action: string) =>
  deploySteps(r).filter((s) => s.runs.startsWith(`uses: acme/cicd-actions/actions/${action}@`));

describe('good', () => {
  const s = play('good');

  test('Argo CD applied the bump as revision 4; the workflow waited for exactly that image', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.run.status).toBe('success');
    expect(history(s.result).slice(-2)).toEqual([
      '3 superseded 1.4.2 Upgrade complete',
      '4 deployed 1.5.0 Upgrade complete',
    ]);
    expect(s.result.argoSyncs.map((x) => [x.commit, x.ok])).toEqual([
      [s.result.gitHistory[0].sha, true],
    ]);
    expect(s.result.helmCommands.some((a) => a[0] === 'rollback')).toBe(false);
    expect(images(s.result)['shop-api']).toBe('ghcr.io/acme/shop-api:1.5.0');
  });

  test('the Application ends Synced at the bump’s commit and Healthy, running the new image', () => {
    expect(s.result.application).toEqual({
      sync: 'Synced',
      revision: s.result.gitHistory[0].sha,
      health: 'Healthy',
      images: ['ghcr.io/acme/shop-api:1.5.0', 'ghcr.io/acme/shop-web:2.0.7'],
    });
  });

  test('the version comes from the tag through the first run: step’s output', () => {
    expect(ours(s.result, 'bump-helm-values')[0].inputs.changes).toBe('shop-api.image.tag=1.5.0');
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.5.0', '1.4.2']);
  });

  test('one message per platform, edited in place to success', () => {
    for (const platform of ['slack', 'discord'] as const) {
      const messages = chat(s.result, platform);
      expect(messages.map((m) => m.via.length)).toEqual([2]);
      expect(messages[0].final).toContain('Deployment of 1.5.0 to production succeeded');
      expect(messages[0].pings).toEqual([]);
    }
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('bad-release', () => {
  const s = play('bad-release');

  test('caught by wait-rollout; reverted in Git; Argo CD applied the revert; the old version is live', () => {
    expect(s.result.problems).toEqual([]);
    const [wait, restored] = ours(s.result, 'wait-rollout');
    expect(wait.conclusion).toBe('failure');
    expect(wait.annotations.map((a) => a.message).join('\n')).toMatch(/CrashLoopBackOff/);
    expect(restored.conclusion).toBe('success');
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.4.2', '1.5.1', '1.4.2']);
    expect(history(s.result).slice(-2)).toEqual([
      '4 superseded 1.5.1 Upgrade complete',
      '5 deployed 1.4.2 Upgrade complete',
    ]);
    expect(s.result.argoSyncs.map((x) => x.commit)).toEqual([
      s.result.gitHistory[1].sha,
      s.result.gitHistory[0].sha,
    ]);
    // In the GitOps variant the truth is Git: nothing calls helm rollback.
    expect(s.result.helmCommands.some((a) => a[0] === 'rollback')).toBe(false);
    expect(images(s.result)['shop-api']).toBe('ghcr.io/acme/shop-api:1.4.2');
  });

  test('the Application ends Synced at the revert and Healthy again', () => {
    expect(s.result.application).toMatchObject({
      sync: 'Synced',
      revision: s.result.gitHistory[0].sha,
      health: 'Healthy',
    });
  });

  test('the started message ends as rolled back, naming the revert commit', () => {
    const revert = ours(s.result, 'bump-helm-values')[1];
    for (const platform of ['slack', 'discord'] as const) {
      const [m] = chat(s.result, platform);
      expect(m.via).toHaveLength(2);
      expect(m.final).toContain('Deployment of 1.5.1 to production failed and was rolled back');
      expect(m.final).toContain(`Reverted in Git by ${revert.outputs['commit-sha']}.`);
    }
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('failed-health', () => {
  const s = play('failed-health');

  test('the smoke test fails on 503; the revert is applied and live', () => {
    expect(s.result.problems).toEqual([]);
    const health = ours(s.result, 'health-check-retry')[0];
    expect([health.conclusion, health.outputs.status]).toEqual(['failure', '503']);
    expect(s.result.gitHistory.map((c) => c.tag)).toEqual(['1.4.2', '1.5.2', '1.4.2']);
    expect(history(s.result).at(-1)).toBe('5 deployed 1.4.2 Upgrade complete');
    for (const platform of ['slack', 'discord'] as const)
      expect(chat(s.result, platform)[0].final).toContain('failed and was rolled back');
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});

describe('push-race', () => {
  const s = play('push-race');

  test('both releases land in the values file and Argo CD runs both', () => {
    expect(s.result.problems).toEqual([]);
    expect(s.result.gitHistory.map((c) => [c.tag, c.webTag])).toEqual([
      ['1.5.5', '2.1.0'],
      ['1.4.2', '2.1.0'],
      ['1.4.2', '2.0.7'],
    ]);
    expect(images(s.result)).toEqual({
      'shop-api': 'ghcr.io/acme/shop-api:1.5.5',
      'shop-web': 'ghcr.io/acme/shop-web:2.1.0',
    });
    expect(s.result.argoSyncs.at(-1)?.commit).toBe(s.result.gitHistory[0].sha);
  });

  test('nothing is left running', async () => {
    expect(await nothingLeftRunning(s.before)).toEqual([]);
  });
});
