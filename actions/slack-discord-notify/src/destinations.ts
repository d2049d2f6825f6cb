// Where the message goes. Webhook URLs are credentials: callers mask them before calling here,
// and nothing in this module puts a URL into a message — only labels like "Slack webhook #2".
import { InputError } from '@cicd-actions/core';
import { preview } from '@cicd-actions/core';

export type Platform = 'slack' | 'discord';

export interface SlackWebhook {
  kind: 'slack-webhook';
  platform: 'slack';
  label: string;
  url: URL;
}

export interface DiscordWebhook {
  kind: 'discord-webhook';
  platform: 'discord';
  label: string;
  /** The webhook URL without query (thread_id etc. live in `query`). */
  url: URL;
  /** The secret part of the path (masked by the caller). */
  token: string;
  /** The earlier message to edit in place, if any. */
  messageId?: string;
  /** The API version in the path (`/api/v10/…`); undefined for the unversioned default (v6). */
  apiVersion?: number;
}

export interface SlackApi {
  kind: 'slack-api';
  platform: 'slack';
  label: string;
  /** Base URL of the Web API, e.g. https://slack.com/api (no trailing slash). */
  apiUrl: string;
  token: string;
  /** Empty when slack-channel was empty (e.g. the started step's post failed): a delivery problem. */
  channel: string;
  /** The earlier message to update with chat.update, if any. */
  ts?: string;
}

export type Destination = SlackWebhook | DiscordWebhook | SlackApi;

const SLACK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);
const DISCORD_HOSTS = new Set([
  'discord.com',
  'discordapp.com',
  'ptb.discord.com',
  'canary.discord.com',
]);
const DISCORD_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([A-Za-z0-9_-]+)\/?$/;
const SLACK_PATH = /^\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/?$/;

function parseHttpUrl(text: string, input: string, line: number, allowAny: boolean): URL {
  // Webhook and API URLs are ~100 characters; anything this long is a mistake (and never echoed).
  if (text.length > 2048)
    throw new InputError(input, `line ${line} is not a URL (${text.length} characters)`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(input, `line ${line} is not a URL`);
  }
  if (url.protocol !== 'https:' && !(allowAny && url.protocol === 'http:')) {
    throw new InputError(
      input,
      `line ${line} must be an https:// URL${allowAny ? ' (or http:// with allow-any-url)' : ''}`,
    );
  }
  if (url.username || url.password)
    throw new InputError(input, `line ${line} must not carry a user name or password`);
  return url;
}

export function parseSlackWebhooks(lines: string[], allowAny: boolean): SlackWebhook[] {
  return lines.map((text, i) => {
    const url = parseHttpUrl(text, 'slack-webhook-url', i + 1, allowAny);
    if (
      !allowAny &&
      (!SLACK_HOSTS.has(url.hostname) || !SLACK_PATH.test(url.pathname) || url.port)
    ) {
      throw new InputError(
        'slack-webhook-url',
        `line ${i + 1} is not a Slack incoming webhook (https://hooks.slack.com/services/…); set allow-any-url: true for a proxy`,
      );
    }
    return { kind: 'slack-webhook', platform: 'slack', label: `Slack webhook #${i + 1}`, url };
  });
}

/**
 * The message IDs, matched to the webhooks by position: line N is webhook N's message, and an
 * empty line (its started post failed) means "post a new one". Lines past the last webhook must
 * be empty; fewer lines leave the remaining webhooks without an ID.
 */
export function parseMessageIds(raw: string, webhooks: number): Array<string | undefined> {
  const lines = raw.split(/\r?\n/).map((l) => l.trim());
  const given = lines.filter(Boolean).length;
  if (given && !webhooks)
    throw new InputError(
      'discord-message-id',
      'needs discord-webhook-url (the webhook that posted the message)',
    );
  const extra = lines.slice(webhooks).some(Boolean);
  if (extra)
    throw new InputError(
      'discord-message-id',
      `expected one message ID per Discord webhook (${webhooks}), got ${lines.length}`,
    );
  return Array.from({ length: webhooks }, (_, i) => {
    const id = lines[i] || undefined;
    if (id !== undefined && !/^\d{1,25}$/.test(id))
      throw new InputError(
        'discord-message-id',
        `line ${i + 1}: expected a numeric message ID, got ${preview(id)}`,
      );
    return id;
  });
}

export function parseDiscordWebhooks(
  lines: string[],
  allowAny: boolean,
  messageIds: Array<string | undefined> = [],
): DiscordWebhook[] {
  return lines.map((text, i) => {
    const url = parseHttpUrl(text, 'discord-webhook-url', i + 1, allowAny);
    const path = DISCORD_PATH.exec(url.pathname);
    if (!allowAny && (!DISCORD_HOSTS.has(url.hostname) || !path || url.port)) {
      throw new InputError(
        'discord-webhook-url',
        `line ${i + 1} is not a Discord webhook (https://discord.com/api/webhooks/<id>/<token>); set allow-any-url: true for a proxy`,
      );
    }
    // Behind a proxy the path may differ; the last segment is still what we treat as secret.
    const segments = url.pathname.replace(/\/+$/, '').split('/');
    const token = path ? path[2] : segments[segments.length - 1];
    const id = path ? path[1] : '';
    const version = /\/api\/v(\d+)\//.exec(url.pathname);
    url.pathname = url.pathname.replace(/\/+$/, '');
    return {
      kind: 'discord-webhook',
      platform: 'discord',
      label: `Discord webhook #${i + 1}${id ? ` (id ${id})` : ''}`,
      url,
      token,
      messageId: messageIds[i],
      apiVersion: version ? Number(version[1]) : undefined,
    };
  });
}

export function parseSlackApiUrl(text: string, allowAny: boolean): string {
  const url = parseHttpUrl(text, 'slack-api-url', 1, allowAny);
  // The token goes wherever this points: only Slack itself unless the user opts out.
  if (!allowAny && !/^(.+\.)?slack(-gov)?\.com$/.test(url.hostname)) {
    throw new InputError(
      'slack-api-url',
      `must be Slack's Web API (https://slack.com/api); set allow-any-url: true for a proxy`,
    );
  }
  return url.href.replace(/\/+$/, '');
}
