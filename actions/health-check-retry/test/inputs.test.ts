import { InputError, Runner } from '@cicd-actions/core';
import { readInputs } from '../src/inputs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CA = readFileSync(path.join(here, 'fixtures', 'ca.pem'), 'utf8');

function runnerWith(inputs: Record<string, string>) {
  let stdout = '';
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const runner = new Runner({ env, write: (t) => void (stdout += t), appendFile: () => undefined });
  return { runner, stdout: () => stdout };
}

describe('readInputs defaults', () => {
  test('only url given: the documented defaults', () => {
    const cfg = readInputs(runnerWith({ url: 'https://example.com/health' }).runner);
    expect(cfg).toMatchObject({
      method: 'GET',
      maxAttempts: 10,
      retryDelayMs: 2000,
      backoff: 'exponential',
      maxDelayMs: 30_000,
      jitter: true,
      attemptTimeoutMs: 10_000,
      timeoutMs: 300_000,
      initialDelayMs: 0,
      successThreshold: 1,
      followRedirects: 'same-host',
      insecure: false,
      body: undefined,
      caCert: undefined,
    });
    expect(cfg.expect.status.ranges).toEqual([[200, 399]]);
    expect(cfg.urls.map(String)).toEqual(['https://example.com/health']);
  });

  // One per line: a comma belongs to the URL (issue 16: it used to split ?checks=db,cache).
  test('several URLs, one per line; commas stay inside a URL', () => {
    const cfg = readInputs(
      runnerWith({ url: 'http://a.test/h?checks=db,cache\n\nhttps://c.test/h' }).runner,
    );
    expect(cfg.urls.map(String)).toEqual(['http://a.test/h?checks=db,cache', 'https://c.test/h']);
  });

  test('jitter: on for exponential, off for fixed unless asked for', () => {
    const jitter = (inputs: Record<string, string>) =>
      readInputs(runnerWith({ url: 'https://a.test', ...inputs }).runner).jitter;
    expect(jitter({})).toBe(true);
    expect(jitter({ backoff: 'fixed' })).toBe(false);
    expect(jitter({ backoff: 'fixed', jitter: 'true' })).toBe(true);
    expect(jitter({ backoff: 'exponential', jitter: 'false' })).toBe(false);
  });

  test.each([
    ['', 'same-host'],
    ['true', 'same-host'],
    ['same-host', 'same-host'],
    ['any', 'any'],
    ['ANY', 'any'],
    ['false', 'none'],
    ['none', 'none'],
  ])('follow-redirects %j is %s', (value, policy) => {
    expect(
      readInputs(runnerWith({ url: 'https://a.test', 'follow-redirects': value }).runner)
        .followRedirects,
    ).toBe(policy);
  });

  test('header values are masked unless the header is on the harmless list', () => {
    const { runner, stdout } = runnerWith({
      url: 'https://example.com',
      headers:
        'x-functions-key: fn-key-0123\nOcp-Apim-Subscription-Key: apim-4567\nAccept: application/json\nUser-Agent: probe/1.0',
    });
    readInputs(runner);
    expect(stdout()).toContain('::add-mask::fn-key-0123');
    expect(stdout()).toContain('::add-mask::apim-4567');
    expect(stdout()).not.toContain('::add-mask::application/json');
    expect(stdout()).not.toContain('::add-mask::probe/1.0');
  });

  test('headers: names lower-cased, credential values masked before anything else is written', () => {
    const { runner, stdout } = runnerWith({
      url: 'https://example.com',
      headers: 'Authorization: Bearer s3cr3t-token\nX-Request-Source: ci\nX-Api-Key: k3y-value',
    });
    const cfg = readInputs(runner);
    expect(cfg.headers).toEqual({
      authorization: 'Bearer s3cr3t-token',
      'x-request-source': 'ci',
      'x-api-key': 'k3y-value',
    });
    expect(stdout()).toContain('::add-mask::s3cr3t-token');
    expect(stdout()).toContain('::add-mask::k3y-value');
    expect(stdout()).not.toContain('ci\n');
  });

  test('URL credentials and secret query values are masked', () => {
    const { runner, stdout } = runnerWith({
      url: 'https://user:p%40ssword@example.com/health?token=abcdef&page=2',
    });
    readInputs(runner);
    expect(stdout()).toContain('::add-mask::p@ssword');
    expect(stdout()).toContain('::add-mask::abcdef');
    expect(stdout()).not.toContain('::add-mask::2');
  });

  test('ca-cert PEM is accepted', () => {
    expect(
      readInputs(runnerWith({ url: 'https://localhost', 'ca-cert': CA }).runner).caCert,
    ).toContain('BEGIN CERTIFICATE');
  });
});

