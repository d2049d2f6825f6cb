// The simulator as @kubernetes/client-node 2 sees it: TLS with the kubeconfig's CA, bearer token,
// typed list/get calls, the Watch class, and error bodies.
import { AppsV1Api, CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployment, startCluster, type SimCluster } from './index';

let cluster: SimCluster;

beforeEach(async () => {
  cluster = await startCluster({ behaviour: { stepMs: 5 } });
});
afterEach(async () => {
  await cluster.close();
});

function client(kubeconfig = cluster.kubeconfig()): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  return kc;
}

describe('REST through client-node', () => {
  test('lists deployments over HTTPS with the CA from the kubeconfig', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 2 }));
    cluster.apply(deployment({ name: 'web', namespace: 'shop' }));
    const apps = client().makeApiClient(AppsV1Api);
    const list = await apps.listNamespacedDeployment({ namespace: 'default' });
    expect(list.items.map((d) => d.metadata?.name)).toEqual(['api']);
    expect(Number(list.metadata?.resourceVersion)).toBeGreaterThan(0);
    expect(list.items[0].spec?.replicas).toBe(2);
    expect(list.items[0].metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('answers 404 with the API server message for a missing deployment', async () => {
    const apps = client().makeApiClient(AppsV1Api);
    const err = await apps
      .readNamespacedDeployment({ name: 'api', namespace: 'default' })
      .catch((e) => e);
    expect(err.code).toBe(404);
    const body = typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
    expect(body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'deployments.apps "api" not found',
      details: { name: 'api', group: 'apps', kind: 'deployments' },
    });
  });

  test('refuses a wrong token with 401 and logs the request', async () => {
    const core = client(cluster.kubeconfig({ token: 'not-the-token' })).makeApiClient(CoreV1Api);
    const err = await core.listNamespacedPod({ namespace: 'default' }).catch((e) => e);
    expect(err.code).toBe(401);
    expect(cluster.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/v1/namespaces/default/pods', 401],
    ]);
  });

  test('filters by label selector: equality, inequality, set and existence', async () => {
    cluster.apply(deployment({ name: 'a', labels: { app: 'a', tier: 'web' } }));
    cluster.apply(deployment({ name: 'b', labels: { app: 'b', tier: 'db' } }));
    cluster.apply(deployment({ name: 'c', labels: { app: 'c' } }));
    const apps = client().makeApiClient(AppsV1Api);
    const names = async (labelSelector: string) =>
      (await apps.listNamespacedDeployment({ namespace: 'default', labelSelector })).items.map(
        (d) => d.metadata?.name,
      );
    expect(await names('tier=web')).toEqual(['a']);
    expect(await names('tier!=web')).toEqual(['b', 'c']);
    expect(await names('tier in (web,db)')).toEqual(['a', 'b']);
    expect(await names('tier notin (web)')).toEqual(['b', 'c']);
    expect(await names('tier')).toEqual(['a', 'b']);
    expect(await names('!tier')).toEqual(['c']);
    expect(await names('app=a,tier=db')).toEqual([]);
  });

  test('filters events by involvedObject field selectors', async () => {
    cluster.apply(deployment({ name: 'api' }));
    await cluster.waitFor('deployment', 'api', (d) => d.status?.availableReplicas === 1);
    const core = client().makeApiClient(CoreV1Api);
    const events = await core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: 'involvedObject.kind=Deployment,involvedObject.name=api',
    });
    expect(events.items.length).toBeGreaterThan(0);
    expect(
      events.items.every(
        (e) => e.involvedObject.name === 'api' && e.involvedObject.kind === 'Deployment',
      ),
    ).toBe(true);
    expect(events.items.map((e) => e.reason)).toContain('ScalingReplicaSet');
  });
});

