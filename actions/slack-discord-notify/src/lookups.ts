// Read-only look-ups that make the outcome flow safe: after a gateway error on a Slack post, is
// our message in the channel (found by its metadata marker)? And for a Discord ping, which
// guild is the webhook in (to link the message the ping is about)?
import type { DiscordWebhook, SlackApi } from './destinations';
import type { HttpClient, Verify } from './delivery';
import { MARKER_EVENT } from './slack-message';
import { discordWebhookRequest, slackHistoryRequest, type PlannedRequest } from './requests';

interface LookupOptions {
  http: HttpClient;
  timeoutMs: number;
  signal?: AbortSignal;
}

async function getJson(plan: PlannedRequest, opts: LookupOptions): Promise<unknown> {
  const res = await opts.http({
    url: plan.url,
    method: plan.method,
    headers: plan.headers,
    timeoutMs: opts.timeoutMs,
    maxBodyBytes: 1024 * 1024,
    signal: opts.signal,
  });
  if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
  return JSON.parse(res.body.toString('utf8'));
}

interface HistoryAnswer {
  ok?: boolean;
  error?: string;
  messages?: Array<{
    ts?: string;
    metadata?: { event_type?: string; event_payload?: { id?: unknown } };
  }>;
}

/**
 * Looks for the message carrying marker `id` among the channel's (or the thread's) messages
 * since `oldestMs`. A channel given as #name cannot be read by ID: no look-up then.
 */
export function slackMarkerLookup(
  d: SlackApi,
  id: string,
  oldestMs: number,
  opts: LookupOptions,
  threadTs?: string,
): Verify | undefined {
  if (!/^[CGD][A-Z0-9]+$/.test(d.channel)) return undefined;
  return async () => {
    let answer: HistoryAnswer;
    try {
      answer = (await getJson(slackHistoryRequest(d, oldestMs, threadTs), opts)) as HistoryAnswer;
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
    const method = threadTs ? 'conversations.replies' : 'conversations.history';
    if (answer.ok !== true) {
      const hint = answer.error === 'missing_scope' ? '; the token needs channels:history' : '';
      return { error: `${method}: ${String(answer.error ?? 'no answer')}${hint}` };
    }
    // conversations.replies lists the thread's parent first: that is the started message, not ours.
    const mine = (answer.messages ?? []).find(
      (m) =>
        m.ts !== threadTs &&
        m.metadata?.event_type === MARKER_EVENT &&
        m.metadata.event_payload?.id === id,
    );
    return mine ? { found: true, messageId: mine.ts } : { found: false };
  };
}

/** `https://discord.com/channels/<guild>/<channel>/<message>`, or undefined when it cannot be known. */
export async function discordMessageLink(
  d: DiscordWebhook,
  messageId: string,
  opts: LookupOptions,
): Promise<string | undefined> {
  try {
    const hook = (await getJson(discordWebhookRequest(d), opts)) as {
      guild_id?: unknown;
      channel_id?: unknown;
    };
    const channel = d.url.searchParams.get('thread_id') ?? hook.channel_id;
    if (typeof hook.guild_id !== 'string' || typeof channel !== 'string') return undefined;
    return `https://discord.com/channels/${hook.guild_id}/${channel}/${messageId}`;
  } catch {
    return undefined;
  }
}
