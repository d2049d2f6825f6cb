// Every input, every kind of bad value (wrong type, negative, huge, 100 KB, unknown enum, bad
// durations, shell metacharacters): one one-line ::error:: naming the input, exit 1, nothing
// sent, nothing echoed beyond a short preview, in under a second. Free-text inputs take any
// text: for them the same values are sent as plain text, never interpreted.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { DISCORD_HOOK_PATH, FakePlatforms, SLACK_HOOK_PATH, SLACK_TOKEN } from './fake-platforms';

const KB100 = 'x'.repeat(100 * 1024);
const PWNED = path.join(tmpdir(), `pwned-${process.pid}-${Date.now()}`);
const SHELL = `$(touch ${PWNED}); \`touch ${PWNED}\` | rm -rf / && echo "$HOME" > ~/x`;

let fake: FakePlatforms;
const runs: ActionRun[] = [];
const durations: number[] = [];
beforeAll(async () => {
  fake = await new FakePlatforms().start();
});
afterAll(async () => {
  await fake.stop();
  for (const r of runs.splice(0)) cleanupRun(r);
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.messages.length = 0;
});

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const r = await runBundle('slack-discord-notify', {
    timeoutMs: 20_000,
    inputs: {
      'allow-any-url': 'true',
      'slack-webhook-url': fake.url(SLACK_HOOK_PATH),
      'discord-webhook-url': fake.url(DISCORD_HOOK_PATH),
      ...inputs,
    },
  });
  runs.push(r);
  return r;
}

const withToken = (extra: Record<string, string>) => ({
  'slack-token': SLACK_TOKEN,
  'slack-channel': 'C0DEPLOYS',
  'slack-api-url': fake.url('/api'),
  ...extra,
});

type Case = [input: string, what: string, inputs: () => Record<string, string>];
const cases: Case[] = [
  ['slack-webhook-url', 'not a URL', () => ({ 'slack-webhook-url': 'hooks slack com' })],
  ['slack-webhook-url', 'another scheme', () => ({ 'slack-webhook-url': 'ftp://127.0.0.1/x' })],
  ['slack-webhook-url', '100 KB', () => ({ 'slack-webhook-url': KB100 })],
  ['slack-webhook-url', 'shell metacharacters', () => ({ 'slack-webhook-url': SHELL })],
  [
    'slack-webhook-url',
    'not Slack (strict)',
    () => ({ 'allow-any-url': 'false', 'slack-webhook-url': 'https://example.com/services/a/b/c' }),
  ],
  ['discord-webhook-url', 'not a URL', () => ({ 'discord-webhook-url': '12345/token' })],
  ['discord-webhook-url', '100 KB', () => ({ 'discord-webhook-url': `https://${KB100}` })],
  ['discord-webhook-url', 'shell metacharacters', () => ({ 'discord-webhook-url': SHELL })],
  [
    'discord-webhook-url',
    'credentials in the URL',
    () => ({ 'discord-webhook-url': 'https://u:p@127.0.0.1/api/webhooks/1/t' }),
  ],
  ['slack-token', 'spaces', () => withToken({ 'slack-token': 'xoxb not a token' })],
  ['slack-token', '100 KB', () => withToken({ 'slack-token': KB100 })],
  ['slack-token', 'too short', () => withToken({ 'slack-token': 'x' })],
  ['slack-channel', 'shell metacharacters', () => withToken({ 'slack-channel': SHELL })],
  ['slack-channel', '100 KB', () => withToken({ 'slack-channel': KB100 })],
  ['slack-token', 'channel without a token', () => ({ 'slack-channel': 'C0DEPLOYS' })],
  ['slack-api-url', 'not a URL', () => withToken({ 'slack-api-url': 'slack api' })],
  ['slack-api-url', '100 KB', () => withToken({ 'slack-api-url': KB100 })],
  [
    'slack-api-url',
    'not Slack (strict)',
    () => ({
      ...withToken({ 'slack-api-url': 'https://evil.example/api' }),
      'allow-any-url': 'false',
      'slack-webhook-url': '',
      'discord-webhook-url': '',
    }),
  ],
  ['status', 'unknown enum', () => ({ status: 'exploded' })],
  ['status', '100 KB', () => ({ status: KB100 })],
  ['status', 'shell metacharacters', () => ({ status: SHELL })],
  ['fields', 'a line without a colon', () => ({ fields: 'Version: 1\nno colon here' })],
  ['fields', '100 KB without a colon', () => ({ fields: KB100 })],
  ['mention', 'not a mention', () => ({ mention: 'here bob' })],
  ['mention', 'shell metacharacters', () => ({ mention: SHELL })],
  ['mention', '100 KB', () => ({ mention: KB100 })],
  ['mention-on', 'unknown status', () => ({ 'mention-on': 'failure,sometimes' })],
  ['mention-on', '100 KB', () => ({ 'mention-on': KB100 })],
  ['username', 'a name Discord refuses', () => ({ username: 'Discord Deploys' })],
  ['avatar-url', 'not a URL', () => ({ 'avatar-url': 'bot.png' })],
  ['avatar-url', 'javascript:', () => ({ 'avatar-url': 'javascript:alert(1)' })],
  ['avatar-url', '100 KB', () => ({ 'avatar-url': `https://example.com/${KB100}` })],
  ['payload-slack', 'invalid JSON', () => ({ 'payload-slack': '{"text": "x",}' })],
  ['payload-slack', 'not an object', () => ({ 'payload-slack': '["a"]' })],
  ['payload-slack', 'empty object', () => ({ 'payload-slack': '{}' })],
  ['payload-slack', '100 KB of invalid JSON', () => ({ 'payload-slack': `{${KB100}` })],
  ['payload-discord', 'invalid JSON', () => ({ 'payload-discord': 'content: x' })],
  ['payload-discord', 'a number', () => ({ 'payload-discord': '42' })],
  ['payload-discord', 'shell metacharacters', () => ({ 'payload-discord': SHELL })],
  ['discord-message-id', 'not numeric', () => ({ 'discord-message-id': 'abc' })],
  ['discord-message-id', 'negative', () => ({ 'discord-message-id': '-1' })],
  ['discord-message-id', 'more IDs than webhooks', () => ({ 'discord-message-id': '1\n2' })],
  ['discord-message-id', '100 KB', () => ({ 'discord-message-id': '1'.repeat(100 * 1024) })],
  [
    'discord-message-id',
    'without a webhook',
    () => ({ 'discord-webhook-url': '', 'discord-message-id': '1' }),
  ],
  ['slack-ts', 'not a ts', () => withToken({ 'slack-ts': 'yesterday' })],
  ['slack-ts', 'negative', () => withToken({ 'slack-ts': '-1.5' })],
  ['slack-ts', '100 KB', () => withToken({ 'slack-ts': KB100 })],
  ['slack-ts', 'without a token', () => ({ 'slack-ts': '1700000000.000100' })],
  ['fail-on-error', 'not a boolean', () => ({ 'fail-on-error': 'maybe' })],
  ['fail-on-error', '100 KB', () => ({ 'fail-on-error': KB100 })],
  ['allow-any-url', 'not a boolean', () => ({ 'allow-any-url': 'perhaps' })],
  ['timeout', 'negative', () => ({ timeout: '-1s' })],
  ['timeout', 'zero', () => ({ timeout: '0' })],
  ['timeout', 'not a duration', () => ({ timeout: 'forever' })],
  ['timeout', 'huge (past what timers hold)', () => ({ timeout: '999999999d' })],
  ['timeout', '100 KB', () => ({ timeout: KB100 })],
  ['retries', 'wrong type', () => ({ retries: 'many' })],
  ['retries', 'negative', () => ({ retries: '-1' })],
  ['retries', 'huge', () => ({ retries: '99999999999999999999' })],
  ['retries', 'a fraction', () => ({ retries: '1.5' })],
  ['total-timeout', 'negative', () => ({ 'total-timeout': '-5s' })],
  ['total-timeout', 'shorter than timeout', () => ({ 'total-timeout': '1s', timeout: '5s' })],
  ['total-timeout', 'huge', () => ({ 'total-timeout': '30d' })],
  ['total-timeout', 'shell metacharacters', () => ({ 'total-timeout': SHELL })],
];

