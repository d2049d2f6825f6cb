// Sending one message to one destination, with retries that can never post it twice.
//
// A retry happens only when the platform did not take the message: it answered 429 (wait as
// told) or 5xx, or the connection failed before any byte of the request could reach it
// (refused, DNS, TLS, unreachable). A timeout or reset AFTER the request went out is ambiguous:
// the message may be in the channel already, and neither webhook API takes an idempotency key.
// So a new post is not retried then (reported as "may have been posted"); an edit (Discord
// PATCH, Slack chat.update) sets the message to the same content again and is retried.
import {
  HttpError,
  parseRetryAfter,
  retry,
  type Clock,
  type HttpRequest,
  type HttpResponse,
} from '@cicd-actions/core';
import type { Destination } from './destinations';

export type HttpClient = (req: HttpRequest) => Promise<HttpResponse>;

export interface DeliveryOptions {
  http: HttpClient;
  clock: Clock;
  /** Per-attempt timeout, ms. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** Absolute clock time after which nothing starts. */
  deadline: number;
  random?: () => number;
  /** Progress lines (retries, waits). */
  log: (line: string) => void;
}

export interface DeliveryResult {
  destination: Destination;
  ok: boolean;
  action: 'post' | 'update';
  attempts: number;
  /** Discord message ID or Slack ts. */
  messageId?: string;
  /** Slack channel ID from the Web API. */
  channel?: string;
  error?: string;
  /** The request may have reached the platform: the message may exist although we report failure. */
  uncertain?: boolean;
}

