// The REST + watch client and the rollout wait against the simulated API server: TLS with the
// kubeconfig's CA, bearer tokens, Status errors, and how fast a completing change is noticed.
import { startCluster, deployment, type SimCluster } from '../../../test/k8s-sim/index';
import {
  KubeApiClient,
  KubeApiError,
  loadKubeConnection,
  waitForRollouts,
  type KubeConnection,
} from '../src/index';

let cluster: SimCluster;
beforeEach(async () => {
  cluster = await startCluster({ controller: false });
});
afterEach(async () => {
  await cluster.close();
});

/** The error a request must fail with. */
const failure = (p: Promise<unknown>): Promise<KubeApiError> =>
  p.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: KubeApiError) => e,
  );

const connect = (kubeconfig = cluster.kubeconfig()): Promise<KubeConnection> =>
  loadKubeConnection({ content: kubeconfig, env: {} });

describe('KubeApiClient', () => {
  test('GETs over HTTPS with the CA data and the bearer token from the kubeconfig', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 2 }));
    const api = new KubeApiClient(await connect());
    try {
      const list = await api.get<{ items: Array<{ metadata: { name: string } }> }>(
        '/apis/apps/v1/namespaces/default/deployments',
        { fieldSelector: 'metadata.name=api' },
      );
      expect(list.items.map((i) => i.metadata.name)).toEqual(['api']);
      expect(cluster.requests[0]).toMatchObject({
        method: 'GET',
        status: 200,
        userAgent: 'cicd-actions/kube',
      });
    } finally {
      api.close();
    }
  });

  test("a missing object is a 404 KubeApiError with the server's message and reason", async () => {
    const api = new KubeApiClient(await connect());
    const err = await failure(api.get('/apis/apps/v1/namespaces/default/deployments/nope'));
    api.close();
    expect(err).toBeInstanceOf(KubeApiError);
    expect(err).toMatchObject({
      status: 404,
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      retryable: false,
    });
  });

  test('a wrong token is a 401 that names the context and the source, not the token', async () => {
    const api = new KubeApiClient(await connect(cluster.kubeconfig({ token: 'bad-token-value' })));
    const err = await failure(api.get('/api/v1/namespaces/default/pods'));
    api.close();
    expect(err).toMatchObject({ status: 401, reason: 'Unauthorized', retryable: false });
    expect(err.message).toBe(
      "the API server rejected the credentials (401 Unauthorized) of context 'k8s-sim' from input 'kubeconfig': the token or client certificate is wrong or expired",
    );
  });

  test('a server whose certificate the CA did not sign is a TLS error; insecure-skip-tls-verify accepts it', async () => {
    const withoutCa = cluster
      .kubeconfig({ insecure: true })
      .replace(/^\s*insecure-skip-tls-verify: true\n/m, '');
    expect(withoutCa).not.toMatch(/insecure|certificate-authority/);
    const strict = new KubeApiClient(await connect(withoutCa));
    const err = await failure(strict.get('/version'));
    strict.close();
    expect(err).toBeInstanceOf(KubeApiError);
    expect(err.message).toMatch(
      /^TLS verification of the API server https:\/\/127\.0\.0\.1:\d+ failed \(.+\): check the kubeconfig's certificate-authority$/,
    );
    const lax = new KubeApiClient(await connect(cluster.kubeconfig({ insecure: true })));
    await expect(lax.get('/version')).resolves.toBeDefined();
    lax.close();
  });

  test('a 503 is retryable; the Status message is kept', async () => {
    cluster.faults.failNext(1, { status: 503, message: 'etcd is busy' });
    const api = new KubeApiClient(await connect());
    const err = await failure(api.get('/api/v1/namespaces/default/pods'));
    api.close();
    expect(err).toMatchObject({ status: 503, retryable: true, message: 'etcd is busy' });
  });
});

describe('KubeApiClient watches', () => {
  test('a watch its consumer aborts just as the server ends it: no stray socket error, the pool stays usable', async () => {
    cluster.apply(deployment({ name: 'api' }));
    const api = new KubeApiClient(await connect());
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      for (let i = 0; i < 10; i++) {
        cluster.faults.dropWatches(1, { afterEvents: 1 }, { path: '/deployments' });
        const stop = new AbortController();
        await api.watch('/apis/apps/v1/namespaces/default/deployments', {}, () => stop.abort(), {
          signal: stop.signal,
        });
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(uncaught).toEqual([]);
      await expect(api.get('/version')).resolves.toBeDefined();
    } finally {
      process.off('uncaughtException', onUncaught);
      api.close();
    }
  });
});

describe('waitForRollouts on the simulator', () => {
  test('the change that completes the rollout is noticed within 100 ms', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 2 }));
    const generation = cluster.get('deployment', 'api')!.metadata.generation;
    cluster.setStatus('deployment', 'api', {
      observedGeneration: generation,
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 1,
      readyReplicas: 1,
    });
    const api = new KubeApiClient(await connect());
    try {
      const wait = waitForRollouts({
        api,
        targets: [{ kind: 'Deployment', name: 'api', namespace: 'default' }],
        deadline: Date.now() + 10_000,
        failFast: false,
      });
      await cluster.waitForRequest((r) => r.watch);
      await new Promise((r) => setTimeout(r, 50));
      const completedAt = performance.now();
      cluster.setStatus('deployment', 'api', {
        observedGeneration: generation,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        readyReplicas: 2,
      });
      const [result] = await wait;
      const latency = performance.now() - completedAt;
      expect(result).toMatchObject({
        outcome: 'ready',
        message: 'deployment "api" successfully rolled out',
      });
      expect(latency).toBeLessThan(100);
      // One list, one watch: nothing was polled.
      expect(
        cluster.requests
          .filter((r) => r.path.includes('/deployments'))
          .map((r) => (r.watch ? 'WATCH' : 'LIST')),
      ).toEqual(['LIST', 'WATCH']);
    } finally {
      api.close();
    }
  });
});
