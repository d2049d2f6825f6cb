// The action: read and check every input (masking secrets first), build each platform's
// payload once, send to every destination at once, then report in outputs, log and summary.
import {
  ActionError,
  InputError,
  Inputs,
  maskUrl,
  table,
  heading,
  details,
  type Clock,
  type Runner,
} from '@cicd-actions/core';
import {
  parseDiscordWebhooks,
  parseSlackApiUrl,
  parseSlackWebhooks,
  type Destination,
  type SlackApi,
} from './destinations';
import { deliver, type DeliveryResult, type HttpClient } from './delivery';
import { buildDiscordMessage } from './discord-message';
import { readGithubContext } from './github-context';
import { MENTION_FORMS, parseMentions, type Mentions } from './mentions';
import { buildNotification, plainText, type Notification } from './notification';
import { buildSlackMessage } from './slack-message';
import { STATUSES, STATUS_STYLE, parseStatus, type Status } from './status';

export interface NotifyDeps {
  http: HttpClient;
  clock: Clock;
  random?: () => number;
}

export interface NotifyConfig {
  destinations: Destination[];
  notification: Notification;
  payloadSlack?: Record<string, unknown>;
  payloadDiscord?: Record<string, unknown>;
  failOnError: boolean;
  timeoutMs: number;
  retries: number;
  totalTimeoutMs: number;
}

