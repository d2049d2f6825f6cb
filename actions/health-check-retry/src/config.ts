// Reads and validates every input before anything is requested; a bad one throws InputError.
import { X509Certificate } from 'node:crypto';
import {
  InputError,
  Inputs,
  isSensitiveHeader,
  maskHeaders,
  type Runner,
} from '@cicd-actions/core';
import { parseExpectedStatus, type StatusSet } from './expected-status';
import { parseJsonChecks, type JsonCheck } from './expected-json';

export interface Expectations {
  status: StatusSet;
  bodyPattern?: RegExp;
  json: JsonCheck[];
}

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
  followRedirects: boolean;
  insecure: boolean;
  /** PEM of the extra CA certificate(s) given in ca-cert. */
  caCert?: string;
}

// RFC 9110 token characters, for header names and methods.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Control characters other than tab cannot be sent in a header value.
const BAD_HEADER_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** `Name: value` lines; credential values are masked at once, before anything else is logged. */
export function readHeaders(inputs: Inputs, runner: Runner): Record<string, string> {
  const pairs = inputs.pairs('headers', ':', 'Name: value');
  const headers: Record<string, string> = {};
  for (const [name, value] of pairs) {
    if (isSensitiveHeader(name)) maskHeaders(runner, { [name]: value });
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

/** The URLs to check; credentials and secret-looking query values in them are masked. */
export function readUrls(inputs: Inputs, runner: Runner): URL[] {
  const items = inputs.list('url');
  if (items.length === 0) throw new InputError('url', 'is required and was empty');
  return items.map((text, i) => {
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
    for (const [key, value] of url.searchParams)
      if (isSensitiveHeader(key)) runner.setSecret(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError('url', `item ${i + 1} must start with http:// or https://`);
    }
    if (!url.hostname) throw new InputError('url', `item ${i + 1} has no host`);
    return url;
  });
}

function readRegex(inputs: Inputs): RegExp | undefined {
  const source = inputs.raw('expected-body').trim();
  if (source === '') return undefined;
  try {
    return new RegExp(source);
  } catch (err) {
    throw new InputError(
      'expected-body',
      `is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`,
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

export function readConfig(runner: Runner): HealthCheckConfig {
  const inputs = new Inputs(runner);
  const headers = readHeaders(inputs, runner);
  const urls = readUrls(inputs, runner);

  const method = inputs.string('method', 'GET').toUpperCase();
  if (!TOKEN.test(method)) throw new InputError('method', `'${method}' is not an HTTP method`);

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
      `must be at least retry-delay (${inputs.string('retry-delay')})`,
    );
  const attemptTimeoutMs = inputs.duration('attempt-timeout', '10s', { min: 1 });
  const timeoutMs = inputs.duration('timeout', '5m', { min: 1 });
  const initialDelayMs = inputs.duration('initial-delay', '0s');
  if (initialDelayMs >= timeoutMs)
    throw new InputError(
      'initial-delay',
      `must be shorter than timeout (${inputs.string('timeout', '5m')})`,
    );

  const body = inputs.raw('body');
  return {
    urls,
    method,
    headers,
    body: body === '' ? undefined : body,
    expect: { status, bodyPattern, json },
    maxAttempts,
    retryDelayMs,
    backoff: inputs.oneOf('backoff', ['exponential', 'fixed'] as const, 'exponential'),
    maxDelayMs,
    jitter: inputs.boolean('jitter', true),
    attemptTimeoutMs,
    timeoutMs,
    initialDelayMs,
    successThreshold,
    followRedirects: inputs.boolean('follow-redirects', true),
    insecure: inputs.boolean('insecure', false),
    caCert: readCaCert(inputs),
  };
}
