// Reads and validates every input before anything is requested; a bad one throws InputError
// naming it, with any value shown only as a cut preview.
import { X509Certificate } from 'node:crypto';
import { parseExpectedStatus, type StatusSet } from './expected-status';
import { parseJsonChecks, type JsonCheck } from './expected-json';
import { InputError, Inputs, preview, type Runner } from '@cicd-actions/core';
import type { RedirectPolicy } from './redirects';

export interface Expectations {
  status: StatusSet;
  /** Compiled once here to check the syntax; matched in a worker with a time limit (body-matcher.ts). */
  bodyPattern?: RegExp;
  json: JsonCheck[];
}

/**
 * Headers whose values are never credentials: everything else is masked, because a custom name
 * (x-functions-key, Ocp-Apim-Subscription-Key, …) says nothing about what it carries.
 */
export const HARMLESS_HEADERS = new Set([
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'content-language',
  'content-type',
  'dnt',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-unmodified-since',
  'origin',
  'pragma',
  'range',
  'referer',
  'traceparent',
  'tracestate',
  'user-agent',
  'x-correlation-id',
  'x-request-id',
]);

export interface HealthCheckConfig {
  urls: URL[];
  method: string;
  headers: Record<string, string>;
  body?: string;
  expect: Expectations;
  maxAttempts: number;
  retryDelayMs: number;
  backoff: 'exponential' | 'fixed';
  maxDelayMs: number;
  jitter: boolean;
  attemptTimeoutMs: number;
  timeoutMs: number;
  initialDelayMs: number;
  successThreshold: number;
  /** `same-host` (default), `any`, or `none` (a 3xx is judged by expected-status). */
  followRedirects: RedirectPolicy;
  insecure: boolean;
  /** PEM of the extra CA certificate(s) given in ca-cert. */
  caCert?: string;
}

// RFC 9110 token characters, for header names and methods.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Control characters other than tab cannot be sent in a header value.
const BAD_HEADER_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** `Name: value` lines; every value not on the harmless list is masked at once, before anything is logged. */
export function readHeaders(inputs: Inputs, runner: Runner): Record<string, string> {
  const pairs = inputs.pairs('headers', ':', 'Name: value');
  const headers: Record<string, string> = {};
  for (const [name, value] of pairs) {
    if (HARMLESS_HEADERS.has(name.toLowerCase())) continue;
    runner.setSecret(value);
    // `Bearer x`, `Basic x`: the credential alone is masked too.
    const scheme = /^\s*\S+\s+(\S+)\s*$/.exec(value);
    if (scheme) runner.setSecret(scheme[1]);
  }
  for (const [i, [name, value]] of pairs.entries()) {
    // Neither name nor value is echoed: a mistyped line may hold the credential in its name.
    if (!TOKEN.test(name))
      throw new InputError(
        'headers',
        `header ${i + 1} does not have a valid name (letters, digits and -_.!#$%&'*+^\`|~)`,
      );
    if (BAD_HEADER_VALUE.test(value))
      throw new InputError('headers', `the value of header ${i + 1} contains control characters`);
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

/**
 * The URLs to check, one per line (a comma belongs to the URL: `?checks=db,cache`); credentials
 * and query values in them are masked.
 */
export function readUrls(inputs: Inputs, runner: Runner): URL[] {
  const items = inputs.lines('url');
  if (items.length === 0) throw new InputError('url', 'is required and was empty');
  if (items.length > 100) throw new InputError('url', `at most 100 URLs, got ${items.length}`);
  return items.map((text, i) => {
    // Not echoed (it may hold credentials), not even cut.
    if (text.length > 4096)
      throw new InputError('url', `item ${i + 1} is longer than 4096 characters (${text.length})`);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      // The text is not echoed: it may hold credentials.
      throw new InputError(
        'url',
        `item ${i + 1} is not an absolute URL like https://example.com/health`,
      );
    }
    if (url.password) runner.setSecret(decodeURIComponent(url.password));
    for (const [, value] of url.searchParams) runner.setSecret(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError('url', `item ${i + 1} must start with http:// or https://`);
    }
    if (!url.hostname) throw new InputError('url', `item ${i + 1} has no host`);
    return url;
  });
}

function readRedirectPolicy(inputs: Inputs): RedirectPolicy {
  const value = inputs.string('follow-redirects', 'same-host').toLowerCase();
  const policy: Record<string, RedirectPolicy> = {
    'same-host': 'same-host',
    true: 'same-host',
    any: 'any',
    none: 'none',
    false: 'none',
  };
  if (!(value in policy))
    throw new InputError(
      'follow-redirects',
      `expected same-host, any or none (true is same-host, false is none), got ${preview(value)}`,
    );
  return policy[value];
}

function readRegex(inputs: Inputs): RegExp | undefined {
  const source = inputs.raw('expected-body').trim();
  if (source === '') return undefined;
  try {
    return new RegExp(source);
  } catch (err) {
    const why = (err as Error).message.replace(/^Invalid regular expression: /, '');
    throw new InputError(
      'expected-body',
      `is not a valid regular expression (${preview(why, 80).slice(1, -1)})`,
    );
  }
}

function readCaCert(inputs: Inputs): string | undefined {
  const pem = inputs.string('ca-cert');
  if (pem === '') return undefined;
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0)
    throw new InputError('ca-cert', 'expected PEM text starting with -----BEGIN CERTIFICATE-----');
  blocks.forEach((block, i) => {
    try {
      new X509Certificate(block);
    } catch {
      throw new InputError('ca-cert', `certificate ${i + 1} is not a valid PEM certificate`);
    }
  });
  return blocks.join('\n');
}

