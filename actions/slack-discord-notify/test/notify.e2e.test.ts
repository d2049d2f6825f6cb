// End to end: the bundled action (dist/) run as the runner runs it, against loopback servers
// that behave like Slack and Discord. Rebuild dist before running.
import {
  runBundle,
  cleanupRun,
  type ActionRun,
  type RunOptions,
} from '../../../test/harness/run-action';
import {
  FakePlatforms,
  SLACK_HOOK_PATH,
  SLACK_HOOK_PATH_2,
  SLACK_TOKEN,
  DISCORD_HOOK_PATH,
  DISCORD_HOOK_PATH_V10,
  DISCORD_TOKEN,
  type StoredMessage,
} from './fake-platforms';

let fake: FakePlatforms;
const runs: ActionRun[] = [];

beforeEach(async () => {
  fake = await new FakePlatforms().start();
});
afterEach(async () => {
  await fake.stop();
  for (const r of runs.splice(0)) cleanupRun(r);
});

async function run(
  inputs: RunOptions['inputs'],
  opts: Omit<RunOptions, 'inputs'> = {},
): Promise<ActionRun> {
  const r = await runBundle('slack-discord-notify', {
    timeoutMs: 30_000,
    ...opts,
    inputs: { 'allow-any-url': 'true', timeout: '3s', ...inputs },
  });
  runs.push(r);
  return r;
}

const slackHook = () => fake.url(SLACK_HOOK_PATH);
const discordHook = () => fake.url(DISCORD_HOOK_PATH);
const slackMessages = () => fake.messages.filter((m) => m.platform !== 'discord');
const discordMessages = () => fake.messages.filter((m) => m.platform === 'discord');
type Any = Record<string, any>;
const slackBlocks = (m: StoredMessage): Any[] => (m.payload as Any).attachments[0].blocks;
const embed = (m: StoredMessage): Any => (m.payload as Any).embeds[0];

/** Which of red/green/blue/grey/orange/yellow/blurple a 0xRRGGBB colour reads as. */
function colourName(c: number): string {
  const r = (c >> 16) & 255;
  const g = (c >> 8) & 255;
  const b = c & 255;
  if (Math.max(r, g, b) - Math.min(r, g, b) < 20) return 'grey';
  if (r > 200 && g > 150 && b < 100) return 'yellow';
  if (r > 200 && g > 80 && b < 50) return 'orange';
  if (r > g && r > b) return 'red';
  if (g > r && g > b) return 'green';
  return 'blue';
}

