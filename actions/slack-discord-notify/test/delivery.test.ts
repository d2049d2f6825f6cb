import { HttpError, type HttpRequest, type HttpResponse } from '@cicd-actions/core';
import {
  deliver,
  judgeResponse,
  judgeNetworkError,
  planRequest,
  firstDiscordError,
} from '../src/delivery';
import { FakeClock } from '../../../test/harness/fake-clock';
import type { Destination } from '../src/destinations';

const slackHook: Destination = {
  kind: 'slack-webhook',
  platform: 'slack',
  label: 'Slack webhook #1',
  url: new URL('https://hooks.slack.com/services/T/B/X'),
};
const discordHook: Destination = {
  kind: 'discord-webhook',
  platform: 'discord',
  label: 'Discord webhook #1',
  url: new URL('https://discord.com/api/webhooks/1/tok?thread_id=5'),
  token: 'tok',
};
const discordEdit: Destination = { ...discordHook, messageId: '777' } as Destination;
// API v8+ (here v10) sends retry_after in seconds; the unversioned URL is v6, in milliseconds.
const discordV10: Destination = {
  ...discordHook,
  url: new URL('https://discord.com/api/v10/webhooks/1/tok'),
  apiVersion: 10,
} as Destination;
const slackApi: Destination = {
  kind: 'slack-api',
  platform: 'slack',
  label: 'Slack API (C1)',
  apiUrl: 'https://slack.com/api',
  token: 'xoxb-1',
  channel: 'C1',
};

function res(status: number, body = '', headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    statusText: '',
    headers,
    body: Buffer.from(body),
    truncated: false,
    url: '',
    redirects: 0,
    timeMs: 1,
  };
}

/** A clock that advances only when slept on, recording every sleep. */

/**
 * A reset as the transport reports it: `sent` says whether the request went out (a getter on
 * the transport's HttpError; defined on the instance here so the test runs on either).
 */
function resetWithSent(sent: boolean): HttpError {
  return Object.defineProperty(
    new HttpError('CONNECTION_RESET', 'connection reset by peer'),
    'sent',
    {
      value: sent,
    },
  );
}

/** An HTTP client answering from a script; each entry is a response or an error to throw. */
function scripted(...answers: Array<HttpResponse | Error>) {
  const calls: HttpRequest[] = [];
  const http = async (req: HttpRequest) => {
    calls.push(req);
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  };
  return { http, calls };
}

describe('planRequest', () => {
  test.each([
    {
      name: 'Slack webhook post',
      d: slackHook,
      method: 'POST',
      url: 'https://hooks.slack.com/services/T/B/X',
      idempotent: false,
    },
    {
      name: 'Discord post waits for the message',
      d: discordHook,
      method: 'POST',
      url: 'https://discord.com/api/webhooks/1/tok?thread_id=5&wait=true',
      idempotent: false,
    },
    {
      name: 'Discord edit',
      d: discordEdit,
      method: 'PATCH',
      url: 'https://discord.com/api/webhooks/1/tok/messages/777?thread_id=5',
      idempotent: true,
    },
    {
      name: 'Slack API post',
      d: slackApi,
      method: 'POST',
      url: 'https://slack.com/api/chat.postMessage',
      idempotent: false,
    },
    {
      name: 'Slack API update',
      d: { ...slackApi, ts: '1.2' } as Destination,
      method: 'POST',
      url: 'https://slack.com/api/chat.update',
      idempotent: true,
    },
  ])('$name', ({ d, method, url, idempotent }) => {
    const p = planRequest(d, '{}');
    expect([p.method, p.url.href, p.idempotent]).toEqual([method, url, idempotent]);
  });

  test('the Slack token travels as a bearer header', () => {
    expect(planRequest(slackApi, '{}').headers.authorization).toBe('Bearer xoxb-1');
  });
});

