// Renders the messages the sinks received the way the platforms show them: a Slack message
// (Block Kit blocks, attachment colour bar, mrkdwn) and a Discord webhook message (embed with
// colour stripe, inline fields, footer, timestamp). HTML for the report page.
import { escapeHtml, renderInline } from './markdown';
import type { ChatMessage } from './chat-sinks';

type Json = Record<string, unknown>;

const EMOJI: Record<string, string> = {
  rocket: '🚀',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  warning: '⚠️',
  rewind: '⏪',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  information_source: 'ℹ️',
  no_entry_sign: '🚫',
  rotating_light: '🚨',
  leftwards_arrow_with_hook: '↩️',
  arrows_counterclockwise: '🔄',
  large_green_circle: '🟢',
  red_circle: '🔴',
  large_yellow_circle: '🟡',
  white_circle: '⚪',
  stop_button: '⏹️',
};

/** Slack mrkdwn to HTML: <url|text> links, <@U…> mentions, *bold*, _italic_, `code`, ~strike~, :emoji:. */
export function renderSlackMrkdwn(text: string): string {
  const decode = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const styled = (s: string) =>
    escapeHtml(decode(s))
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1<strong>$2</strong>')
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, '$1<em>$2</em>')
      .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, '$1<del>$2</del>')
      .replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m)
      .replace(/\n/g, '<br>');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/<([^<>]+)>/g)) {
    out += styled(text.slice(last, m.index));
    const [target, label] = m[1].split('|', 2);
    if (/^https?:/.test(target))
      out += `<a href="${escapeHtml(decode(target))}">${escapeHtml(decode(label ?? target))}</a>`;
    else if (/^[@#!]/.test(target))
      out += `<span class="mention">${escapeHtml(label ?? (target.startsWith('!') ? `@${target.slice(1)}` : target))}</span>`;
    else out += escapeHtml(decode(m[0]));
    last = m.index + m[0].length;
  }
  return out + styled(text.slice(last));
}

function textOf(obj: unknown): string {
  if (!obj || typeof obj !== 'object') return '';
  const t = obj as { type?: string; text?: string };
  return t.type === 'plain_text'
    ? escapeHtml(t.text ?? '').replace(/:([a-z0-9_+-]+):/g, (m, n: string) => EMOJI[n] ?? m)
    : renderSlackMrkdwn(t.text ?? '');
}

function renderSlackBlocks(blocks: Json[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'header':
          return `<div class="s-header">${textOf(b.text)}</div>`;
        case 'section': {
          const fields = (b.fields as Json[] | undefined) ?? [];
          return `<div class="s-section">${b.text ? `<div>${textOf(b.text)}</div>` : ''}${fields.length ? `<div class="s-fields">${fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>` : ''}</div>`;
        }
        case 'context':
          return `<div class="s-context">${((b.elements as Json[] | undefined) ?? []).map((e) => (e.type === 'image' ? '' : `<span>${textOf(e)}</span>`)).join(' ')}</div>`;
        case 'divider':
          return '<hr class="s-divider">';
        case 'actions':
          return `<div class="s-actions">${((b.elements as Json[] | undefined) ?? []).map((e) => `<span class="s-button">${textOf(e.text)}</span>`).join('')}</div>`;
        default:
          return '';
      }
    })
    .join('');
}

