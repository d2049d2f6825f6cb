// wait-rollout (the bundled action) against the real control plane, and — differential — the
// real `kubectl rollout status` 1.31 and 1.33 on the same objects: same exit code, and the
// action's `message` is kubectl's last line.
import type { KubectlMinor } from '../../kubectl/binaries';
import {
  apply,
  createNamespace,
  serviceAccount,
  writeTemp,
  daemonSet,
  deleteNamespace,
  deployment,
  job,
  kubectl,
  rolloutStatus,
  setImage,
  statefulSet,
  testCluster,
} from '../env';
import { cleanupRuns, lastLine, rolloutResults, runAction } from './helpers';

const namespaces: string[] = [];
afterAll(async () => {
  cleanupRuns();
  await Promise.all(namespaces.map(deleteNamespace));
});

async function ns(): Promise<string> {
  const name = await createNamespace('wr');
  namespaces.push(name);
  return name;
}

/** Applies `obj`, waits (kubectl) until it has rolled out once, then changes its image. */
async function rolledOutThenChanged(
  obj: { metadata: { namespace: string } },
  ref: string,
  image: string,
) {
  await apply(obj);
  const first = await rolloutStatus(obj.metadata.namespace, ref, { timeout: '60s' });
  if (first.code !== 0) throw new Error(`initial rollout of ${ref}: ${first.stderr}`);
  await setImage(obj.metadata.namespace, ref, image);
}

interface Differential {
  action: Awaited<ReturnType<typeof runAction>>;
  kubectl: Record<KubectlMinor, Awaited<ReturnType<typeof rolloutStatus>>>;
}

/** wait-rollout and both kubectl versions, started together on the same rollout. */
async function both(
  namespace: string,
  ref: string,
  { timeout = '60s', failFast = 'true' }: { timeout?: string; failFast?: string } = {},
): Promise<Differential> {
  const [action, k31, k33] = await Promise.all([
    runAction('wait-rollout', { resources: ref, namespace, timeout, 'fail-fast': failFast }),
    rolloutStatus(namespace, ref, { minor: 31, timeout }),
    rolloutStatus(namespace, ref, { minor: 33, timeout }),
  ]);
  return { action, kubectl: { 31: k31, 33: k33 } };
}

/** Both succeed, and the action's message is kubectl's closing line (the same for 1.31 and 1.33). */
function expectSameSuccess(d: Differential) {
  for (const minor of [31, 33] as const) {
    expect({ minor, code: d.kubectl[minor].code }).toEqual({ minor, code: 0 });
  }
  expect(d.action.code).toBe(0);
  expect(d.action.outputs.ready).toBe('true');
  const [result] = rolloutResults(d.action);
  expect(result.outcome).toBe('ready');
  expect(result.message).toBe(lastLine(d.kubectl[33].stdout));
  expect(lastLine(d.kubectl[31].stdout)).toBe(lastLine(d.kubectl[33].stdout));
}