describe('judgeResponse', () => {
  test.each([
    { name: 'Slack ok', d: slackHook, r: res(200, 'ok'), expected: { kind: 'accepted' } },
    {
      name: 'Slack invalid_payload',
      d: slackHook,
      r: res(400, 'invalid_payload'),
      expected: { kind: 'rejected', reason: 'HTTP 400: invalid_payload' },
    },
    {
      name: 'Slack no_service',
      d: slackHook,
      r: res(404, 'no_service'),
      expected: { kind: 'rejected', reason: 'HTTP 404: no_service' },
    },
    {
      name: 'Slack 429 header seconds',
      d: slackHook,
      r: res(429, '', { 'retry-after': '30' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 30_000 },
    },
    {
      name: 'Slack 503',
      d: slackHook,
      r: res(503, 'down'),
      expected: { kind: 'retry', reason: 'server error 503: down' },
    },
    {
      name: 'Discord 204',
      d: discordHook,
      r: res(204),
      expected: { kind: 'accepted', messageId: undefined },
    },
    {
      name: 'Discord 200 with id',
      d: discordHook,
      r: res(200, '{"id":"55"}'),
      expected: { kind: 'accepted', messageId: '55' },
    },
    {
      name: 'Discord 429 fractional retry_after wins over the header',
      d: discordV10,
      r: res(429, '{"retry_after":0.25,"global":false}', { 'retry-after': '1' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 250 },
    },
    {
      name: 'Discord 429 header only',
      d: discordV10,
      r: res(429, '', { 'retry-after': '2' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 2000 },
    },
    {
      name: 'Discord 429 on the unversioned URL (v6): retry_after is milliseconds',
      d: discordHook,
      r: res(429, '{"retry_after":1500,"global":false}', { 'retry-after': '1500' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 1500 },
    },
    {
      name: 'Discord 429 v6 with X-RateLimit-Reset-After (seconds) agreeing',
      d: discordHook,
      r: res(429, '{"retry_after":1500}', { 'x-ratelimit-reset-after': '1.5' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 1500 },
    },
    {
      name: 'Discord 429 "v6" URL answering in seconds: X-RateLimit-Reset-After corrects it',
      d: discordHook,
      r: res(429, '{"retry_after":1.5}', { 'x-ratelimit-reset-after': '1.5' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 1500 },
    },
    {
      name: 'Discord 429 v10 answering in ms: X-RateLimit-Reset-After corrects it',
      d: discordV10,
      r: res(429, '{"retry_after":2500}', { 'x-ratelimit-reset-after': '2.5' }),
      expected: { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 2500 },
    },
    {
      name: 'Slack 502: a gateway error, maybe stored',
      d: slackHook,
      r: res(502, 'bad gateway'),
      expected: { kind: 'retry', reason: 'server error 502: bad gateway', maybeStored: true },
    },
    {
      name: 'Discord 504: a gateway error, maybe stored',
      d: discordHook,
      r: res(504),
      expected: { kind: 'retry', reason: 'server error 504', maybeStored: true },
    },
    {
      name: 'Discord 50035',
      d: discordHook,
      r: res(
        400,
        '{"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"description":{"_errors":[{"message":"Must be 4096 or fewer in length."}]}}}}}',
      ),
      expected: {
        kind: 'rejected',
        reason:
          'HTTP 400: Discord error 50035 Invalid Form Body (embeds.0.description: Must be 4096 or fewer in length.)',
      },
    },
    {
      name: 'Discord edit of a missing message',
      d: discordEdit,
      r: res(404, '{"code":10008,"message":"Unknown Message"}'),
      expected: { kind: 'rejected', reason: 'HTTP 404: Discord error 10008 Unknown Message' },
    },
    {
      name: 'Slack API ok',
      d: slackApi,
      r: res(200, '{"ok":true,"ts":"1.2","channel":"C1"}'),
      expected: { kind: 'accepted', messageId: '1.2', channel: 'C1' },
    },
    {
      name: 'Slack API error',
      d: slackApi,
      r: res(200, '{"ok":false,"error":"channel_not_found"}'),
      expected: { kind: 'rejected', reason: 'Slack API error: channel_not_found' },
    },
    {
      name: 'Slack API fatal_error may have posted',
      d: slackApi,
      r: res(200, '{"ok":false,"error":"fatal_error"}'),
      expected: { kind: 'unknown', reason: 'Slack API error: fatal_error' },
    },
    {
      name: 'a redirect is not followed',
      d: slackHook,
      r: res(302, '', { location: 'https://x' }),
      expected: { kind: 'rejected', reason: 'HTTP 302' },
    },
  ])('$name', ({ d, r, expected }) => expect(judgeResponse(d, r, 0)).toEqual(expected));
});

describe('judgeNetworkError: retry only what never reached the platform', () => {
  test.each([
    { err: new HttpError('CONNECTION_REFUSED', 'connection refused'), kind: 'retry' },
    { err: new HttpError('DNS', 'DNS lookup failed (ENOTFOUND)'), kind: 'retry' },
    { err: new HttpError('TLS', 'TLS error: CERT_HAS_EXPIRED'), kind: 'retry' },
    { err: new HttpError('NETWORK', 'network error (EHOSTUNREACH)'), kind: 'retry' },
    { err: new HttpError('TIMEOUT', 'timed out after 10000 ms'), kind: 'unknown' },
    { err: new HttpError('CONNECTION_RESET', 'connection reset by peer'), kind: 'unknown' },
    { err: new Error('weird'), kind: 'unknown' },
    { err: resetWithSent(false), kind: 'retry' },
    { err: resetWithSent(true), kind: 'unknown' },
  ])('$err.message → $kind', ({ err, kind }) => expect(judgeNetworkError(err).kind).toBe(kind));
});

test('firstDiscordError finds the deepest message with its path', () => {
  expect(
    firstDiscordError({
      embeds: { 1: { fields: { 3: { value: { _errors: [{ message: 'too long' }] } } } } },
    }),
  ).toBe('embeds.1.fields.3.value: too long');
  expect(firstDiscordError(undefined)).toBeUndefined();
});

describe('deliver', () => {
  const base = {
    timeoutMs: 1000,
    retries: 3,
    deadline: 60_000,
    random: () => 0.5,
    log: () => undefined,
  };

  test('429 three times then success: waits exactly what was asked, one accepted post', async () => {
    const clock = new FakeClock(0);
    const limited = res(429, '{"retry_after":1.5}');
    const { http, calls } = scripted(limited, limited, limited, res(200, '{"id":"9"}'));
    const r = await deliver(discordV10, '{}', { ...base, http, clock });
    expect(r).toMatchObject({ ok: true, attempts: 4, messageId: '9', action: 'post' });
    expect(clock.sleeps).toEqual([1500, 1500, 1500]);
    expect(calls).toHaveLength(4);
  });

  test('5xx backs off with jitter, then succeeds', async () => {
    const clock = new FakeClock(0);
    // 503 and 500: the platform itself says it did not take the message (502/504 are below).
    const { http } = scripted(res(503), res(500), res(200, 'ok'));
    const r = await deliver(slackHook, '{}', { ...base, http, clock });
    expect(r).toMatchObject({ ok: true, attempts: 3 });
    // full jitter with random 0.5: half of 1 s, then half of 2 s.
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  test('a 4xx is not retried', async () => {
    const { http, calls } = scripted(res(400, 'invalid_payload'));
    const r = await deliver(slackHook, '{}', { ...base, http, clock: new FakeClock(0) });
    expect(r).toMatchObject({ ok: false, attempts: 1, error: 'HTTP 400: invalid_payload' });
    expect(calls).toHaveLength(1);
  });

  test('a Retry-After beyond the deadline is not waited for', async () => {
    const clock = new FakeClock(0);
    const { http, calls } = scripted(res(429, '', { 'retry-after': '120' }));
    const r = await deliver(slackHook, '{}', { ...base, http, clock });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(
      /rate limited \(429\); gave up: the next attempt would start after total-timeout/,
    );
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  test('a timeout on a post is not retried and says the message may exist', async () => {
    const { http, calls } = scripted(new HttpError('TIMEOUT', 'timed out after 1000 ms'));
    const r = await deliver(discordHook, '{}', { ...base, http, clock: new FakeClock(0) });
    expect(r).toMatchObject({ ok: false, uncertain: true, attempts: 1 });
    expect(r.error).toMatch(/may have been posted/);
    expect(calls).toHaveLength(1);
  });

  test('a timeout on an edit is retried', async () => {
    const { http, calls } = scripted(
      new HttpError('TIMEOUT', 'timed out'),
      res(200, '{"id":"777"}'),
    );
    const r = await deliver(discordEdit, '{}', { ...base, http, clock: new FakeClock(0) });
    expect(r).toMatchObject({ ok: true, attempts: 2, messageId: '777', action: 'update' });
    expect(calls.map((c) => c.method)).toEqual(['PATCH', 'PATCH']);
  });

  test('connection refused is retried up to the retry count', async () => {
    const refused = new HttpError('CONNECTION_REFUSED', 'connection refused');
    const { http, calls } = scripted(refused, refused, refused);
    const r = await deliver(slackHook, '{}', {
      ...base,
      retries: 2,
      http,
      clock: new FakeClock(0),
    });
    expect(r).toMatchObject({
      ok: false,
      attempts: 3,
      error: 'connection refused (after 3 attempts)',
    });
    expect(calls).toHaveLength(3);
  });

  test('each attempt gets at most the time left before the deadline', async () => {
    const clock = new FakeClock(0);
    const { http, calls } = scripted(res(503), res(200, 'ok'));
    await deliver(slackHook, '{}', { ...base, timeoutMs: 10_000, deadline: 4000, http, clock });
    expect(calls.map((c) => c.timeoutMs)).toEqual([4000, 3500]);
  });

  test('a 502 on a post is not retried: the gateway may have stored the message', async () => {
    const { http, calls } = scripted(res(502, 'bad gateway'), res(200, 'ok'));
    const r = await deliver(slackHook, '{}', { ...base, http, clock: new FakeClock(0) });
    expect(r).toMatchObject({ ok: false, uncertain: true, attempts: 1 });
    expect(r.error).toMatch(/server error 502: bad gateway; the message may have been posted/);
    expect(calls).toHaveLength(1);
  });

  test('a 504 on an edit is retried (the same content twice is harmless)', async () => {
    const { http, calls } = scripted(res(504), res(200, '{"id":"777"}'));
    const r = await deliver(discordEdit, '{}', { ...base, http, clock: new FakeClock(0) });
    expect(r).toMatchObject({ ok: true, attempts: 2, messageId: '777' });
    expect(calls).toHaveLength(2);
  });

  test('a 502 on a post with a look-up: found means posted, nothing sent again', async () => {
    const { http, calls } = scripted(res(502));
    let looked = 0;
    const verify = async () => (looked++, { found: true as const, messageId: '1.5' });
    const r = await deliver(slackApi, '{}', { ...base, http, clock: new FakeClock(0), verify });
    expect(r).toMatchObject({ ok: true, attempts: 1, messageId: '1.5' });
    expect(calls).toHaveLength(1);
    expect(looked).toBe(1);
  });

  test('a 502 on a post with a look-up: absent means retried', async () => {
    const { http, calls } = scripted(res(502), res(200, '{"ok":true,"ts":"2.5","channel":"C1"}'));
    const verify = async () => ({ found: false as const });
    const r = await deliver(slackApi, '{}', { ...base, http, clock: new FakeClock(0), verify });
    expect(r).toMatchObject({ ok: true, attempts: 2, messageId: '2.5' });
    expect(calls).toHaveLength(2);
  });

  test('a 502 on a post whose look-up fails is not retried, and says why', async () => {
    const { http, calls } = scripted(res(502));
    const verify = async () => ({ error: 'conversations.history: missing_scope' });
    const r = await deliver(slackApi, '{}', { ...base, http, clock: new FakeClock(0), verify });
    expect(r).toMatchObject({ ok: false, uncertain: true, attempts: 1 });
    expect(r.error).toMatch(
      /could not check whether it was stored \(conversations\.history: missing_scope\)/,
    );
    expect(calls).toHaveLength(1);
  });

  test('a reset before the request was sent (sent: false) is retried', async () => {
    const reset = resetWithSent(false);
    const { http, calls } = scripted(reset, res(200, '{"id":"3"}'));
    const r = await deliver(discordHook, '{}', { ...base, http, clock: new FakeClock(0) });
    expect(r).toMatchObject({ ok: true, attempts: 2, messageId: '3' });
    expect(calls).toHaveLength(2);
  });

  test('an error body is redacted before it is cut: no part of a secret survives', async () => {
    const secret = 'S'.repeat(68);
    const body = `${'x'.repeat(170)} token=${secret} trailing`;
    const { http } = scripted(res(400, body));
    const r = await deliver(slackHook, '{}', {
      ...base,
      http,
      clock: new FakeClock(0),
      redact: (t) => t.split(secret).join('***'),
    });
    expect(r.error).toContain('token=***');
    expect(r.error).not.toMatch(/SSSS/);
  });

  test('cancellation stops the waits and reports cancelled, not uncertain', async () => {
    const controller = new AbortController();
    const clock = new FakeClock(0);
    const http = async () => {
      controller.abort();
      return res(503);
    };
    const r = await deliver(slackHook, '{}', { ...base, http, clock, signal: controller.signal });
    expect(r).toMatchObject({ ok: false, cancelled: true, attempts: 1, error: 'cancelled' });
    expect(r.uncertain).toBeUndefined();
    expect(clock.sleeps).toEqual([]);
  });
});
