// The HTTP request for each thing sent to a destination: a new post, an edit of the started
// message, a ping after an edit, and the read-only look-ups (is the message stored? which guild?).
import type { Destination, DiscordWebhook, SlackApi } from './destinations';

/** What is sent: a new message, an edit of an earlier one, or the ping that follows an edit. */
export type SendKind = 'post' | 'edit' | 'ping';

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Sending it twice leaves the same result as once (edits, reads). */
  idempotent: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The kind a destination implies on its own: an edit when it has an earlier message's ID. */
export function defaultSend(d: Destination): SendKind {
  if (d.kind === 'discord-webhook') return d.messageId ? 'edit' : 'post';
  if (d.kind === 'slack-api') return d.ts ? 'edit' : 'post';
  return 'post';
}

/** The request for a destination and a payload already serialised once. */
export function planRequest(
  d: Destination,
  body: string,
  send: SendKind = defaultSend(d),
): PlannedRequest {
  const headers = { 'content-type': JSON_TYPE };
  if (d.kind === 'slack-webhook')
    return { method: 'POST', url: d.url, headers, body, idempotent: false };
  if (d.kind === 'slack-api') {
    const method = send === 'edit' ? 'chat.update' : 'chat.postMessage';
    return {
      method: 'POST',
      url: new URL(`${d.apiUrl}/${method}`),
      headers: { ...headers, authorization: `Bearer ${d.token}` },
      body,
      idempotent: send === 'edit',
    };
  }
  const url = new URL(d.url.href);
  if (send === 'edit' && d.messageId) {
    url.pathname = `${url.pathname}/messages/${d.messageId}`;
    url.searchParams.delete('wait');
    return { method: 'PATCH', url, headers, body, idempotent: true };
  }
  // wait=true: Discord answers with the message (its ID is the output) once it is saved.
  url.searchParams.set('wait', 'true');
  return { method: 'POST', url, headers, body, idempotent: false };
}

/**
 * Recent messages of the channel (or of a thread), with metadata, to find our marker after a
 * gateway error. Needs the channels:history (or groups:history) scope.
 */
export function slackHistoryRequest(
  d: SlackApi,
  oldestMs: number,
  threadTs?: string,
): PlannedRequest {
  const url = new URL(
    `${d.apiUrl}/${threadTs ? 'conversations.replies' : 'conversations.history'}`,
  );
  url.searchParams.set('channel', d.channel);
  if (threadTs) url.searchParams.set('ts', threadTs);
  url.searchParams.set('oldest', (oldestMs / 1000).toFixed(6));
  url.searchParams.set('include_all_metadata', 'true');
  url.searchParams.set('limit', '100');
  return {
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${d.token}` },
    idempotent: true,
  };
}

/** The webhook itself (GET with its token needs no other credential): its guild and channel. */
export function discordWebhookRequest(d: DiscordWebhook): PlannedRequest {
  const url = new URL(d.url.href);
  url.searchParams.delete('wait');
  url.searchParams.delete('thread_id');
  return { method: 'GET', url, headers: {}, idempotent: true };
}