describe('ways of reaching the cluster', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'k8s-sim-auth-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a CA file path and an exec credential plugin instead of inline CA and token', async () => {
    const caFile = path.join(dir, 'ca.pem');
    writeFileSync(caFile, cluster.caPem);
    const plugin = path.join(dir, 'credential.mjs');
    writeFileSync(
      plugin,
      "console.log(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: process.env.SIM_TOKEN } }));\n",
    );
    const user = {
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: process.execPath,
        args: [plugin],
        env: [{ name: 'SIM_TOKEN', value: cluster.token }],
        interactiveMode: 'Never',
      },
    };
    const kubeconfig = cluster.kubeconfig({ caFile, user });
    expect(kubeconfig).not.toMatch(/certificate-authority-data|^\s+token:/m);
    const core = client(kubeconfig).makeApiClient(CoreV1Api);
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });

  test('an IPv6 loopback server is reached through the same CA', async () => {
    await cluster.close();
    cluster = await startCluster({ host: '::1', controller: false });
    expect(cluster.url).toMatch(/^https:\/\/\[::1\]:\d+$/);
    cluster.apply(deployment({ name: 'api' }));
    const list = await client()
      .makeApiClient(AppsV1Api)
      .listNamespacedDeployment({ namespace: 'default' });
    expect(list.items.map((d) => d.metadata?.name)).toEqual(['api']);
  });

  test('in-cluster configuration from the service-account files and the service env', async () => {
    const mounted = cluster.writeServiceAccount(
      path.join(dir, 'var/run/secrets/kubernetes.io/serviceaccount'),
      { namespace: 'shop' },
    );
    const saved = {
      host: process.env.KUBERNETES_SERVICE_HOST,
      port: process.env.KUBERNETES_SERVICE_PORT,
    };
    Object.assign(process.env, mounted.env);
    try {
      const kc = new KubeConfig();
      kc.loadFromCluster(dir);
      cluster.apply(deployment({ name: 'api', namespace: 'shop' }));
      const list = await kc
        .makeApiClient(AppsV1Api)
        .listNamespacedDeployment({ namespace: 'shop' });
      expect(list.items.map((d) => d.metadata?.name)).toEqual(['api']);
      expect(cluster.requests.at(-1)).toMatchObject({
        path: '/apis/apps/v1/namespaces/shop/deployments',
        status: 200,
      });
    } finally {
      for (const [k, v] of [
        ['KUBERNETES_SERVICE_HOST', saved.host],
        ['KUBERNETES_SERVICE_PORT', saved.port],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('metadata.generation', () => {
  test('bumps on a spec change only, not on status or label changes', async () => {
    cluster.controller!.pause();
    const created = cluster.apply(deployment({ name: 'api' }));
    expect(created.metadata.generation).toBe(1);
    const relabelled = cluster.apply({
      ...created,
      metadata: { ...created.metadata, labels: { team: 'a' } },
    });
    expect(relabelled.metadata.generation).toBe(1);
    const statusOnly = cluster.setStatus('deployment', 'api', {
      observedGeneration: 1,
      replicas: 1,
    });
    expect(statusOnly.metadata.generation).toBe(1);
    expect(Number(statusOnly.metadata.resourceVersion)).toBeGreaterThan(
      Number(relabelled.metadata.resourceVersion),
    );
    const rolled = cluster.setImage('deployment', 'api', 'registry.example/app:2.0.0');
    expect(rolled.metadata.generation).toBe(2);
    expect(rolled.status).toEqual({ observedGeneration: 1, replicas: 1 });
  });

  test('a PUT through the API keeps the stored status and bumps generation on spec change', async () => {
    cluster.controller!.pause();
    cluster.apply(deployment({ name: 'api', replicas: 1 }));
    cluster.setStatus('deployment', 'api', { replicas: 1 });
    const apps = client().makeApiClient(AppsV1Api);
    const current = await apps.readNamespacedDeployment({ name: 'api', namespace: 'default' });
    current.spec!.replicas = 3;
    current.status = { replicas: 99 };
    const replaced = await apps.replaceNamespacedDeployment({
      name: 'api',
      namespace: 'default',
      body: current,
    });
    expect(replaced.metadata?.generation).toBe(2);
    expect(replaced.status?.replicas).toBe(1);
  });
});

describe('watch', () => {
  const path = '/apis/apps/v1/namespaces/default/deployments';

  test('resolves at once (headers flushed) and streams changes after the list resourceVersion', async () => {
    cluster.controller!.pause();
    cluster.apply(deployment({ name: 'api' }));
    const list = await client()
      .makeApiClient(AppsV1Api)
      .listNamespacedDeployment({ namespace: 'default' });
    const seen: [string, string, number | undefined][] = [];
    const started = Date.now();
    let ended = false;
    const abort = await new Watch(client()).watch(
      path,
      { resourceVersion: list.metadata!.resourceVersion!, fieldSelector: 'metadata.name=api' },
      (type, obj) => seen.push([type, obj.metadata.name, obj.metadata.generation]),
      () => (ended = true),
    );
    // No event has been sent yet, so only flushed headers can have resolved watch().
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toEqual([]);
    cluster.apply(deployment({ name: 'other' }));
    cluster.setImage('deployment', 'api', 'registry.example/app:2');
    await waitUntil(() => seen.length === 1);
    expect(seen).toEqual([['MODIFIED', 'api', 2]]);
    expect(cluster.openWatches).toBe(1);
    abort.abort();
    await waitUntil(() => cluster.openWatches === 0);
    expect(ended).toBe(true);
  });

  test('waitForRequest lets a test act the moment a client opens its watch', async () => {
    cluster.controller!.pause();
    cluster.apply(deployment({ name: 'api' }));
    const opened = cluster.waitForRequest(
      (r) => r.watch && r.query.fieldSelector === 'metadata.name=api',
    );
    const seen: string[] = [];
    const abort = await new Watch(client()).watch(
      path,
      { fieldSelector: 'metadata.name=api', resourceVersion: cluster.store.resourceVersion },
      (type) => seen.push(type),
      () => undefined,
    );
    const request = await opened;
    expect(request).toMatchObject({ method: 'GET', path, watch: true });
    cluster.setImage('deployment', 'api', 'app:2');
    await waitUntil(() => seen.length === 1);
    expect(seen).toEqual(['MODIFIED']);
    abort.abort();
  });

  test('sends ADDED for existing objects when no resourceVersion is given', async () => {
    cluster.controller!.pause();
    cluster.apply(deployment({ name: 'a' }));
    cluster.apply(deployment({ name: 'b' }));
    const seen: string[] = [];
    const abort = await new Watch(client()).watch(
      path,
      {},
      (type, obj) => seen.push(`${type} ${obj.metadata.name}`),
      () => undefined,
    );
    await waitUntil(() => seen.length === 2);
    expect(seen).toEqual(['ADDED a', 'ADDED b']);
    abort.abort();
  });

  test('a watch from a compacted resourceVersion gets an ERROR event with 410 Expired', async () => {
    cluster.controller!.pause();
    const old = cluster.apply(deployment({ name: 'api' })).metadata.resourceVersion!;
    cluster.setImage('deployment', 'api', 'registry.example/app:2');
    cluster.compact();
    const seen: { type: string; obj: any }[] = [];
    let done: unknown = 'not yet';
    await new Watch(client()).watch(
      path,
      { resourceVersion: old },
      (type, obj) => seen.push({ type, obj }),
      (err) => (done = err),
    );
    await waitUntil(() => done !== 'not yet');
    expect(seen).toHaveLength(1);
    expect(seen[0].type).toBe('ERROR');
    expect(seen[0].obj).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect(seen[0].obj.message).toMatch(
      new RegExp(`^too old resource version: ${old} \\(\\d+\\)$`),
    );
  });

  test('an injected 410 can also be answered as an HTTP status', async () => {
    cluster.faults.goneOnNextWatches(1, 'status');
    let done: any;
    await new Watch(client()).watch(
      path,
      { resourceVersion: cluster.store.resourceVersion },
      () => undefined,
      (err) => (done = err ?? 'no error'),
    );
    await waitUntil(() => done !== undefined);
    expect(done.statusCode).toBe(410);
    // The rule is spent: the next watch is served normally.
    const abort = await new Watch(client()).watch(
      path,
      { resourceVersion: cluster.store.resourceVersion },
      () => undefined,
      () => undefined,
    );
    expect(cluster.requests.filter((r) => r.watch).map((r) => r.status)).toEqual([410, 200]);
    abort.abort();
  });

  test('a dropped watch ends the stream after the configured number of events', async () => {
    cluster.controller!.pause();
    cluster.apply(deployment({ name: 'a' }));
    cluster.apply(deployment({ name: 'b' }));
    cluster.apply(deployment({ name: 'c' }));
    cluster.faults.dropWatches(1, { afterEvents: 2 });
    const seen: string[] = [];
    let done: unknown = 'not yet';
    await new Watch(client()).watch(
      path,
      {},
      (type, obj) => seen.push(obj.metadata.name),
      (err) => (done = err),
    );
    await waitUntil(() => done !== 'not yet');
    expect(seen).toEqual(['a', 'b']);
  });

  test('a timed drop cuts a quiet watch after afterMs', async () => {
    cluster.faults.dropWatches(1, { afterMs: 100 });
    let done: unknown = 'not yet';
    const started = Date.now();
    await new Watch(client()).watch(
      path,
      { resourceVersion: cluster.store.resourceVersion },
      () => undefined,
      (err) => (done = err),
    );
    await waitUntil(() => done !== 'not yet');
    expect(done).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  test('a resourceVersion older than the kept history is answered 410, as an HTTP status when configured', async () => {
    await cluster.close();
    cluster = await startCluster({ historySize: 3, controller: false });
    const old = cluster.apply(deployment({ name: 'api' })).metadata.resourceVersion!;
    for (let i = 2; i <= 5; i++) cluster.setImage('deployment', 'api', `app:${i}`);
    const recent = cluster.get('deployment', 'api')!.metadata.resourceVersion!;
    cluster.faults.staleWatchAnswer = 'status';
    let done: any;
    await new Watch(client()).watch(
      path,
      { resourceVersion: old },
      () => undefined,
      (err) => (done = err ?? 'no error'),
    );
    await waitUntil(() => done !== undefined);
    expect(done.statusCode).toBe(410);
    // A version inside the window still replays.
    const seen: string[] = [];
    const abort = await new Watch(client()).watch(
      path,
      { resourceVersion: String(Number(recent) - 1) },
      (type, obj) => seen.push(`${type} ${obj.spec.template.spec.containers[0].image}`),
      () => undefined,
    );
    await waitUntil(() => seen.length === 1);
    expect(seen).toEqual(['MODIFIED app:5']);
    abort.abort();
  });

  test('an injected 5xx on a watch request fails the watch with that status', async () => {
    cluster.faults.failNext(1, { status: 500 }, { watch: true });
    let done: any;
    await new Watch(client()).watch(
      path,
      {},
      () => undefined,
      (err) => (done = err ?? 'no error'),
    );
    await waitUntil(() => done !== undefined);
    expect(done.statusCode).toBe(500);
  });

  test('timeoutSeconds ends the watch from the server side', async () => {
    let done: unknown = 'not yet';
    const started = Date.now();
    await new Watch(client()).watch(
      path,
      { timeoutSeconds: 1 },
      () => undefined,
      (err) => (done = err),
    );
    await waitUntil(() => done !== 'not yet', 3000);
    expect(done).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  test('close() ends open watches and leaves no server', async () => {
    let done: unknown = 'not yet';
    await new Watch(client()).watch(
      path,
      {},
      () => undefined,
      (err) => (done = err),
    );
    expect(cluster.openWatches).toBe(1);
    await cluster.close();
    await waitUntil(() => done !== 'not yet');
    expect(cluster.openWatches).toBe(0);
    cluster = await startCluster(); // afterEach closes this one
  });
});

describe('controller', () => {
  test('a Deployment rollout creates a new ReplicaSet and reaches a complete status', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 3 }));
    const first = await cluster.waitFor(
      'deployment',
      'api',
      (d) => d.status?.availableReplicas === 3,
    );
    expect(first.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    cluster.setImage('deployment', 'api', 'registry.example/app:2.0.0');
    const done = await cluster.waitFor(
      'deployment',
      'api',
      (d) =>
        d.status?.observedGeneration === 2 &&
        d.status?.updatedReplicas === 3 &&
        d.status?.replicas === 3 &&
        d.status?.availableReplicas === 3,
    );
    expect(done.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const progressing = done.status.conditions.find((c: any) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(done.status.conditions.find((c: any) => c.type === 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });

    const sets = cluster.list('replicaset', { namespace: 'default' });
    expect(sets).toHaveLength(2);
    const current = sets.find(
      (rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2',
    )!;
    const previous = sets.find(
      (rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1',
    )!;
    expect(current.spec.template.spec.containers[0].image).toBe('registry.example/app:2.0.0');
    expect(current.spec.replicas).toBe(3);
    expect(previous.spec.replicas).toBe(0);
    const hash = current.metadata.labels!['pod-template-hash'];
    expect(current.metadata.name).toBe(`api-${hash}`);
    const pods = cluster.list('pod', {
      namespace: 'default',
      labelSelector: `app=api,pod-template-hash=${hash}`,
    });
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.ownerReferences).toEqual([
        expect.objectContaining({
          kind: 'ReplicaSet',
          name: current.metadata.name,
          uid: current.metadata.uid,
          controller: true,
        }),
      ]);
      expect(pod.status.containerStatuses[0]).toMatchObject({
        ready: true,
        restartCount: 0,
        state: { running: expect.any(Object) },
      });
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
