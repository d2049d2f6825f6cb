// The Slack message: a one-line `text` (notification fallback, and where mentions ping) above
// a coloured attachment holding Block Kit blocks. Built as an object; serialised once by the caller.
// Typed with Slack's own @slack/types, so every block we build is one Slack defines.
import type {
  ContextBlock,
  KnownBlock,
  MessageAttachment,
  MessageMetadata,
  MrkdwnElement,
  SectionBlock,
} from '@slack/types';
import { truncateText, ELLIPSIS } from './text-limits';
import { pingLine, type Notification } from './notification';
import { hexColor } from './status';

export const SLACK_LIMITS = {
  /** Top-level text we send (Slack accepts more, but a notification line should be short). */
  text: 3000,
  header: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextText: 2000,
  blocks: 50,
} as const;

/** Text for mrkdwn: Slack requires &, < and > escaped so user text cannot form links or mentions. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped text cut to `max`, never ending in half an entity such as `&am`. */
export function fitMrkdwn(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  const cut = truncateText(escaped, max, 'utf16');
  if (cut === escaped) return cut;
  return cut.replace(/&[a-z]{0,3}…$/, ELLIPSIS);
}

function link(url: string | undefined, text: string): string {
  // A URL we build from GITHUB_* values; `|` and `>` would end the link early.
  return url ? `<${url.replace(/[|>]/g, encodeURIComponent)}|${text}>` : text;
}

/** A message for incoming webhooks and chat.postMessage (Slack documents no type of its own for it). */
export interface SlackMessage {
  text: string;
  attachments?: MessageAttachment[];
  blocks?: KnownBlock[];
  username?: string;
  icon_url?: string;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  /** Our marker, so a post answered by a gateway error can be looked up before a retry. */
  metadata?: MessageMetadata;
  /** A reply in the thread of this message… */
  thread_ts?: string;
  /** …also shown in the channel (where its mentions notify). */
  reply_broadcast?: boolean;
}

/** chat.postMessage / chat.update bodies: the message and where it is. */
export type SlackApiPost = SlackMessage & { channel: string };
export type SlackApiUpdate = Omit<SlackMessage, 'username' | 'icon_url' | 'thread_ts'> & {
  channel: string;
  ts: string;
};

export const MARKER_EVENT = 'cicd_actions_notification';

export function marker(id: string): MessageMetadata {
  return { event_type: MARKER_EVENT, event_payload: { id } };
}

/** Sections of up to 10 fields; each field's name and link take room from its 2000. */
function buildFieldBlocks(n: Notification): KnownBlock[] {
  const fieldBlocks: KnownBlock[] = [];
  for (let i = 0; i < n.fields.length; i += SLACK_LIMITS.sectionFields) {
    const group = n.fields.slice(i, i + SLACK_LIMITS.sectionFields).map((f): MrkdwnElement => {
      const name = `*${fitMrkdwn(f.name, 200)}*\n`;
      // The name takes room out of the field's 2000; the value (and its link) gets the rest.
      const room = SLACK_LIMITS.fieldText - name.length - (f.url ? f.url.length + 3 : 0);
      return { type: 'mrkdwn', text: name + link(f.url, fitMrkdwn(f.value, Math.max(1, room))) };
    });
    fieldBlocks.push({ type: 'section', fields: group });
  }
  return fieldBlocks;
}

/** The message; `withMentions: false` for an edit, where mentions would show but never notify. */
export function buildSlackMessage(n: Notification, withMentions = true): SlackMessage {
  const mention = withMentions && n.mentions?.slack.length ? `${n.mentions.slack.join(' ')} ` : '';
  const text = mention + fitMrkdwn(`${n.emoji} ${n.title}`, SLACK_LIMITS.text - mention.length);

  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncateText(`${n.emoji} ${n.title}`, SLACK_LIMITS.header, 'utf16'),
        emoji: true,
      },
    },
  ];
  if (n.message)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: fitMrkdwn(n.message, SLACK_LIMITS.sectionText) },
    } satisfies SectionBlock);

  const context = n.context.runUrl
    ? [
        link(
          n.context.runUrl,
          escapeMrkdwn(`${n.context.workflow || 'Workflow'} run #${n.context.runNumber}`),
        ),
      ]
    : [];
  const fieldBlocks = buildFieldBlocks(n);
  const room = SLACK_LIMITS.blocks - blocks.length - (context.length ? 1 : 0);
  if (fieldBlocks.length > room) {
    const kept = fieldBlocks.slice(0, room - 1);
    const omitted = n.fields.length - kept.length * SLACK_LIMITS.sectionFields;
    kept.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${ELLIPSIS} ${omitted} more field${omitted === 1 ? '' : 's'} not shown`,
        },
      ],
    } satisfies ContextBlock);
    blocks.push(...kept);
  } else {
    blocks.push(...fieldBlocks);
  }
  if (context.length)
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncateText(context.join(' · '), SLACK_LIMITS.contextText, 'utf16'),
        },
      ],
    });

  const message: SlackMessage = {
    text,
    attachments: [
      {
        color: hexColor(n.color),
        fallback: fitMrkdwn(`${n.emoji} ${n.title}`, SLACK_LIMITS.text),
        blocks,
      },
    ],
    unfurl_links: false,
    unfurl_media: false,
  };
  if (n.username) message.username = n.username;
  if (n.avatarUrl) message.icon_url = n.avatarUrl;
  return message;
}

/**
 * The ping after an edit: a reply in the started message's thread, broadcast to the channel,
 * because Slack notifies mentions only in a new message.
 */
export function buildSlackPing(n: Notification, threadTs: string): SlackMessage {
  const mention = n.mentions?.slack.length ? `${n.mentions.slack.join(' ')} ` : '';
  const message: SlackMessage = {
    text: mention + fitMrkdwn(pingLine(n), SLACK_LIMITS.text - mention.length),
    thread_ts: threadTs,
    reply_broadcast: true,
    unfurl_links: false,
    unfurl_media: false,
  };
  if (n.username) message.username = n.username;
  if (n.avatarUrl) message.icon_url = n.avatarUrl;
  return message;
}