describe('each status renders on both platforms', () => {
  const cases = [
    { status: 'started', emoji: '🚀', words: 'started', colour: 'blue' },
    { status: 'success', emoji: '✅', words: 'succeeded', colour: 'green' },
    { status: 'failure', emoji: '❌', words: 'failed', colour: 'red' },
    { status: 'cancelled', emoji: '⏹', words: 'cancelled', colour: 'grey' },
    { status: 'rolled-back', emoji: '↩', words: 'rolled back', colour: 'orange' },
    { status: 'warning', emoji: '⚠', words: 'attention', colour: 'yellow' },
    { status: 'info', emoji: 'ℹ', words: 'update', colour: 'blue' },
  ];
  test.each(cases)('$status', async ({ status, emoji, words, colour }) => {
    const r = await run({
      'slack-webhook-url': slackHook(),
      'discord-webhook-url': discordHook(),
      status,
      environment: 'production',
      version: 'v1.2.3',
      fields: 'Reason: health-check timeout\nDuration: 4m',
    });
    expect(r.code).toBe(0);
    expect(r.outputs['slack-sent']).toBe('true');
    expect(r.outputs['discord-sent']).toBe('true');

    const [s] = slackMessages();
    const header = slackBlocks(s).find((b) => b.type === 'header')!.text.text as string;
    expect(header.startsWith(emoji)).toBe(true);
    expect(header).toContain('Deployment of v1.2.3 to production');
    expect(header).toContain(words);
    expect(colourName(parseInt((s.payload as Any).attachments[0].color.slice(1), 16))).toBe(colour);
    const slackFields = slackBlocks(s).flatMap((b) =>
      (b.fields ?? []).map((f: Any) => f.text as string),
    );
    expect(slackFields).toContain('*Reason*\nhealth-check timeout');
    expect(slackFields).toContain(
      '*Commit*\n<https://github.com/octo-org/octo-repo/commit/0123456789abcdef0123456789abcdef01234567|0123456>',
    );
    expect(slackFields).toContain('*Actor*\noctocat');
    expect(JSON.stringify(slackBlocks(s))).toContain(
      'https://github.com/octo-org/octo-repo/actions/runs/1234567890',
    );

    const [d] = discordMessages();
    const e = embed(d);
    expect(e.title.startsWith(emoji)).toBe(true);
    expect(e.title).toContain(words);
    expect(colourName(e.color)).toBe(colour);
    expect(e.url).toBe('https://github.com/octo-org/octo-repo/actions/runs/1234567890');
    expect(e.fields).toEqual(
      expect.arrayContaining([
        { name: 'Environment', value: 'production', inline: true },
        {
          name: 'Commit',
          value:
            '[0123456](https://github.com/octo-org/octo-repo/commit/0123456789abcdef0123456789abcdef01234567)',
          inline: true,
        },
        { name: 'Reason', value: 'health-check timeout', inline: true },
      ]),
    );
    expect(Date.parse(e.timestamp)).not.toBeNaN();
  });
});

test('a 10,000-character message with quotes, backslashes, newlines and emoji arrives as valid JSON within limits', async () => {
  const unit = 'He said "deploy" \\ C:\\path\n\t<b>&amp; 🚀👨‍👩‍👧 café ';
  let message = '';
  while (message.length < 10_000) message += unit;
  message = message.slice(0, 10_000);
  const r = await run({
    'slack-webhook-url': slackHook(),
    'discord-webhook-url': discordHook(),
    status: 'failure',
    message,
    title: 'Quote " and \\ backslash',
  });
  expect(r.code).toBe(0);
  expect(r.warnings).toEqual([]);
  for (const req of fake.requests) expect(() => JSON.parse(req.body)).not.toThrow();

  const e = embed(discordMessages()[0]);
  expect([...e.description].length).toBeLessThanOrEqual(4096);
  expect(e.description.endsWith('…')).toBe(true);
  // What is kept is the message's own beginning, byte for byte.
  expect(message.startsWith(e.description.slice(0, -1).trimEnd())).toBe(true);
  expect(e.title).toBe('❌ Quote " and \\ backslash');

  const section = slackBlocks(slackMessages()[0]).find((b) => b.type === 'section' && b.text)!.text
    .text as string;
  expect(section.length).toBeLessThanOrEqual(3000);
  expect(section.endsWith('…')).toBe(true);
  // Slack mrkdwn: & < > escaped, so "<b>" cannot become markup.
  expect(section.startsWith('He said "deploy" \\ C:\\path\n\t&lt;b&gt;&amp;amp; 🚀')).toBe(true);
});

test('429 three times then success: waits as told and posts exactly one message', async () => {
  const limited = {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': '1' },
    body: JSON.stringify({
      message: 'You are being rate limited.',
      retry_after: 0.15,
      global: false,
    }),
  };
  // API v10: retry_after in (fractional) seconds. The unversioned URL (v6) is tested below.
  fake.script(DISCORD_HOOK_PATH_V10, limited, limited, limited);
  const started = Date.now();
  const r = await run({
    'discord-webhook-url': fake.url(DISCORD_HOOK_PATH_V10),
    status: 'success',
  });
  expect(r.code).toBe(0);
  expect(fake.to(DISCORD_HOOK_PATH_V10)).toHaveLength(4);
  expect(discordMessages()).toHaveLength(1);
  expect(r.outputs['discord-message-id']).toBe(discordMessages()[0].id);
  // retry_after (0.15 s, fractional) is used rather than the rounded header (1 s).
  expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  expect(Date.now() - started).toBeLessThan(3000);
  expect(r.stdout).toMatch(/rate limited \(429\)/);
});