describe('wait-rollout against the real control plane, kubectl rollout status as the oracle', () => {
  test('the cluster is Kubernetes v1.34.4 with three Ready fake nodes', () => {
    expect(testCluster().version.gitVersion).toBe('v1.34.4');
    expect(testCluster().nodes).toHaveLength(3);
  });

  test.each([
    { label: 'defaults (25% surge, 25% unavailable)', spec: {} },
    {
      label: 'maxSurge 0, maxUnavailable 1',
      spec: {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      },
    },
    {
      label: 'maxSurge 100%, maxUnavailable 0',
      spec: {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } },
      },
    },
    { label: 'Recreate', spec: { strategy: { type: 'Recreate' } } },
    { label: 'minReadySeconds 2', spec: { minReadySeconds: 2 } },
  ])('Deployment rollout, $label: ready, with kubectl’s closing message', async ({ spec }) => {
    const namespace = await ns();
    await rolledOutThenChanged(
      deployment(namespace, 'api', {
        replicas: 3,
        spec,
        annotations: { 'cluster.test/ready-after': '1s' },
      }),
      'deployment/api',
      'registry.test/app:2',
    );
    expectSameSuccess(await both(namespace, 'deployment/api'));
  });

  test('a Deployment created without strategy or progressDeadlineSeconds gets the server defaults', async () => {
    const namespace = await ns();
    await apply(deployment(namespace, 'bare', { replicas: 2 }));
    const d = await both(namespace, 'deployment/bare');
    expectSameSuccess(d);
  });

  test('StatefulSet RollingUpdate: ready, with kubectl’s closing message', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      statefulSet(namespace, 'db', {
        replicas: 3,
        annotations: { 'cluster.test/ready-after': '500ms' },
      }),
      'statefulset/db',
      'registry.test/db:2',
    );
    expectSameSuccess(await both(namespace, 'statefulset/db'));
  });

  test('StatefulSet with a partition: the partitioned rollout completes as kubectl says', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      statefulSet(namespace, 'part', {
        replicas: 3,
        spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } },
      }),
      'statefulset/part',
      'registry.test/db:2',
    );
    const d = await both(namespace, 'statefulset/part');
    expectSameSuccess(d);
    expect(rolloutResults(d.action)[0].message).toMatch(/^partitioned roll out complete/);
  });

  test('StatefulSet OnDelete: both refuse the same way (rollout status needs RollingUpdate)', async () => {
    const namespace = await ns();
    await apply(statefulSet(namespace, 'od', { spec: { updateStrategy: { type: 'OnDelete' } } }));
    const d = await both(namespace, 'statefulset/od', { timeout: '20s' });
    for (const minor of [31, 33] as const) expect(d.kubectl[minor].code).toBe(1);
    expect(d.action.code).toBe(1);
    const [result] = rolloutResults(d.action);
    expect(result.reason).toBe('UnsupportedStrategy');
    expect(d.kubectl[33].stderr.trim()).toBe(`error: ${result.message}`);
  });

  test('DaemonSet RollingUpdate over the three nodes: ready, with kubectl’s closing message', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      daemonSet(namespace, 'agent', { annotations: { 'cluster.test/ready-after': '500ms' } }),
      'daemonset/agent',
      'registry.test/agent:2',
    );
    const d = await both(namespace, 'daemonset/agent');
    expectSameSuccess(d);
    expect(rolloutResults(d.action)[0].replicas).toMatchObject({ desired: 3 });
  });

  test('a paused Deployment: neither finishes; both time out with the same last message', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      deployment(namespace, 'paused', { replicas: 2 }),
      'deployment/paused',
      'registry.test/app:1',
    );
    await apply(deployment(namespace, 'paused', { replicas: 2, spec: { paused: true } }));
    await setImage(namespace, 'deployment/paused', 'registry.test/app:2');
    const d = await both(namespace, 'deployment/paused', { timeout: '6s' });
    for (const minor of [31, 33] as const) expect(d.kubectl[minor].code).toBe(1);
    expect(d.action.code).toBe(1);
    const [result] = rolloutResults(d.action);
    expect(result.outcome).toBe('timed-out');
    expect(result.message).toBe(lastLine(d.kubectl[33].stdout));
  });

  test.each([
    { image: 'registry.test/crash-loop:2', reason: 'CrashLoopBackOff' },
    { image: 'registry.test/image-pull-error:2', reason: /^(ErrImagePull|ImagePullBackOff)$/ },
  ])(
    'a rollout to $image fails fast with $reason; kubectl waits until its timeout',
    async ({ image, reason }) => {
      const namespace = await ns();
      await rolledOutThenChanged(
        deployment(namespace, 'api', { replicas: 2 }),
        'deployment/api',
        image,
      );
      const started = Date.now();
      const d = await both(namespace, 'deployment/api', { timeout: '20s' });
      expect(d.action.code).toBe(1);
      const [result] = rolloutResults(d.action);
      expect(result.outcome).toBe('failed');
      expect(result.reason).toEqual(
        typeof reason === 'string' ? reason : expect.stringMatching(reason),
      );
      expect(d.action.durationMs).toBeLessThan(15_000);
      // kubectl has no fail-fast: it waits the whole timeout (the deliberate difference).
      for (const minor of [31, 33] as const) {
        expect(d.kubectl[minor].code).toBe(1);
        expect(d.kubectl[minor].stderr).toMatch(/timed out waiting for the condition/);
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(19_000);
    },
  );

  test('fail-fast off on a crash loop: both time out with the same last message', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      deployment(namespace, 'api', { replicas: 2 }),
      'deployment/api',
      'registry.test/crash-loop:2',
    );
    const d = await both(namespace, 'deployment/api', { timeout: '8s', failFast: 'false' });
    for (const minor of [31, 33] as const) expect(d.kubectl[minor].code).toBe(1);
    expect(d.action.code).toBe(1);
    const [result] = rolloutResults(d.action);
    expect(result.outcome).toBe('timed-out');
    expect(result.message).toBe(lastLine(d.kubectl[33].stdout));
  });

  test('a rollout to an image that never becomes ready: both time out with the same last message', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      deployment(namespace, 'api', { replicas: 2 }),
      'deployment/api',
      'registry.test/never-ready:2',
    );
    const d = await both(namespace, 'deployment/api', { timeout: '8s' });
    for (const minor of [31, 33] as const) expect(d.kubectl[minor].code).toBe(1);
    expect(d.action.code).toBe(1);
    const [result] = rolloutResults(d.action);
    expect(result.outcome).toBe('timed-out');
    expect(result.message).toBe(lastLine(d.kubectl[33].stdout));
    expect(lastLine(d.kubectl[31].stdout)).toBe(lastLine(d.kubectl[33].stdout));
  });

  test('progressDeadlineSeconds exceeded (set by the real controller): the same error from both', async () => {
    const namespace = await ns();
    await rolledOutThenChanged(
      deployment(namespace, 'api', { replicas: 2, spec: { progressDeadlineSeconds: 3 } }),
      'deployment/api',
      'registry.test/never-ready:2',
    );
    const d = await both(namespace, 'deployment/api', { timeout: '60s' });
    for (const minor of [31, 33] as const) {
      expect(d.kubectl[minor].code).toBe(1);
      expect(d.kubectl[minor].stderr.trim()).toBe(
        'error: deployment "api" exceeded its progress deadline',
      );
    }
    expect(d.action.code).toBe(1);
    const [result] = rolloutResults(d.action);
    expect(result.reason).toBe('ProgressDeadlineExceeded');
    expect(`error: ${result.message}`).toBe(d.kubectl[33].stderr.trim());
  });

  test.each([
    { kind: 'statefulset', image: 'registry.test/crash-loop:2', reason: 'CrashLoopBackOff' },
    {
      kind: 'daemonset',
      image: 'registry.test/image-pull-error:2',
      reason: 'ImagePullBackOff|ErrImagePull',
    },
  ])('a $kind rollout to $image fails fast ($reason)', async ({ kind, image, reason }) => {
    const namespace = await ns();
    const obj =
      kind === 'statefulset'
        ? statefulSet(namespace, 'w', { replicas: 2 })
        : daemonSet(namespace, 'w');
    await rolledOutThenChanged(obj, `${kind}/w`, image);
    const r = await runAction('wait-rollout', {
      resources: `${kind}/w`,
      namespace,
      timeout: '30s',
    });
    expect(r.code).toBe(1);
    const [result] = rolloutResults(r);
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(new RegExp(`^(${reason})$`));
    expect(r.durationMs).toBeLessThan(20_000);
  });

  test('a namespace that does not exist: both fail at once and name the namespace', async () => {
    const d = await both('no-such-namespace', 'deployment/api', { timeout: '20s' });
    for (const minor of [31, 33] as const) {
      expect(d.kubectl[minor].code).toBe(1);
      expect(d.kubectl[minor].stderr.trim()).toBe(
        'Error from server (NotFound): namespaces "no-such-namespace" not found',
      );
    }
    expect(d.action.code).toBe(1);
    const [result] = rolloutResults(d.action);
    expect(result.reason).toBe('NamespaceNotFound');
    // kubectl's words after its `Error from server (NotFound): ` prefix.
    expect(`Error from server (NotFound): ${result.message}`).toBe(d.kubectl[33].stderr.trim());
    expect(d.action.durationMs).toBeLessThan(10_000);
  });

  test('a Deployment missing from a namespace that exists: NotFound naming the workload', async () => {
    const namespace = await ns();
    const d = await both(namespace, 'deployment/ghost', { timeout: '20s' });
    for (const minor of [31, 33] as const) expect(d.kubectl[minor].code).toBe(1);
    expect(d.kubectl[33].stderr).toContain('deployments.apps "ghost" not found');
    expect(d.action.code).toBe(1);
    expect(rolloutResults(d.action)[0]).toMatchObject({
      reason: 'NotFound',
      message: `deployments.apps "ghost" not found in namespace "${namespace}"`,
    });
  });

  describe('RBAC', () => {
    /** Runs the action and kubectl as the service account, on a rollout still under way. */
    async function asAccount(rules: Parameters<typeof serviceAccount>[2], timeout = '8s') {
      const namespace = await ns();
      await rolledOutThenChanged(
        deployment(namespace, 'api', {
          replicas: 2,
          annotations: { 'cluster.test/ready-after': '3s' },
        }),
        'deployment/api',
        'registry.test/app:2',
      );
      const sa = await serviceAccount(namespace, 'ci', rules);
      const file = writeTemp('sa.kubeconfig', sa.kubeconfig);
      const [action, k31, k33] = await Promise.all([
        runAction('wait-rollout', {
          resources: 'deployment/api',
          namespace,
          timeout,
          kubeconfig: sa.kubeconfig,
        }),
        rolloutStatus(namespace, 'deployment/api', { minor: 31, timeout, kubeconfigFile: file }),
        rolloutStatus(namespace, 'deployment/api', { minor: 33, timeout, kubeconfigFile: file }),
      ]);
      return { namespace, action, kubectl: { 31: k31, 33: k33 } };
    }

    test('a service account with no permissions: both fail at once, Forbidden', async () => {
      const d = await asAccount([]);
      for (const minor of [31, 33] as const) {
        expect(d.kubectl[minor].code).toBe(1);
        expect(d.kubectl[minor].stderr).toContain(
          `User "system:serviceaccount:${d.namespace}:ci" cannot get resource "deployments" in API group "apps"`,
        );
      }
      expect(d.action.code).toBe(1);
      expect(rolloutResults(d.action)[0].reason).toBe('Forbidden');
      expect(d.action.errors[0]).toContain(`User "system:serviceaccount:${d.namespace}:ci" cannot`);
    });

    test('get+list on Deployments but no watch: both poll by relisting and see the rollout finish', async () => {
      const d = await asAccount(
        [
          {
            apiGroups: ['apps'],
            resources: ['deployments', 'replicasets'],
            verbs: ['get', 'list'],
          },
          { apiGroups: [''], resources: ['pods', 'events'], verbs: ['get', 'list'] },
        ],
        '40s',
      );
      // kubectl's reflector logs the denied watch and relists with backoff until it sees the
      // rollout finish. (1.31 logs "Failed to watch ...: unknown", 1.33 the server's message.)
      for (const minor of [31, 33] as const) {
        expect({ minor, code: d.kubectl[minor].code }).toEqual({ minor, code: 0 });
        expect(d.kubectl[minor].stderr).toMatch(/Failed to watch/);
      }
      expect(d.kubectl[33].stderr).toMatch(/cannot watch resource \\"deployments\\"/);
      expect(d.action.errors).toEqual([]);
      expect(d.action.code).toBe(0);
      const [result] = rolloutResults(d.action);
      expect(result.outcome).toBe('ready');
      expect(result.message).toBe(lastLine(d.kubectl[33].stdout));
      // Said once, with the server's reason, not once per relist.
      const warnings = d.action.stdout.split('\n').filter((l) => l.startsWith('::warning'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(
        `User "system:serviceaccount:${d.namespace}:ci" cannot watch resource "deployments"`,
      );
      expect(warnings[0]).toContain('polling instead');
    });
  });
});

