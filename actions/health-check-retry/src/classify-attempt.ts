// Turns one request's response (or network fault) into a verdict: healthy or why not.
import { HttpError, errorMessage, parseRetryAfter, type HttpResponse } from '@cicd-actions/core';
import type { BodyMatch } from './body-matcher';
import { formatWait } from './format';
import { statusExpected } from './expected-status';
import { describeJsonValue, evaluateJsonPath, jsonValueMatches } from './expected-json';
import type { Expectations } from './inputs';
import { preview } from '@cicd-actions/core';

export interface ClassifyOptions {
  /** The body check's result, from the time-limited matcher (else matched here, in-thread). */
  bodyMatch?: BodyMatch;
  /** Why a 3xx was not followed (follow-redirects: same-host). */
  notFollowed?: string;
  /** Blanks secrets in body excerpts before they are cut. */
  redact?: (text: string) => string;
}

export interface AttemptVerdict {
  ok: boolean;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Why the attempt failed (one line, no secrets). */
  error?: string;
  /** A few characters for progress lines: `200`, `503`, `timeout`, `refused`. */
  short: string;
  /** The server's Retry-After on 429/503, in ms. */
  retryAfterMs?: number;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Statuses whose Retry-After header says when to come back (RFC 9110 §10.2.3). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

export function classifyResponse(
  res: Pick<HttpResponse, 'status' | 'headers' | 'body' | 'truncated'>,
  expect: Expectations,
  now: number,
  opts: ClassifyOptions = {},
): AttemptVerdict {
  const status = res.status;
  const short = String(status);
  const redact = opts.redact ?? ((t: string) => t);
  if (!statusExpected(expect.status, status)) {
    // 0 or a date in the past says "now": the normal delay applies, not a burst of requests.
    const asked = RETRY_AFTER_STATUSES.has(status)
      ? parseRetryAfter(res.headers['retry-after'], now)
      : undefined;
    const why = opts.notFollowed ? ` (${opts.notFollowed})` : '';
    return {
      ok: false,
      status,
      short,
      error: `status ${status}${why}, expected ${expect.status.text}`,
      retryAfterMs: asked !== undefined && asked > 0 ? asked : undefined,
    };
  }
  // Without a body check the body is read up to the cap and ignored: its size is not health.
  if (!expect.bodyPattern && expect.json.length === 0) return { ok: true, status, short };
  if (res.truncated)
    return {
      ok: false,
      status,
      short: 'too large',
      error: `body larger than 1 MiB (reading stopped); ${expect.bodyPattern ? 'expected-body' : 'expected-json'} needs the whole body`,
    };
  return classifyBody(res.body.toString('utf8'), status, expect, opts.bodyMatch, redact);
}

/** expected-body, then expected-json, on a body read whole. */
function classifyBody(
  text: string,
  status: number,
  expect: Expectations,
  bodyMatch: BodyMatch | undefined,
  redact: (text: string) => string,
): AttemptVerdict {
  const short = String(status);
  if (expect.bodyPattern) {
    const verdict = bodyMatch ?? (expect.bodyPattern.test(text) ? 'match' : 'no-match');
    if (verdict === 'timeout')
      return {
        ok: false,
        status,
        short: `${status}, body`,
        error:
          'expected-body did not finish matching in time (does the pattern backtrack catastrophically, like (a+)+$?)',
      };
    if (verdict === 'no-match')
      return {
        ok: false,
        status,
        short: `${status}, body`,
        error: `body does not match expected-body /${preview(expect.bodyPattern.source).slice(1, -1)}/`,
      };
  }
  if (expect.json.length) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return { ok: false, status, short: `${status}, not JSON`, error: 'body is not JSON' };
    }
    for (const check of expect.json) {
      const found = evaluateJsonPath(doc, check.segments);
      if (!found.found)
        return { ok: false, status, short: `${status}, JSON`, error: `JSON has no ${check.path}` };
      if (!jsonValueMatches(found.value, check.expected)) {
        return {
          ok: false,
          status,
          short: `${status}, JSON`,
          error: `JSON ${check.path} is ${describeJsonValue(found.value, redact)}, expected ${check.expected}`,
        };
      }
    }
  }
  return { ok: true, status, short };
}

const SHORT_BY_CODE: Record<string, string> = {
  TIMEOUT: 'timeout',
  ABORTED: 'aborted',
  REDIRECT_LOOP: 'redirect loop',
  TOO_MANY_REDIRECTS: 'redirects',
  BAD_REDIRECT: 'bad redirect',
  CONNECTION_REFUSED: 'refused',
  CONNECTION_RESET: 'reset',
  DNS: 'DNS',
  TLS: 'TLS',
  NETWORK: 'network',
};

/**
 * A network fault as a failed attempt. `deadlineCutMs` is set when the attempt's time limit was
 * shortened to the time left, so a timeout is reported as the overall deadline.
 */
export function classifyFault(err: unknown, deadlineCutMs?: number): AttemptVerdict {
  if (err instanceof HttpError) {
    if (err.code === 'TIMEOUT' && deadlineCutMs !== undefined) {
      return {
        ok: false,
        short: 'timeout',
        error: `no answer before the overall timeout (${formatWait(deadlineCutMs)} were left)`,
      };
    }
    return { ok: false, short: SHORT_BY_CODE[err.code] ?? 'error', error: err.message };
  }
  return { ok: false, short: 'error', error: errorMessage(err) };
}
