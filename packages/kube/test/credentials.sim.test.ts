// Credentials that expire during a wait, against the simulator behind a token gate (tokens with
// a lifetime): exec plugins re-run before expirationTimestamp and once after a 401; token files
// re-read; what is masked and what is not.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCluster, deployment, type SimCluster } from '../../../test/k8s-sim/index';
import {
  connectCluster,
  kubeconfigSecrets,
  parseKubeconfig,
  tokenFileCredentials,
  waitForRollouts,
  type ClusterSession,
} from '../src/index';
import { gatePlugin, startTokenGate, type TokenGate } from './token-gate';

const NODE = process.execPath;
let cluster: SimCluster;
let gate: TokenGate;
let dir: string;
const sessions: ClusterSession[] = [];
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'creds-'));
  cluster = await startCluster({ controller: false });
  gate = await startTokenGate(cluster);
});
afterEach(async () => {
  sessions.splice(0).forEach((s) => s.close());
  await gate.close();
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

function execKubeconfig(script: string): string {
  return cluster.kubeconfig({
    server: gate.url,
    user: {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: NODE, args: [script] },
    },
  });
}

async function connect(kubeconfig: string, secrets: string[] = []): Promise<ClusterSession> {
  const s = await connectCluster({
    kubeconfig,
    env: { PATH: process.env.PATH },
    deadline: Date.now() + 30_000,
    onSecret: (v) => secrets.push(v),
    userAgent: 'cicd-actions/test',
  });
  sessions.push(s);
  return s;
}

test('a plugin token that expires during the wait is renewed before it lapses: no 401 at all', async () => {
  const plugin = gatePlugin(dir, 1200);
  const secrets: string[] = [];
  const session = await connect(execKubeconfig(plugin.script), secrets);
  cluster.apply(deployment({ name: 'api', replicas: 2 }));
  const generation = cluster.get('deployment', 'api')!.metadata.generation;
  const status = (ready: number) => ({
    observedGeneration: generation,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: ready,
    availableReplicas: ready,
  });
  cluster.setStatus('deployment', 'api', status(1));
  // The rollout completes after three token lifetimes.
  const done = setTimeout(() => cluster.setStatus('deployment', 'api', status(2)), 3600);
  const [result] = await waitForRollouts({
    api: session.api,
    targets: [{ kind: 'Deployment', name: 'api', namespace: 'default' }],
    deadline: session.waitDeadline,
    failFast: false,
    backstopMs: 300,
  });
  clearTimeout(done);
  expect(result).toMatchObject({ outcome: 'ready' });
  const used = gate.log.map((e) => e.token);
  // The rollout took several lifetimes: the plugin ran again and again, and every request went
  // out with a token that was still valid.
  expect(plugin.runs()).toBeGreaterThanOrEqual(3);
  expect(new Set(used).size).toBeGreaterThanOrEqual(3);
  expect(gate.log.filter((e) => e.status === 401)).toEqual([]);
  // Each new token was handed to the mask before it was sent.
  for (const n of new Set(used)) expect(secrets.some((s) => s.startsWith(`gate.${n}.`))).toBe(true);
}, 30_000);

test('a 401 on a token the plugin still calls valid: the plugin runs once more and the request is retried', async () => {
  const plugin = gatePlugin(dir, 10 * 60_000);
  const session = await connect(execKubeconfig(plugin.script));
  await session.api.get('/api/v1/namespaces/default/pods');
  gate.revoke(1);
  await session.api.get('/api/v1/namespaces/default/pods');
  expect(plugin.runs()).toBe(2);
  expect(gate.log.map((e) => `${e.token}:${e.status}`)).toEqual(['1:0', '1:401', '2:0']);
  expect(session.lastError).toBeUndefined();
});

test('still 401 after the plugin ran again: one clear error naming the kubeconfig user entry', async () => {
  const plugin = gatePlugin(dir, 10 * 60_000, 'not-a-gate-token');
  const session = await connect(execKubeconfig(plugin.script));
  const err = await session.api.get('/api/v1/namespaces/default/pods').catch((e: Error) => e);
  expect((err as Error).message).toBe(
    "the API server rejected the credentials (401 Unauthorized) of user 'k8s-sim-user' (context 'k8s-sim' from input 'kubeconfig'), also after its exec plugin ran again: the plugin's credentials are wrong or not allowed on this cluster",
  );
  expect(plugin.runs()).toBe(2);
  expect(gate.log.map((e) => e.status)).toEqual([401, 401]);
  expect(session.lastError).toBe(err);
});

test('a watch answered 401 renews too, and the watch goes on', async () => {
  const plugin = gatePlugin(dir, 10 * 60_000);
  const session = await connect(execKubeconfig(plugin.script));
  cluster.apply(deployment({ name: 'api' }));
  gate.revoke(1);
  const stop = new AbortController();
  const seen: string[] = [];
  await session.api.watch<{ metadata: { name: string } }>(
    '/apis/apps/v1/namespaces/default/deployments',
    {},
    (e) => {
      seen.push(e.object.metadata.name);
      stop.abort();
    },
    { signal: stop.signal },
  );
  expect(seen).toEqual(['api']);
  expect(plugin.runs()).toBe(2);
});

test('a token file is re-read (rotated projected tokens) and each token is masked', async () => {
  const file = path.join(dir, 'token');
  writeFileSync(file, 'first-token\n');
  let clock = 0;
  const secrets: string[] = [];
  const source = tokenFileCredentials(file, { onSecret: (s) => secrets.push(s), now: () => clock });
  expect(await source.get()).toEqual({ authorization: 'Bearer first-token' });
  writeFileSync(file, 'second-token\n');
  // Within a minute the cached read is used, as client-go does...
  clock = 59_000;
  expect((await source.get()).authorization).toBe('Bearer first-token');
  // ...then read again.
  clock = 60_000;
  const second = await source.get();
  expect(second.authorization).toBe('Bearer second-token');
  // After a 401 it is read at once: a change means retry, no change means the 401 stands.
  writeFileSync(file, 'third-token\n');
  expect(await source.refresh(second)).toBe(true);
  expect((await source.get()).authorization).toBe('Bearer third-token');
  expect(await source.refresh(await source.get())).toBe(false);
  expect(secrets).toEqual(['first-token', 'second-token', 'third-token', 'third-token']);
});

test('a kubeconfig tokenFile user against the simulator: the file is read and its token masked', async () => {
  const file = path.join(dir, 'token');
  writeFileSync(file, `${cluster.token}\n`);
  const secrets: string[] = [];
  const session = await connect(cluster.kubeconfig({ user: { tokenFile: file } }), secrets);
  await session.api.get('/api/v1/namespaces/default/pods');
  expect(secrets).toContain(cluster.token);
});

describe('masking: secret-looking values only', () => {
  const yaml = (user: object, server = 'https://k8s.test') =>
    JSON.stringify({
      clusters: [{ name: 'c', cluster: { server } }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'x',
    });

  test('exec env: only values whose names look secret; exec args: values of secret flags', async () => {
    const config = await parseKubeconfig(
      yaml({
        exec: {
          command: 'kubelogin',
          args: [
            'get-token',
            '--environment',
            'AzurePublicCloud',
            '--client-secret=s3cr3t-value',
            '--password',
            'hunter2-pass',
            '--token=tok-123',
            '--server-id',
            'prod',
          ],
          env: [
            { name: 'AWS_PROFILE', value: 'prod' },
            { name: 'AWS_REGION', value: 'us-east-1' },
            { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI' },
            { name: 'GITHUB_TOKEN', value: 'ghp_abcdef' },
            { name: 'AZURE_CLIENT_CREDENTIAL', value: 'cred-value' },
          ],
        },
      }),
    );
    const secrets = kubeconfigSecrets(config);
    expect(secrets).toEqual(
      expect.arrayContaining([
        's3cr3t-value',
        'hunter2-pass',
        'tok-123',
        'wJalrXUtnFEMI',
        'ghp_abcdef',
        'cred-value',
      ]),
    );
    for (const harmless of ['prod', 'us-east-1', 'AzurePublicCloud', 'get-token', 'kubelogin'])
      expect(secrets).not.toContain(harmless);
  });

  test('server URL userinfo: the password (and user:password, its Basic form), never the user alone', async () => {
    const config = await parseKubeconfig(yaml({}, 'https://user:pa%24%24word@k8s.test:6443'));
    const secrets = kubeconfigSecrets(config);
    expect(secrets).toEqual(
      expect.arrayContaining([
        'pa$$word',
        'user:pa$$word',
        Buffer.from('user:pa$$word').toString('base64'),
      ]),
    );
    expect(secrets).not.toContain('user');
  });

  test('the session shows the server without userinfo', async () => {
    const secrets: string[] = [];
    const session = await connect(
      cluster.kubeconfig({ server: cluster.url.replace('https://', 'https://admin:pw-12345@') }),
      secrets,
    );
    expect(session.displayServer).toBe(cluster.url);
    expect(session.describe()).toBe(`${cluster.url} (context k8s-sim from input 'kubeconfig')`);
    expect(JSON.stringify(session)).not.toContain('pw-12345');
    expect(secrets).toContain('pw-12345');
    expect(secrets).not.toContain('admin');
  });
});
