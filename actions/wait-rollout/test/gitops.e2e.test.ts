// The bundled action on GitOps and batch resources — Argo CD Applications, Argo Rollouts, Flux
// HelmReleases/Kustomizations, Jobs — against the simulator serving them as CRDs (found through
// discovery) whose status each test writes, as the CD tool's controller would.
import { runBundle, cleanupRun, type ActionRun } from '../../../test/harness/run-action';
import { installCustomResources } from '../../../test/k8s-sim/custom-resources';
import { startCluster, type SimCluster } from '../../../test/k8s-sim/index';

installCustomResources();

let cluster: SimCluster;
const runs: ActionRun[] = [];
beforeEach(async () => {
  cluster = await startCluster({ controller: false });
});
afterEach(async () => {
  await cluster.close();
  for (const r of runs.splice(0)) cleanupRun(r);
});

const OLD = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const NEW = '9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5';

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const r = await runBundle('wait-rollout', {
    inputs: { kubeconfig: cluster.kubeconfig(), timeout: '20s', ...inputs },
    timeoutMs: 40_000,
  });
  runs.push(r);
  return r;
}
const results = (r: ActionRun) => JSON.parse(r.outputs.resources) as Array<Record<string, any>>;

function application(name: string, status: Record<string, unknown>, namespace = 'argocd') {
  cluster.apply({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace },
    spec: { project: 'default', source: { repoURL: 'https://git.example/acme/infra.git' } },
  });
  return cluster.setStatus('Application', name, status, namespace);
}
const synced = (revision: string, health = 'Healthy', extra: Record<string, unknown> = {}) => ({
  sync: { status: 'Synced', revision },
  health: { status: health },
  operationState: {
    phase: 'Succeeded',
    syncResult: { revision },
    finishedAt: new Date().toISOString(),
  },
  ...extra,
});

/** Resolves once the action has opened its watch on `plural` (it is waiting). */
const watching = (plural: string) =>
  cluster.waitForRequest((q) => q.watch && q.path.endsWith(`/${plural}`), { timeoutMs: 20_000 });

