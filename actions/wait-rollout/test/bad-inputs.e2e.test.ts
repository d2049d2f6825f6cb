// Every input of wait-rollout, every kind of bad value, through the bundle: one one-line
// ::error:: naming the input, exit 1, no stack trace, no request reached the (counting) API
// server, nothing echoed beyond a short preview, no output and no summary.
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { startServer, type LoopbackServer } from '../../health-check-retry/test/loopback-server';

const KB100 = 'x'.repeat(100 * 1024);
const SHELL = '$(touch /tmp/pwned); `id` | rm -rf / && echo "$HOME" > ~/x';
const b64 = (s: string) => Buffer.from(s).toString('base64');

let server: LoopbackServer;
const runs: ActionRun[] = [];
beforeAll(async () => {
  server = await startServer((_req, res) => void res.writeHead(200).end('{}'));
});
afterAll(async () => {
  await server.close();
  runs.splice(0).forEach(cleanupRun);
});
beforeEach(() => void (server.requests.length = 0));

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
const cases: Case[] = [
  ['resources', 'empty where required', { resources: '' }],
  ['resources', 'unknown kind', { resources: 'pod/api' }],
  ['resources', 'a bad name', { resources: 'deployment/API_1' }],
  ['resources', 'a bad namespace prefix', { resources: 'Prod!/deployment/api' }],
  ['resources', 'no name', { resources: 'deployment/' }],
  ['resources', '100 KB', { resources: KB100 }],
  ['resources', 'shell metacharacters', { resources: SHELL }],
  ['selector', 'not a selector', { resources: '', selector: 'app in' }],
  ['selector', '100 KB', { resources: '', selector: `${KB100}=(` }],
  ['selector', 'shell metacharacters', { resources: '', selector: SHELL }],
  ['kinds', 'unknown enum', { resources: '', selector: 'app=api', kinds: 'pod' }],
  ['kinds', '100 KB', { resources: '', selector: 'app=api', kinds: KB100 }],
  ['namespace', 'not a name', { namespace: 'Prod_1' }],
  ['namespace', 'too long', { namespace: 'a'.repeat(64) }],
  ['namespace', '100 KB', { namespace: KB100 }],
  ['namespace', 'shell metacharacters', { namespace: SHELL }],
  ['timeout', 'not a duration', { timeout: '5 minutes' }],
  ['timeout', 'wrong type', { timeout: 'true' }],
  ['timeout', 'negative', { timeout: '-5m' }],
  ['timeout', 'zero', { timeout: '0s' }],
  ['timeout', 'huge', { timeout: '99999999999999999999h' }],
  ['timeout', 'past what timers hold', { timeout: '25d' }],
  ['timeout', '100 KB', { timeout: KB100 }],
  ['timeout', 'shell metacharacters', { timeout: SHELL }],
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
  ['fail-fast', 'not a boolean', { 'fail-fast': 'maybe' }],
  ['images', 'not an image', { images: 'api=:::' }],
  ['images', '100 KB', { images: `api=${KB100}:1` }],
  ['images', 'shell metacharacters', { images: SHELL }],
  ['revision', 'not hex', { revision: 'main' }],
  ['revision', 'too short', { revision: 'abc12' }],
  ['revision', '100 KB', { revision: KB100 }],
  ['revision', 'shell metacharacters', { revision: SHELL }],
  ['refresh', 'not a boolean', { refresh: 'sometimes' }],
  ['accept-paused', 'not a boolean', { 'accept-paused': '2' }],
];

test.each(cases)('%s: %s', async (input, _what, inputs) => {
  const given = { ...inputs };
  if (given.kubeconfig === '@NOCTX') given.kubeconfig = b64(kubeconfig(server.url, false));
  if (given.kubeconfig === '@BADURL') given.kubeconfig = b64(kubeconfig('not a url'));
  if (given.kubeconfig === '@FTP') given.kubeconfig = b64(kubeconfig('ftp://127.0.0.1:1'));
  const run = await runBundle('wait-rollout', {
    inputs: { resources: 'deployment/api', kubeconfig: b64(kubeconfig(server.url)), ...given },
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
  expect(run.outputs).toEqual({});
  expect(run.summary).toBe('');
  expect(run.durationMs).toBeLessThan(5000);
});