test('Slack 429 honours the Retry-After header in seconds', async () => {
  fake.script(SLACK_HOOK_PATH, {
    status: 429,
    headers: { 'retry-after': '1' },
    body: 'rate_limited',
  });
  const started = Date.now();
  const r = await run({ 'slack-webhook-url': slackHook(), status: 'success' });
  expect(r.code).toBe(0);
  expect(fake.to(SLACK_HOOK_PATH)).toHaveLength(2);
  expect(slackMessages()).toHaveLength(1);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
});

test('5xx then success: backs off and posts once', async () => {
  fake.script(SLACK_HOOK_PATH, { status: 503, body: 'service unavailable' });
  const r = await run({ 'slack-webhook-url': slackHook(), status: 'started' });
  expect(r.code).toBe(0);
  expect(fake.to(SLACK_HOOK_PATH)).toHaveLength(2);
  expect(slackMessages()).toHaveLength(1);
  expect(r.outputs['slack-sent']).toBe('true');
  expect(r.summary).toMatch(/\| Slack webhook #1 \| ✅ posted \| 2 \|/);
});

test('400 is not retried: a warning with the platform text, *-sent false, exit 0', async () => {
  fake.slackHooks.delete(SLACK_HOOK_PATH); // Slack answers 404 no_service for a removed webhook
  fake.script(DISCORD_HOOK_PATH, {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: 50035,
      message: 'Invalid Form Body',
      errors: {
        embeds: {
          0: { title: { _errors: [{ code: 'X', message: 'Must be 256 or fewer in length.' }] } },
        },
      },
    }),
  });
  const r = await run({
    'slack-webhook-url': slackHook(),
    'discord-webhook-url': discordHook(),
    status: 'success',
  });
  expect(r.code).toBe(0);
  expect(fake.to(SLACK_HOOK_PATH)).toHaveLength(1);
  expect(fake.to(DISCORD_HOOK_PATH)).toHaveLength(1);
  expect(r.outputs['slack-sent']).toBe('false');
  expect(r.outputs['discord-sent']).toBe('false');
  expect(r.warnings).toHaveLength(2);
  expect(r.warnings.find((w) => w.includes('Slack webhook #1'))).toMatch(/HTTP 404: no_service/);
  expect(r.warnings.find((w) => w.includes('Discord webhook #1'))).toMatch(
    /HTTP 400: Discord error 50035 Invalid Form Body \(embeds\.0\.title: Must be 256 or fewer in length\.\)/,
  );
});

test('fail-on-error: true fails the step with one ::error:: line', async () => {
  fake.script(SLACK_HOOK_PATH, { status: 400, body: 'invalid_payload' });
  const r = await run({
    'slack-webhook-url': slackHook(),
    status: 'failure',
    'fail-on-error': 'true',
  });
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatch(
    /^Notification not delivered to 1 of 1 destination: Slack webhook #1: HTTP 400: invalid_payload$/,
  );
  expect(r.outputs['slack-sent']).toBe('false');
  expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
  expect(
    r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
  ).not.toContain('slacksecrettoken0001');
});

