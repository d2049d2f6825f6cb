// kubectl's own table-driven cases for its status viewers (rollout_status_test.go), restated
// here with our object shapes, plus the branches kubectl's table leaves out.
import {
  rolloutStatus,
  replicaCounts,
  workloadRevision,
  type Workload,
} from '../src/rollout-status';

const deployment = (
  generation: number,
  replicas: number | undefined,
  status: Workload['status'],
): Workload => ({
  metadata: { name: 'foo', namespace: 'bar', generation },
  spec: { replicas },
  status,
});

describe('Deployment status viewer', () => {
  test.each([
    {
      name: 'fewer updated replicas than desired',
      input: deployment(0, 1, {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 0,
        availableReplicas: 1,
        unavailableReplicas: 0,
      }),
      expected: {
        message:
          'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n',
        done: false,
      },
    },
    {
      name: 'old replicas still running',
      input: deployment(1, 1, {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 1,
        availableReplicas: 2,
        unavailableReplicas: 0,
      }),
      expected: {
        message:
          'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n',
        done: false,
      },
    },
    {
      name: 'updated replicas not all available',
      input: deployment(1, 2, {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 1,
        unavailableReplicas: 1,
      }),
      expected: {
        message:
          'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n',
        done: false,
      },
    },
    {
      name: 'all updated and available',
      input: deployment(1, 2, {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
      }),
      expected: { message: 'deployment "foo" successfully rolled out\n', done: true },
    },
    {
      name: 'spec change not yet observed by the controller',
      input: deployment(2, 2, {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 0,
      }),
      expected: { message: 'Waiting for deployment spec update to be observed...\n', done: false },
    },
    {
      name: 'no spec.replicas: the desired-count check is skipped, as kubectl does for a nil pointer',
      input: deployment(1, undefined, {
        observedGeneration: 1,
        replicas: 3,
        updatedReplicas: 3,
        availableReplicas: 3,
      }),
      expected: { message: 'deployment "foo" successfully rolled out\n', done: true },
    },
    {
      name: 'an empty status counts as zero',
      input: { metadata: { name: 'foo', generation: 1 }, spec: { replicas: 3 } },
      expected: { message: 'Waiting for deployment spec update to be observed...\n', done: false },
    },
  ])('$name', ({ input, expected }) => {
    expect(rolloutStatus('Deployment', input)).toEqual(expected);
  });

  test('ProgressDeadlineExceeded is an error, checked before the replica counts', () => {
    const d = deployment(3, 2, {
      observedGeneration: 3,
      replicas: 2,
      updatedReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
      ],
    });
    expect(rolloutStatus('Deployment', d)).toEqual({
      message: '',
      done: false,
      error: 'deployment "foo" exceeded its progress deadline',
      reason: 'ProgressDeadlineExceeded',
    });
  });

  test('a ProgressDeadlineExceeded condition from an older generation is not acted on until observed', () => {
    const d = deployment(4, 2, {
      observedGeneration: 3,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    });
    expect(rolloutStatus('Deployment', d)).toEqual({
      message: 'Waiting for deployment spec update to be observed...\n',
      done: false,
    });
  });
});

const daemonSet = (
  generation: number,
  status: Workload['status'],
  strategy = 'RollingUpdate',
): Workload => ({
  metadata: { name: 'foo', namespace: 'bar', generation },
  spec: { updateStrategy: { type: strategy } },
  status,
});

describe('DaemonSet status viewer', () => {
  test.each([
    {
      name: 'fewer updated pods than desired',
      input: daemonSet(0, {
        observedGeneration: 1,
        updatedNumberScheduled: 0,
        desiredNumberScheduled: 1,
        numberAvailable: 0,
      }),
      expected: {
        message:
          'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...\n',
        done: false,
      },
    },
    {
      name: 'updated pods not all available',
      input: daemonSet(1, {
        observedGeneration: 1,
        updatedNumberScheduled: 2,
        desiredNumberScheduled: 2,
        numberAvailable: 1,
      }),
      expected: {
        message:
          'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...\n',
        done: false,
      },
    },
    {
      name: 'all updated and available',
      input: daemonSet(1, {
        observedGeneration: 1,
        updatedNumberScheduled: 2,
        desiredNumberScheduled: 2,
        numberAvailable: 2,
      }),
      expected: { message: 'daemon set "foo" successfully rolled out\n', done: true },
    },
    {
      name: 'spec change not yet observed',
      input: daemonSet(2, {
        observedGeneration: 1,
        updatedNumberScheduled: 2,
        desiredNumberScheduled: 2,
        numberAvailable: 2,
      }),
      expected: { message: 'Waiting for daemon set spec update to be observed...\n', done: false },
    },
  ])('$name', ({ input, expected }) => {
    expect(rolloutStatus('DaemonSet', input)).toEqual(expected);
  });

  test("an OnDelete daemon set is rejected with kubectl's error", () => {
    const result = rolloutStatus('DaemonSet', daemonSet(1, {}, 'OnDelete'));
    expect(result.error).toBe('rollout status is only available for RollingUpdate strategy type');
    expect(result.reason).toBe('UnsupportedStrategy');
  });
});

const statefulSet = (
  generation: number,
  updateStrategy: NonNullable<Workload['spec']>['updateStrategy'],
  status: Workload['status'],
): Workload => ({
  metadata: { name: 'foo', namespace: 'default', generation },
  spec: { replicas: 3, updateStrategy },
  status,
});