describe('bad input: one ::error:: naming the input, exit 1, nothing sent, under a second', () => {
  test.each(cases)('%s: %s', async (input, _what, inputs) => {
    const r = await run(inputs());
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^Input '${input}': `));
    expect(r.errors[0]).not.toContain('\n');
    // A value is shown only as a short preview: never 100 KB, never a token.
    expect(r.errors[0].length).toBeLessThan(600);
    // (A secret input is registered with the masker whole: that line is the runner's, not shown.)
    const shown = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain('x'.repeat(100));
    expect(shown).not.toContain(SLACK_TOKEN);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(fake.requests).toHaveLength(0);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('');
    // Fails fast, never waits on the network: bounded per case even on a loaded machine, and
    // under a second typically (the median over the table, checked below).
    expect(r.durationMs).toBeLessThan(3000);
    durations.push(r.durationMs);
  });
});

test('bad input is refused in under a second (median over the table, start-up included)', () => {
  expect(durations).toHaveLength(cases.length);
  const sorted = [...durations].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(1000);
});

describe('free text takes any text, sent as text (never run, never interpreted)', () => {
  test.each(['title', 'message', 'environment', 'version', 'reason'])(
    '%s: shell metacharacters and 100 KB',
    async (input) => {
      const r = await run({ [input]: `${SHELL} ${KB100}`, status: 'failure' });
      expect(r.code).toBe(0);
      expect(r.warnings).toEqual([]);
      expect(fake.messages).toHaveLength(2);
      // Cut to the platform's limits, the beginning arrives verbatim; nothing ran it.
      expect(fake.to(DISCORD_HOOK_PATH)[0].body).toContain(JSON.stringify(SHELL).slice(1, -1));
      expect(existsSync(PWNED)).toBe(false);
    },
  );
});