test('Discord: a "started" message is edited in place to success', async () => {
  const first = await run({
    'discord-webhook-url': discordHook(),
    status: 'started',
    username: 'Deploy bot',
    'avatar-url': 'https://example.com/bot.png',
  });
  expect(first.code).toBe(0);
  const id = first.outputs['discord-message-id'];
  expect(id).toMatch(/^\d+$/);
  expect(fake.requests[0].query.get('wait')).toBe('true');

  const second = await run({
    'discord-webhook-url': discordHook(),
    status: 'success',
    'discord-message-id': id,
  });
  expect(second.code).toBe(0);
  expect(second.outputs['discord-message-id']).toBe(id);
  const patch = fake.requests[1];
  expect(patch.method).toBe('PATCH');
  expect(patch.path).toBe(`${DISCORD_HOOK_PATH}/messages/${id}`);
  expect(JSON.parse(patch.body)).not.toHaveProperty('username');
  expect(discordMessages()).toHaveLength(1);
  expect(discordMessages()[0].edits).toBe(1);
  expect(embed(discordMessages()[0]).title).toMatch(/^✅ Deployment succeeded/);
  expect(second.summary).toMatch(/✅ updated/);
});

test('Slack: a "started" message posted with the token is updated in place with chat.update', async () => {
  const api = fake.url('/api');
  const first = await run({
    'slack-token': SLACK_TOKEN,
    'slack-channel': '#deploys',
    'slack-api-url': api,
    status: 'started',
  });
  expect(first.code).toBe(0);
  const ts = first.outputs['slack-ts'];
  const channel = first.outputs['slack-channel-id'];
  expect(ts).toMatch(/^\d+\.\d+$/);
  expect(channel).toBe('C0DEPLOYS');

  const second = await run({
    'slack-token': SLACK_TOKEN,
    'slack-channel': channel,
    'slack-api-url': api,
    'slack-ts': ts,
    status: 'rolled-back',
    message: 'health-check timeout',
  });
  expect(second.code).toBe(0);
  expect(fake.requests.map((q) => q.path)).toEqual(['/api/chat.postMessage', '/api/chat.update']);
  expect(slackMessages()).toHaveLength(1);
  expect(slackMessages()[0].edits).toBe(1);
  expect(JSON.stringify(slackMessages()[0].payload)).toContain('rolled back');
  expect(JSON.stringify(slackMessages()[0].payload)).toContain('health-check timeout');
  expect(second.outputs['slack-ts']).toBe(ts);
});