describe('StatefulSet status viewer', () => {
  test.each([
    {
      name: 'on delete returns an error',
      input: statefulSet(
        1,
        { type: 'OnDelete' },
        {
          observedGeneration: 1,
          replicas: 0,
          readyReplicas: 1,
          currentReplicas: 0,
          updatedReplicas: 0,
        },
      ),
      expected: {
        message: '',
        done: true,
        error: 'rollout status is only available for RollingUpdate strategy type',
        reason: 'UnsupportedStrategy',
      },
    },
    {
      name: 'unobserved update is not complete',
      input: statefulSet(
        2,
        { type: 'RollingUpdate' },
        {
          observedGeneration: 1,
          replicas: 3,
          readyReplicas: 3,
          currentReplicas: 3,
          updatedReplicas: 0,
        },
      ),
      expected: { message: 'Waiting for statefulset spec update to be observed...\n', done: false },
    },
    {
      name: 'observedGeneration 0 means not yet observed, whatever the generation',
      input: statefulSet(
        0,
        { type: 'RollingUpdate' },
        { observedGeneration: 0, replicas: 3, readyReplicas: 3 },
      ),
      expected: { message: 'Waiting for statefulset spec update to be observed...\n', done: false },
    },
    {
      name: 'if all pods are not ready the update is not complete',
      input: statefulSet(
        1,
        { type: 'RollingUpdate' },
        {
          observedGeneration: 2,
          replicas: 3,
          readyReplicas: 2,
          currentReplicas: 3,
          updatedReplicas: 0,
        },
      ),
      expected: { message: 'Waiting for 1 pods to be ready...\n', done: false },
    },
    {
      name: 'partition update completes when all replicas above the partition are updated',
      input: statefulSet(
        1,
        { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
        {
          observedGeneration: 2,
          replicas: 3,
          readyReplicas: 3,
          currentReplicas: 2,
          updatedReplicas: 1,
        },
      ),
      expected: {
        message: 'partitioned roll out complete: 1 new pods have been updated...\n',
        done: true,
      },
    },
    {
      name: 'partition update is in progress if all pods above the partition have not been updated',
      input: statefulSet(
        1,
        { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
        {
          observedGeneration: 2,
          replicas: 3,
          readyReplicas: 3,
          currentReplicas: 3,
          updatedReplicas: 0,
        },
      ),
      expected: {
        message:
          'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n',
        done: false,
      },
    },
    {
      name: 'a rollingUpdate block without a partition is reported as a complete partitioned roll out',
      input: statefulSet(
        1,
        { type: 'RollingUpdate', rollingUpdate: {} },
        { observedGeneration: 1, replicas: 3, readyReplicas: 3, updatedReplicas: 3 },
      ),
      expected: {
        message: 'partitioned roll out complete: 3 new pods have been updated...\n',
        done: true,
      },
    },
    {
      name: 'update completes when all replicas are current',
      input: statefulSet(
        1,
        { type: 'RollingUpdate' },
        {
          observedGeneration: 2,
          replicas: 3,
          readyReplicas: 3,
          currentReplicas: 3,
          updatedReplicas: 3,
          currentRevision: 'foo',
          updateRevision: 'foo',
        },
      ),
      expected: {
        message: 'statefulset rolling update complete 3 pods at revision foo...\n',
        done: true,
      },
    },
    {
      name: 'update revision differing from the current one is still rolling',
      input: statefulSet(
        1,
        { type: 'RollingUpdate' },
        {
          observedGeneration: 1,
          replicas: 3,
          readyReplicas: 3,
          currentReplicas: 1,
          updatedReplicas: 2,
          currentRevision: 'foo-1',
          updateRevision: 'foo-2',
        },
      ),
      expected: {
        message: 'waiting for statefulset rolling update to complete 2 pods at revision foo-2...\n',
        done: false,
      },
    },
  ])('$name', ({ input, expected }) => {
    expect(rolloutStatus('StatefulSet', input)).toEqual(expected);
  });
});

describe('figures for the summary', () => {
  test('deployment replica counts and revision annotation', () => {
    const d: Workload = {
      metadata: {
        name: 'api',
        generation: 5,
        annotations: { 'deployment.kubernetes.io/revision': '7' },
      },
      spec: { replicas: 3 },
      status: { replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 },
    };
    expect(replicaCounts('Deployment', d)).toEqual({
      desired: 3,
      updated: 2,
      ready: 3,
      available: 3,
      total: 4,
    });
    expect(workloadRevision('Deployment', d)).toBe('7');
  });

  test('daemon set figures come from the scheduling counts; its revision is the generation', () => {
    const ds: Workload = {
      metadata: { name: 'agent', generation: 4 },
      status: {
        desiredNumberScheduled: 5,
        currentNumberScheduled: 5,
        updatedNumberScheduled: 3,
        numberReady: 4,
        numberAvailable: 4,
      },
    };
    expect(replicaCounts('DaemonSet', ds)).toEqual({
      desired: 5,
      updated: 3,
      ready: 4,
      available: 4,
      total: 5,
    });
    expect(workloadRevision('DaemonSet', ds)).toBe('4');
  });

  test('statefulset revision is its update revision', () => {
    expect(workloadRevision('StatefulSet', { status: { updateRevision: 'db-5d8f' } })).toBe(
      'db-5d8f',
    );
  });
});
