import { buildNotification, plainText, type NotificationInput } from '../src/notification';
import { readGithubContext } from '../src/github-context';
import { buildSlackMessage, escapeMrkdwn, fitMrkdwn } from '../src/slack-message';
import {
  buildDiscordMessage,
  embedSize,
  fitEmbedTotal,
  type DiscordEmbed,
} from '../src/discord-message';
import { discordLimitError, slackLimitError } from './fake-platforms';

const ENV = {
  GITHUB_SERVER_URL: 'https://github.example.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'abcdef1234567890abcdef1234567890abcdef12',
  GITHUB_REF_NAME: 'v2.0.0',
  GITHUB_ACTOR: 'ana',
  GITHUB_WORKFLOW: 'Release',
  GITHUB_RUN_ID: '99',
  GITHUB_RUN_NUMBER: '7',
};
const NOW = new Date('2026-01-02T03:04:05.000Z');

function notification(over: Partial<NotificationInput> = {}, env: Record<string, string> = ENV) {
  return buildNotification(
    {
      status: 'success',
      title: '',
      message: '',
      reason: '',
      environment: 'prod',
      version: 'v2.0.0',
      fields: [],
      mentions: undefined,
      mentionOn: new Set(['failure']),
      username: '',
      avatarUrl: '',
      ...over,
    },
    readGithubContext(env),
    NOW,
  );
}

describe('github context', () => {
  test('links the commit and the run from GITHUB_* alone', () => {
    const c = readGithubContext({ ...ENV, GITHUB_RUN_ATTEMPT: '2' });
    expect(c).toMatchObject({
      repository: 'acme/shop',
      shortSha: 'abcdef1',
      commitUrl:
        'https://github.example.com/acme/shop/commit/abcdef1234567890abcdef1234567890abcdef12',
      runUrl: 'https://github.example.com/acme/shop/actions/runs/99/attempts/2',
      ref: 'v2.0.0',
      actor: 'ana',
    });
  });
  test('without a repository there are no links', () => {
    const c = readGithubContext({});
    expect(c.commitUrl).toBe('');
    expect(c.runUrl).toBe('');
  });
});

describe('Discord message', () => {
  test('an ordinary message: title, colour, linked commit, footer, timestamp, no pings', () => {
    const m = buildDiscordMessage(
      notification({ message: 'All green', username: 'Deploy bot', avatarUrl: 'https://x/y.png' }),
    );
    expect(m).toEqual({
      username: 'Deploy bot',
      avatar_url: 'https://x/y.png',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: '✅ Deployment of v2.0.0 to prod succeeded',
          url: 'https://github.example.com/acme/shop/actions/runs/99',
          description: 'All green',
          color: 0x2eb67d,
          timestamp: '2026-01-02T03:04:05.000Z',
          footer: { text: 'acme/shop · run #7' },
          fields: [
            { name: 'Environment', value: 'prod', inline: true },
            { name: 'Version', value: 'v2.0.0', inline: true },
            {
              name: 'Repository',
              value: '[acme/shop](https://github.example.com/acme/shop)',
              inline: true,
            },
            { name: 'Ref', value: 'v2.0.0', inline: true },
            {
              name: 'Commit',
              value:
                '[abcdef1](https://github.example.com/acme/shop/commit/abcdef1234567890abcdef1234567890abcdef12)',
              inline: true,
            },
            { name: 'Actor', value: 'ana', inline: true },
            {
              name: 'Workflow',
              value: '[Release](https://github.example.com/acme/shop/actions/runs/99)',
              inline: true,
            },
          ],
        },
      ],
    });
  });

  test('everything oversized still passes every Discord limit', () => {
    const fields = Array.from({ length: 40 }, (_, i): [string, string] => [
      `F${i} ${'n'.repeat(300)}`,
      `${'v'.repeat(2000)}🚀`,
    ]);
    const m = buildDiscordMessage(
      notification({
        title: 'T'.repeat(1000),
        message: 'd😀'.repeat(6000),
        fields,
        username: 'u'.repeat(200),
      }),
    );
    expect(discordLimitError(m as unknown as Record<string, unknown>)).toBeUndefined();
    const e = m.embeds[0];
    expect(e.fields).toHaveLength(25);
    // 7 context fields + 40 given = 47; 24 shown, the 25th says how many are not.
    expect(e.fields![24]).toEqual({ name: '…', value: '23 more fields not shown', inline: false });
    expect(embedSize(e)).toBeLessThanOrEqual(6000);
    expect(e.title!.endsWith('…')).toBe(true);
  });

  test.each([
    {
      name: 'fits: untouched',
      embed: { title: 'a', description: 'b'.repeat(10) },
      max: 20,
      expected: { title: 'a', description: 'b'.repeat(10) },
    },
    {
      name: 'description shrinks first',
      embed: {
        title: 'ttt',
        description: 'd'.repeat(20),
        fields: [{ name: 'n', value: 'v'.repeat(5) }],
      },
      max: 20,
      expected: {
        title: 'ttt',
        description: `${'d'.repeat(10)}…`,
        fields: [{ name: 'n', value: 'v'.repeat(5) }],
      },
    },
    {
      name: 'then field values, evenly',
      embed: {
        title: 't',
        description: 'dd',
        fields: [
          { name: 'a', value: 'x'.repeat(10) },
          { name: 'b', value: 'y'.repeat(10) },
        ],
      },
      max: 18,
      expected: {
        title: 't',
        description: '…',
        fields: [
          { name: 'a', value: `${'x'.repeat(6)}…` },
          { name: 'b', value: `${'y'.repeat(6)}…` },
        ],
      },
    },
    {
      name: 'very long field values give way before the description',
      embed: {
        description: 'd'.repeat(100),
        fields: [
          { name: 'a', value: 'x'.repeat(1000) },
          { name: 'b', value: 'short' },
        ],
      },
      max: 400,
      expected: {
        description: 'd'.repeat(100),
        fields: [
          { name: 'a', value: `${'x'.repeat(292)}…` },
          { name: 'b', value: 'short' },
        ],
      },
    },
  ])('fitEmbedTotal: $name', ({ embed, max, expected }) => {
    const e = structuredClone(embed) as DiscordEmbed;
    fitEmbedTotal(e, max);
    expect(e).toEqual(expected);
    expect(embedSize(e)).toBeLessThanOrEqual(max);
  });
});

