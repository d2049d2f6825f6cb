// What an answer (or a network fault) means for a destination: taken, retry, refused, or unknown.
// The platform rules behind each verdict are in the README's retry table, with their sources.
import { HttpError, parseRetryAfter, redactThenCut, type HttpResponse } from '@cicd-actions/core';
import type { Destination } from './destinations';

export type Verdict =
  | { kind: 'accepted'; messageId?: string; channel?: string }
  /** `maybeStored`: a gateway error (502/504) — the platform may have stored the message. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number; maybeStored?: true }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unknown'; reason: string };

/** Blanks secrets in a text; applied before any cut, so a cut secret cannot survive. */
export type Redact = (text: string) => string;

const noRedact: Redact = (t) => t;

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A short, single-line excerpt of what the platform said: redacted first, then cut. */
export function excerpt(body: Buffer, redact: Redact = noRedact): string {
  return redactThenCut(body.toString('utf8').replace(/\s+/g, ' ').trim(), redact, 200);
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

/**
 * Discord's wait after a 429, in ms. API v8 made `retry_after` and `Retry-After` seconds; v6 and
 * v7, and the unversioned URL (which is v6), send milliseconds. `X-RateLimit-Reset-After` is
 * seconds in every version: when the version's reading is far from it and the other reading is
 * close, the other is taken.
 */
export function discordRetryAfterMs(
  res: Pick<HttpResponse, 'headers' | 'body'>,
  apiVersion: number | undefined,
): number | undefined {
  const json = parseJson(res.body) as { retry_after?: unknown } | undefined;
  const header = Number(res.headers['retry-after']);
  const value =
    typeof json?.retry_after === 'number' && json.retry_after >= 0
      ? json.retry_after
      : Number.isFinite(header) && header >= 0 && res.headers['retry-after']
        ? header
        : undefined;
  if (value === undefined) return undefined;
  const secondsVersion = apiVersion !== undefined && apiVersion >= 8;
  let ms = secondsVersion ? value * 1000 : value;
  const resetAfter = Number(res.headers['x-ratelimit-reset-after']);
  if (res.headers['x-ratelimit-reset-after'] && Number.isFinite(resetAfter) && resetAfter > 0) {
    const other = secondsVersion ? value : value * 1000;
    const off = (x: number) => Math.abs(Math.log10(Math.max(x, 1) / (resetAfter * 1000)));
    if (off(ms) > 2 && off(other) < 1) ms = other;
  }
  return Math.ceil(ms);
}

/** 502 and 504 come from a gateway in front of the platform, which may have stored the message. */
const GATEWAY_ERRORS = new Set([502, 504]);

export function judgeResponse(
  d: Destination,
  res: HttpResponse,
  now: number,
  redact: Redact = noRedact,
): Verdict {
  const status = res.status;
  const said = () => (res.body.length ? `: ${excerpt(res.body, redact)}` : '');
  if (status === 429) {
    const wait =
      d.kind === 'discord-webhook'
        ? discordRetryAfterMs(res, d.apiVersion)
        : parseRetryAfter(res.headers['retry-after'], now);
    return { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: wait };
  }
  if (status >= 500) {
    const verdict: Verdict = { kind: 'retry', reason: `server error ${status}${said()}` };
    if (GATEWAY_ERRORS.has(status)) verdict.maybeStored = true;
    return verdict;
  }

  if (d.kind === 'slack-api') {
    const json = parseJson(res.body) as
      { ok?: boolean; error?: string; ts?: string; channel?: string } | undefined;
    if (status >= 200 && status < 300 && json?.ok === true)
      return { kind: 'accepted', messageId: json.ts, channel: json.channel };
    if (json && json.ok === false) {
      const error = redact(String(json.error ?? 'unknown_error'));
      // Slack says these may have partly succeeded: not safe to repeat a post.
      if (error === 'fatal_error' || error === 'internal_error')
        return { kind: 'unknown', reason: `Slack API error: ${error}` };
      return { kind: 'rejected', reason: `Slack API error: ${error}` };
    }
    return status >= 200 && status < 300
      ? { kind: 'unknown', reason: `HTTP ${status} without a Slack API answer` }
      : { kind: 'rejected', reason: `HTTP ${status}${said()}` };
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
      const text = `Discord error ${json.code ?? ''}${json.message ? ` ${json.message}` : ''}${detail ? ` (${detail})` : ''}`;
      return { kind: 'rejected', reason: `HTTP ${status}: ${excerpt(Buffer.from(text), redact)}` };
    }
  }
  // Slack webhooks answer in plain text: invalid_payload, no_service, channel_is_archived, ...
  return { kind: 'rejected', reason: `HTTP ${status}${said()}` };
}

/**
 * Whether a network fault proves the request never left: nothing was refused, resolved, or
 * handshaken, so nothing can have been posted. `sent === false` is what the transport work adds
 * to HttpError (its `phase` before `sent`; a reset during the TLS handshake is the case only the
 * transport can tell); until it lands, the error codes below prove it on their own.
 */
export function requestNotSent(err: unknown): boolean {
  if (!(err instanceof HttpError)) return false;
  if ((err as HttpError & { sent?: boolean }).sent === false) return true;
  return (
    err.code === 'CONNECTION_REFUSED' ||
    err.code === 'DNS' ||
    err.code === 'TLS' ||
    /ENETUNREACH|EHOSTUNREACH/.test(err.message)
  );
}

/** Network faults: retried only when the request provably never reached the platform. */
export function judgeNetworkError(err: unknown): Verdict {
  const message = err instanceof Error ? err.message : String(err);
  return requestNotSent(err)
    ? { kind: 'retry', reason: message }
    : { kind: 'unknown', reason: message };
}