function slackColour(colour: unknown): string {
  const named: Record<string, string> = { good: '#2eb67d', warning: '#ecb22e', danger: '#e01e5a' };
  const c = String(colour ?? '');
  return named[c] ?? (/^#?[0-9a-f]{6}$/i.test(c) ? (c.startsWith('#') ? c : `#${c}`) : '#dddddd');
}

export function renderSlackMessage(body: Json, username: string): string {
  const blocks = (body.blocks as Json[] | undefined) ?? [];
  const attachments = (body.attachments as Json[] | undefined) ?? [];
  let inner = blocks.length
    ? renderSlackBlocks(blocks)
    : body.text
      ? `<div>${renderSlackMrkdwn(String(body.text))}</div>`
      : '';
  for (const a of attachments) {
    const aBlocks = (a.blocks as Json[] | undefined) ?? [];
    const fields =
      (a.fields as { title?: string; value?: string; short?: boolean }[] | undefined) ?? [];
    const content = [
      a.title ? `<div class="s-att-title">${escapeHtml(String(a.title))}</div>` : '',
      a.text ? `<div>${renderSlackMrkdwn(String(a.text))}</div>` : '',
      renderSlackBlocks(aBlocks),
      fields.length
        ? `<div class="s-fields">${fields.map((f) => `<div><strong>${escapeHtml(f.title ?? '')}</strong><br>${renderSlackMrkdwn(f.value ?? '')}</div>`).join('')}</div>`
        : '',
      a.footer ? `<div class="s-context">${renderSlackMrkdwn(String(a.footer))}</div>` : '',
    ].join('');
    inner += `<div class="s-attachment" style="border-left-color:${slackColour(a.color)}">${content}</div>`;
  }
  const name = escapeHtml(String(body.username ?? username));
  return `<div class="slack"><div class="s-avatar">${name.slice(0, 1)}</div><div class="s-body"><div class="s-name">${name} <span class="s-app">APP</span></div>${inner}</div></div>`;
}

function discordColour(colour: unknown): string {
  return typeof colour === 'number' ? `#${colour.toString(16).padStart(6, '0')}` : '#202225';
}

export function renderDiscordMessage(body: Json, edited: boolean): string {
  const embeds = (body.embeds as Json[] | undefined) ?? [];
  const name = escapeHtml(String(body.username ?? 'Webhook'));
  const content = body.content
    ? `<div class="d-content">${renderInline(String(body.content))}</div>`
    : '';
  const cards = embeds
    .map((e) => {
      const fields =
        (e.fields as { name?: string; value?: string; inline?: boolean }[] | undefined) ?? [];
      const author = e.author as { name?: string } | undefined;
      const footer = e.footer as { text?: string } | undefined;
      const title = e.title
        ? e.url
          ? `<a href="${escapeHtml(String(e.url))}">${escapeHtml(String(e.title))}</a>`
          : escapeHtml(String(e.title))
        : '';
      const stamp = e.timestamp ? new Date(String(e.timestamp)).toUTCString() : '';
      return `<div class="d-embed" style="border-left-color:${discordColour(e.color)}">${author?.name ? `<div class="d-author">${escapeHtml(author.name)}</div>` : ''}${title ? `<div class="d-title">${title}</div>` : ''}${e.description ? `<div class="d-desc">${renderInline(String(e.description)).replace(/\n/g, '<br>')}</div>` : ''}${fields.length ? `<div class="d-fields">${fields.map((f) => `<div class="${f.inline ? 'd-inline' : 'd-block'}"><div class="d-fname">${escapeHtml(f.name ?? '')}</div><div>${renderInline(f.value ?? '').replace(/\n/g, '<br>')}</div></div>`).join('')}</div>` : ''}${footer?.text || stamp ? `<div class="d-footer">${escapeHtml([footer?.text, stamp].filter(Boolean).join(' • '))}</div>` : ''}</div>`;
    })
    .join('');
  return `<div class="discord"><div class="d-avatar">${name.slice(0, 1)}</div><div class="d-body"><div class="d-name">${name} <span class="d-bot">BOT</span>${edited ? ' <span class="d-edited">(edited)</span>' : ''}</div>${content}${cards}</div></div>`;
}

/** Every message with all its versions: the final one as the channel shows it, earlier ones folded. */
export function renderMessagesHtml(messages: ChatMessage[], username: string): string {
  return messages
    .map((m) => {
      // An edit cannot change who posted: the platforms keep the first version's name and avatar.
      const poster = { username: m.versions[0]?.username, avatar_url: m.versions[0]?.avatar_url };
      const render = (body: Json, i: number) => {
        const shown = {
          ...body,
          username: poster.username ?? body.username,
          avatar_url: poster.avatar_url ?? body.avatar_url,
        };
        return m.platform === 'slack'
          ? renderSlackMessage(shown, username)
          : renderDiscordMessage(shown, i > 0);
      };
      const last = m.versions.length - 1;
      const earlier = m.versions
        .slice(0, last)
        .map(
          (v, i) =>
            `<details><summary>version ${i + 1} (${escapeHtml(m.via[i])})</summary>${render(v, i)}</details>`,
        )
        .join('');
      const platform =
        m.platform === 'slack'
          ? `Slack #deploys (channel ${escapeHtml(m.channel)})`
          : 'Discord #deploys (webhook)';
      return `<div class="card-wrap"><div class="card-label">${platform} · message ${escapeHtml(m.id)} · ${m.versions.length === 1 ? 'posted' : `posted, then updated in place ${last}×`}</div>${render(m.versions[last], last)}${earlier}</div>`;
    })
    .join('\n');
}