// Jobs: no `kubectl rollout status` for them; the oracle is `kubectl wait --for=condition=...` on
// the same Job, whose conditions the real Job controller (kube-controller-manager) sets from the
// pods kwok runs to their end (kwok-stages.yaml: job-succeeds / job-fails).
describe('wait-rollout on Jobs run by the real Job controller, kubectl wait as the oracle', () => {
  test('a Job that completes: done with its succeeded count; kubectl wait agrees it is Complete', async () => {
    const namespace = await ns();
    await apply(
      job(namespace, 'migrate', {
        image: 'registry.test/job-succeeds:1',
        annotations: { 'cluster.test/ready-after': '2s' },
      }),
    );
    const [r, k] = await Promise.all([
      runAction('wait-rollout', { resources: 'job/migrate', namespace, timeout: '60s' }),
      kubectl([
        '-n',
        namespace,
        'wait',
        '--for=condition=Complete',
        'job/migrate',
        '--timeout=60s',
      ]),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(k).toMatchObject({ code: 0, stdout: 'job.batch/migrate condition met\n' });
    expect(rolloutResults(r)[0]).toMatchObject({
      outcome: 'ready',
      message: 'job "migrate" completed (1 succeeded)',
    });
    // It waited for the pod: the first view was the Job still running.
    expect(r.stdout).toMatch(
      /Waiting for job "migrate" to complete: [01] active, 0 succeeded, 0 failed/,
    );
  });

  test('a Job whose pod fails: fails fast with the controller’s reason and the pod’s; kubectl wait sees Failed', async () => {
    const namespace = await ns();
    await apply(
      job(namespace, 'migrate', {
        image: 'registry.test/job-fails:1',
        annotations: { 'cluster.test/ready-after': '1s' },
      }),
    );
    const started = Date.now();
    const [r, k] = await Promise.all([
      runAction('wait-rollout', { resources: 'job/migrate', namespace, timeout: '90s' }),
      kubectl(['-n', namespace, 'wait', '--for=condition=Failed', 'job/migrate', '--timeout=60s']),
    ]);
    expect(k).toMatchObject({ code: 0, stdout: 'job.batch/migrate condition met\n' });
    expect(r.code).toBe(1);
    const [result] = rolloutResults(r);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'BackoffLimitExceeded' });
    // The Job controller's own words, then what the failed pod's container said.
    expect(r.errors[0]).toMatch(
      /^job\/migrate: job "migrate" failed: BackoffLimitExceeded \(Job has reached the specified backoff limit\) — pod migrate-[a-z0-9]{5}: container app terminated: Error \(exit 1\)/,
    );
    // Fail fast: long before the 90 s timeout.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
