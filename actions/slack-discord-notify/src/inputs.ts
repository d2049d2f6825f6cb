// Every input, read and checked before anything is sent: secrets are masked first, then each
// input is parsed or rejected with an InputError naming it (values echoed only as a cut preview).
import {
  parseDiscordWebhooks,
  parseMessageIds,
  parseSlackApiUrl,
  parseSlackWebhooks,
  type Destination,
  type SlackApi,
} from './destinations';
import { readGithubContext } from './github-context';
import { MENTION_FORMS, parseMentions, type Mentions } from './mentions';
import { buildNotification, type Notification } from './notification';
import { InputError, Inputs, maskUrl, preview, type Runner } from '@cicd-actions/core';
import { STATUSES, parseStatus, type Status } from './status';

export interface NotifyInputs {
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
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(input, `is not valid JSON (${preview(why, 80).slice(1, -1)})`);
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
          `expected statuses (${STATUSES.join(', ')}), always or never, got ${preview(item)}`,
        );
      set.add(status);
    }
  }
  return set;
}

function readStatus(inputs: Inputs): Status {
  const text = inputs.string('status', 'info');
  const status = parseStatus(text);
  if (!status)
    throw new InputError(
      'status',
      `expected one of ${STATUSES.join(', ')} (or success/failure/cancelled from job.status), got ${preview(text)}`,
    );
  return status;
}

/**
 * The Web API destination. An empty slack-channel with a token is not an input error: in the
 * outcome step it is the started step's empty `slack-channel-id` (its post failed), and a
 * delivery problem must not fail a step with fail-on-error: false.
 */
function readSlackApi(inputs: Inputs, allowAny: boolean): SlackApi[] {
  const token = inputs.string('slack-token');
  // Never echoed, not even cut: it is a credential. Spaces or control characters would break the header.
  if (token && !/^[\x21-\x7e]{8,1000}$/.test(token))
    throw new InputError(
      'slack-token',
      `expected a Slack token like xoxb-… (8 to 1000 characters, no spaces), got ${[...token].length} characters`,
    );
  const channel = inputs.string('slack-channel');
  const ts = inputs.string('slack-ts');
  const apiUrl = parseSlackApiUrl(
    inputs.string('slack-api-url', 'https://slack.com/api'),
    allowAny,
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
      `expected a message timestamp like 1712345678.123456, got ${preview(ts)}`,
    );
  // Slack channel names are at most 80 letters, digits, hyphens, underscores and periods.
  if (channel && !/^#?[\w.-]{1,80}$/.test(channel))
    throw new InputError(
      'slack-channel',
      `expected a channel ID like C0123456789 or a #name, got ${preview(channel)}`,
    );
  if (!token) return [];
  return [
    {
      kind: 'slack-api',
      platform: 'slack',
      label: `Slack API (${channel || 'no channel'})`,
      apiUrl,
      token,
      channel,
      ts: ts || undefined,
    },
  ];
}

function readDestinations(inputs: Inputs): Destination[] {
  const allowAny = inputs.boolean('allow-any-url', false);
  const slackHooks = parseSlackWebhooks(inputs.lines('slack-webhook-url'), allowAny);
  const discordLines = inputs.lines('discord-webhook-url');
  // Raw, not trimmed: an empty first line is webhook 1's failed post and must keep its place.
  const messageIds = parseMessageIds(inputs.raw('discord-message-id'), discordLines.length);
  const discordHooks = parseDiscordWebhooks(discordLines, allowAny, messageIds);
  const destinations: Destination[] = [
    ...slackHooks,
    ...readSlackApi(inputs, allowAny),
    ...discordHooks,
  ];
  if (!destinations.length)
    throw new InputError(
      'slack-webhook-url',
      'no destination given: set slack-webhook-url, discord-webhook-url, or slack-token with slack-channel',
    );
  return destinations;
}

function readMentions(inputs: Inputs): Mentions | undefined {
  const items = inputs
    .raw('mention')
    .split(/[\s,]+/)
    .filter(Boolean);
  const parsed = parseMentions(items);
  if ('bad' in parsed)
    throw new InputError(
      'mention',
      `${preview(parsed.bad)} is not a mention; expected ${MENTION_FORMS}`,
    );
  return items.length ? parsed.mentions : undefined;
}

function readNotification(
  inputs: Inputs,
  runner: Runner,
  status: Status,
  now: Date,
  discord: boolean,
): Notification {
  const username = inputs.string('username');
  // Discord refuses the whole message (50035) for these names; say so before anything is sent.
  if (discord && /discord|clyde/i.test(username))
    throw new InputError(
      'username',
      `Discord does not accept a webhook name containing 'discord' or 'clyde', got ${preview(username)}`,
    );
  const avatarUrl = inputs.string('avatar-url');
  if (avatarUrl && (!/^https?:\/\/[^\s]+$/.test(avatarUrl) || avatarUrl.length > 2048))
    throw new InputError(
      'avatar-url',
      `expected an http(s) image URL of at most 2048 characters, got ${preview(avatarUrl)}`,
    );
  const mentionOn = inputs.list('mention-on');
  return buildNotification(
    {
      status,
      title: inputs.string('title'),
      // Free text keeps its inner line breaks and indentation; only the ends are trimmed.
      message: inputs
        .raw('message')
        .replace(/^\s*\n/, '')
        .trimEnd(),
      // One line: it is chained from other steps' one-line `message` outputs.
      reason: inputs.raw('reason').replace(/\s+/g, ' ').trim(),
      environment: inputs.string('environment'),
      version: inputs.string('version'),
      fields: inputs.pairs('fields', ':', '`Name: value`'),
      mentions: readMentions(inputs),
      mentionOn: parseMentionOn(mentionOn.length ? mentionOn : ['failure', 'rolled-back']),
      username,
      avatarUrl,
    },
    readGithubContext(runner.env),
    now,
  );
}

export function readInputs(runner: Runner, now: Date): NotifyInputs {
  const inputs = new Inputs(runner);
  maskSecrets(runner, inputs);
  const status = readStatus(inputs);
  const destinations = readDestinations(inputs);
  const notification = readNotification(
    inputs,
    runner,
    status,
    now,
    destinations.some((d) => d.platform === 'discord'),
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
