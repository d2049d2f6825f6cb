// What is being said, independent of platform: the inputs and the run's context, merged once.
import type { GithubContext } from './github-context';
import type { Mentions } from './mentions';
import { STATUS_STYLE, defaultTitle, type Status } from './status';

export interface Field {
  name: string;
  value: string;
  /** A link the value points to (rendered per platform). */
  url?: string;
  /** Short values sit side by side. */
  inline: boolean;
}

export interface Notification {
  status: Status;
  emoji: string;
  color: number;
  title: string;
  message: string;
  /** One line: why it went this way (from the other actions' `message` outputs); '' for none. */
  reason: string;
  /** Context and user fields, in display order. */
  fields: Field[];
  context: GithubContext;
  /** Mentions to include, already filtered by mention-on. */
  mentions: Mentions | undefined;
  username: string;
  avatarUrl: string;
  /** ISO 8601, when the message was built. */
  timestamp: string;
}

export interface NotificationInput {
  status: Status;
  title: string;
  message: string;
  reason: string;
  environment: string;
  version: string;
  fields: Array<[string, string]>;
  mentions: Mentions | undefined;
  mentionOn: Set<Status>;
  username: string;
  avatarUrl: string;
}

export function buildNotification(
  input: NotificationInput,
  context: GithubContext,
  now: Date,
): Notification {
  const style = STATUS_STYLE[input.status];
  const fields: Field[] = [];
  const add = (name: string, value: string, url?: string) =>
    value && fields.push({ name, value, url, inline: true });
  if (input.reason) fields.push({ name: 'Reason', value: input.reason, inline: false });
  add('Environment', input.environment);
  add('Version', input.version);
  add('Repository', context.repository, context.repositoryUrl || undefined);
  add('Ref', context.ref);
  add('Commit', context.shortSha, context.commitUrl || undefined);
  add('Actor', context.actor);
  add('Workflow', context.workflow, context.runUrl || undefined);
  // An empty value would make Discord reject the embed; a dash says "nothing" on both platforms.
  for (const [name, value] of input.fields)
    fields.push({ name, value: value || '—', inline: value.length <= 40 });
  return {
    status: input.status,
    emoji: style.emoji,
    color: style.color,
    title: input.title || defaultTitle(input.status, input.environment, input.version),
    message: input.message,
    reason: input.reason,
    fields,
    context,
    mentions: input.mentionOn.has(input.status) ? input.mentions : undefined,
    username: input.username,
    avatarUrl: input.avatarUrl,
    timestamp: now.toISOString(),
  };
}

/** Plain text of the whole message, for Slack's notification fallback and the job summary preview. */
export function plainText(n: Notification): string {
  const lines = [`${n.emoji} ${n.title}`];
  if (n.message) lines.push(n.message);
  for (const f of n.fields) lines.push(`${f.name}: ${f.value}`);
  if (n.context.runUrl) lines.push(`Run: ${n.context.runUrl}`);
  return lines.join('\n');
}

/** The one line a ping carries: "❌ Deployment of v1 to production failed: <reason>". */
export function pingLine(n: Notification): string {
  return `${n.emoji} ${n.title}${n.reason ? `: ${n.reason}` : ''}`;
}
