// The Discord message: mentions in `content` (embeds never ping) and one embed coloured by status.
// Limits are counted in code points, as Discord counts them. Typed with discord-api-types, so
// every body we send is one Discord's API defines.
import type {
  APIAllowedMentions,
  APIEmbed,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
  RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import { countCodePoints, truncateText, ELLIPSIS } from './text-limits';
import { pingLine, type Notification } from './notification';

export const DISCORD_LIMITS = {
  content: 2000,
  username: 80,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of all embeds together. */
  embedTotal: 6000,
} as const;

export type DiscordEmbed = APIEmbed;
export type DiscordMessage = RESTPostAPIWebhookWithTokenJSONBody & {
  embeds: APIEmbed[];
  allowed_mentions: APIAllowedMentions;
};
export type DiscordEdit = RESTPatchAPIWebhookWithTokenMessageJSONBody;

/** The characters Discord counts towards an embed's 6000. */
export function embedSize(e: DiscordEmbed): number {
  let n =
    countCodePoints(e.title ?? '') +
    countCodePoints(e.description ?? '') +
    countCodePoints(e.footer?.text ?? '') +
    countCodePoints(e.author?.name ?? '');
  for (const f of e.fields ?? []) n += countCodePoints(f.name) + countCodePoints(f.value);
  return n;
}

const fit = (text: string, max: number) => truncateText(text, max, 'code-points');

/**
 * Shrinks field values to one shared cap, as high as fits in `room` characters, but not below
 * `floor`: long values lose their tails evenly instead of the last fields losing everything.
 * The "N more fields" note is left alone.
 */
function capFieldValues(e: DiscordEmbed, excess: number, floor: number): void {
  const fields = (e.fields ?? []).filter(
    (f) => f.name !== ELLIPSIS && countCodePoints(f.value) > floor,
  );
  if (!fields.length || excess <= 0) return;
  const lengths = fields.map((f) => countCodePoints(f.value));
  const target = lengths.reduce((a, b) => a + b, 0) - excess;
  const used = (cap: number) => lengths.reduce((a, n) => a + Math.min(n, cap), 0);
  let lo = floor;
  let hi = Math.max(...lengths);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (used(mid) <= target) lo = mid;
    else hi = mid - 1;
  }
  for (const f of fields) f.value = fit(f.value, lo);
}

/**
 * Shortens an embed to Discord's total: very long field values first (down to 200 each), then
 * the description, then field values evenly, then the footer, field names and title.
 */
export function fitEmbedTotal(e: DiscordEmbed, max: number = DISCORD_LIMITS.embedTotal): void {
  const excess = () => embedSize(e) - max;
  const shrink = (text: string): string => {
    const len = countCodePoints(text);
    return fit(text, Math.max(1, len - excess()));
  };
  capFieldValues(e, excess(), 200);
  if (excess() > 0 && e.description) e.description = shrink(e.description);
  capFieldValues(e, excess(), 1);
  if (excess() > 0 && e.footer) e.footer.text = shrink(e.footer.text);
  for (let i = (e.fields?.length ?? 0) - 1; excess() > 0 && i >= 0; i--)
    e.fields![i].name = shrink(e.fields![i].name);
  if (excess() > 0 && e.title) e.title = shrink(e.title);
}

/** `[text](url)`, with brackets in the text escaped so they cannot end the link. */
function maskedLink(text: string, url: string | undefined): string {
  return url ? `[${text.replace(/([[\]])/g, '\\$1')}](${url.replace(/\)/g, '%29')})` : text;
}

/** Who may be pinged: nothing unless mentions were asked for (and are due for this status). */
function allowedMentions(n: Notification): APIAllowedMentions {
  const m = n.mentions;
  const allowed: APIAllowedMentions = { parse: m?.discord.length ? m.discordAllowed.parse : [] };
  if (!m?.discord.length) return allowed;
  if (m.discordAllowed.users.length) allowed.users = m.discordAllowed.users.slice(0, 100);
  if (m.discordAllowed.roles.length) allowed.roles = m.discordAllowed.roles.slice(0, 100);
  return allowed;
}

function buildEmbed(n: Notification): APIEmbed {
  const embed: DiscordEmbed = {
    title: fit(`${n.emoji} ${n.title}`, DISCORD_LIMITS.title),
    color: n.color,
    timestamp: n.timestamp,
  };
  if (n.context.runUrl) embed.url = n.context.runUrl;
  if (n.message) embed.description = fit(n.message, DISCORD_LIMITS.description);
  let fields = n.fields.map((f) => ({
    name: fit(f.name, DISCORD_LIMITS.fieldName),
    // The link syntax is built first and the whole value cut, so a long URL cannot push it over.
    value:
      f.url && countCodePoints(f.value) + f.url.length + 4 <= DISCORD_LIMITS.fieldValue
        ? maskedLink(f.value, f.url)
        : fit(f.value, DISCORD_LIMITS.fieldValue),
    inline: f.inline,
  }));
  if (fields.length > DISCORD_LIMITS.fields) {
    const omitted = fields.length - (DISCORD_LIMITS.fields - 1);
    fields = fields.slice(0, DISCORD_LIMITS.fields - 1);
    fields.push({
      name: ELLIPSIS,
      value: `${omitted} more field${omitted === 1 ? '' : 's'} not shown`,
      inline: false,
    });
  }
  if (fields.length) embed.fields = fields;
  const footer = [n.context.repository, n.context.runNumber ? `run #${n.context.runNumber}` : '']
    .filter(Boolean)
    .join(' · ');
  if (footer) embed.footer = { text: fit(footer, DISCORD_LIMITS.footer) };
  fitEmbedTotal(embed);
  return embed;
}

function sender(n: Notification): Pick<DiscordMessage, 'username' | 'avatar_url'> {
  const who: Pick<DiscordMessage, 'username' | 'avatar_url'> = {};
  if (n.username) who.username = fit(n.username, DISCORD_LIMITS.username);
  if (n.avatarUrl) who.avatar_url = n.avatarUrl;
  return who;
}

export function buildDiscordMessage(n: Notification): DiscordMessage {
  const message: DiscordMessage = { embeds: [buildEmbed(n)], allowed_mentions: allowedMentions(n) };
  if (n.mentions?.discord.length)
    message.content = fit(n.mentions.discord.join(' '), DISCORD_LIMITS.content);
  return { ...message, ...sender(n) };
}

/**
 * The edit of an earlier message: the new embed, content cleared (a mention added by an edit
 * shows but never notifies; the ping is a new message) and nothing allowed to ping.
 */
export function buildDiscordEdit(n: Notification): DiscordEdit {
  return { content: null, embeds: [buildEmbed(n)], allowed_mentions: { parse: [] } };
}

/**
 * The ping after an edit: a new message (webhooks cannot reply), with the mentions, the one-line
 * outcome and a link to the message it is about when the link is known.
 */
export function buildDiscordPing(n: Notification, link?: string): DiscordMessage {
  const mentions = n.mentions?.discord.join(' ') ?? '';
  const tail = link ? ` (${link})` : '';
  const room = DISCORD_LIMITS.content - countCodePoints(mentions) - 1 - countCodePoints(tail);
  const content = `${mentions} ${fit(pingLine(n), Math.max(1, room))}${tail}`.trim();
  return { content, embeds: [], allowed_mentions: allowedMentions(n), ...sender(n) };
}
