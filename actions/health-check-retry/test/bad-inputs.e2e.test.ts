// Every input, every kind of bad value (wrong type, negative, huge, 100 KB, empty where
// required, unknown enum, bad durations, shell metacharacters): one one-line ::error:: naming
// the input, exit 1, no request sent, nothing echoed beyond a short preview, in under a second.
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { startServer, type LoopbackServer } from './loopback-server';

const KB100 = 'x'.repeat(100 * 1024);
const SHELL = '$(touch /tmp/pwned); `id` | rm -rf / && echo "$HOME" > ~/x';

let server: LoopbackServer;
const runs: ActionRun[] = [];
const durations: number[] = [];
beforeAll(async () => {
  server = await startServer((_req, res) => void res.writeHead(200).end('ok'));
});
afterAll(async () => {
  await server.close();
  runs.splice(0).forEach(cleanupRun);
});
beforeEach(() => void (server.requests.length = 0));

type Case = [input: string, what: string, inputs: Record<string, string>];
const cases: Case[] = [
  ['url', 'empty where required', { url: '' }],
  ['url', 'not a URL', { url: 'health' }],
  ['url', 'another scheme', { url: 'ftp://127.0.0.1/x' }],
  ['url', '100 KB', { url: `http://${KB100}` }],
  ['url', 'shell metacharacters', { url: SHELL }],
  ['method', 'not a method', { method: 'GE T' }],
  ['method', '100 KB', { method: KB100 }],
  ['method', 'shell metacharacters', { method: SHELL }],
  ['headers', 'a line without a colon', { headers: 'X-Ok: 1\nno colon here' }],
  ['headers', 'a bad name', { headers: 'X Bad: 1' }],
  ['headers', 'shell metacharacters in the name', { headers: `${SHELL}: 1` }],
  ['headers', '100 KB without a colon', { headers: KB100 }],
  ['expected-status', 'out of range', { 'expected-status': '600' }],
  ['expected-status', 'negative', { 'expected-status': '-200' }],
  ['expected-status', 'reversed range', { 'expected-status': '299-200' }],
  ['expected-status', 'wrong type', { 'expected-status': 'ok' }],
  ['expected-status', '100 KB', { 'expected-status': KB100 }],
  ['expected-body', 'invalid regex', { 'expected-body': '([a-z' }],
  ['expected-body', '100 KB invalid regex', { 'expected-body': `(${KB100}` }],
  ['expected-body', 'on HEAD', { method: 'HEAD', 'expected-body': 'ok' }],
  ['expected-json', 'no =', { 'expected-json': 'status UP' }],
  ['expected-json', 'a bad path', { 'expected-json': 'a..b=1' }],
  ['expected-json', '100 KB', { 'expected-json': KB100 }],
  ['max-attempts', 'zero', { 'max-attempts': '0' }],
  ['max-attempts', 'negative', { 'max-attempts': '-1' }],
  ['max-attempts', 'huge', { 'max-attempts': '99999999999999999999' }],
  ['max-attempts', 'wrong type', { 'max-attempts': 'ten' }],
  ['max-attempts', '100 KB', { 'max-attempts': KB100 }],
  ['success-threshold', 'above max-attempts', { 'max-attempts': '3', 'success-threshold': '4' }],
  ['success-threshold', 'negative', { 'success-threshold': '-2' }],
  ['retry-delay', 'not a duration', { 'retry-delay': 'two seconds' }],
  ['retry-delay', 'negative', { 'retry-delay': '-1s' }],
  ['retry-delay', 'past what timers hold', { 'retry-delay': '30d', 'max-delay': '40d' }],
  ['max-delay', 'below retry-delay', { 'retry-delay': '1m', 'max-delay': '30s' }],
  ['max-delay', 'past what timers hold', { 'max-delay': '25d' }],
  ['attempt-timeout', 'zero', { 'attempt-timeout': '0s' }],
  ['attempt-timeout', 'past what timers hold', { 'attempt-timeout': '999999999d' }],
  ['timeout', 'not a duration', { timeout: '5 minutes' }],
  ['timeout', 'past what timers hold', { timeout: '25d' }],
  ['timeout', '100 KB', { timeout: KB100 }],
  ['timeout', 'shell metacharacters', { timeout: SHELL }],
  ['initial-delay', 'not shorter than timeout', { 'initial-delay': '1m', timeout: '1m' }],
  ['initial-delay', 'negative', { 'initial-delay': '-5s' }],
  ['backoff', 'unknown enum', { backoff: 'random' }],
  ['backoff', '100 KB', { backoff: KB100 }],
  ['jitter', 'not a boolean', { jitter: 'maybe' }],
  ['follow-redirects', 'unknown enum', { 'follow-redirects': 'sometimes' }],
  ['insecure', 'not a boolean', { insecure: 'yes please' }],
  ['ca-cert', 'not PEM', { 'ca-cert': 'not a cert' }],
  [
    'ca-cert',
    'corrupt PEM',
    { 'ca-cert': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' },
  ],
  ['ca-cert', '100 KB', { 'ca-cert': KB100 }],
];

test.each(cases)('%s: %s', async (input, _what, inputs) => {
  // A good URL comes first, so a request would reach the server if validation came late.
  const given = { ...inputs };
  if (input === 'url' && inputs.url) given.url = `${server.url}/ok\n${inputs.url}`;
  const run = await runBundle('health-check-retry', {
    inputs: { url: server.url, ...given },
    timeoutMs: 20_000,
  });
  runs.push(run);
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(new RegExp(`^Input '${input}': `));
  expect(run.errors[0]).not.toContain('\n');
  expect(run.errors[0].length).toBeLessThan(600);
  const shown = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  expect(shown).not.toContain('x'.repeat(100));
  expect(shown).not.toMatch(/\n\s+at /);
  expect(server.requests).toHaveLength(0);
  expect(run.outputs).toEqual({});
  expect(run.summary).toBe('');
  // Fails fast, never waits on the network: bounded per case even on a loaded machine, and
  // under a second typically (the median over the table, checked below).
  expect(run.durationMs).toBeLessThan(3000);
  durations.push(run.durationMs);
});

test('bad input is refused in under a second (median over the table, start-up included)', () => {
  expect(durations).toHaveLength(cases.length);
  const sorted = [...durations].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(1000);
});
