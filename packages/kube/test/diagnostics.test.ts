import {
  collectDiagnostics,
  formatDiagnostics,
  labelSelectorString,
  podProblem,
  type Pod,
} from '../src/diagnostics';
import { FakeKube, DEPLOYMENTS, deploymentObject } from './fake-kube';

const waiting = (reason: string, restartCount = 0, message?: string): Pod => ({
  metadata: { name: 'p1' },
  status: {
    containerStatuses: [{ name: 'app', restartCount, state: { waiting: { reason, message } } }],
  },
});

describe('podProblem', () => {
  test.each([
    {
      name: 'ImagePullBackOff fails at once',
      pod: waiting('ImagePullBackOff'),
      expected: 'ImagePullBackOff',
    },
    {
      name: 'ErrImagePull is a problem (transient: the caller applies the grace)',
      pod: waiting('ErrImagePull'),
      expected: 'ErrImagePull',
    },
    {
      name: 'CreateContainerConfigError is a problem (transient)',
      pod: waiting('CreateContainerConfigError'),
      expected: 'CreateContainerConfigError',
    },
    {
      name: 'InvalidImageName fails at once',
      pod: waiting('InvalidImageName'),
      expected: 'InvalidImageName',
    },
    {
      name: 'CrashLoopBackOff after one restart is given a chance',
      pod: waiting('CrashLoopBackOff', 1),
      expected: undefined,
    },
    {
      name: 'CrashLoopBackOff after two restarts fails',
      pod: waiting('CrashLoopBackOff', 2),
      expected: 'CrashLoopBackOff',
    },
    { name: 'ContainerCreating is normal', pod: waiting('ContainerCreating'), expected: undefined },
    {
      name: 'a running container is fine',
      pod: { status: { containerStatuses: [{ name: 'app', state: { running: {} } }] } },
      expected: undefined,
    },
    {
      name: 'an init container stuck pulling counts too',
      pod: {
        status: {
          initContainerStatuses: [
            { name: 'migrate', state: { waiting: { reason: 'ImagePullBackOff' } } },
          ],
          containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }],
        },
      },
      expected: 'ImagePullBackOff',
    },
  ])('$name', ({ pod, expected }) => expect(podProblem(pod as Pod)?.reason).toBe(expected));

  test('only ErrImagePull and CreateContainerConfigError are marked transient', () => {
    expect(podProblem(waiting('ErrImagePull'))?.transient).toBe(true);
    expect(podProblem(waiting('CreateContainerConfigError'))?.transient).toBe(true);
    expect(podProblem(waiting('ImagePullBackOff'))?.transient).toBeUndefined();
    expect(podProblem(waiting('InvalidImageName'))?.transient).toBeUndefined();
    expect(podProblem(waiting('CrashLoopBackOff', 2))?.transient).toBeUndefined();
  });

  test('the crash-loop threshold is configurable', () => {
    expect(podProblem(waiting('CrashLoopBackOff', 3), 5)).toBeUndefined();
    expect(podProblem(waiting('CrashLoopBackOff', 5), 5)).toMatchObject({
      pod: 'p1',
      container: 'app',
      restarts: 5,
    });
  });
});

test.each([
  { input: { matchLabels: { app: 'api', tier: 'web' } }, expected: 'app=api,tier=web' },
  {
    input: {
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['a', 'b'] },
        { key: 'x', operator: 'Exists' },
        { key: 'y', operator: 'DoesNotExist' },
        { key: 'z', operator: 'NotIn', values: ['q'] },
      ],
    },
    expected: 'env in (a,b),x,!y,z notin (q)',
  },
  { input: undefined, expected: '' },
])('labelSelectorString($input) = $expected', ({ input, expected }) =>
  expect(labelSelectorString(input)).toBe(expected),
);

test('collectDiagnostics: new ReplicaSet, its not-ready pods, and Warning events of the workload and its pods only', async () => {
  const kube = new FakeKube();
  const ns = '/api/v1/namespaces/default';
  const d = deploymentObject('api', 2, 2, 2, {
    replicas: 2,
    updatedReplicas: 1,
    conditions: [
      {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: 'ReplicaSet "api-new" is progressing.',
      },
    ],
  });
  kube.put(DEPLOYMENTS, d);
  kube.put('/apis/apps/v1/namespaces/default/replicasets', {
    metadata: {
      name: 'api-new',
      uid: 'uid-api-new',
      annotations: { 'deployment.kubernetes.io/revision': '2' },
      ownerReferences: [{ name: 'api', uid: 'uid-api' }],
    },
  });
  kube.put(`${ns}/pods`, {
    metadata: { name: 'api-new-x', ownerReferences: [{ name: 'api-new', uid: 'uid-api-new' }] },
    spec: { nodeName: 'node-1' },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [
        {
          name: 'app',
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
          lastState: { terminated: { reason: 'Error', exitCode: 1 } },
        },
      ],
    },
  } as never);
  kube.put(`${ns}/pods`, {
    metadata: { name: 'api-new-ready', ownerReferences: [{ name: 'api-new', uid: 'uid-api-new' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  } as never);
  const event = (name: string, kind: string, obj: string, reason: string, time: string) => ({
    metadata: { name },
    type: 'Warning',
    reason,
    message: `${reason} happened`,
    count: 2,
    lastTimestamp: time,
    involvedObject: { kind, name: obj },
  });
  kube.put(
    `${ns}/events`,
    event('e1', 'Pod', 'api-new-x', 'BackOff', '2026-01-01T00:00:05Z') as never,
  );
  kube.put(
    `${ns}/events`,
    event('e0', 'Deployment', 'api', 'FailedCreate', '2026-01-01T00:00:01Z') as never,
  );
  kube.put(
    `${ns}/events`,
    event('e2', 'Pod', 'someone-else', 'BackOff', '2026-01-01T00:00:03Z') as never,
  );
  const diag = await collectDiagnostics(
    kube,
    { kind: 'Deployment', name: 'api', namespace: 'default' },
    d as never,
  );
  expect(diag.replicaSet).toBe('api-new');
  expect(diag.revision).toBe('2');
  expect(diag.pods).toEqual([
    {
      name: 'api-new-x',
      phase: 'Running',
      ready: false,
      node: 'node-1',
      reason: undefined,
      containers: [
        {
          name: 'app',
          state: 'waiting: CrashLoopBackOff',
          message: 'back-off 40s',
          restarts: 3,
          lastTermination: 'Error (exit 1)',
        },
      ],
    },
  ]);
  expect(diag.events.map((e) => `${e.object} ${e.reason}`)).toEqual([
    'Deployment/api FailedCreate',
    'Pod/api-new-x BackOff',
  ]);
  const lines = formatDiagnostics(diag);
  expect(lines).toContain('Revision: 2 (ReplicaSet api-new)');
  expect(lines).toContain(
    '  Progressing=True ReplicaSetUpdated: ReplicaSet "api-new" is progressing.',
  );
  expect(lines).toContain(
    '    app: waiting: CrashLoopBackOff, 3 restarts, last ended Error (exit 1) — back-off 40s',
  );
  expect(lines).toContain('  2026-01-01T00:00:05Z Pod/api-new-x BackOff (x2): BackOff happened');
});
