// Every input of helm-rollback, every kind of bad value, through the bundle: one one-line
// ::error:: naming the input, exit 1, no stack trace, nothing echoed beyond a short preview, no
// output, no summary, no request to the (counting) API server, and helm never invoked: the helm
// given is a script that records each call.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { startServer, type LoopbackServer } from '../../health-check-retry/test/loopback-server';

const KB100 = 'x'.repeat(100 * 1024);
const SHELL = '$(touch /tmp/pwned); `id` | rm -rf / && echo "$HOME" > ~/x';
const b64 = (s: string) => Buffer.from(s).toString('base64');

let server: LoopbackServer;
let dir: string;
let helm: string;
let calls: string;
const runs: ActionRun[] = [];
beforeAll(async () => {
  server = await startServer((_req, res) => void res.writeHead(200).end('{}'));
  dir = mkdtempSync(path.join(tmpdir(), 'helm-rollback-bad-'));
  calls = path.join(dir, 'calls');
  helm = path.join(dir, 'helm');
  writeFileSync(helm, `#!/bin/sh\necho "$@" >> '${calls}'\necho 'v3.15.0'\n`);
  chmodSync(helm, 0o755);
});
afterAll(async () => {
  await server.close();
  runs.splice(0).forEach(cleanupRun);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.requests.length = 0;
  rmSync(calls, { force: true });
});

const kubeconfig = (serverUrl: string, contexts = true) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: ${serverUrl}`,
    'users:',
    '- name: u',
    '  user:',
    '    token: tok-bad-inputs-0123456789',
    ...(contexts
      ? ['contexts:', '- name: ctx', '  context: {cluster: c, user: u}', 'current-context: ctx']
      : []),
  ].join('\n');

type Case = [input: string, what: string, inputs: Record<string, string>];
const booleans = [
  'wait-for-jobs',
  'cleanup-on-fail',
  'dry-run',
  'force',
  'recreate-pods',
  'no-hooks',
  'verify',
];
const cases: Case[] = [
  ['release', 'empty where required', { release: '' }],
  ['release', 'not a release name', { release: 'My_Release' }],
  ['release', 'too long', { release: 'a'.repeat(54) }],
  ['release', '100 KB', { release: KB100 }],
  ['release', 'shell metacharacters', { release: SHELL }],
  ['release', 'a flag', { release: '--kube-apiserver=http://evil.example' }],
  ['namespace', 'not a name', { namespace: 'Prod_1' }],
  ['namespace', '100 KB', { namespace: KB100 }],
  ['namespace', 'shell metacharacters', { namespace: SHELL }],
  ['failed-revision', 'wrong type', { 'failed-revision': 'latest' }],
  ['failed-revision', 'negative', { 'failed-revision': '-3' }],
  ['failed-revision', 'zero', { 'failed-revision': '0' }],
  ['failed-revision', 'huge', { 'failed-revision': '99999999999999999999' }],
  ['failed-revision', '100 KB', { 'failed-revision': KB100 }],
  ['failed-revision', 'shell metacharacters', { 'failed-revision': SHELL }],
  ['revision', 'wrong type', { revision: 'previous' }],
  ['revision', 'negative', { revision: '-1' }],
  ['revision', 'zero', { revision: '0' }],
  ['revision', 'huge', { revision: '99999999999999999999' }],
  ['revision', '100 KB', { revision: KB100 }],
  ['revision', 'with failed-revision', { revision: '2', 'failed-revision': '3' }],
  ['wait', 'unknown enum', { wait: 'forever' }],
  ['wait', '100 KB', { wait: KB100 }],
  ['wait', 'shell metacharacters', { wait: SHELL }],
  ['timeout', 'not a duration', { timeout: '5 minutes' }],
  ['timeout', 'negative', { timeout: '-5m' }],
  ['timeout', 'zero', { timeout: '0s' }],
  ['timeout', 'huge', { timeout: '99999999999999999999h' }],
  ['timeout', 'past what timers hold', { timeout: '25d' }],
  ['timeout', '100 KB', { timeout: KB100 }],
  ['timeout', 'shell metacharacters', { timeout: SHELL }],
  ...booleans.map((b): Case => [b, 'not a boolean', { [b]: 'maybe' }]),
  ...booleans.map((b): Case => [b, '100 KB', { [b]: KB100 }]),
  ['kubeconfig', 'garbage base64', { kubeconfig: 'bm90IHlhbWw6IFs=!!@@' }],
  ['kubeconfig', 'not YAML', { kubeconfig: 'clusters: [\n  - a: {' }],
  ['kubeconfig', 'no contexts', { kubeconfig: '@NOCTX' }],
  ['kubeconfig', 'a server that is not a URL', { kubeconfig: '@BADURL' }],
  ['kubeconfig', 'a server of another scheme', { kubeconfig: '@FTP' }],
  ['kubeconfig', '100 KB', { kubeconfig: KB100 }],
  ['kubeconfig', 'shell metacharacters', { kubeconfig: SHELL }],
  ['context', 'not in the kubeconfig', { context: 'missing-ctx' }],
  ['context', '100 KB', { context: KB100 }],
  ['context', 'shell metacharacters', { context: SHELL }],
  ['helm', 'two lines', { helm: '@HELM\n/bin/sh' }],
  ['helm', '100 KB', { helm: `/${KB100}` }],
  ['helm', 'shell metacharacters', { helm: SHELL }],
];

test.each(cases)('%s: %s', async (input, _what, inputs) => {
  const given = { ...inputs };
  if (given.kubeconfig === '@NOCTX') given.kubeconfig = b64(kubeconfig(server.url, false));
  if (given.kubeconfig === '@BADURL') given.kubeconfig = b64(kubeconfig('not a url'));
  if (given.kubeconfig === '@FTP') given.kubeconfig = b64(kubeconfig('ftp://127.0.0.1:1'));
  if (given.helm) given.helm = given.helm.replace('@HELM', helm);
  const run = await runBundle('helm-rollback', {
    inputs: { release: 'shop', kubeconfig: b64(kubeconfig(server.url)), helm, ...given },
    timeoutMs: 20_000,
  });
  runs.push(run);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(new RegExp(`^Input '${input}': `));
  expect(run.errors[0]).not.toContain('\n');
  expect(run.errors[0].length).toBeLessThan(600);
  expect(run.code).toBe(1);
  const shown = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  expect(shown).not.toContain('x'.repeat(100));
  expect(shown + run.stderr).not.toMatch(/\n\s+at /);
  expect(server.requests).toHaveLength(0);
  expect(existsSync(calls) ? readFileSync(calls, 'utf8') : '').toBe('');
  expect(run.outputs).toEqual({});
  expect(run.summary).toBe('');
  expect(run.durationMs).toBeLessThan(5000);
});