test('both platforms at once: Discord unreachable, Slack still delivered', async () => {
  const down = new FakePlatforms();
  await down.start();
  const deadUrl = down.url(DISCORD_HOOK_PATH);
  await down.stop(); // nothing listens there now: connection refused
  const r = await run({
    'slack-webhook-url': `${slackHook()}\n${fake.url(SLACK_HOOK_PATH_2)}`,
    'discord-webhook-url': deadUrl,
    status: 'failure',
    retries: '1',
  });
  expect(r.code).toBe(0);
  expect(slackMessages()).toHaveLength(2);
  expect(r.outputs['slack-sent']).toBe('true');
  expect(r.outputs['discord-sent']).toBe('false');
  expect(r.warnings).toHaveLength(1);
  expect(r.warnings[0]).toMatch(
    /Discord webhook #1 \(id \d+\): connection refused \(after 2 attempts\)/,
  );
  expect(r.summary).toMatch(/\| Slack webhook #2 \| ✅ posted \| 1 \|/);
});

test('a timeout after the request was sent is not retried for a post (it may have been posted)', async () => {
  fake.script(SLACK_HOOK_PATH, 'hang');
  const r = await run({ 'slack-webhook-url': slackHook(), status: 'success', timeout: '300ms' });
  expect(r.code).toBe(0);
  expect(fake.to(SLACK_HOOK_PATH)).toHaveLength(1);
  expect(r.warnings[0]).toMatch(
    /timed out after 300 ms; the message may have been posted, so it was not sent again/,
  );
});

test('an edit that timed out is retried: setting the same content twice is harmless', async () => {
  const first = await run({ 'discord-webhook-url': discordHook(), status: 'started' });
  const id = first.outputs['discord-message-id'];
  fake.script(`${DISCORD_HOOK_PATH}/messages/`, 'hang');
  const r = await run({
    'discord-webhook-url': discordHook(),
    status: 'success',
    'discord-message-id': id,
    timeout: '300ms',
  });
  expect(r.code).toBe(0);
  expect(fake.to(`${DISCORD_HOOK_PATH}/messages/`)).toHaveLength(2);
  expect(r.outputs['discord-sent']).toBe('true');
  expect(discordMessages()[0].edits).toBe(1);
});

test('mentions ping only on the statuses in mention-on, with the syntax of each platform', async () => {
  const inputs = {
    'slack-webhook-url': slackHook(),
    'discord-webhook-url': discordHook(),
    mention: 'here U024BE7LH, 80351110224678912 &41771983423143937',
  };
  const failed = await run({ ...inputs, status: 'failure' });
  expect(failed.code).toBe(0);
  const slack = slackMessages()[0].payload as Any;
  expect(slack.text.startsWith('<!here> <@U024BE7LH> ❌')).toBe(true);
  const discord = discordMessages()[0].payload as Any;
  expect(discord.content).toBe('@here <@80351110224678912> <@&41771983423143937>');
  expect(discord.allowed_mentions).toEqual({
    parse: ['everyone'],
    users: ['80351110224678912'],
    roles: ['41771983423143937'],
  });

  await run({ ...inputs, status: 'success' });
  expect((slackMessages()[1].payload as Any).text.startsWith('✅')).toBe(true);
  expect(discordMessages()[1].payload).not.toHaveProperty('content');
  expect((discordMessages()[1].payload as Any).allowed_mentions).toEqual({ parse: [] });
});

test('payload overrides are sent exactly as given', async () => {
  const discord = { content: 'custom "quoted" \\ text', embeds: [{ title: 'mine', color: 1 }] };
  const slack = {
    text: 'custom slack',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
  };
  const r = await run({
    'slack-webhook-url': slackHook(),
    'discord-webhook-url': discordHook(),
    'payload-discord': JSON.stringify(discord),
    'payload-slack': JSON.stringify(slack),
  });
  expect(r.code).toBe(0);
  expect(JSON.parse(fake.to(DISCORD_HOOK_PATH)[0].body)).toEqual(discord);
  expect(JSON.parse(fake.to(SLACK_HOOK_PATH)[0].body)).toEqual(slack);
  expect(r.summary).toContain('payload-slack and payload-discord sent as given instead');
});

test('webhook URLs and the token never appear in stdout, summary or outputs (only in ::add-mask::)', async () => {
  fake.script(SLACK_HOOK_PATH, { status: 503, body: 'down' });
  fake.script('/api/chat.postMessage', {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"ok":false,"error":"channel_not_found"}',
  });
  fake.script(DISCORD_HOOK_PATH, {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: '{"code":50035,"message":"Invalid Form Body"}',
  });
  const r = await run(
    {
      'slack-webhook-url': slackHook(),
      'discord-webhook-url': discordHook(),
      'slack-token': SLACK_TOKEN,
      'slack-channel': 'C1',
      'slack-api-url': fake.url('/api'),
      status: 'failure',
    },
    { env: { RUNNER_DEBUG: '1' } },
  );
  expect(r.code).toBe(0);
  expect(r.warnings.length).toBe(2);
  const visible =
    r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n') +
    r.stderr +
    r.summary +
    JSON.stringify(r.outputs);
  for (const secret of [
    SLACK_TOKEN,
    DISCORD_TOKEN,
    'slacksecrettoken0001',
    SLACK_HOOK_PATH,
    DISCORD_HOOK_PATH,
    `127.0.0.1:${fake.port}`,
  ]) {
    expect(visible).not.toContain(secret);
  }
  // Masked before the first line that is not a mask command.
  const firstOther = r.stdout.split('\n').findIndex((l) => !l.startsWith('::add-mask::'));
  const maskLines = r.stdout.split('\n').slice(0, firstOther).join('\n');
  for (const secret of [SLACK_TOKEN, DISCORD_TOKEN, slackHook(), discordHook()])
    expect(maskLines).toContain(`::add-mask::${secret}`);
  expect(r.summary).toContain('Discord webhook #1 (id 112233445566778899)');
});