describe('readInputs rejects bad input, naming it', () => {
  const base = { url: 'https://example.com/health' };
  test.each<{ name: string; inputs: Record<string, string>; input: string }>([
    { name: 'missing url', inputs: { url: '' }, input: 'url' },
    { name: 'relative url', inputs: { url: '/health' }, input: 'url' },
    { name: 'ftp url', inputs: { url: 'ftp://example.com/x' }, input: 'url' },
    { name: 'second url invalid', inputs: { url: 'https://ok.test, nope' }, input: 'url' },
    { name: 'method with a space', inputs: { method: 'GE T' }, input: 'method' },
    {
      name: 'header line without colon',
      inputs: { headers: 'Authorization Bearer x' },
      input: 'headers',
    },
    { name: 'header name with a space', inputs: { headers: 'X Token: abc' }, input: 'headers' },
    { name: 'status 600', inputs: { 'expected-status': '600' }, input: 'expected-status' },
    {
      name: 'status range reversed',
      inputs: { 'expected-status': '299-200' },
      input: 'expected-status',
    },
    { name: 'invalid regex', inputs: { 'expected-body': '(unclosed' }, input: 'expected-body' },
    {
      name: 'expected-json without =',
      inputs: { 'expected-json': 'status' },
      input: 'expected-json',
    },
    {
      name: 'expected-json bad path',
      inputs: { 'expected-json': 'a..b=1' },
      input: 'expected-json',
    },
    {
      name: 'body check on HEAD',
      inputs: { method: 'HEAD', 'expected-body': 'ok' },
      input: 'expected-body',
    },
    { name: 'zero attempts', inputs: { 'max-attempts': '0' }, input: 'max-attempts' },
    { name: 'negative attempts', inputs: { 'max-attempts': '-3' }, input: 'max-attempts' },
    { name: 'attempts not a number', inputs: { 'max-attempts': 'ten' }, input: 'max-attempts' },
    {
      name: 'threshold above attempts',
      inputs: { 'max-attempts': '3', 'success-threshold': '4' },
      input: 'success-threshold',
    },
    {
      name: 'unparseable retry-delay',
      inputs: { 'retry-delay': '2 seconds' },
      input: 'retry-delay',
    },
    { name: 'negative retry-delay', inputs: { 'retry-delay': '-1s' }, input: 'retry-delay' },
    {
      name: 'max-delay below retry-delay',
      inputs: { 'retry-delay': '1m', 'max-delay': '30s' },
      input: 'max-delay',
    },
    { name: 'zero attempt-timeout', inputs: { 'attempt-timeout': '0s' }, input: 'attempt-timeout' },
    { name: 'unparseable timeout', inputs: { timeout: 'soon' }, input: 'timeout' },
    {
      name: 'initial-delay not shorter than timeout',
      inputs: { 'initial-delay': '1m', timeout: '1m' },
      input: 'initial-delay',
    },
    { name: 'unknown backoff', inputs: { backoff: 'linear' }, input: 'backoff' },
    { name: 'jitter not boolean', inputs: { jitter: 'maybe' }, input: 'jitter' },
    { name: 'insecure not boolean', inputs: { insecure: 'yes please' }, input: 'insecure' },
    { name: 'ca-cert not PEM', inputs: { 'ca-cert': 'not a cert' }, input: 'ca-cert' },
    {
      name: 'ca-cert corrupt PEM',
      inputs: { 'ca-cert': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' },
      input: 'ca-cert',
    },
  ])('$name → $input', ({ inputs, input }) => {
    let thrown: unknown;
    try {
      readInputs(runnerWith({ ...base, ...inputs }).runner);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).input).toBe(input);
  });

  test.each(['ftp://example.com/x', 'localhost:8080/health'])(
    '%s: the scheme is named as the problem',
    (url) => {
      expect(() => readInputs(runnerWith({ url }).runner)).toThrow(
        "Input 'url': item 1 must start with http:// or https://",
      );
    },
  );

  test('a bad URL is not echoed (it may hold credentials)', () => {
    expect(() => readInputs(runnerWith({ url: 'https://user:hunter22@[bad' }).runner)).toThrow(
      /^Input 'url': item 1 is not an absolute URL/,
    );
    expect(() => readInputs(runnerWith({ url: 'https://user:hunter22@[bad' }).runner)).not.toThrow(
      /hunter22/,
    );
  });
});
