// The scripted control plane: the status the controllers write while workloads roll out, succeed
// and fail, checked against what the real controllers report.
import {
  daemonSet,
  deployment,
  rolloutComplete,
  startCluster,
  statefulSet,
  type KubeObject,
  type SimCluster,
} from './index';

let cluster: SimCluster;
beforeEach(async () => {
  cluster = await startCluster({ behaviour: { stepMs: 5 } });
});
afterEach(async () => {
  await cluster.close();
  expect(cluster.controller!.errors).toEqual([]);
});

const condition = (obj: KubeObject, type: string) =>
  obj.status?.conditions?.find((c: any) => c.type === type);
const podsOf = (labelSelector: string) =>
  cluster.list('pod', { namespace: 'default', labelSelector });

describe('Deployment', () => {
  test('observedGeneration lags a spec change until the controller has seen it', async () => {
    cluster.controller!.setDefaults({ stepMs: 5, observeDelayMs: 500 });
    cluster.apply(deployment({ name: 'api' }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    const changed = cluster.setImage('deployment', 'api', 'app:2');
    expect(changed.metadata.generation).toBe(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(cluster.get('deployment', 'api')!.status.observedGeneration).toBe(1);
    await cluster.waitFor('deployment', 'api', (d) => d.status?.observedGeneration === 2);
  });

  test('a rolling update never drops below maxUnavailable and steps the counts', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 4, maxSurge: 1, maxUnavailable: 0 }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    const seen: KubeObject[] = [];
    const stop = cluster.store.subscribe((e) => {
      if (e.object.kind === 'Deployment') seen.push(e.object);
    });
    cluster.setImage('deployment', 'api', 'app:2');
    await cluster.waitFor(
      'deployment',
      'api',
      (d) => d.status?.observedGeneration === 2 && rolloutComplete(d),
    );
    stop();
    const during = seen.filter((d) => d.status?.observedGeneration === 2);
    expect(Math.min(...during.map((d) => d.status.availableReplicas ?? 0))).toBeGreaterThanOrEqual(
      4,
    );
    expect(Math.max(...during.map((d) => d.status.replicas ?? 0))).toBeLessThanOrEqual(5);
    // The updated count climbs one at a time through every value.
    expect([...new Set(during.map((d) => d.status.updatedReplicas ?? 0))].sort()).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(during.some((d) => condition(d, 'Progressing')?.reason === 'ReplicaSetUpdated')).toBe(
      true,
    );
  });

  test('Recreate removes every old pod before the first new one starts', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 2, strategy: 'Recreate' }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    let overlap = false;
    const stop = cluster.store.subscribe(() => {
      const images = new Set(podsOf('app=api').map((p) => p.spec.containers[0].image));
      if (images.size > 1) overlap = true;
    });
    cluster.setImage('deployment', 'api', 'app:2');
    await cluster.waitFor(
      'deployment',
      'api',
      (d) => d.status?.observedGeneration === 2 && rolloutComplete(d),
    );
    stop();
    expect(overlap).toBe(false);
  });

  test('going back to an earlier template reuses its ReplicaSet with a new revision', async () => {
    cluster.apply(deployment({ name: 'api', image: 'app:1' }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    cluster.setImage('deployment', 'api', 'app:2');
    await cluster.waitFor(
      'deployment',
      'api',
      (d) => d.status?.observedGeneration === 2 && rolloutComplete(d),
    );
    cluster.setImage('deployment', 'api', 'app:1');
    const done = await cluster.waitFor(
      'deployment',
      'api',
      (d) => d.status?.observedGeneration === 3 && rolloutComplete(d),
    );
    expect(done.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const sets = cluster.list('replicaset', { namespace: 'default' });
    expect(sets).toHaveLength(2);
    const active = sets.find((rs) => rs.spec.replicas === 1)!;
    expect(active.spec.template.spec.containers[0].image).toBe('app:1');
    expect(active.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  test('crash-looping new pods keep the old ReplicaSet serving and climb in restarts, with BackOff events', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 2 }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    cluster.setImage('deployment', 'api', 'registry.example/app:crashloop');
    await cluster.waitFor('deployment', 'api', (d) => d.status?.observedGeneration === 2);
    const crashing = await waitForPod((p) => p.status?.containerStatuses?.[0]?.restartCount >= 2);
    expect(crashing.status.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    expect(crashing.status.containerStatuses[0].lastState.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });
    expect(crashing.status.phase).toBe('Running');
    const events = cluster.list('event', {
      namespace: 'default',
      fieldSelector: `involvedObject.name=${crashing.metadata.name},reason=BackOff`,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'Warning',
      involvedObject: { kind: 'Pod', uid: crashing.metadata.uid },
    });
    const d = cluster.get('deployment', 'api')!;
    expect(d.status.availableReplicas).toBe(2);
    expect(d.status.updatedReplicas).toBeGreaterThanOrEqual(1);
    expect(rolloutComplete(d)).toBe(false);
  });

  test.each([
    ['registry.example/app:does-not-exist', 'ImagePullBackOff', 'Pending'],
    ['registry.example/app:errimagepull', 'ErrImagePull', 'Pending'],
    ['registry.example/app:config-error', 'CreateContainerConfigError', 'Pending'],
    ['registry.example/app:invalid-image', 'InvalidImageName', 'Pending'],
  ])('image %s gives new pods the waiting reason %s', async (image, reason, phase) => {
    cluster.apply(deployment({ name: 'api' }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    cluster.setImage('deployment', 'api', image);
    const pod = await waitForPod(
      (p) =>
        p.spec.containers[0].image === image &&
        p.status?.containerStatuses?.[0]?.state?.waiting?.reason === reason,
    );
    expect(pod.status.phase).toBe(phase);
    expect(pod.status.containerStatuses[0].ready).toBe(false);
    const warnings = cluster.list('event', {
      namespace: 'default',
      fieldSelector: `involvedObject.name=${pod.metadata.name},type=Warning`,
    });
    expect(warnings.length).toBeGreaterThan(0);
  });

  test('a rule by workload name applies to the pods created after it', async () => {
    cluster.apply(deployment({ name: 'api', replicas: 1 }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    cluster.controller!.behave({ name: 'api', behaviour: { pods: 'never-ready' } });
    cluster.setImage('deployment', 'api', 'app:2');
    const pod = await waitForPod(
      (p) => p.spec.containers[0].image === 'app:2' && p.status?.phase === 'Running',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(
      cluster.get('pod', pod.metadata.name)!.status.conditions.find((c: any) => c.type === 'Ready')
        .status,
    ).toBe('False');
    const old = podsOf('app=api').filter((p) => p.spec.containers[0].image !== 'app:2');
    expect(
      old.every((p) => p.status.conditions.find((c: any) => c.type === 'Ready').status === 'True'),
    ).toBe(true);
  });

  test('no progress for longer than the deadline sets Progressing=False ProgressDeadlineExceeded', async () => {
    cluster.controller!.behave({ name: 'api', behaviour: { progressDeadlineMs: 200 } });
    cluster.apply(deployment({ name: 'api', image: 'app:never-ready' }));
    const started = Date.now();
    const failed = await cluster.waitFor(
      'deployment',
      'api',
      (d) => condition(d, 'Progressing')?.status === 'False',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    const rs = cluster.list('replicaset', { namespace: 'default' })[0];
    expect(condition(failed, 'Progressing')).toMatchObject({
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
    expect(condition(failed, 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
    });
  });

  test('zero counts are omitted from status as on the wire', async () => {
    cluster.apply(deployment({ name: 'api', image: 'app:never-ready' }));
    const d = await cluster.waitFor(
      'deployment',
      'api',
      (x) => x.status?.observedGeneration === 1 && x.status?.replicas === 1,
    );
    expect(d.status).not.toHaveProperty('readyReplicas');
    expect(d.status).not.toHaveProperty('availableReplicas');
    expect(d.status.unavailableReplicas).toBe(1);
  });
});

describe('StatefulSet', () => {
  test('creates ordinals in order and reports revisions; an update rolls from the highest ordinal', async () => {
    cluster.apply(statefulSet({ name: 'db', replicas: 3 }));
    const first = await cluster.waitFor('statefulset', 'db', rolloutComplete);
    expect(first.status.currentRevision).toBe(first.status.updateRevision);
    expect(
      podsOf('app=db')
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['db-0', 'db-1', 'db-2']);
    const deletions: string[] = [];
    const stop = cluster.store.subscribe((e) => {
      if (e.object.kind === 'Pod' && e.type === 'DELETED') deletions.push(e.object.metadata.name);
    });
    cluster.setImage('statefulset', 'db', 'app:2');
    const done = await cluster.waitFor(
      'statefulset',
      'db',
      (s) => s.status?.observedGeneration === 2 && rolloutComplete(s),
    );
    stop();
    expect(deletions).toEqual(['db-2', 'db-1', 'db-0']);
    expect(done.status.currentRevision).toBe(done.status.updateRevision);
    expect(done.status.updateRevision).not.toBe(first.status.updateRevision);
    expect(done.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      updatedReplicas: 3,
      currentReplicas: 3,
    });
  });

  test('a partition stops the update at that ordinal and keeps the current revision', async () => {
    cluster.apply(statefulSet({ name: 'db', replicas: 3, partition: 2 }));
    const first = await cluster.waitFor('statefulset', 'db', rolloutComplete);
    cluster.setImage('statefulset', 'db', 'app:2');
    const done = await cluster.waitFor(
      'statefulset',
      'db',
      (s) =>
        s.status?.observedGeneration === 2 &&
        s.status?.updatedReplicas === 1 &&
        s.status?.readyReplicas === 3,
    );
    await new Promise((r) => setTimeout(r, 60));
    const after = cluster.get('statefulset', 'db')!;
    expect(after.status).toMatchObject({
      updatedReplicas: 1,
      currentReplicas: 2,
      currentRevision: first.status.updateRevision,
    });
    expect(after.status.updateRevision).toBe(done.status.updateRevision);
    expect(cluster.get('pod', 'db-2')!.spec.containers[0].image).toBe('app:2');
    expect(cluster.get('pod', 'db-0')!.spec.containers[0].image).toBe('registry.example/app:1.0.0');
  });

  test('OnDelete replaces only the pods that are deleted', async () => {
    cluster.apply(statefulSet({ name: 'db', replicas: 2, updateStrategy: 'OnDelete' }));
    await cluster.waitFor('statefulset', 'db', rolloutComplete);
    cluster.setImage('statefulset', 'db', 'app:2');
    await cluster.waitFor('statefulset', 'db', (s) => s.status?.observedGeneration === 2);
    await new Promise((r) => setTimeout(r, 60));
    expect(cluster.get('statefulset', 'db')!.status.updatedReplicas ?? 0).toBe(0);
    cluster.delete('pod', 'db-1');
    await cluster.waitFor(
      'statefulset',
      'db',
      (s) => s.status?.updatedReplicas === 1 && s.status?.readyReplicas === 2,
    );
    expect(cluster.get('pod', 'db-1')!.spec.containers[0].image).toBe('app:2');
  });
});

describe('DaemonSet', () => {
  test('runs one pod per node and rolls an update across all nodes', async () => {
    cluster.apply(daemonSet({ name: 'agent' }));
    const first = await cluster.waitFor('daemonset', 'agent', rolloutComplete);
    expect(first.status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      numberAvailable: 3,
      updatedNumberScheduled: 3,
    });
    expect(new Set(podsOf('app=agent').map((p) => p.spec.nodeName)).size).toBe(3);
    cluster.setImage('daemonset', 'agent', 'agent:2');
    let minAvailable = 3;
    const stop = cluster.store.subscribe((e) => {
      if (e.object.kind === 'DaemonSet' && e.object.status?.observedGeneration === 2)
        minAvailable = Math.min(minAvailable, e.object.status.numberAvailable ?? 0);
    });
    await cluster.waitFor(
      'daemonset',
      'agent',
      (d) => d.status?.observedGeneration === 2 && rolloutComplete(d),
    );
    stop();
    expect(minAvailable).toBe(2); // maxUnavailable 1
    expect(podsOf('app=agent').every((p) => p.spec.containers[0].image === 'agent:2')).toBe(true);
  });
});

describe('DaemonSet OnDelete', () => {
  test('keeps old pods after a template change until they are deleted', async () => {
    cluster.apply(daemonSet({ name: 'agent', updateStrategy: 'OnDelete' }));
    await cluster.waitFor('daemonset', 'agent', rolloutComplete);
    cluster.setImage('daemonset', 'agent', 'agent:2');
    await cluster.waitFor('daemonset', 'agent', (d) => d.status?.observedGeneration === 2);
    await new Promise((r) => setTimeout(r, 60));
    const waiting = cluster.get('daemonset', 'agent')!;
    expect(waiting.status.updatedNumberScheduled ?? 0).toBe(0);
    expect(waiting.status.numberAvailable).toBe(3);
    const victim = podsOf('app=agent')[0];
    cluster.delete('pod', victim.metadata.name);
    const after = await cluster.waitFor(
      'daemonset',
      'agent',
      (d) => d.status?.updatedNumberScheduled === 1 && d.status?.numberAvailable === 3,
    );
    expect(after.status.desiredNumberScheduled).toBe(3);
    const replacement = podsOf('app=agent').find((p) => p.spec.nodeName === victim.spec.nodeName)!;
    expect(replacement.spec.containers[0].image).toBe('agent:2');
  });
});

async function waitForPod(
  predicate: (pod: KubeObject) => boolean,
  timeoutMs = 3000,
): Promise<KubeObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = cluster.list('pod', { namespace: 'default' }).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no pod matched in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