describe('Slack message', () => {
  test('fallback text, coloured attachment, header, escaped body, fields and run link', () => {
    const m = buildSlackMessage(
      notification({
        status: 'failure',
        message: 'a < b & c > d',
        fields: [['Reason', 'health-check timeout']],
      }),
    );
    expect(m.text).toBe('❌ Deployment of v2.0.0 to prod failed');
    expect(m.attachments![0].color).toBe('#E01E5A');
    const [header, body, fieldsBlock, context] = m.attachments![0].blocks as Array<
      Record<string, any>
    >;
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '❌ Deployment of v2.0.0 to prod failed', emoji: true },
    });
    expect(body.text.text).toBe('a &lt; b &amp; c &gt; d');
    expect(fieldsBlock.fields.map((f: { text: string }) => f.text)).toContain(
      '*Commit*\n<https://github.example.com/acme/shop/commit/abcdef1234567890abcdef1234567890abcdef12|abcdef1>',
    );
    expect(fieldsBlock.fields.map((f: { text: string }) => f.text)).toContain(
      '*Reason*\nhealth-check timeout',
    );
    expect(context.elements[0].text).toBe(
      '<https://github.example.com/acme/shop/actions/runs/99|Release run #7>',
    );
    expect(m).not.toHaveProperty('username');
  });

  test('500 fields and a 10,000-character message stay within Block Kit limits', () => {
    const fields = Array.from({ length: 500 }, (_, i): [string, string] => [
      `Field ${i}`,
      'x<'.repeat(1500),
    ]);
    const m = buildSlackMessage(
      notification({ message: '<&>'.repeat(3400), title: '🚀'.repeat(100), fields }),
    );
    expect(slackLimitError(m as unknown as Record<string, unknown>)).toBeUndefined();
    const blocks = m.attachments![0].blocks as Array<Record<string, any>>;
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks.at(-2))).toMatch(/more fields not shown/);
    expect(blocks.at(-1)!.type).toBe('context');
  });

  test.each([
    { input: 'a&b<c>d', expected: 'a&amp;b&lt;c&gt;d' },
    { input: '<@U123> <!here>', expected: '&lt;@U123&gt; &lt;!here&gt;' },
    { input: 'plain', expected: 'plain' },
  ])('escapeMrkdwn($input)', ({ input, expected }) => expect(escapeMrkdwn(input)).toBe(expected));

  test.each([
    { name: 'no cut', input: 'a&b', max: 10, expected: 'a&amp;b' },
    {
      name: 'a cut inside an entity drops the partial entity',
      input: '&&&&',
      max: 8,
      expected: '&amp;…',
    },
    {
      name: 'a cut after a whole entity keeps it',
      input: '&&&&',
      max: 11,
      expected: '&amp;&amp;…',
    },
  ])('fitMrkdwn: $name', ({ input, max, expected }) => {
    const out = fitMrkdwn(input, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

test('plainText preview lists title, message, fields and the run', () => {
  expect(
    plainText(
      notification(
        { message: 'hi', environment: '', version: '' },
        { GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '5' },
      ),
    ),
  ).toBe(
    [
      '✅ Deployment succeeded',
      'hi',
      'Repository: a/b',
      'Run: https://github.com/a/b/actions/runs/5',
    ].join('\n'),
  );
});
