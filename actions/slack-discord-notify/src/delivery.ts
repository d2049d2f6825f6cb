// Sending one payload to one destination, with retries that can never post it twice.
//
// A retry happens only when the platform did not take the message: it answered 429 (wait as
// told) or 500/503, or the connection failed before any byte of the request could reach it
// (refused, DNS, TLS, unreachable). A timeout or reset AFTER the request went out is ambiguous,
// and so is a gateway's 502/504: the message may be stored already, and neither webhook API
// takes an idempotency key. So a new post is not retried then (reported as "may have been
// posted") unless `verify` can look it up and finds it absent; an edit (Discord PATCH, Slack
// chat.update) sets the message to the same content again and is retried.
import {
  retry,
  type Clock,
  type HttpRequest,
  type HttpResponse,
  type RetryResult,
} from '@cicd-actions/core';
import type { Destination } from './destinations';
import { defaultSend, planRequest, type PlannedRequest, type SendKind } from './requests';
import { judgeNetworkError, judgeResponse, type Redact, type Verdict } from './responses';

export { firstDiscordError, judgeNetworkError, judgeResponse } from './responses';
export { planRequest } from './requests';

export type HttpClient = (req: HttpRequest) => Promise<HttpResponse>;

/** After a maybe-stored answer: is the message there? `error` when the look-up itself failed. */
export type Verify = () => Promise<
  { found: true; messageId?: string } | { found: false } | { error: string }
>;

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
  /** What is sent (default: an edit when the destination has an earlier message). */
  send?: SendKind;
  /** Looks the message up after a 502/504 on a post; without it such a post is not retried. */
  verify?: Verify;
  /** Cancels the request and any wait. */
  signal?: AbortSignal;
  redact?: Redact;
}

export interface DeliveryResult {
  destination: Destination;
  ok: boolean;
  send: SendKind;
  /** 'post' or 'update', as the summary says it. */
  action: 'post' | 'update';
  attempts: number;
  /** Discord message ID or Slack ts. */
  messageId?: string;
  /** Slack channel ID from the Web API. */
  channel?: string;
  error?: string;
  /** The request may have reached the platform: the message may exist although we report failure. */
  uncertain?: boolean;
  cancelled?: boolean;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/** One attempt: the request, then what its answer means. */
async function attemptOnce(
  d: Destination,
  plan: PlannedRequest,
  opts: DeliveryOptions,
  left: number,
): Promise<Verdict> {
  try {
    const res = await opts.http({
      url: plan.url,
      method: plan.method,
      headers: plan.headers,
      body: plan.body,
      timeoutMs: Math.min(opts.timeoutMs, left),
      maxBodyBytes: 64 * 1024,
      signal: opts.signal,
    });
    return judgeResponse(d, res, opts.clock.now(), opts.redact);
  } catch (err) {
    return judgeNetworkError(err);
  }
}

/** A maybe-stored verdict on a post, resolved by a look-up when there is one. */
async function resolveMaybeStored(reason: string, verify: Verify | undefined): Promise<Verdict> {
  if (!verify) return { kind: 'unknown', reason };
  const found = await verify();
  if ('error' in found)
    return {
      kind: 'unknown',
      reason: `${reason}; could not check whether it was stored (${found.error})`,
    };
  if (found.found) return { kind: 'accepted', messageId: found.messageId };
  return { kind: 'retry', reason: `${reason}; not stored (checked)` };
}

/** What the summary and outputs say about a delivery, from how retry() ended. */
function resultOf(
  d: Destination,
  send: SendKind,
  result: RetryResult<Verdict>,
  seen: { last?: Verdict; uncertain: boolean },
  signal: AbortSignal | undefined,
): DeliveryResult {
  const action = send === 'edit' ? 'update' : 'post';
  if (result.done && result.value?.kind === 'accepted') {
    return {
      destination: d,
      ok: true,
      send,
      action,
      attempts: result.attempts,
      messageId: result.value.messageId,
      channel: result.value.channel,
    };
  }
  const cancelled = Boolean(signal?.aborted);
  const last = seen.last;
  const reason = cancelled
    ? 'cancelled'
    : last && last.kind !== 'accepted'
      ? last.reason
      : 'not sent';
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
    send,
    action,
    attempts: result.attempts,
    error,
    uncertain: seen.uncertain || undefined,
    cancelled: cancelled || undefined,
  };
}

export async function deliver(
  d: Destination,
  body: string,
  opts: DeliveryOptions,
): Promise<DeliveryResult> {
  const plan = planRequest(d, body, opts.send);
  const send = opts.send ?? defaultSend(d);
  const maxAttempts = opts.retries + 1;
  // What the last attempt learned; written inside the attempt callback.
  const seen: { last?: Verdict; uncertain: boolean } = { uncertain: false };
  const result = await retry<Verdict>(
    async (n) => {
      const left = opts.deadline - opts.clock.now();
      let verdict: Verdict =
        left <= 0
          ? { kind: 'rejected', reason: 'no time left before total-timeout' }
          : await attemptOnce(d, plan, opts, left);
      if (verdict.kind === 'retry' && verdict.maybeStored && !plan.idempotent)
        verdict = await resolveMaybeStored(verdict.reason, opts.verify);
      seen.last = verdict;
      if (opts.signal?.aborted) return { done: false, fatal: true };
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
      signal: opts.signal,
      initialMs: 1000,
      maxMs: 10_000,
      jitter: true,
      onWait: (ms, n) =>
        opts.log(`${d.label}: retrying in ${seconds(ms)} (attempt ${n + 1} of ${maxAttempts})`),
    },
  );
  return resultOf(d, send, result, seen, opts.signal);
}
