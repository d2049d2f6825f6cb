import { pollDelay, waitForRollouts, type RolloutProgress } from '../src/watch-rollout';
import { KubeApiError } from '../src/kube-api';
import { FakeKube, DEPLOYMENTS, STATEFULSETS, deploymentObject } from './fake-kube';

const api = '/api/v1/namespaces/default';
const fast = {
  backstopMs: 60_000,
  podCheckMs: 30,
  progressIntervalMs: 60_000,
  maxBackoffMs: 20,
  random: () => 0.5,
};
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const ref = (name: string, kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' = 'Deployment') => ({
  kind,
  name,
  namespace: 'default',
});

/** Waits (real time, briefly) until `cond` holds. */
async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition never held');
    await tick();
  }
}

describe('waitForRollouts', () => {
  test('a deployment already rolled out finishes after one list, without a watch', async () => {
    const kube = new FakeKube();
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 2, 2, 2, {
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
      }),
    );
    const [r] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 2000,
      ...fast,
    });
    expect(r).toMatchObject({
      kind: 'Deployment',
      name: 'api',
      done: true,
      outcome: 'ready',
      message: 'deployment "api" successfully rolled out',
      revision: '2',
    });
    expect(r.replicas).toEqual({ desired: 2, updated: 2, ready: 2, available: 2, total: 2 });
    expect(kube.log).toEqual([`GET ${DEPLOYMENTS}?fieldSelector=metadata.name=api`]);
  });

  test('follows the watch from the list resourceVersion and finishes on the completing event', async () => {
    const kube = new FakeKube();
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 3, 2, 2, { replicas: 2, updatedReplicas: 0, availableReplicas: 2 }),
    );
    const seen: RolloutProgress[] = [];
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
      onProgress: (p) => seen.push(p),
    });
    await until(() => kube.openWatches === 1);
    expect(kube.log.filter((l) => l.includes(DEPLOYMENTS))).toEqual([
      `GET ${DEPLOYMENTS}?fieldSelector=metadata.name=api`,
      `WATCH ${DEPLOYMENTS} rv=101`,
    ]);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 3, 3, 2, { replicas: 3, updatedReplicas: 1, availableReplicas: 2 }),
    );
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 3, 3, 2, { replicas: 2, updatedReplicas: 2, availableReplicas: 1 }),
    );
    const before = Date.now();
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 3, 3, 2, { replicas: 2, updatedReplicas: 2, availableReplicas: 2 }),
    );
    const [r] = await wait;
    expect(Date.now() - before).toBeLessThan(100);
    expect(r.outcome).toBe('ready');
    expect(seen.map((p) => p.message)).toEqual([
      'Waiting for deployment spec update to be observed...',
      'Waiting for deployment "api" rollout to finish: 1 out of 2 new replicas have been updated...',
      'Waiting for deployment "api" rollout to finish: 1 of 2 updated replicas are available...',
    ]);
    expect(kube.openWatches).toBe(0);
  });

  test('a cut watch is reopened from the last resourceVersion; a 410 makes it list again', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 2, { replicas: 2, updatedReplicas: 0 }));
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    await until(() => kube.openWatches === 1);
    kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 2, { replicas: 2, updatedReplicas: 1 }));
    kube.endWatches('cut');
    await until(() => kube.openWatches === 1);
    kube.endWatches('clean');
    await until(() => kube.openWatches === 1);
    kube.endWatches('expired');
    await until(() => kube.openWatches === 1);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 2, 2, 2, { replicas: 2, updatedReplicas: 2, availableReplicas: 2 }),
    );
    const [r] = await wait;
    expect(r.outcome).toBe('ready');
    const lists = kube.log.filter((l) => l.startsWith(`GET ${DEPLOYMENTS}`));
    const watches = kube.log.filter((l) => l.startsWith('WATCH'));
    expect(lists).toHaveLength(2);
    expect(watches.map((w) => w.split('rv=')[1])).toEqual(['101', '102', '102', '102']);
  });

  test('a watch refused with HTTP 410 lists again; a non-410 ERROR event only rewatches', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 1, { replicas: 1, updatedReplicas: 0 }));
    kube.watchFailures.push(new KubeApiError('HTTP', 'too old resource version', 410, 'Expired'));
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    await until(() => kube.openWatches === 1);
    kube.endWatchesWithError({
      kind: 'Status',
      code: 500,
      reason: 'InternalError',
      message: 'etcd hiccup',
    });
    await until(() => kube.openWatches === 1);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 2, 2, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    );
    expect((await wait)[0].outcome).toBe('ready');
    const calls = kube.log.filter((l) => l.includes(DEPLOYMENTS)).map((l) => l.split(' ')[0]);
    expect(calls).toEqual(['GET', 'WATCH', 'GET', 'WATCH', 'WATCH']);
  });

  test('network errors on list and watch are retried with backoff', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 1, { replicas: 1, updatedReplicas: 0 }));
    kube.getFailures.push(
      new KubeApiError('HTTP', 'boom', 503),
      new KubeApiError('NETWORK', 'reset'),
    );
    kube.watchFailures.push(new KubeApiError('HTTP', 'busy', 500));
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    await until(() => kube.openWatches === 1);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 2, 2, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    );
    expect((await wait)[0].outcome).toBe('ready');
  });

  test('several workloads share one deadline and finish when the slowest does', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('a', 2, 2, 1, { replicas: 1, updatedReplicas: 0 }));
    kube.put(DEPLOYMENTS, deploymentObject('b', 2, 2, 1, { replicas: 1, updatedReplicas: 0 }));
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('a'), ref('b')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    // One LIST and one WATCH of the collection serve both.
    await until(() => kube.openWatches === 1);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('b', 2, 2, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    );
    await tick(50);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('a', 2, 2, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    );
    const results = await wait;
    expect(results.map((r) => [r.name, r.outcome])).toEqual([
      ['a', 'ready'],
      ['b', 'ready'],
    ]);
    expect(results[0].elapsedMs).toBeGreaterThan(results[1].elapsedMs);
    const calls = kube.log.filter((l) => l.includes(DEPLOYMENTS));
    expect(calls).toEqual([`GET ${DEPLOYMENTS}`, `WATCH ${DEPLOYMENTS} rv=102`]);
  });

  test('the deadline ends every unfinished wait with its last kubectl message', async () => {
    const kube = new FakeKube();
    kube.put(
      DEPLOYMENTS,
      deploymentObject('slow', 2, 2, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }),
    );
    const started = Date.now();
    const [r] = await waitForRollouts({
      api: kube,
      targets: [ref('slow')],
      deadline: started + 150,
      ...fast,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({
      outcome: 'timed-out',
      done: false,
      reason: 'Timeout',
      message:
        'Waiting for deployment "slow" rollout to finish: 1 of 3 updated replicas are available...',
    });
  });

  test('a workload that does not exist fails at once with NotFound', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('other', 1, 1, 1, {}));
    const started = Date.now();
    const [r] = await waitForRollouts({
      api: kube,
      targets: [ref('missing')],
      deadline: started + 5000,
      ...fast,
    });
    expect(Date.now() - started).toBeLessThan(500);
    expect(r).toMatchObject({
      outcome: 'failed',
      reason: 'NotFound',
      message: 'deployments.apps "missing" not found in namespace "default"',
    });
  });

  test('a 401 fails without retrying', async () => {
    const kube = new FakeKube();
    kube.getFailures.push(
      new KubeApiError('HTTP', 'the API server rejected the credentials', 401, 'Unauthorized'),
    );
    const [r] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 5000,
      ...fast,
    });
    expect(r).toMatchObject({ outcome: 'failed', reason: 'Unauthorized' });
    expect(kube.log).toHaveLength(1);
  });

  test('ProgressDeadlineExceeded fails with fail-fast and without it, as kubectl does', async () => {
    const stuck = deploymentObject('api', 2, 2, 2, {
      replicas: 2,
      updatedReplicas: 1,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    });
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, stuck);
    const [failed] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 5000,
      ...fast,
    });
    expect(failed).toMatchObject({
      outcome: 'failed',
      reason: 'ProgressDeadlineExceeded',
      message: 'deployment "api" exceeded its progress deadline',
    });
    const started = Date.now();
    const [without] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 5000,
      ...fast,
      failFast: false,
    });
    expect(without).toMatchObject({
      outcome: 'failed',
      reason: 'ProgressDeadlineExceeded',
      message: 'deployment "api" exceeded its progress deadline',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('deleting the workload while waiting fails the wait', async () => {
    const kube = new FakeKube();
    kube.put(STATEFULSETS, {
      metadata: { name: 'db', generation: 1 },
      spec: { replicas: 1, updateStrategy: { type: 'RollingUpdate' } },
      status: { observedGeneration: 1, readyReplicas: 0 },
    });
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('db', 'StatefulSet')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    await until(() => kube.openWatches === 1);
    kube.remove(STATEFULSETS, 'db');
    expect((await wait)[0]).toMatchObject({ outcome: 'failed', reason: 'Deleted' });
  });

  test('fail-fast: a crash-looping pod of the new ReplicaSet fails the wait; an old one does not', async () => {
    const kube = new FakeKube();
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 2, 2, 2, { replicas: 3, updatedReplicas: 1, availableReplicas: 2 }),
    );
    const rs = (name: string, revision: string) => ({
      metadata: {
        name,
        uid: `uid-${name}`,
        annotations: { 'deployment.kubernetes.io/revision': revision },
        ownerReferences: [{ kind: 'Deployment', name: 'api', uid: 'uid-api', controller: true }],
      },
    });
    kube.put(`/apis/apps/v1/namespaces/default/replicasets`, rs('api-old', '1'));
    kube.put(`/apis/apps/v1/namespaces/default/replicasets`, rs('api-new', '2'));
    const pod = (name: string, owner: string, restarts: number) => ({
      metadata: {
        name,
        ownerReferences: [{ kind: 'ReplicaSet', name: owner, uid: `uid-${owner}` }],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            restartCount: restarts,
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'back-off 20s restarting failed container',
              },
            },
          },
        ],
      },
    });
    kube.put(`${api}/pods`, pod('api-old-1', 'api-old', 9));
    kube.put(`${api}/pods`, pod('api-new-1', 'api-new', 1));
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    await tick(100);
    kube.put(`${api}/pods`, pod('api-new-1', 'api-new', 2));
    const [r] = await wait;
    expect(r).toMatchObject({
      outcome: 'failed',
      reason: 'CrashLoopBackOff',
      failingPod: { pod: 'api-new-1', container: 'app', restarts: 2 },
    });
    expect(r.message).toBe(
      'pod api-new-1 of the new revision: container app is in CrashLoopBackOff after 2 restarts (back-off 20s restarting failed container)',
    );
  });

  describe('fail-fast grace for reasons that often heal', () => {
    function brokenPod(reason: string) {
      return {
        metadata: {
          name: 'db-0',
          labels: { 'controller-revision-hash': 'db-2' },
          ownerReferences: [{ kind: 'StatefulSet', name: 'db', uid: 'uid-db' }],
        },
        status: {
          phase: 'Pending',
          containerStatuses: [{ name: 'app', restartCount: 0, state: { waiting: { reason } } }],
        },
      };
    }
    const sts = {
      metadata: { name: 'db', uid: 'uid-db', generation: 2 },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'db' } },
        updateStrategy: { type: 'RollingUpdate' },
      },
      status: { observedGeneration: 2, readyReplicas: 0, updateRevision: 'db-2' },
    };

    test.each(['ErrImagePull', 'CreateContainerConfigError'])(
      '%s fails only after persisting for the grace',
      async (reason) => {
        const kube = new FakeKube();
        kube.put(STATEFULSETS, sts);
        kube.put(`${api}/pods`, brokenPod(reason));
        const started = Date.now();
        const [r] = await waitForRollouts({
          api: kube,
          targets: [ref('db', 'StatefulSet')],
          deadline: started + 3000,
          ...fast,
          transientGraceMs: 300,
        });
        expect(r).toMatchObject({ outcome: 'failed', reason });
        expect(Date.now() - started).toBeGreaterThanOrEqual(300);
        expect(r.message).toMatch(
          new RegExp(`^pod db-0 of the new revision: container app is in ${reason} for \\d+ s`),
        );
      },
    );

    test('an ErrImagePull that heals within the grace does not fail the rollout', async () => {
      const kube = new FakeKube();
      kube.put(STATEFULSETS, sts);
      kube.put(`${api}/pods`, brokenPod('ErrImagePull'));
      const wait = waitForRollouts({
        api: kube,
        targets: [ref('db', 'StatefulSet')],
        deadline: Date.now() + 3000,
        ...fast,
        transientGraceMs: 400,
      });
      await tick(150);
      kube.put(`${api}/pods`, {
        ...brokenPod('x'),
        status: { phase: 'Running', containerStatuses: [{ name: 'app', state: { running: {} } }] },
      });
      kube.put(STATEFULSETS, {
        ...sts,
        status: {
          ...sts.status,
          readyReplicas: 1,
          currentRevision: 'db-2',
          currentReplicas: 1,
          updatedReplicas: 1,
        },
      });
      const [r] = await wait;
      expect(r.outcome).toBe('ready');
    });

    test('ImagePullBackOff (a back-off state) fails at the first look', async () => {
      const kube = new FakeKube();
      kube.put(STATEFULSETS, sts);
      kube.put(`${api}/pods`, brokenPod('ImagePullBackOff'));
      const started = Date.now();
      const [r] = await waitForRollouts({
        api: kube,
        targets: [ref('db', 'StatefulSet')],
        deadline: started + 3000,
        ...fast,
        transientGraceMs: 2000,
      });
      expect(r).toMatchObject({ outcome: 'failed', reason: 'ImagePullBackOff' });
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  test('fail-fast waits until the controller observed the template: the bad pods of the revision on record are not judged', async () => {
    const kube = new FakeKube();
    // Rolled back: generation 3 not observed yet, so revision 2 (the bad release) is on record.
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 3, 2, 1, { replicas: 2, updatedReplicas: 1, availableReplicas: 1 }),
    );
    kube.put(`/apis/apps/v1/namespaces/default/replicasets`, {
      metadata: {
        name: 'api-bad',
        uid: 'uid-api-bad',
        annotations: { 'deployment.kubernetes.io/revision': '2' },
        ownerReferences: [{ kind: 'Deployment', name: 'api', uid: 'uid-api', controller: true }],
      },
    });
    kube.put(`${api}/pods`, {
      metadata: {
        name: 'api-bad-1',
        ownerReferences: [{ kind: 'ReplicaSet', name: 'api-bad', uid: 'uid-api-bad' }],
      },
      status: {
        containerStatuses: [
          { name: 'app', restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    });
    const [r] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 400,
      ...fast,
    });
    expect(r).toMatchObject({
      outcome: 'timed-out',
      message: 'Waiting for deployment spec update to be observed...',
    });
  });

  test('progress is reported on every message change and otherwise at most once per interval', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 2, { replicas: 2, updatedReplicas: 0 }));
    const seen: RolloutProgress[] = [];
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
      progressIntervalMs: 100,
      onProgress: (p) => seen.push(p),
    });
    await until(() => kube.openWatches === 1);
    // Same message, many events: no extra lines.
    for (let i = 0; i < 5; i++)
      kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 2, { replicas: 2, updatedReplicas: 0 }));
    expect(seen).toHaveLength(1);
    await tick(250);
    kube.put(
      DEPLOYMENTS,
      deploymentObject('api', 2, 2, 2, { replicas: 2, updatedReplicas: 2, availableReplicas: 2 }),
    );
    await wait;
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(seen.slice(1).every((p) => !p.changed)).toBe(true);
  });

  test('the backstop relist notices a change that a silent watch missed', async () => {
    const kube = new FakeKube();
    kube.put(DEPLOYMENTS, deploymentObject('api', 2, 2, 1, { replicas: 1, updatedReplicas: 0 }));
    const wait = waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
      backstopMs: 100,
    });
    await until(() => kube.openWatches === 1);
    // Change the stored object without telling the watch.
    kube.objects.get(DEPLOYMENTS)!.set('api', {
      ...deploymentObject('api', 2, 2, 1, {
        replicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
      }),
      metadata: { name: 'api', generation: 2 },
    } as never);
    const [r] = await wait;
    expect(r.outcome).toBe('ready');
    const lists = kube.log.filter((l) => l.startsWith(`GET ${DEPLOYMENTS}?`));
    expect(lists.length).toBeGreaterThanOrEqual(2);
  });

  test('a missing namespace is reported as such, once for all its workloads', async () => {
    const kube = new FakeKube();
    const targets = ['a', 'b'].map((n) => ({ ...ref(n), namespace: 'gone' }));
    const results = await waitForRollouts({
      api: kube,
      targets,
      deadline: Date.now() + 3000,
      ...fast,
    });
    for (const r of results)
      expect(r).toMatchObject({
        outcome: 'failed',
        reason: 'NamespaceNotFound',
        message: 'namespaces "gone" not found',
      });
    expect(kube.log.filter((l) => l === 'GET /api/v1/namespaces/gone')).toHaveLength(1);
  });

  test('a namespace that may not be read: the workload is reported NotFound', async () => {
    const kube = new FakeKube();
    kube.namespaces.clear();
    const real = kube.get.bind(kube);
    kube.get = (async (path: string, query?: Record<string, string | undefined>) => {
      if (path === '/api/v1/namespaces/default')
        throw new KubeApiError('HTTP', 'namespaces "default" is forbidden', 403, 'Forbidden');
      return real(path, query);
    }) as typeof kube.get;
    const [r] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 3000,
      ...fast,
    });
    expect(r).toMatchObject({
      reason: 'NotFound',
      message: 'deployments.apps "api" not found in namespace "default"',
    });
  });

  test('200 workloads in one namespace: one LIST and one WATCH of deployments, pods looked at in one LIST per round', async () => {
    const kube = new FakeKube();
    const names = Array.from({ length: 200 }, (_, i) => `w-${i}`);
    for (const n of names)
      kube.put(DEPLOYMENTS, deploymentObject(n, 2, 2, 1, { replicas: 1, updatedReplicas: 0 }));
    const wait = waitForRollouts({
      api: kube,
      targets: names.map((n) => ref(n)),
      deadline: Date.now() + 5000,
      ...fast,
      podCheckMs: 50,
    });
    await until(() => kube.openWatches === 1);
    await tick(120);
    for (const n of names)
      kube.put(
        DEPLOYMENTS,
        deploymentObject(n, 2, 2, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
      );
    const results = await wait;
    expect(results.every((r) => r.outcome === 'ready')).toBe(true);
    expect(kube.log.filter((l) => l.startsWith(`WATCH ${DEPLOYMENTS}`))).toHaveLength(1);
    expect(kube.log.filter((l) => l.startsWith(`GET ${DEPLOYMENTS}`))).toHaveLength(1);
    const podLists = kube.log.filter((l) => l === `GET ${api}/pods`).length;
    // A few rounds of one LIST each, not one per workload.
    expect(podLists).toBeGreaterThanOrEqual(1);
    expect(podLists).toBeLessThan(20);
  });

  describe('a forbidden watch (get+list, no watch): polls by relisting, as kubectl does', () => {
    test.each([403, 405])(
      'HTTP %s on the watch: relists with backoff, says so once, and finishes',
      async (status) => {
        const kube = new FakeKube();
        kube.put(
          DEPLOYMENTS,
          deploymentObject('api', 2, 2, 1, { replicas: 1, updatedReplicas: 0 }),
        );
        const denied = () =>
          new KubeApiError(
            'HTTP',
            'deployments.apps is forbidden: User "ci" cannot watch resource "deployments"',
            status,
            status === 403 ? 'Forbidden' : 'MethodNotAllowed',
          );
        for (let i = 0; i < 50; i++) kube.watchFailures.push(denied());
        const notices: string[] = [];
        const wait = waitForRollouts({
          api: kube,
          targets: [ref('api')],
          deadline: Date.now() + 5000,
          ...fast,
          pollInitialMs: 40,
          pollMaxMs: 100,
          onNotice: (l) => notices.push(l),
        });
        await until(() => kube.log.filter((l) => l.startsWith('WATCH')).length >= 3);
        kube.put(
          DEPLOYMENTS,
          deploymentObject('api', 2, 2, 1, {
            replicas: 1,
            updatedReplicas: 1,
            availableReplicas: 1,
          }),
        );
        const [r] = await wait;
        expect(r).toMatchObject({
          outcome: 'ready',
          message: 'deployment "api" successfully rolled out',
        });
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatch(
          new RegExp(
            `^Watching deployments.apps in namespace default is not allowed \\(${status} `,
          ),
        );
        expect(notices[0]).toContain('polling instead');
        // Each round: a LIST, then a try of the watch (RBAC may change).
        const calls = kube.log.filter((l) => l.includes(DEPLOYMENTS)).map((l) => l.split(' ')[0]);
        expect(calls.slice(0, 6)).toEqual(['GET', 'WATCH', 'GET', 'WATCH', 'GET', 'WATCH']);
      },
    );
  });

  test('pollDelay: 0.8 s doubling to 30 s, jitter never past the cap', () => {
    const o = { pollInitialMs: 800, pollMaxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => pollDelay(n, o, () => 0))).toEqual([
      800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000,
    ]);
    expect(pollDelay(1, o, () => 0.999)).toBeLessThanOrEqual(1600);
    expect(pollDelay(9, o, () => 0.999)).toBe(30_000);
  });
});
