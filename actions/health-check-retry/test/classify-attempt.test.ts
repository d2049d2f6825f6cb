import { HttpError } from '@cicd-actions/core';
import { classifyFault, classifyResponse } from '../src/classify-attempt';
import type { Expectations } from '../src/inputs';
import { parseExpectedStatus, type StatusSet } from '../src/expected-status';
import { parseJsonChecks, type JsonCheck } from '../src/expected-json';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function expectations(status = '200-399', body?: string, json = ''): Expectations {
  return {
    status: parseExpectedStatus(status) as StatusSet,
    bodyPattern: body ? new RegExp(body) : undefined,
    json: parseJsonChecks(json) as JsonCheck[],
  };
}

function response(
  status: number,
  body = '',
  headers: Record<string, string> = {},
  truncated = false,
) {
  return { status, body: Buffer.from(body), headers, truncated };
}

describe('classifyResponse', () => {
  test.each([
    {
      name: '200 with defaults',
      res: response(200),
      exp: expectations(),
      ok: true,
      error: undefined,
    },
    {
      name: '302 not followed counts by status',
      res: response(302),
      exp: expectations(),
      ok: true,
      error: undefined,
    },
    {
      name: '503',
      res: response(503),
      exp: expectations(),
      ok: false,
      error: 'status 503, expected 200-399',
    },
    {
      name: '200 outside a narrowed list',
      res: response(200),
      exp: expectations('204'),
      ok: false,
      error: 'status 200, expected 204',
    },
    {
      name: 'body matches',
      res: response(200, 'all good: UP'),
      exp: expectations('200', 'UP$'),
      ok: true,
      error: undefined,
    },
    {
      name: 'body does not match',
      res: response(200, 'DOWN'),
      exp: expectations('200', '^UP'),
      ok: false,
      error: 'body does not match expected-body /^UP/',
    },
    {
      name: 'JSON holds',
      res: response(200, '{"status":"UP","checks":[{"ok":true}]}'),
      exp: expectations('200', undefined, 'status=UP\nchecks[0].ok=true'),
      ok: true,
      error: undefined,
    },
    {
      name: 'JSON value differs',
      res: response(200, '{"status":"DOWN"}'),
      exp: expectations('200', undefined, 'status=UP'),
      ok: false,
      error: 'JSON status is "DOWN", expected UP',
    },
    {
      name: 'JSON path missing',
      res: response(200, '{"state":"UP"}'),
      exp: expectations('200', undefined, 'status=UP'),
      ok: false,
      error: 'JSON has no status',
    },
    {
      name: 'not JSON',
      res: response(200, '<html>'),
      exp: expectations('200', undefined, 'status=UP'),
      ok: false,
      error: 'body is not JSON',
    },
    // Without a body check the body is drained up to the cap and ignored (curl -f, a probe).
    {
      name: 'body over the cap, no body check: healthy',
      res: response(200, 'x', {}, true),
      exp: expectations(),
      ok: true,
      error: undefined,
    },
    {
      name: 'body over the cap with expected-body: the cap is enforced, and said',
      res: response(200, 'x', {}, true),
      exp: expectations('200', 'x'),
      ok: false,
      error: 'body larger than 1 MiB (reading stopped); expected-body needs the whole body',
    },
    {
      name: 'body over the cap with expected-json',
      res: response(200, '{', {}, true),
      exp: expectations('200', undefined, 'status=UP'),
      ok: false,
      error: 'body larger than 1 MiB (reading stopped); expected-json needs the whole body',
    },
    {
      name: 'a redirect not followed says why',
      res: response(302, '', { location: 'https://other.test/' }),
      exp: expectations('200'),
      notFollowed:
        'redirect to another host (other.test) not followed (follow-redirects: same-host)',
      ok: false,
      error:
        'status 302 (redirect to another host (other.test) not followed (follow-redirects: same-host)), expected 200',
    },
    {
      name: 'a matcher that ran out of time fails the attempt',
      res: response(200, 'aaaa'),
      exp: expectations('200', '(a+)+$'),
      bodyMatch: 'timeout' as const,
      ok: false,
      error:
        'expected-body did not finish matching in time (does the pattern backtrack catastrophically, like (a+)+$?)',
    },
    {
      name: "the matcher's answer wins",
      res: response(200, 'DOWN'),
      exp: expectations('200', 'UP'),
      bodyMatch: 'match' as const,
      ok: true,
      error: undefined,
    },
  ])('$name', ({ res, exp, ok, error, ...opts }) => {
    const verdict = classifyResponse(res, exp, NOW, opts);
    expect(verdict.ok).toBe(ok);
    expect(verdict.status).toBe(res.status);
    expect(verdict.error).toEqual(error);
  });

  test.each([
    { name: '503 + seconds', status: 503, header: '7', expected: 7000 },
    {
      name: '429 + HTTP date',
      status: 429,
      header: new Date(NOW + 90_000).toUTCString(),
      expected: 90_000,
    },
    // "Now" (0 or a past date) falls back to the normal delay: no burst of requests.
    {
      name: 'date in the past',
      status: 503,
      header: new Date(NOW - 5000).toUTCString(),
      expected: undefined,
    },
    { name: 'zero seconds', status: 429, header: '0', expected: undefined },
    { name: '500 ignores Retry-After', status: 500, header: '7', expected: undefined },
    { name: 'junk Retry-After', status: 503, header: 'soon', expected: undefined },
  ])('Retry-After: $name', ({ status, header, expected }) => {
    expect(
      classifyResponse(response(status, '', { 'retry-after': header }), expectations(), NOW)
        .retryAfterMs,
    ).toBe(expected);
  });
});

describe('classifyFault', () => {
  test.each([
    {
      name: 'refused',
      err: new HttpError('CONNECTION_REFUSED', 'connection refused'),
      short: 'refused',
      error: 'connection refused',
    },
    {
      name: 'timeout',
      err: new HttpError('TIMEOUT', 'timed out after 100 ms'),
      short: 'timeout',
      error: 'timed out after 100 ms',
    },
    {
      name: 'unexpected error',
      err: new Error('boom\nsecond line'),
      short: 'error',
      error: 'boom second line',
    },
  ])('$name', ({ err, short, error }) =>
    expect(classifyFault(err)).toEqual({ ok: false, short, error }),
  );

  test('a timeout shortened by the overall deadline says so', () => {
    expect(classifyFault(new HttpError('TIMEOUT', 'timed out after 1500 ms'), 1500).error).toBe(
      'no answer before the overall timeout (1.5s were left)',
    );
  });
});