test('strict validation without allow-any-url: a non-Slack or non-https URL is refused, nothing sent', async () => {
  const cases: Array<{ inputs: Record<string, string>; error: RegExp }> = [
    {
      inputs: { 'slack-webhook-url': slackHook() },
      error: /^Input 'slack-webhook-url': line 1 must be an https:\/\/ URL$/,
    },
    {
      inputs: { 'slack-webhook-url': `https://example.com${SLACK_HOOK_PATH}` },
      error: /^Input 'slack-webhook-url': line 1 is not a Slack incoming webhook/,
    },
    {
      inputs: { 'discord-webhook-url': `https://discord.com/api/channels/${DISCORD_TOKEN}` },
      error: /^Input 'discord-webhook-url': line 1 is not a Discord webhook/,
    },
    {
      inputs: {
        'slack-token': SLACK_TOKEN,
        'slack-channel': 'C1',
        'slack-api-url': 'https://evil.example/api',
      },
      error: /^Input 'slack-api-url': must be Slack's Web API/,
    },
  ];
  for (const c of cases) {
    const r = await run({ ...c.inputs, 'allow-any-url': 'false' });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(c.error);
    expect(r.errors[0]).not.toContain(DISCORD_TOKEN);
  }
  expect(fake.requests).toHaveLength(0);
});

describe('bad inputs: one-line ::error:: naming the input, nothing sent', () => {
  const cases: Array<{ name: string; inputs: Record<string, string>; error: RegExp }> = [
    {
      name: 'unknown status',
      inputs: { status: 'exploded' },
      error:
        /^Input 'status': expected one of started, success, failure, cancelled, rolled-back, warning, info .*got 'exploded'$/,
    },
    {
      name: 'invalid JSON override',
      inputs: { 'payload-discord': '{"content": "x",}' },
      error: /^Input 'payload-discord': is not valid JSON/,
    },
    {
      name: 'JSON override not an object',
      inputs: { 'payload-slack': '["a"]' },
      error: /^Input 'payload-slack': must be a JSON object/,
    },
    {
      name: 'bad fields line',
      inputs: { fields: 'Version: 1\nno colon here' },
      error: /^Input 'fields': line 2 is not `Name: value`$/,
    },
    {
      name: 'unknown mention',
      inputs: { mention: 'here bob' },
      error: /^Input 'mention': 'bob' is not a mention/,
    },
    {
      name: 'slack-ts without a token',
      inputs: { 'slack-ts': '1700000000.000100' },
      error: /^Input 'slack-ts': needs slack-token/,
    },
    {
      name: 'mismatched discord-message-id count',
      inputs: { 'discord-message-id': '1\n2' },
      error:
        /^Input 'discord-message-id': expected one message ID per Discord webhook \(1\), got 2$/,
    },
    {
      name: 'bad retries',
      inputs: { retries: 'many' },
      error: /^Input 'retries': expected a whole number from 0 to 10, got 'many'$/,
    },
    {
      name: 'a username Discord refuses',
      inputs: { username: 'Discord Deploys' },
      error:
        /^Input 'username': Discord does not accept a webhook name containing 'discord' or 'clyde'/,
    },
    {
      name: 'bad mention-on',
      inputs: { 'mention-on': 'failure,sometimes' },
      error: /^Input 'mention-on': .*got 'sometimes'$/,
    },
  ];
  test.each(cases)('$name', async ({ inputs, error }) => {
    const r = await run({
      'slack-webhook-url': slackHook(),
      'discord-webhook-url': discordHook(),
      ...inputs,
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(error);
    expect(fake.requests).toHaveLength(0);
    expect(r.outputs).toEqual({});
  });

  test('no destination at all', async () => {
    const r = await run({ status: 'success' });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/no destination given/);
  });
});
