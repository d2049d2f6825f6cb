// The flow users copy: "deploy started", then the outcome step — here a failure — chained the
// way examples/deploy-production.yml chains it, with each fault injected. Counted as the
// channels' members would: how many messages there are and who got pinged. An edit never
// pings (on either platform), so every failure must reach each channel as exactly one ping.
import { HttpError, httpRequest } from '@cicd-actions/core';
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import {
  CA_FILE,
  DISCORD_HOOK_PATH,
  DISCORD_HOOK_PATH_2,
  DISCORD_ID,
  DISCORD_ID_2,
  FakePlatforms,
  SLACK_TOKEN,
  type FakeOptions,
} from './fake-platforms';

const CHANNEL = 'C0DEPLOYS';
const REASON = 'deployment/shop-api: 2 of 3 pods in CrashLoopBackOff (exit code 1)';

let fake: FakePlatforms;
const runs: ActionRun[] = [];

async function startFake(opts: FakeOptions = {}): Promise<void> {
  fake = await new FakePlatforms(opts).start();
}
afterEach(async () => {
  await fake.stop();
  for (const r of runs.splice(0)) cleanupRun(r);
});

async function step(inputs: Record<string, string>): Promise<ActionRun> {
  const r = await runBundle('slack-discord-notify', {
    timeoutMs: 30_000,
    env: { NODE_EXTRA_CA_CERTS: CA_FILE },
    inputs: { 'allow-any-url': 'true', timeout: '2s', 'total-timeout': '20s', ...inputs },
  });
  runs.push(r);
  return r;
}

/** Both steps of the deploy job: started, then (after a failed deploy) the outcome. */
async function deployFails(
  opts: { webhooks?: string[]; beforeOutcome?: () => void; discordTls?: boolean } = {},
) {
  const url = (p: string) => (opts.discordTls ? fake.tlsUrl(p) : fake.url(p));
  const webhooks = (opts.webhooks ?? [DISCORD_HOOK_PATH]).map(url).join('\n');
  const common = {
    'slack-token': SLACK_TOKEN,
    'slack-api-url': fake.url('/api'),
    'discord-webhook-url': webhooks,
    environment: 'production',
    version: 'v1.2.3',
    mention: 'here',
    retries: '2',
  };
  const started = await step({ ...common, status: 'started', 'slack-channel': CHANNEL });
  opts.beforeOutcome?.();
  const outcome = await step({
    ...common,
    status: 'failure',
    reason: REASON,
    // ${{ steps.started.outputs.slack-channel-id || env.SLACK_CHANNEL }}
    'slack-channel': started.outputs['slack-channel-id'] || CHANNEL,
    'slack-ts': started.outputs['slack-ts'] ?? '',
    'discord-message-id': started.outputs['discord-message-id'] ?? '',
  });
  return { started, outcome };
}

const slackTopLevel = () => fake.slackMessages().filter((m) => !m.threadTs);
const discordOf = (webhookId: string) =>
  fake.discordMessages().filter((m) => m.webhookId === webhookId);
type Any = Record<string, any>;