export type Verdict =
  | { kind: 'accepted'; messageId?: string; channel?: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unknown'; reason: string };

export interface PlannedRequest {
  method: 'POST' | 'PATCH';
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** Sending it twice leaves the same result as once (edits). */
  idempotent: boolean;
  action: 'post' | 'update';
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The HTTP request for a destination, with the platform's payload (already serialised once). */
export function planRequest(d: Destination, body: string): PlannedRequest {
  if (d.kind === 'slack-webhook')
    return {
      method: 'POST',
      url: d.url,
      headers: { 'content-type': JSON_TYPE },
      body,
      idempotent: false,
      action: 'post',
    };
  if (d.kind === 'slack-api') {
    const method = d.ts ? 'chat.update' : 'chat.postMessage';
    return {
      method: 'POST',
      url: new URL(`${d.apiUrl}/${method}`),
      headers: { 'content-type': JSON_TYPE, authorization: `Bearer ${d.token}` },
      body,
      idempotent: Boolean(d.ts),
      action: d.ts ? 'update' : 'post',
    };
  }
  const url = new URL(d.url.href);
  if (d.messageId) {
    url.pathname = `${url.pathname}/messages/${d.messageId}`;
    url.searchParams.delete('wait');
    return {
      method: 'PATCH',
      url,
      headers: { 'content-type': JSON_TYPE },
      body,
      idempotent: true,
      action: 'update',
    };
  }
  // wait=true: Discord answers with the message (its ID is the output) once it is saved.
  url.searchParams.set('wait', 'true');
  return {
    method: 'POST',
    url,
    headers: { 'content-type': JSON_TYPE },
    body,
    idempotent: false,
    action: 'post',
  };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A short, single-line excerpt of what the platform said. */
function excerpt(body: Buffer): string {
  const text = body.toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Discord's 50035 carries `errors: {embeds: {0: {description: {_errors: [{message}]}}}}`: the first path and message. */
export function firstDiscordError(errors: unknown, path: string[] = []): string | undefined {
  if (!errors || typeof errors !== 'object') return undefined;
  const own = (errors as { _errors?: Array<{ message?: string }> })._errors;
  if (Array.isArray(own) && own[0]?.message)
    return `${path.join('.') || 'body'}: ${own[0].message}`;
  for (const [key, value] of Object.entries(errors)) {
    if (key === '_errors') continue;
    const found = firstDiscordError(value, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function retryAfterHeader(res: HttpResponse, now: number): number | undefined {
  return parseRetryAfter(res.headers['retry-after'], now);
}

/** What an answer means for a destination. */
export function judgeResponse(d: Destination, res: HttpResponse, now: number): Verdict {
  const status = res.status;
  if (status === 429) {
    let wait = retryAfterHeader(res, now);
    if (d.kind === 'discord-webhook') {
      // The JSON body's retry_after is fractional seconds; more precise than the header.
      const json = parseJson(res.body) as { retry_after?: unknown } | undefined;
      if (typeof json?.retry_after === 'number' && json.retry_after >= 0)
        wait = Math.ceil(json.retry_after * 1000);
    }
    return { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: wait };
  }
  if (status >= 500)
    return {
      kind: 'retry',
      reason: `server error ${status}${res.body.length ? `: ${excerpt(res.body)}` : ''}`,
    };

  if (d.kind === 'slack-api') {
    const json = parseJson(res.body) as
      { ok?: boolean; error?: string; ts?: string; channel?: string } | undefined;
    if (status >= 200 && status < 300 && json?.ok === true)
      return { kind: 'accepted', messageId: json.ts, channel: json.channel };
    if (json && json.ok === false) {
      const error = String(json.error ?? 'unknown_error');
      // Slack says these may have partly succeeded: not safe to repeat a post.
      if (error === 'fatal_error' || error === 'internal_error')
        return { kind: 'unknown', reason: `Slack API error: ${error}` };
      return { kind: 'rejected', reason: `Slack API error: ${error}` };
    }
    return status >= 200 && status < 300
      ? { kind: 'unknown', reason: `HTTP ${status} without a Slack API answer` }
      : {
          kind: 'rejected',
          reason: `HTTP ${status}${res.body.length ? `: ${excerpt(res.body)}` : ''}`,
        };
  }

  if (status >= 200 && status < 300) {
    if (d.kind === 'discord-webhook') {
      const json = parseJson(res.body) as { id?: unknown } | undefined;
      return { kind: 'accepted', messageId: typeof json?.id === 'string' ? json.id : d.messageId };
    }
    return { kind: 'accepted' };
  }
  if (d.kind === 'discord-webhook') {
    const json = parseJson(res.body) as
      { code?: number; message?: string; errors?: unknown } | undefined;
    if (json && (json.code !== undefined || json.message)) {
      const detail = firstDiscordError(json.errors);
      return {
        kind: 'rejected',
        reason:
          `HTTP ${status}: Discord error ${json.code ?? ''}${json.message ? ` ${json.message}` : ''}${detail ? ` (${detail})` : ''}`.replace(
            / +/g,
            ' ',
          ),
      };
    }
  }
  // Slack webhooks answer in plain text: invalid_payload, no_service, channel_is_archived, ...
  return {
    kind: 'rejected',
    reason: `HTTP ${status}${res.body.length ? `: ${excerpt(res.body)}` : ''}`,
  };
}

/** Network faults that prove the request never reached the platform. */
export function judgeNetworkError(err: unknown): Verdict {
  if (err instanceof HttpError) {
    if (
      err.code === 'CONNECTION_REFUSED' ||
      err.code === 'DNS' ||
      err.code === 'TLS' ||
      /ENETUNREACH|EHOSTUNREACH/.test(err.message)
    ) {
      return { kind: 'retry', reason: err.message };
    }
    return { kind: 'unknown', reason: err.message };
  }
  return { kind: 'unknown', reason: err instanceof Error ? err.message : String(err) };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

export async function deliver(
  d: Destination,
  body: string,
  opts: DeliveryOptions,
): Promise<DeliveryResult> {
  const plan = planRequest(d, body);
  const maxAttempts = opts.retries + 1;
  // What the last attempt learned; written inside the attempt callback.
  const seen: { last?: Verdict; uncertain: boolean } = { uncertain: false };
  const result = await retry<Verdict>(
    async (n) => {
      const left = opts.deadline - opts.clock.now();
      let verdict: Verdict;
      if (left <= 0) {
        verdict = { kind: 'rejected', reason: 'no time left before total-timeout' };
      } else {
        try {
          const res = await opts.http({
            url: plan.url,
            method: plan.method,
            headers: plan.headers,
            body: plan.body,
            timeoutMs: Math.min(opts.timeoutMs, left),
            maxBodyBytes: 64 * 1024,
          });
          verdict = judgeResponse(d, res, opts.clock.now());
        } catch (err) {
          verdict = judgeNetworkError(err);
        }
      }
      seen.last = verdict;
      if (verdict.kind === 'accepted') return { done: true, value: verdict };
      if (verdict.kind === 'unknown' && !plan.idempotent) {
        seen.uncertain = true;
        return { done: false, fatal: true };
      }
      if (verdict.kind === 'rejected') return { done: false, fatal: true };
      if (n < maxAttempts)
        opts.log(`${d.label}: attempt ${n} of ${maxAttempts}: ${verdict.reason}`);
      return {
        done: false,
        retryAfterMs: verdict.kind === 'retry' ? verdict.retryAfterMs : undefined,
      };
    },
    {
      maxAttempts,
      deadline: opts.deadline,
      clock: opts.clock,
      random: opts.random,
      initialMs: 1000,
      maxMs: 10_000,
      jitter: true,
      onWait: (ms, n) =>
        opts.log(`${d.label}: retrying in ${seconds(ms)} (attempt ${n + 1} of ${maxAttempts})`),
    },
  );
  if (result.done && result.value?.kind === 'accepted') {
    return {
      destination: d,
      ok: true,
      action: plan.action,
      attempts: result.attempts,
      messageId: result.value.messageId,
      channel: result.value.channel,
    };
  }
  const last = seen.last;
  const reason = last && last.kind !== 'accepted' ? last.reason : 'not sent';
  let error = reason;
  if (seen.uncertain)
    error = `${reason}; the message may have been posted, so it was not sent again`;
  else if (result.stopped === 'deadline')
    error = `${reason}; gave up: the next attempt would start after total-timeout`;
  else if (result.stopped === 'attempts' && result.attempts > 1)
    error = `${reason} (after ${result.attempts} attempts)`;
  return {
    destination: d,
    ok: false,
    action: plan.action,
    attempts: result.attempts,
    error,
    uncertain: seen.uncertain || undefined,
  };
}