describe('Argo CD Applications', () => {
  test('revision race: synced at the old revision first; done only when Synced+Healthy at the new one', async () => {
    application('shop', synced(OLD));
    const pending = run({ resources: 'argocd/application/shop', revision: NEW.slice(0, 7) });
    await watching('applications');
    // Argo CD notices the commit and syncs it.
    cluster.setStatus(
      'Application',
      'shop',
      {
        ...synced(OLD),
        sync: { status: 'OutOfSync', revision: NEW },
        operationState: {
          phase: 'Running',
          message: 'one or more tasks are running',
          operation: { sync: { revision: NEW } },
        },
      },
      'argocd',
    );
    await new Promise((res) => setTimeout(res, 200));
    cluster.setStatus('Application', 'shop', synced(NEW, 'Progressing'), 'argocd');
    await new Promise((res) => setTimeout(res, 200));
    cluster.setStatus('Application', 'shop', synced(NEW), 'argocd');
    const r = await pending;
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'application/shop: Argo CD is at 1a2b3c4, waiting for 9f8e7d6 (sync Synced, health Healthy)',
    );
    expect(r.stdout).toMatch(/application\/shop: Argo CD is syncing 9f8e7d6: operation Running/);
    expect(results(r)[0]).toMatchObject({
      kind: 'Application',
      name: 'shop',
      namespace: 'argocd',
      outcome: 'ready',
      revision: NEW,
      message: 'application "shop" is Synced at 9f8e7d6 and Healthy',
    });
    expect(r.outputs.message).toBe('all 1 ready');
    // Found through discovery, then watched in the prefixed namespace.
    const paths = cluster.requests.map((q) => q.path);
    expect(paths).toContain('/apis/argoproj.io');
    expect(paths).toContain('/apis/argoproj.io/v1alpha1');
    expect(paths).toContain('/apis/argoproj.io/v1alpha1/namespaces/argocd/applications');
  });

  test('the sync of that revision fails: fails fast with the operation message and the failing resources', async () => {
    application('shop', synced(OLD));
    const pending = run({ resources: 'argocd/application/shop', revision: NEW });
    await watching('applications');
    cluster.setStatus(
      'Application',
      'shop',
      {
        sync: { status: 'OutOfSync', revision: NEW },
        health: { status: 'Healthy' },
        operationState: {
          phase: 'Failed',
          message:
            'one or more objects failed to apply, reason: Deployment.apps "shop-api" is invalid',
          finishedAt: new Date().toISOString(),
          syncResult: {
            revision: NEW,
            resources: [
              {
                kind: 'Deployment',
                name: 'shop-api',
                status: 'SyncFailed',
                message: 'spec.template.spec.containers[0].image: Required value',
              },
              {
                kind: 'Service',
                name: 'shop-api',
                status: 'Synced',
                message: 'service/shop-api unchanged',
              },
            ],
          },
        },
      },
      'argocd',
    );
    const r = await pending;
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(15_000);
    expect(results(r)[0]).toMatchObject({ outcome: 'failed', reason: 'SyncFailed' });
    expect(r.errors).toEqual([
      'application/shop: SyncFailed: the sync of 9f8e7d6 ended Failed: one or more objects failed to apply, reason: Deployment.apps "shop-api" is invalid — Deployment/shop-api: spec.template.spec.containers[0].image: Required value',
    ]);
    expect(r.summary).toContain(
      'Deployment/shop-api: spec.template.spec.containers[0].image: Required value',
    );
    expect(r.summary).not.toContain('service/shop-api unchanged');
  });

  test('Degraded after the revision synced: fails fast naming the degraded resources', async () => {
    application('shop', synced(OLD));
    const pending = run({ resources: 'argocd/application/shop', revision: NEW });
    await watching('applications');
    cluster.setStatus(
      'Application',
      'shop',
      {
        ...synced(NEW, 'Degraded'),
        health: {
          status: 'Degraded',
          message: 'Deployment "shop-api" exceeded its progress deadline',
        },
        resources: [
          {
            kind: 'Deployment',
            name: 'shop-api',
            health: {
              status: 'Degraded',
              message: 'Deployment "shop-api" exceeded its progress deadline',
            },
          },
        ],
      },
      'argocd',
    );
    const r = await pending;
    expect(r.code).toBe(1);
    expect(results(r)[0]).toMatchObject({ outcome: 'failed', reason: 'Degraded' });
    expect(r.outputs.message).toBe(
      'application/shop: synced at 9f8e7d6 but Degraded: Deployment "shop-api" exceeded its progress deadline — Deployment/shop-api: Degraded (Deployment "shop-api" exceeded its progress deadline)',
    );
  });

  test('Degraded at the old revision is not this release: it keeps waiting', async () => {
    application('shop', synced(OLD, 'Degraded'));
    const r = await run({ resources: 'argocd/application/shop', revision: NEW, timeout: '2s' });
    expect(r.code).toBe(1);
    expect(results(r)[0]).toMatchObject({ outcome: 'timed-out', reason: 'Timeout' });
    expect(results(r)[0].message).toBe(
      'Argo CD is at 1a2b3c4, waiting for 9f8e7d6 (sync Synced, health Degraded)',
    );
  });

  test('multi-source: one of status.sync.revisions is the revision', async () => {
    application('shop', {
      sync: { status: 'Synced', revisions: ['0.14.2', NEW] },
      health: { status: 'Healthy' },
    });
    const r = await run({
      resources: 'applications.argoproj.io/shop',
      namespace: 'argocd',
      revision: NEW.slice(0, 10),
    });
    expect(r.code).toBe(0);
    expect(results(r)[0]).toMatchObject({ outcome: 'ready', kind: 'Application' });
  });

  test('a missing Application: NotFound at once, naming where it looked', async () => {
    cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } });
    const r = await run({ resources: 'argocd/application/ghost', revision: NEW });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(10_000);
    expect(r.errors).toEqual([
      'application/ghost: NotFound: applications.argoproj.io "ghost" not found in namespace "argocd"',
    ]);
  });

  test('refresh: true sets argocd.argoproj.io/refresh=normal with a merge patch', async () => {
    application('shop', synced(NEW));
    const r = await run({ resources: 'argocd/application/shop', revision: NEW, refresh: 'true' });
    expect(r.code).toBe(0);
    const patch = cluster.requests.find((q) => q.method === 'PATCH');
    expect(patch).toMatchObject({
      path: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/shop',
      contentType: 'application/merge-patch+json',
    });
    expect(
      (cluster.get('Application', 'shop', 'argocd') as any).metadata.annotations,
    ).toMatchObject({
      'argocd.argoproj.io/refresh': 'normal',
    });
  });

  test('the watch on applications is forbidden: polls by relisting and succeeds', async () => {
    application('shop', synced(OLD));
    cluster.faults.failNext(
      100,
      {
        status: 403,
        message:
          'applications.argoproj.io is forbidden: User "ci" cannot watch resource "applications"',
      },
      { path: '/applications', watch: true },
    );
    const pending = run({ resources: 'argocd/application/shop', revision: NEW });
    await watching('applications');
    await new Promise((res) => setTimeout(res, 300));
    cluster.setStatus('Application', 'shop', synced(NEW), 'argocd');
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toHaveLength(1);
    const watches = cluster.requests.filter((q) => q.watch && q.path.endsWith('/applications'));
    expect(watches.length).toBeGreaterThanOrEqual(1);
    expect(watches.every((q) => q.status === 403)).toBe(true);
    expect(
      cluster.requests.filter((q) => !q.watch && q.path.endsWith('/applications')).length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('a bad revision is an input error before any request', async () => {
    const r = await run({ resources: 'argocd/application/shop', revision: 'abc' });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^Input 'revision': 'abc' is not a commit SHA or a prefix of at least 7 hex characters/,
    );
    expect(cluster.requests).toEqual([]);
  });
});

