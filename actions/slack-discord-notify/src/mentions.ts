// Who to ping. One `mention` input serves both platforms: each item is routed by its syntax
// (Slack IDs start with a letter, Discord IDs are numeric) or by an explicit `slack:`/`discord:`.
import type { AllowedMentionsTypes } from 'discord-api-types/v10';

// The enum's value, written as a type-only constant so the enum's module is not bundled.
const EVERYONE = 'everyone' as AllowedMentionsTypes.Everyone;

export interface Mentions {
  /** Ready-to-send Slack mrkdwn tokens, e.g. `<@U024BE7LH>`, `<!subteam^S012>`, `<!here>`. */
  slack: string[];
  /** Ready-to-send Discord content tokens, e.g. `<@80351110224678912>`, `<@&123>`, `@here`. */
  discord: string[];
  /** What Discord may actually ping (mentions in `content` do nothing unless allowed). */
  discordAllowed: { parse: AllowedMentionsTypes[]; users: string[]; roles: string[] };
}

export const MENTION_FORMS =
  'here, channel, everyone, a Slack user (U…/W…) or group (S…) ID, a Discord user ID or role (&ID), <@…> syntax, or slack:/discord: followed by one of these';

function slackToken(item: string): string | undefined {
  if (/^@?here$/i.test(item)) return '<!here>';
  if (/^@?channel$/i.test(item)) return '<!channel>';
  if (/^@?everyone$/i.test(item)) return '<!everyone>';
  if (/^<(@[UW][A-Z0-9]+|!subteam\^S[A-Z0-9]+|!here|!channel|!everyone)(\|[^>]*)?>$/.test(item))
    return item;
  if (/^@?[UW][A-Z0-9]{2,}$/.test(item)) return `<@${item.replace(/^@/, '')}>`;
  if (/^@?S[A-Z0-9]{2,}$/.test(item)) return `<!subteam^${item.replace(/^@/, '')}>`;
  return undefined;
}

function discordToken(
  item: string,
): { token: string; kind: 'everyone' | 'user' | 'role'; id?: string } | undefined {
  if (/^@?(here|everyone|channel)$/i.test(item))
    return { token: /here/i.test(item) ? '@here' : '@everyone', kind: 'everyone' };
  let m = /^<@!?(\d{5,25})>$/.exec(item) ?? /^@?(\d{5,25})$/.exec(item);
  if (m) return { token: `<@${m[1]}>`, kind: 'user', id: m[1] };
  m = /^<@&(\d{5,25})>$/.exec(item) ?? /^(?:&|role:)(\d{5,25})$/.exec(item);
  if (m) return { token: `<@&${m[1]}>`, kind: 'role', id: m[1] };
  return undefined;
}

/** Parses mention items; returns the first item that fits neither platform as `bad`. */
export function parseMentions(items: string[]): { mentions: Mentions } | { bad: string } {
  const out: Mentions = {
    slack: [],
    discord: [],
    discordAllowed: { parse: [], users: [], roles: [] },
  };
  const addDiscord = (d: NonNullable<ReturnType<typeof discordToken>>) => {
    if (out.discord.includes(d.token)) return;
    out.discord.push(d.token);
    if (d.kind === 'everyone' && !out.discordAllowed.parse.includes(EVERYONE))
      out.discordAllowed.parse.push(EVERYONE);
    if (d.kind === 'user') out.discordAllowed.users.push(d.id!);
    if (d.kind === 'role') out.discordAllowed.roles.push(d.id!);
  };
  const addSlack = (s: string) => void (out.slack.includes(s) || out.slack.push(s));
  for (const raw of items) {
    const item = raw.trim();
    if (!item) continue;
    const explicit = /^(slack|discord):(.+)$/i.exec(item);
    if (explicit) {
      const platform = explicit[1].toLowerCase();
      const rest = explicit[2].trim();
      const token = platform === 'slack' ? slackToken(rest) : discordToken(rest);
      if (!token) return { bad: item };
      if (typeof token === 'string') addSlack(token);
      else addDiscord(token);
      continue;
    }
    const s = slackToken(item);
    const d = discordToken(item);
    if (!s && !d) return { bad: item };
    // here/channel/everyone mean something on both platforms.
    if (s) addSlack(s);
    if (d) addDiscord(d);
  }
  return { mentions: out };
}
