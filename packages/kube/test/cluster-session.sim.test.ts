// connectCluster: from the inputs to a ready client against the simulator — error mapping,
// legacy auth-providers, the diagnostics budget inside the deadline, cancellation, and the last
// connection error of a wait on an unreachable cluster.
import { createServer, type AddressInfo } from 'node:net';
import { ActionError, InputError } from '@cicd-actions/core/errors';
import { startCluster, deployment, type SimCluster } from '../../../test/k8s-sim/index';
import {
  KubeApiError,
  connectCluster,
  waitForRollouts,
  type ClusterSession,
  type ConnectClusterOptions,
} from '../src/index';

let cluster: SimCluster;
const sessions: ClusterSession[] = [];
beforeEach(async () => {
  cluster = await startCluster({ controller: false });
});
afterEach(async () => {
  sessions.splice(0).forEach((s) => s.close());
  await cluster.close();
});

async function connect(o: Partial<ConnectClusterOptions> = {}): Promise<ClusterSession> {
  const s = await connectCluster({
    kubeconfig: cluster.kubeconfig(),
    env: {},
    deadline: Date.now() + 20_000,
    onSecret: () => undefined,
    userAgent: 'cicd-actions/test',
    ...o,
  });
  sessions.push(s);
  return s;
}
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const jwt = (expSeconds: number) =>
  [
    Buffer.from('{"alg":"none"}').toString('base64url'),
    Buffer.from(JSON.stringify({ sub: 'ci', exp: expSeconds })).toString('base64url'),
    'sig',
  ].join('.');