export type HealthCheckInputs = HealthCheckConfig;

function readExpectations(inputs: Inputs, method: string): Expectations {
  const status = parseExpectedStatus(inputs.string('expected-status', '200-399'));
  if ('problem' in status) throw new InputError('expected-status', status.problem);
  const bodyPattern = readRegex(inputs);
  const json = parseJsonChecks(inputs.string('expected-json'));
  if (!Array.isArray(json))
    throw new InputError('expected-json', `line ${json.line}: ${json.problem}`);
  if (method === 'HEAD' && (bodyPattern || json.length)) {
    throw new InputError(
      bodyPattern ? 'expected-body' : 'expected-json',
      'needs a response body, which a HEAD request never has',
    );
  }
  return { status, bodyPattern, json };
}

type Timing = Pick<
  HealthCheckConfig,
  | 'maxAttempts'
  | 'successThreshold'
  | 'retryDelayMs'
  | 'maxDelayMs'
  | 'backoff'
  | 'jitter'
  | 'attemptTimeoutMs'
  | 'timeoutMs'
  | 'initialDelayMs'
>;

/** Attempts, waits and deadlines (core refuses durations above what Node's timers hold). */
function readTiming(inputs: Inputs): Timing {
  const maxAttempts = inputs.integer('max-attempts', 10, { min: 1, max: 1000 });
  const successThreshold = inputs.integer('success-threshold', 1, { min: 1, max: 1000 });
  if (successThreshold > maxAttempts) {
    throw new InputError(
      'success-threshold',
      `${successThreshold} consecutive successes can never happen within max-attempts ${maxAttempts}`,
    );
  }
  const retryDelayMs = inputs.duration('retry-delay', '2s');
  const maxDelayMs = inputs.duration('max-delay', '30s');
  if (maxDelayMs < retryDelayMs)
    throw new InputError(
      'max-delay',
      `must be at least retry-delay (${inputs.string('retry-delay', '2s')})`,
    );
  const attemptTimeoutMs = inputs.duration('attempt-timeout', '10s', { min: 1 });
  const timeoutMs = inputs.duration('timeout', '5m', { min: 1 });
  const initialDelayMs = inputs.duration('initial-delay', '0s');
  if (initialDelayMs >= timeoutMs)
    throw new InputError(
      'initial-delay',
      `must be shorter than timeout (${inputs.string('timeout', '5m')})`,
    );
  const backoff = inputs.oneOf('backoff', ['exponential', 'fixed'] as const, 'exponential');
  return {
    maxAttempts,
    successThreshold,
    retryDelayMs,
    maxDelayMs,
    backoff,
    // Fixed means fixed: "5 tries 10 s apart" waits 10 s each time unless jitter is asked for.
    jitter: inputs.boolean('jitter', backoff === 'exponential'),
    attemptTimeoutMs,
    timeoutMs,
    initialDelayMs,
  };
}

export function readInputs(runner: Runner): HealthCheckInputs {
  const inputs = new Inputs(runner);
  const headers = readHeaders(inputs, runner);
  const urls = readUrls(inputs, runner);
  const method = inputs.string('method', 'GET').toUpperCase();
  if (!TOKEN.test(method) || method.length > 20)
    throw new InputError('method', `${preview(method)} is not an HTTP method`);
  const expect = readExpectations(inputs, method);
  const timing = readTiming(inputs);
  const body = inputs.raw('body');
  return {
    urls,
    method,
    headers,
    body: body === '' ? undefined : body,
    expect,
    ...timing,
    followRedirects: readRedirectPolicy(inputs),
    insecure: inputs.boolean('insecure', false),
    caCert: readCaCert(inputs),
  };
}
