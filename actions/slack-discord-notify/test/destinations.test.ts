import { InputError } from '@cicd-actions/core';
import {
  parseDiscordWebhooks,
  parseMessageIds,
  parseSlackApiUrl,
  parseSlackWebhooks,
} from '../src/destinations';

const SLACK = 'https://hooks.slack.com/services/T000AAAA/B000BBBB/XXXXXXXXXXXXXXXXXXXXXXXX';
const DISCORD = 'https://discord.com/api/webhooks/123456789012345678/abcDEF_123-xyz';

describe('Slack webhook URLs (strict)', () => {
  test.each([
    { name: 'a Slack webhook', url: SLACK, ok: true },
    { name: 'GovSlack', url: SLACK.replace('hooks.slack.com', 'hooks.slack-gov.com'), ok: true },
    { name: 'http', url: SLACK.replace('https:', 'http:'), ok: false },
    {
      name: 'another host',
      url: SLACK.replace('hooks.slack.com', 'hooks.slack.com.evil.example'),
      ok: false,
    },
    { name: 'not a services path', url: 'https://hooks.slack.com/workflows/T1/A1/1/x', ok: false },
    { name: 'a port', url: SLACK.replace('hooks.slack.com', 'hooks.slack.com:8443'), ok: false },
    { name: 'not a URL', url: 'hooks.slack.com/services/T/B/X', ok: false },
  ])('$name', ({ url, ok }) => {
    if (ok) expect(parseSlackWebhooks([url], false)[0].label).toBe('Slack webhook #1');
    else expect(() => parseSlackWebhooks([url], false)).toThrow(InputError);
  });

  test('errors name the line, never the URL', () => {
    try {
      parseSlackWebhooks([SLACK, 'http://proxy.internal/secretsecret'], false);
      throw new Error('accepted');
    } catch (err) {
      expect((err as Error).message).toMatch(/line 2/);
      expect((err as Error).message).not.toContain('secretsecret');
    }
  });

  test('allow-any-url accepts a proxy over http', () => {
    expect(parseSlackWebhooks(['http://127.0.0.1:8080/hook'], true)[0].url.port).toBe('8080');
    expect(() => parseSlackWebhooks(['ftp://127.0.0.1/hook'], true)).toThrow(/https/);
  });
});

describe('Discord webhook URLs (strict)', () => {
  test.each([
    { name: 'discord.com', url: DISCORD, ok: true },
    {
      name: 'discordapp.com with API version',
      url: DISCORD.replace('discord.com/api', 'discordapp.com/api/v10'),
      ok: true,
    },
    { name: 'with a thread_id query', url: `${DISCORD}?thread_id=42`, ok: true },
    { name: 'http', url: DISCORD.replace('https:', 'http:'), ok: false },
    { name: 'a channel path', url: 'https://discord.com/api/channels/1/messages', ok: false },
    {
      name: 'a lookalike host',
      url: DISCORD.replace('discord.com', 'discord.com.example'),
      ok: false,
    },
  ])('$name', ({ url, ok }) => {
    if (ok)
      expect(parseDiscordWebhooks([url], false, [])[0]).toMatchObject({
        label: expect.stringMatching(/^Discord webhook #1 \(id \d+\)$/),
      });
    else expect(() => parseDiscordWebhooks([url], false, [])).toThrow(InputError);
  });

  test('the token is found, the label shows only the id', () => {
    const [d] = parseDiscordWebhooks([DISCORD], false, parseMessageIds('987', 1));
    expect(d.token).toBe('abcDEF_123-xyz');
    expect(d.label).toBe('Discord webhook #1 (id 123456789012345678)');
    expect(d.messageId).toBe('987');
  });

  test.each([
    { ids: ['1', '2'], error: /one message ID per Discord webhook \(1\), got 2/ },
    { ids: ['abc'], error: /numeric message ID/ },
  ])('discord-message-id $ids', ({ ids, error }) =>
    expect(() =>
      parseDiscordWebhooks([DISCORD], false, parseMessageIds(ids.join('\n'), 1)),
    ).toThrow(error),
  );
});

describe('slack-api-url', () => {
  test.each([
    { url: 'https://slack.com/api', allowAny: false, expected: 'https://slack.com/api' },
    { url: 'https://slack.com/api/', allowAny: false, expected: 'https://slack.com/api' },
    { url: 'https://api.example/api', allowAny: false, expected: undefined },
    { url: 'http://slack.com/api', allowAny: false, expected: undefined },
    { url: 'http://127.0.0.1:9/api', allowAny: true, expected: 'http://127.0.0.1:9/api' },
  ])('$url (allow-any-url $allowAny)', ({ url, allowAny, expected }) => {
    if (expected) expect(parseSlackApiUrl(url, allowAny)).toBe(expected);
    else expect(() => parseSlackApiUrl(url, allowAny)).toThrow(InputError);
  });
});