describe('errors are mapped to what the user must fix', () => {
  test('a kubeconfig input that is not one: InputError naming the input', async () => {
    const err = await rejection(connect({ kubeconfig: 'not a kubeconfig at all' }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^Input 'kubeconfig': is neither a kubeconfig/);
  });

  test('a context that is not there: InputError naming the context input (its name as the action calls it)', async () => {
    const err = await rejection(
      connect({ context: 'prod', inputNames: { context: 'kube-context' } }),
    );
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(
      "Input 'kube-context': context 'prod' is not in input 'kubeconfig' (it has: k8s-sim)",
    );
  });

  test('nothing configured anywhere: an ActionError, never http://localhost:8080', async () => {
    const err = await rejection(connect({ kubeconfig: '', env: {}, homeDir: '/nonexistent' }));
    expect(err).toBeInstanceOf(ActionError);
    expect(err).not.toBeInstanceOf(InputError);
    expect(err.message).toMatch(/^no cluster configured/);
  });

  test('a failing exec plugin: an ActionError with its message, at connect time', async () => {
    const err = await rejection(
      connect({
        kubeconfig: cluster.kubeconfig({
          user: {
            exec: {
              command: process.execPath,
              args: ['-e', 'console.error("no SSO session"); process.exit(2)'],
            },
          },
        }),
        env: { PATH: process.env.PATH },
      }),
    );
    expect(err).toBeInstanceOf(ActionError);
    expect(err.message).toBe(
      `cannot get credentials for context 'k8s-sim' from input 'kubeconfig': the exec credential plugin '${process.execPath}' failed (exit code 2): no SSO session`,
    );
  });
});

describe('legacy auth-providers', () => {
  test.each([
    { name: 'gcp', replacement: /gke-gcloud-auth-plugin/ },
    { name: 'azure', replacement: /kubelogin convert-kubeconfig/ },
  ])(
    '$name: removed from Kubernetes, the error names $replacement',
    async ({ name, replacement }) => {
      const err = await rejection(
        connect({
          kubeconfig: cluster.kubeconfig({ user: { 'auth-provider': { name, config: {} } } }),
        }),
      );
      expect(err).toBeInstanceOf(ActionError);
      expect(err.message).toMatch(
        new RegExp(
          `^cannot get credentials for context 'k8s-sim' from input 'kubeconfig': user 'k8s-sim-user' \\(context 'k8s-sim' from input 'kubeconfig'\\) uses the auth-provider '${name}', which Kubernetes removed in 1\\.26`,
        ),
      );
      expect(err.message).toMatch(replacement);
    },
  );

  test('oidc with a valid id-token: it is the bearer token', async () => {
    const token = jwt(Math.floor(Date.now() / 1000) + 3600);
    await cluster.close();
    cluster = await startCluster({ controller: false, token });
    cluster.apply(deployment({ name: 'api' }));
    const secrets: string[] = [];
    const session = await connect({
      kubeconfig: cluster.kubeconfig({
        user: {
          'auth-provider': { name: 'oidc', config: { 'id-token': token, 'client-id': 'k8s' } },
        },
      }),
      onSecret: (s) => secrets.push(s),
    });
    const d = await session.api.get<{ metadata: { name: string } }>(
      '/apis/apps/v1/namespaces/default/deployments/api',
    );
    expect(d.metadata.name).toBe('api');
    expect(secrets).toContain(token);
  });

  test('oidc with an expired id-token: a clear error naming kubelogin, before any request', async () => {
    const err = await rejection(
      connect({
        kubeconfig: cluster.kubeconfig({
          user: {
            'auth-provider': {
              name: 'oidc',
              config: { 'id-token': jwt(1_000_000), 'refresh-token': 'r' },
            },
          },
        }),
      }),
    );
    expect(err.message).toMatch(
      /uses the auth-provider 'oidc', whose id-token has expired .*kubelogin/,
    );
    expect(cluster.requests).toEqual([]);
  });
});

describe('time and cancellation', () => {
  test('waitDeadline keeps a tenth of the time (at most 5 s) for diagnostics; their budget ends at the deadline', async () => {
    const now = Date.now();
    const session = await connect({ deadline: now + 10_000, now: () => now });
    expect(session.deadline).toBe(now + 10_000);
    expect(session.waitDeadline).toBe(now + 9_000);
    const budget = session.diagnosticsBudget(5_000);
    expect(budget.ms).toBe(5_000);
    budget.dispose();
    const long = await connect({ deadline: now + 600_000, now: () => now });
    expect(long.waitDeadline).toBe(now + 595_000);
  });

  test('past the deadline the budget is an already-aborted signal: a diagnostics request fails at once', async () => {
    const session = await connect({ deadline: Date.now() - 1 });
    cluster.faults.delayNext(10, 5_000);
    const budget = session.diagnosticsBudget();
    expect(budget).toMatchObject({ ms: 0 });
    expect(budget.signal.aborted).toBe(true);
    const started = Date.now();
    const err = await rejection(
      session.api.get('/api/v1/namespaces/default/pods', undefined, { signal: budget.signal }),
    );
    expect(err).toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(cluster.requests).toEqual([]);
  });

  test('after cancellation the budget is aborted too (never a subscription to a fired signal)', async () => {
    const cancel = new AbortController();
    const session = await connect({ signal: cancel.signal });
    cancel.abort();
    expect(session.diagnosticsBudget().signal.aborted).toBe(true);
  });

  test('cancelling stops a request in flight', async () => {
    // A server that accepts connections and never says a word.
    const silent = createServer((socket) => socket.on('error', () => undefined));
    const held: Array<import('node:net').Socket> = [];
    silent.on('connection', (c) => held.push(c));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const cancel = new AbortController();
    try {
      const session = await connect({
        kubeconfig: cluster.kubeconfig({
          server: `https://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        }),
        signal: cancel.signal,
      });
      const started = Date.now();
      const pending = rejection(session.api.get('/api/v1/namespaces/default/pods'));
      await new Promise((r) => setTimeout(r, 100));
      cancel.abort();
      expect(await pending).toMatchObject({ code: 'ABORTED' });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      held.forEach((c) => c.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  test('a wait on an unreachable cluster times out, and the session says why', async () => {
    const port = await closedPort();
    const session = await connect({
      kubeconfig: cluster.kubeconfig({ server: `https://127.0.0.1:${port}` }),
      deadline: Date.now() + 1_500,
    });
    const [r] = await waitForRollouts({
      api: session.api,
      targets: [{ kind: 'Deployment', name: 'api', namespace: 'default' }],
      deadline: session.waitDeadline,
    });
    expect(r.outcome).toBe('timed-out');
    expect(session.lastError).toBeInstanceOf(KubeApiError);
    expect(session.lastError?.message).toBe(
      `cannot connect to the API server at https://127.0.0.1:${port}: connection refused`,
    );
  });

  test('a success clears the last error; an answer about an object (404) is a success here', async () => {
    const session = await connect();
    cluster.faults.failNext(1, { status: 503, message: 'etcd is busy' });
    await rejection(session.api.get('/api/v1/namespaces/default/pods'));
    expect(session.lastError?.message).toBe('etcd is busy');
    await rejection(session.api.get('/apis/apps/v1/namespaces/default/deployments/none'));
    expect(session.lastError).toBeUndefined();
  });
});

test('proxy credentials in HTTPS_PROXY are masked at connect; describe() names the proxy without them', async () => {
  const secrets: string[] = [];
  const session = await connect({
    kubeconfig: cluster.kubeconfig({ server: 'https://api.internal.test:6443' }),
    env: { HTTPS_PROXY: 'http://ci:proxy-pass-1@proxy.corp:3128' },
    onSecret: (s) => secrets.push(s),
  });
  expect(secrets).toContain('proxy-pass-1');
  expect(session.proxy).toBe('http://proxy.corp:3128');
  expect(session.describe()).toBe(
    "https://api.internal.test:6443 (context k8s-sim from input 'kubeconfig', via proxy http://proxy.corp:3128)",
  );
});