/** Registers every webhook URL (and its secret path parts) and the token with the log masker. */
export function maskSecrets(runner: Runner, inputs: Inputs): void {
  for (const name of ['slack-webhook-url', 'discord-webhook-url']) {
    for (const line of inputs.raw(name).split(/\r?\n/)) {
      const url = line.trim();
      if (!url) continue;
      maskUrl(runner, url);
      // The last path segment is the webhook's secret on both platforms: masked on its own too.
      const last = url.split(/[?#]/)[0].replace(/\/+$/, '').split('/').pop();
      if (last && last.length >= 8) runner.setSecret(last);
    }
  }
  runner.setSecret(inputs.raw('slack-token').trim());
}

function parseJsonObject(text: string, input: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      input,
      `is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new InputError(input, 'must be a JSON object ({...})');
  if (Object.keys(value).length === 0) throw new InputError(input, 'must not be an empty object');
  return value as Record<string, unknown>;
}

function parseMentionOn(items: string[]): Set<Status> {
  const set = new Set<Status>();
  for (const item of items) {
    const s = item.toLowerCase();
    if (s === 'always') STATUSES.forEach((x) => set.add(x));
    else if (s === 'never') continue;
    else {
      const status = parseStatus(s);
      if (!status)
        throw new InputError(
          'mention-on',
          `expected statuses (${STATUSES.join(', ')}), always or never, got '${item}'`,
        );
      set.add(status);
    }
  }
  return set;
}

export function readConfig(runner: Runner, now: Date): NotifyConfig {
  const inputs = new Inputs(runner);
  maskSecrets(runner, inputs);

  const allowAny = inputs.boolean('allow-any-url', false);
  const statusText = inputs.string('status', 'info');
  const status = parseStatus(statusText);
  if (!status)
    throw new InputError(
      'status',
      `expected one of ${STATUSES.join(', ')} (or success/failure/cancelled from job.status), got '${statusText}'`,
    );

  const slackHooks = parseSlackWebhooks(inputs.lines('slack-webhook-url'), allowAny);
  const discordHooks = parseDiscordWebhooks(
    inputs.lines('discord-webhook-url'),
    allowAny,
    inputs.lines('discord-message-id'),
  );
  if (inputs.lines('discord-message-id').length && !discordHooks.length)
    throw new InputError(
      'discord-message-id',
      'needs discord-webhook-url (the webhook that posted the message)',
    );

  const token = inputs.string('slack-token');
  const channel = inputs.string('slack-channel');
  const ts = inputs.string('slack-ts');
  const apiUrl = parseSlackApiUrl(
    inputs.string('slack-api-url', 'https://slack.com/api'),
    allowAny,
  );
  if (token && !channel)
    throw new InputError(
      'slack-channel',
      'is required with slack-token (a channel ID like C0123456789, or #name for new posts)',
    );
  if (channel && !token)
    throw new InputError(
      'slack-token',
      'is required with slack-channel (a bot token with chat:write)',
    );
  if (ts && !token)
    throw new InputError(
      'slack-ts',
      'needs slack-token and slack-channel: incoming webhooks cannot edit messages, only chat.update can',
    );
  if (ts && !/^\d+\.\d+$/.test(ts))
    throw new InputError(
      'slack-ts',
      `expected a message timestamp like 1712345678.123456, got '${ts}'`,
    );
  const slackApi: SlackApi[] = token
    ? [
        {
          kind: 'slack-api',
          platform: 'slack',
          label: `Slack API (${channel})`,
          apiUrl,
          token,
          channel,
          ts: ts || undefined,
        },
      ]
    : [];

  const destinations: Destination[] = [...slackHooks, ...slackApi, ...discordHooks];
  if (!destinations.length)
    throw new InputError(
      'slack-webhook-url',
      'no destination given: set slack-webhook-url, discord-webhook-url, or slack-token with slack-channel',
    );

  const mentionItems = inputs
    .raw('mention')
    .split(/[\s,]+/)
    .filter(Boolean);
  const parsedMentions = parseMentions(mentionItems);
  if ('bad' in parsedMentions)
    throw new InputError(
      'mention',
      `'${parsedMentions.bad}' is not a mention; expected ${MENTION_FORMS}`,
    );
  const mentions: Mentions | undefined = mentionItems.length ? parsedMentions.mentions : undefined;
  const mentionOn = parseMentionOn(
    inputs.list('mention-on').length ? inputs.list('mention-on') : ['failure', 'rolled-back'],
  );

  const username = inputs.string('username');
  // Discord refuses the whole message (50035) for these names; say so before anything is sent.
  if (discordHooks.length && /discord|clyde/i.test(username))
    throw new InputError(
      'username',
      `Discord does not accept a webhook name containing 'discord' or 'clyde', got '${username}'`,
    );
  const avatarUrl = inputs.string('avatar-url');
  if (avatarUrl && !/^https?:\/\/[^\s]+$/.test(avatarUrl))
    throw new InputError('avatar-url', `expected an http(s) image URL, got '${avatarUrl}'`);

  const notification = buildNotification(
    {
      status,
      title: inputs.string('title'),
      // Free text keeps its inner line breaks and indentation; only the ends are trimmed.
      message: inputs
        .raw('message')
        .replace(/^\s*\n/, '')
        .trimEnd(),
      environment: inputs.string('environment'),
      version: inputs.string('version'),
      fields: inputs.pairs('fields', ':', '`Name: value`'),
      mentions,
      mentionOn,
      username,
      avatarUrl,
    },
    readGithubContext(runner.env),
    now,
  );

  const timeoutMs = inputs.duration('timeout', '10s', { min: 100, max: 300_000 });
  return {
    destinations,
    notification,
    payloadSlack: parseJsonObject(inputs.string('payload-slack'), 'payload-slack'),
    payloadDiscord: parseJsonObject(inputs.string('payload-discord'), 'payload-discord'),
    failOnError: inputs.boolean('fail-on-error', false),
    timeoutMs,
    retries: inputs.integer('retries', 3, { min: 0, max: 10 }),
    totalTimeoutMs: inputs.duration('total-timeout', '60s', { min: timeoutMs, max: 3_600_000 }),
  };
}

/** The serialised body for each kind of destination: each object is stringified exactly once. */
export function buildBodies(config: NotifyConfig): (d: Destination) => string {
  const n = config.notification;
  const cache = new Map<string, string>();
  const once = (key: string, make: () => unknown) => {
    if (!cache.has(key)) cache.set(key, JSON.stringify(make()));
    return cache.get(key)!;
  };
  const slack = () => config.payloadSlack ?? buildSlackMessage(n);
  const discord = () => config.payloadDiscord ?? buildDiscordMessage(n);
  return (d) => {
    if (d.kind === 'slack-webhook') return once('slack-webhook', slack);
    if (d.kind === 'discord-webhook') {
      if (!d.messageId) return once('discord-post', discord);
      return once('discord-edit', () => {
        if (config.payloadDiscord) return config.payloadDiscord;
        // An edit cannot change who posted; those fields are for new messages only.
        const { username: _u, avatar_url: _a, ...edit } = buildDiscordMessage(n);
        return edit;
      });
    }
    if (d.ts) {
      return once('slack-update', () => {
        const {
          username: _u,
          icon_url: _i,
          unfurl_links: _l,
          unfurl_media: _m,
          ...update
        } = slack() as Record<string, unknown>;
        return {
          channel: d.channel,
          ...(config.payloadSlack ? config.payloadSlack : update),
          ts: d.ts,
        };
      });
    }
    return once('slack-post', () => ({ channel: d.channel, ...slack() }));
  };
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}

function resultText(r: DeliveryResult): string {
  if (r.ok) return `✅ ${r.action === 'update' ? 'updated' : 'posted'}`;
  return `${r.uncertain ? '❓' : '❌'} ${r.error}`;
}

export function summaryMarkdown(
  n: Notification,
  results: DeliveryResult[],
  overrides: string[] = [],
): string {
  const rows = results.map((r) => [
    r.destination.label,
    resultText(r),
    r.attempts,
    r.messageId ?? '',
  ]);
  const note = overrides.length ? ` (${overrides.join(' and ')} sent as given instead)` : '';
  return [
    heading(`${n.emoji} ${n.title}`),
    table(['Destination', 'Result', 'Attempts', 'Message ID / ts'], rows),
    details(`Message preview${note}`, fence(plainText(n))),
  ].join('\n');
}

export async function notify(runner: Runner, deps: NotifyDeps): Promise<void> {
  const config = readConfig(runner, new Date(deps.clock.now()));
  const body = buildBodies(config);
  const deadline = deps.clock.now() + config.totalTimeoutMs;
  const n = config.notification;

  const results = await runner.group(
    `${STATUS_STYLE[n.status].emoji} Notifying ${config.destinations.length} destination${config.destinations.length === 1 ? '' : 's'}: ${n.title}`,
    async () => {
      const all = await Promise.all(
        config.destinations.map((d) =>
          deliver(d, body(d), {
            http: deps.http,
            clock: deps.clock,
            random: deps.random,
            timeoutMs: config.timeoutMs,
            retries: config.retries,
            deadline,
            log: (line) => runner.info(runner.redact(line)),
          }),
        ),
      );
      for (const r of all)
        runner.info(
          runner.redact(
            `${r.destination.label}: ${resultText(r)}${r.messageId ? ` (${r.messageId})` : ''}, ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`,
          ),
        );
      return all;
    },
  );

  const sent = (platform: 'slack' | 'discord') => {
    const mine = results.filter((r) => r.destination.platform === platform);
    return mine.length > 0 && mine.every((r) => r.ok);
  };
  runner.setOutput('slack-sent', sent('slack'));
  runner.setOutput('discord-sent', sent('discord'));
  const discordIds = results
    .filter((r) => r.destination.kind === 'discord-webhook')
    .map((r) => r.messageId ?? '');
  runner.setOutput('discord-message-id', discordIds.join('\n'));
  const api = results.find((r) => r.destination.kind === 'slack-api');
  runner.setOutput('slack-ts', api?.messageId ?? '');
  runner.setOutput('slack-channel-id', api?.channel ?? '');
  const overrides = [
    config.payloadSlack ? 'payload-slack' : '',
    config.payloadDiscord ? 'payload-discord' : '',
  ].filter(Boolean);
  runner.appendSummary(summaryMarkdown(n, results, overrides));

  const failed = results.filter((r) => !r.ok);
  if (!failed.length) return;
  const lines = failed.map((r) => `${r.destination.label}: ${r.error}`);
  if (config.failOnError)
    throw new ActionError(
      `Notification not delivered to ${failed.length} of ${results.length} destination${results.length === 1 ? '' : 's'}: ${lines.join('; ')}`,
    );
  for (const line of lines) runner.warning(runner.redact(`Notification not delivered — ${line}`));
}
