import { waitForRollouts, type RolloutProgress } from '../src/watch-rollout';
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
    await until(() => kube.openWatches === 2);
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

  test('ProgressDeadlineExceeded fails with fail-fast, and keeps waiting without it', async () => {
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
    const [waited] = await waitForRollouts({
      api: kube,
      targets: [ref('api')],
      deadline: Date.now() + 100,
      ...fast,
      failFast: false,
    });
    expect(waited).toMatchObject({
      outcome: 'timed-out',
      message: 'deployment "api" exceeded its progress deadline',
    });
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

  test('the backstop GET notices a change that a silent watch missed', async () => {
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
    expect(kube.log).toContain(`GET ${DEPLOYMENTS}/api`);
  });
});