/** The step never fails for a delivery problem (fail-on-error: false) and never crashes. */
function expectGreen(r: ActionRun): void {
  expect(r.code).toBe(0);
  expect(r.errors).toEqual([]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

test('no fault: each started message is edited, and each channel gets exactly one ping', async () => {
  await startFake();
  const { started, outcome } = await deployFails();
  expectGreen(started);
  expectGreen(outcome);
  expect(started.warnings).toEqual([]);
  expect(outcome.warnings).toEqual([]);

  // Slack: the started message, edited to the failure; the ping is a reply broadcast to the channel.
  expect(slackTopLevel()).toHaveLength(1);
  expect(slackTopLevel()[0].edits).toBe(1);
  expect(JSON.stringify(slackTopLevel()[0].payload)).toContain(REASON);
  expect((slackTopLevel()[0].payload as Any).text).not.toContain('<!here>');
  const [reply] = fake.slackMessages().filter((m) => m.threadTs);
  expect(reply.threadTs).toBe(started.outputs['slack-ts']);
  expect((reply.payload as Any).reply_broadcast).toBe(true);
  expect((reply.payload as Any).text).toBe(
    `<!here> ❌ Deployment of v1.2.3 to production failed: ${REASON}`,
  );
  expect(fake.pings('slack')).toEqual(['!here']);

  // Discord: the started message edited (no mention left in it), the ping a new message linking it.
  const [first, ping] = discordOf(DISCORD_ID);
  expect(first.id).toBe(started.outputs['discord-message-id']);
  expect(first.edits).toBe(1);
  expect(first.payload).not.toHaveProperty('content');
  expect((first.payload as Any).embeds[0].title).toMatch(
    /^❌ Deployment of v1\.2\.3 to production failed/,
  );
  expect((ping.payload as Any).content).toBe(
    `@here ❌ Deployment of v1.2.3 to production failed: ${REASON} (https://discord.com/channels/424242424242424242/515151515151515151/${first.id})`,
  );
  expect(fake.pings('discord')).toEqual(['@here']);
  expect(outcome.outputs['discord-message-id']).toBe(first.id);
  expect(outcome.outputs['slack-ts']).toBe(started.outputs['slack-ts']);
  expect(outcome.summary).toMatch(/✅ updated · ✅ pinged \(new message\)/);
});

test('the started post failed: the outcome step posts a new message (with the ping) on both', async () => {
  await startFake();
  const down = { status: 503, body: 'down' };
  fake.script('/api/chat.postMessage', down, down, down);
  fake.script(DISCORD_HOOK_PATH, down, down, down);
  const { started, outcome } = await deployFails();
  expectGreen(started);
  expect(started.warnings).toHaveLength(2);
  expect(started.outputs).toMatchObject({
    'slack-sent': 'false',
    'discord-sent': 'false',
    'slack-ts': '',
    'discord-message-id': '',
    'slack-channel-id': CHANNEL, // the ID given, so the outcome step still knows where
  });
  expectGreen(outcome);
  expect(outcome.warnings).toEqual([]);
  expect(outcome.outputs).toMatchObject({ 'slack-sent': 'true', 'discord-sent': 'true' });
  expect(fake.slackMessages()).toHaveLength(1);
  expect(fake.pings('slack')).toEqual(['!here']);
  expect(JSON.stringify(fake.slackMessages()[0].payload)).toContain(REASON);
  expect(fake.discordMessages()).toHaveLength(1);
  expect(fake.pings('discord')).toEqual(['@here']);
});

test('one Discord webhook of two failed: IDs keep their positions, each channel pinged once', async () => {
  await startFake();
  const down = { status: 503, body: 'down' };
  fake.script(DISCORD_HOOK_PATH, down, down, down);
  const { started, outcome } = await deployFails({
    webhooks: [DISCORD_HOOK_PATH, DISCORD_HOOK_PATH_2],
  });
  expectGreen(started);
  const secondId = discordOf(DISCORD_ID_2)[0].id;
  expect(started.outputs['discord-message-id']).toBe(`\n${secondId}`);
  expectGreen(outcome);
  expect(outcome.warnings).toEqual([]);
  // Webhook 1: one new message with the ping. Webhook 2: its started message edited, plus the ping.
  expect(discordOf(DISCORD_ID)).toHaveLength(1);
  expect(discordOf(DISCORD_ID)[0].pings).toEqual(['@here']);
  expect(discordOf(DISCORD_ID_2)).toHaveLength(2);
  expect(discordOf(DISCORD_ID_2)[0].edits).toBe(1);
  expect(discordOf(DISCORD_ID_2).flatMap((m) => m.pings)).toEqual(['@here']);
  expect(outcome.outputs['discord-message-id']).toBe(`${discordOf(DISCORD_ID)[0].id}\n${secondId}`);
});

test('Discord 429 on the unversioned URL (v6): retry_after is read as milliseconds', async () => {
  await startFake();
  let limitedAt = 0;
  const { outcome } = await deployFails({
    beforeOutcome: () => {
      limitedAt = Date.now();
      fake.rateLimitDiscord(1500); // retry_after: 1500 (ms) — read as seconds, 25 minutes
    },
  });
  const took = Date.now() - limitedAt;
  expectGreen(outcome);
  expect(outcome.warnings).toEqual([]);
  expect(outcome.stdout).toMatch(/rate limited \(429\)/);
  expect(took).toBeGreaterThanOrEqual(1500);
  expect(took).toBeLessThan(10_000);
  expect(fake.discordMessages()).toHaveLength(2);
  expect(fake.discordMessages()[0].edits).toBe(1);
  expect(fake.pings('discord')).toEqual(['@here']);
});

/** Whether core's HttpError says a TLS-handshake reset happened before the request was sent. */
async function transportMarksHandshakeUnsent(): Promise<boolean> {
  const probe = await new FakePlatforms({ tls: true }).start();
  probe.resetHandshakes = 1;
  try {
    await httpRequest({ url: probe.tlsUrl('/'), timeoutMs: 2000, insecure: true });
    return false;
  } catch (err) {
    return err instanceof HttpError && (err as HttpError & { sent?: boolean }).sent === false;
  } finally {
    await probe.stop();
  }
}

test('a reset during the TLS handshake of the started post: retried when provably unsent, never duplicated', async () => {
  const provable = await transportMarksHandshakeUnsent();
  await startFake({ tls: true });
  fake.resetHandshakes = 1; // the started step's Discord POST (Discord alone is on HTTPS here)
  const { started, outcome } = await deployFails({ discordTls: true });
  expectGreen(started);
  expectGreen(outcome);
  expect(fake.tlsConnections).toBeGreaterThanOrEqual(2);
  // With the transport's `sent` flag the POST is retried at once and the flow is the
  // normal one (started message edited + ping). Without it, a reset is ambiguous: the post is
  // not repeated (warning), and the outcome step posts a new message. Either way: one ping.
  if (provable) {
    expect(started.warnings).toEqual([]);
    expect(fake.discordMessages()).toHaveLength(2);
    expect(fake.discordMessages()[0].edits).toBe(1);
  } else {
    expect(started.warnings).toEqual([
      expect.stringMatching(
        /Discord webhook #1 .*connection reset by peer; the message may have been posted/,
      ),
    ]);
    expect(fake.discordMessages()).toHaveLength(1);
    expect(fake.discordMessages()[0].edits).toBe(0);
  }
  expect(fake.pings('discord')).toEqual(['@here']);
  expect(fake.pings('slack')).toEqual(['!here']);
});

test('502 after the platform stored the post: Slack finds it by its marker, Discord does not repeat it', async () => {
  await startFake();
  const gateway = { status: 502, body: 'bad gateway', store: true };
  fake.script('/api/chat.postMessage', gateway);
  fake.script(DISCORD_HOOK_PATH, gateway);
  const { started, outcome } = await deployFails();
  expectGreen(started);
  // Slack: conversations.history found the message, so it counts as posted (no second post).
  expect(fake.to('/api/conversations.history')).toHaveLength(1);
  const topLevelPosts = fake
    .to('/api/chat.postMessage')
    .filter((r) => !JSON.parse(r.body).thread_ts);
  expect(topLevelPosts).toHaveLength(1);
  expect(started.outputs['slack-sent']).toBe('true');
  expect(started.outputs['slack-ts']).toBe(slackTopLevel()[0].id.split('/')[1]);
  // Discord: no way to look a webhook post up: not sent again, and said so.
  expect(started.warnings).toEqual([
    expect.stringMatching(
      /Discord webhook #1 .*server error 502: bad gateway; the message may have been posted/,
    ),
  ]);
  expect(started.outputs['discord-message-id']).toBe('');

  expectGreen(outcome);
  expect(slackTopLevel()).toHaveLength(1);
  expect(slackTopLevel()[0].edits).toBe(1);
  expect(fake.pings('slack')).toEqual(['!here']);
  // The stored-but-unconfirmed started message stays; the outcome is one new message with the ping.
  expect(fake.discordMessages()).toHaveLength(2);
  expect(fake.pings('discord')).toEqual(['@here']);
});

test('502 after store on the ping reply: found in the thread, not posted twice', async () => {
  await startFake();
  const { outcome } = await deployFails({
    beforeOutcome: () =>
      fake.script('/api/chat.postMessage', { status: 502, body: 'bad gateway', store: true }),
  });
  expectGreen(outcome);
  expect(outcome.warnings).toEqual([]);
  expect(fake.to('/api/conversations.replies')).toHaveLength(1);
  expect(fake.slackMessages().filter((m) => m.threadTs)).toHaveLength(1);
  expect(fake.pings('slack')).toEqual(['!here']);
});

test('502 after store without channels:history: not retried, a warning says what to grant', async () => {
  await startFake();
  fake.slackScopes.delete('channels:history');
  fake.script('/api/chat.postMessage', { status: 502, body: 'bad gateway', store: true });
  const { started } = await deployFails();
  expectGreen(started);
  expect(fake.to('/api/chat.postMessage').length).toBeGreaterThanOrEqual(2); // started + the outcome's
  expect(started.warnings).toEqual([
    expect.stringMatching(
      /Slack API \(C0DEPLOYS\): server error 502: bad gateway; could not check whether it was stored \(conversations\.history: missing_scope; the token needs channels:history\); the message may have been posted/,
    ),
  ]);
  expect(fake.pings('slack')).toEqual(['!here']);
});

test('SIGTERM during a send: stops at once, the summary says cancelled, exit non-zero', async () => {
  await startFake();
  fake.script(DISCORD_HOOK_PATH, 'hang');
  let signalledAt = 0;
  const r = await runBundle('slack-discord-notify', {
    timeoutMs: 30_000,
    inputs: {
      'allow-any-url': 'true',
      'discord-webhook-url': fake.url(DISCORD_HOOK_PATH),
      status: 'started',
      timeout: '30s',
      'total-timeout': '60s',
    },
    onSpawn: (child) => {
      const poll = setInterval(() => {
        if (fake.requests.length < 1) return;
        clearInterval(poll);
        signalledAt = Date.now();
        child.kill('SIGTERM');
      }, 20);
    },
  });
  runs.push(r);
  expect(Date.now() - signalledAt).toBeLessThan(2000);
  expect(r.code).not.toBe(0);
  expect(fake.requests).toHaveLength(1); // not sent again
  expect(r.outputs).toMatchObject({ 'discord-sent': 'false', 'discord-message-id': '' });
  expect(r.summary).toMatch(/Cancelled/);
  expect(r.summary).toMatch(/⏹️ cancelled/);
  expect(r.errors).toEqual([expect.stringMatching(/^cancelled \(SIGTERM\)/)]);
});

test('the started message was deleted: the failed edit falls back to one new message with the ping', async () => {
  await startFake();
  const { started, outcome } = await deployFails({
    beforeOutcome: () => {
      // Someone deleted both started messages in the meantime.
      fake.messages.splice(0, fake.messages.length);
    },
  });
  expectGreen(started);
  expectGreen(outcome);
  expect(outcome.warnings).toEqual([]);
  expect(outcome.outputs).toMatchObject({ 'slack-sent': 'true', 'discord-sent': 'true' });
  expect(fake.slackMessages()).toHaveLength(1);
  expect(fake.discordMessages()).toHaveLength(1);
  expect(fake.pings('slack')).toEqual(['!here']);
  expect(fake.pings('discord')).toEqual(['@here']);
  // The new messages are the ones a later step can edit.
  expect(outcome.outputs['discord-message-id']).toBe(fake.discordMessages()[0].id);
  expect(outcome.outputs['slack-ts']).toBe(fake.slackMessages()[0].id.split('/')[1]);
  expect(outcome.summary).toMatch(/❌ edit: .*Unknown Message · ✅ posted/);
});