describe('Argo Rollouts, Flux, Jobs', () => {
  function custom(apiVersion: string, kind: string, name: string, status: Record<string, unknown>) {
    cluster.apply({ apiVersion, kind, metadata: { name, namespace: 'default' }, spec: {} });
    return cluster.setStatus(kind, name, status);
  }

  test('a Rollout paused at a canary step: timed out saying so; accepted as done with accept-paused', async () => {
    custom('argoproj.io/v1alpha1', 'Rollout', 'api', {
      observedGeneration: '1',
      phase: 'Paused',
      currentStepIndex: 1,
      pauseConditions: [{ reason: 'CanaryPauseStep' }],
      message: 'CanaryPauseStep',
    });
    const paused = await run({ resources: 'rollout/api', timeout: '2s' });
    expect(paused.code).toBe(1);
    expect(results(paused)[0].message).toBe(
      'Waiting for rollout "api": paused at step 1 (CanaryPauseStep) — CanaryPauseStep',
    );
    const accepted = await run({ resources: 'rollout/api', 'accept-paused': 'true' });
    expect(accepted.code).toBe(0);
    expect(results(accepted)[0].message).toBe(
      'rollout "api" is paused at step 1 (CanaryPauseStep): accepted as done',
    );
  });

  test('an aborted Rollout fails fast', async () => {
    custom('argoproj.io/v1alpha1', 'Rollout', 'api', {
      observedGeneration: '1',
      phase: 'Progressing',
    });
    const pending = run({ resources: 'rollout/api' });
    await watching('rollouts');
    cluster.setStatus('Rollout', 'api', {
      observedGeneration: '1',
      phase: 'Degraded',
      abort: true,
      message:
        'RolloutAborted: Rollout aborted update to revision 2: Metric "success-rate" assessed Failed',
    });
    const r = await pending;
    expect(r.code).toBe(1);
    expect(results(r)[0]).toMatchObject({ reason: 'Aborted' });
    expect(r.errors[0]).toContain('Metric "success-rate" assessed Failed');
  });

  test('a Flux Kustomization Ready=False BuildFailed at the revision fails fast; Ready at it is done', async () => {
    custom('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'apps', {
      observedGeneration: 1,
      lastAppliedRevision: `main@sha1:${OLD}`,
      lastAttemptedRevision: `main@sha1:${NEW}`,
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'BuildFailed',
          message: 'kustomize build failed: accumulating resources',
        },
      ],
    });
    const failed = await run({ resources: 'ks/apps', revision: NEW });
    expect(failed.code).toBe(1);
    expect(results(failed)[0]).toMatchObject({
      reason: 'BuildFailed',
      revision: `main@sha1:${OLD}`,
    });
    expect(failed.errors[0]).toBe(
      'kustomization/apps: BuildFailed: kustomization "apps" failed at main@sha1:9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5: kustomize build failed: accumulating resources',
    );
    custom('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'shop', {
      observedGeneration: 1,
      lastAppliedRevision: `main@sha1:${NEW}`,
      lastAttemptedRevision: `main@sha1:${NEW}`,
      conditions: [{ type: 'Ready', status: 'True', reason: 'UpgradeSucceeded' }],
    });
    const ready = await run({ resources: 'helmrelease/shop', revision: NEW });
    expect(ready.code).toBe(0);
  });

  test('a failing Job: Failed with the condition reason and the pod’s reason', async () => {
    custom('batch/v1', 'Job', 'migrate', { active: 1 });
    cluster.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'migrate-x7k2p',
        namespace: 'default',
        labels: { 'batch.kubernetes.io/job-name': 'migrate' },
      },
      spec: { containers: [{ name: 'migrate', image: 'registry.example/migrate:2' }] },
    });
    cluster.setStatus('Pod', 'migrate-x7k2p', {
      phase: 'Failed',
      containerStatuses: [
        {
          name: 'migrate',
          restartCount: 0,
          state: {
            terminated: {
              reason: 'Error',
              exitCode: 3,
              message: 'relation "orders" does not exist',
            },
          },
        },
      ],
    });
    const pending = run({ resources: 'job/migrate' });
    await watching('jobs');
    cluster.setStatus('Job', 'migrate', {
      failed: 2,
      conditions: [
        {
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
        },
      ],
    });
    const r = await pending;
    expect(r.code).toBe(1);
    expect(results(r)[0]).toMatchObject({ reason: 'BackoffLimitExceeded' });
    expect(r.errors[0]).toBe(
      'job/migrate: job "migrate" failed: BackoffLimitExceeded (Job has reached the specified backoff limit) — pod migrate-x7k2p: container migrate terminated: Error (exit 3) — relation "orders" does not exist',
    );
  });
});
