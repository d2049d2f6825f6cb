// The demo's two scenarios as tests: the whole deploy job with the bundled actions from dist/,
// and what must be true in the world afterwards — the chat sinks, the GitOps remote, the cluster.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMAGE_REPOSITORY, LIVE_VERSION, runDemo, type DemoResult } from '../../demo/src/demo';

let outDir: string;
beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'demo-test-'));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Servers, sockets and child processes alive in this process (jest's own pipes and timers vary, so not those). */
function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = { TCPServerWrap: 0, TCPSocketWrap: 0, ProcessWrap: 0 };
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind]++;
  return counts;
}

/** After the demo: no more servers, sockets or children than before it (closing handles get one turn of the loop). */
async function expectNothingLeftRunning(before: Record<string, number>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const after = liveHandles();
  for (const kind of Object.keys(after))
    expect({ kind, count: after[kind] }).toEqual({
      kind,
      count: Math.min(after[kind], before[kind]),
    });
}

function step(result: DemoResult, id: string) {
  const found = result.job.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}

describe('npm run demo (scenario good)', () => {
  let result: DemoResult;
  let before: Record<string, number>;
  beforeAll(async () => {
    before = liveHandles();
    result = await runDemo({ scenario: 'good', outDir });
  }, 60_000);

  test('the job is green and the demo found nothing wrong', () => {
    expect(result.problems).toEqual([]);
    expect(result.job.status).toBe('success');
    expect(result.job.steps.map((s) => [s.id, s.conclusion])).toEqual([
      ['notify-started', 'success'],
      ['bump', 'success'],
      ['deploy', 'success'],
      ['rollout', 'success'],
      ['health', 'success'],
      ['rollback', 'skipped'],
      ['revert', 'skipped'],
      ['notify-finished', 'success'],
    ]);
  });

  test('Slack and Discord each got one message: posted as started, then edited in place to success', () => {
    const slack = result.messages.filter((m) => m.platform === 'slack');
    const discord = result.messages.filter((m) => m.platform === 'discord');
    expect(slack.map((m) => m.via)).toEqual([['chat.postMessage', 'chat.update']]);
    expect(discord.map((m) => m.via)).toEqual([['webhook execute', 'webhook message PATCH']]);
    for (const m of [...slack, ...discord]) {
      expect(textOf(m.versions[0])).toMatch(/Deploying shop-api 1\.5\.0/);
      expect(textOf(m.versions[1])).toMatch(/Deployed shop-api 1\.5\.0/);
    }
    expect(result.sinkEvents.map((e) => `${e.platform}:${e.action}`).sort()).toEqual([
      'discord:post',
      'discord:update',
      'slack:post',
      'slack:update',
    ]);
  });

  test('outputs are chained: the final notification edits the ids the first one returned', () => {
    const started = step(result, 'notify-started').outputs;
    const finished = step(result, 'notify-finished').inputs;
    expect(started['slack-ts']).toMatch(/^\d+\.\d+$/);
    expect(started['discord-message-id']).toMatch(/^\d+$/);
    expect(finished['slack-ts']).toBe(started['slack-ts']);
    expect(finished['discord-message-id']).toBe(started['discord-message-id']);
    expect(finished.fields).toContain(step(result, 'bump').outputs['commit-sha'].slice(0, 12));
  });

  test('the GitOps remote has the bump commit on top, by github-actions[bot]', () => {
    expect(result.gitHistory.map((c) => c.tag)).toEqual(['1.5.0', LIVE_VERSION]);
    expect(result.gitHistory[0].sha).toBe(step(result, 'bump').outputs['commit-sha']);
    expect(result.gitHistory[0].author).toBe('github-actions[bot]');
  });

  test('the deploy step ran the real helm upgrade with the bumped values file from the GitOps checkout', () => {
    expect(result.helmCommands).toContainEqual([
      'upgrade',
      'shop',
      'charts/shop',
      '--namespace',
      'production',
      '--values',
      'charts/shop/values-production.yaml',
    ]);
    expect(result.cluster.helmHistory.at(-1)).toMatchObject({
      status: 'deployed',
      description: 'Upgrade complete',
      image: `${IMAGE_REPOSITORY}:1.5.0`,
    });
    expect(result.helmCommands.some((argv) => argv[0] === 'rollback')).toBe(false);
  });

  test('the cluster runs the new image, rolled out; health was checked against it', () => {
    expect(result.cluster.deployment.image).toBe(`${IMAGE_REPOSITORY}:1.5.0`);
    expect(result.cluster.deployment.readyReplicas).toBe(result.cluster.deployment.replicas);
    expect(step(result, 'rollout').outputs.ready).toBe('true');
    expect(step(result, 'health').outputs.healthy).toBe('true');
    expect(result.healthRequests).toBeGreaterThan(0);
  });

  test('the job summary is written as Markdown and HTML, with every step and no secret', () => {
    const md = readFileSync(result.markdownPath, 'utf8');
    const html = readFileSync(result.htmlPath, 'utf8');
    for (const s of result.job.steps) {
      expect(md).toContain(s.name);
      expect(html).toContain(s.name);
    }
    expect(html).toContain('class="slack"');
    expect(html).toContain('class="discord"');
    for (const secret of ['xoxb-demo-0000000000-local-sink', 'demoDiscordHookToken-secret']) {
      expect(md).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
  });

  test('nothing is left running', async () => {
    await expectNothingLeftRunning(before);
  });
});

describe('npm run demo -- --scenario bad-release', () => {
  let result: DemoResult;
  let before: Record<string, number>;
  beforeAll(async () => {
    before = liveHandles();
    result = await runDemo({ scenario: 'bad-release', outDir });
  }, 60_000);

  test('wait-rollout fails fast on the crash loop; rollback, revert and the final message run', () => {
    expect(result.problems).toEqual([]);
    expect(result.job.status).toBe('failure');
    expect(result.job.steps.map((s) => [s.id, s.conclusion])).toEqual([
      ['notify-started', 'success'],
      ['bump', 'success'],
      ['deploy', 'success'],
      ['rollout', 'failure'],
      ['health', 'skipped'],
      ['rollback', 'success'],
      ['revert', 'success'],
      ['notify-finished', 'success'],
    ]);
    const rollout = step(result, 'rollout');
    expect(rollout.outputs.ready).toBe('false');
    expect(rollout.outputs.failed).toContain('shop-api');
    expect(rollout.annotations.map((a) => a.message).join('\n')).toMatch(/CrashLoopBackOff/);
    // "Fast": well inside the step's 60 s timeout.
    expect(rollout.durationMs).toBeLessThan(20_000);
  });

  test('the cluster is back on the last good image, through a new Helm revision made by helm rollback', () => {
    expect(
      result.helmCommands.filter((argv) => argv[0] === 'rollback').map((argv) => argv.slice(0, 3)),
    ).toEqual([['rollback', 'shop', '3']]);
    expect(result.cluster.deployment.image).toBe(`${IMAGE_REPOSITORY}:${LIVE_VERSION}`);
    expect(result.cluster.deployment.readyReplicas).toBe(result.cluster.deployment.replicas);
    const rollback = step(result, 'rollback').outputs;
    expect(rollback.status).toBe('verified');
    expect(rollback['to-revision']).toBe('3');
    expect(result.cluster.helmHistory.at(-1)).toMatchObject({
      revision: Number(rollback['new-revision']),
      status: 'deployed',
      description: 'Rollback to 3',
      image: `${IMAGE_REPOSITORY}:${LIVE_VERSION}`,
    });
  });

  test('the GitOps remote has the bump and then its revert, made from the bump’s previous-values output', () => {
    expect(result.gitHistory.map((c) => c.tag)).toEqual([LIVE_VERSION, '1.5.1', LIVE_VERSION]);
    expect(result.gitHistory[0].sha).toBe(step(result, 'revert').outputs['commit-sha']);
    expect(result.gitHistory[1].sha).toBe(step(result, 'bump').outputs['commit-sha']);
    expect(step(result, 'revert').inputs['changes-json']).toBe(
      step(result, 'bump').outputs['previous-values'],
    );
    expect(JSON.parse(step(result, 'bump').outputs['previous-values'])).toEqual({
      'charts/shop/values-production.yaml': { 'shop-api.image.tag': LIVE_VERSION },
    });
  });

  test('the started message is edited in place to rolled-back, with the reason and the rollback', () => {
    for (const platform of ['slack', 'discord'] as const) {
      const messages = result.messages.filter((m) => m.platform === platform);
      expect(messages).toHaveLength(1);
      expect(messages[0].versions).toHaveLength(2);
      const final = textOf(messages[0].versions[1]);
      expect(final).toMatch(/rolled back/i);
      expect(final).toMatch(/CrashLoopBackOff/);
      expect(final).toContain('revision 4 → 3');
    }
    expect(step(result, 'notify-finished').inputs.status).toBe('rolled-back');
  });

  test('the report files exist', () => {
    expect(existsSync(result.markdownPath)).toBe(true);
    expect(readFileSync(result.htmlPath, 'utf8')).toContain('Rollback to 3');
  });

  test('nothing is left running', async () => {
    await expectNothingLeftRunning(before);
  });
});
