// wait-rollout (the bundle) on the real control plane with Argo CD, Argo Rollouts and Flux
// installed as CRDs — their controllers are absent, so each test writes the status through the
// real status subresource as the controller would — and the expected-images wait on a real
// Deployment rolled out by the real controller. Discovery, watches, field selectors and RBAC are
// the real API server's.
import {
  api,
  apply,
  createNamespace,
  deleteNamespace,
  deployment,
  rolloutStatus,
  serviceAccount,
  setImage,
  waitFor,
} from '../env';
import { cleanupRuns, rolloutResults, runAction } from './helpers';

const namespaces: string[] = [];
afterAll(async () => {
  cleanupRuns();
  await Promise.all(namespaces.map(deleteNamespace));
});
async function ns(): Promise<string> {
  const name = await createNamespace('wrg');
  namespaces.push(name);
  return name;
}

const CRDS = [
  { group: 'argoproj.io', version: 'v1alpha1', kind: 'Application', plural: 'applications' },
  { group: 'argoproj.io', version: 'v1alpha1', kind: 'Rollout', plural: 'rollouts' },
  { group: 'helm.toolkit.fluxcd.io', version: 'v2', kind: 'HelmRelease', plural: 'helmreleases' },
  {
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    kind: 'Kustomization',
    plural: 'kustomizations',
  },
];

beforeAll(async () => {
  await apply(
    ...CRDS.map((c) => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${c.plural}.${c.group}` },
      spec: {
        group: c.group,
        scope: 'Namespaced',
        names: {
          kind: c.kind,
          plural: c.plural,
          singular: c.kind.toLowerCase(),
          listKind: `${c.kind}List`,
        },
        versions: [
          {
            name: c.version,
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: {
              openAPIV3Schema: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        ],
      },
    })),
  );
  // Established: served in discovery.
  for (const c of CRDS)
    await waitFor(`${c.plural}.${c.group} served`, async () => {
      const r = await api('GET', `/apis/${c.group}/${c.version}`);
      return (
        r.status === 200 && r.body.resources?.some((x: { name: string }) => x.name === c.plural)
      );
    });
}, 60_000);

const OLD = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const NEW = '9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5';

function crd(kind: string) {
  return CRDS.find((c) => c.kind === kind)!;
}

async function create(kind: string, namespace: string, name: string, status: object) {
  const c = crd(kind);
  const base = `/apis/${c.group}/${c.version}/namespaces/${namespace}/${c.plural}`;
  const made = await api('POST', base, {
    body: { apiVersion: `${c.group}/${c.version}`, kind, metadata: { name }, spec: { x: 1 } },
  });
  if (made.status !== 201) throw new Error(`create ${kind}: ${JSON.stringify(made.body)}`);
  await setStatus(kind, namespace, name, status);
}

async function setStatus(kind: string, namespace: string, name: string, status: object) {
  const c = crd(kind);
  const r = await api(
    'PATCH',
    `/apis/${c.group}/${c.version}/namespaces/${namespace}/${c.plural}/${name}/status`,
    { body: { status }, contentType: 'application/merge-patch+json' },
  );
  if (r.status !== 200) throw new Error(`status of ${kind}: ${JSON.stringify(r.body)}`);
}

/** Resolves once the action watches (or polls) the collection: it has read it at least once. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const synced = (revision: string, health = 'Healthy') => ({
  sync: { status: 'Synced', revision },
  health: { status: health },
  operationState: { phase: 'Succeeded', syncResult: { revision } },
});

describe('wait-rollout on GitOps CRDs served by the real API server', () => {
  test('Argo CD revision race: Synced at the old revision first, done at the new one', async () => {
    const namespace = await ns();
    await create('Application', namespace, 'shop', synced(OLD));
    const pending = runAction('wait-rollout', {
      resources: `${namespace}/application/shop`,
      revision: NEW.slice(0, 8),
      timeout: '40s',
    });
    await sleep(2500);
    await setStatus('Application', namespace, 'shop', {
      sync: { status: 'OutOfSync', revision: NEW },
      operationState: { phase: 'Running', operation: { sync: { revision: NEW } } },
    });
    await sleep(500);
    await setStatus('Application', namespace, 'shop', synced(NEW));
    const r = await pending;
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Argo CD is at 1a2b3c4, waiting for 9f8e7d6');
    expect(rolloutResults(r)[0]).toMatchObject({ outcome: 'ready', revision: NEW });
  });

  test('a multi-source Application (chart + values repo): done once one of status.sync.revisions is the revision', async () => {
    const namespace = await ns();
    const multi = (values: string) => ({
      sync: { status: 'Synced', revisions: ['0.14.2', values] },
      health: { status: 'Healthy' },
      operationState: { phase: 'Succeeded', syncResult: { revisions: ['0.14.2', values] } },
    });
    await create('Application', namespace, 'shop', multi(OLD));
    const [r] = await Promise.all([
      runAction('wait-rollout', {
        resources: `${namespace}/application/shop`,
        revision: NEW.slice(0, 10),
        timeout: '40s',
      }),
      sleep(2500).then(() => setStatus('Application', namespace, 'shop', multi(NEW))),
    ]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Argo CD is at 0.14.2, ${OLD.slice(0, 7)}, waiting for 9f8e7d6`);
    expect(r.durationMs).toBeGreaterThan(2500);
  });

  test('Argo CD sync failure of that revision and Degraded after it fail fast', async () => {
    const namespace = await ns();
    await create('Application', namespace, 'bad', {
      sync: { status: 'OutOfSync', revision: NEW },
      health: { status: 'Healthy' },
      operationState: {
        phase: 'Failed',
        message: 'one or more objects failed to apply',
        syncResult: {
          revision: NEW,
          resources: [
            {
              kind: 'Deployment',
              name: 'api',
              status: 'SyncFailed',
              message: 'admission webhook denied',
            },
          ],
        },
      },
    });
    await create('Application', namespace, 'sick', synced(NEW, 'Degraded'));
    const [bad, sick] = await Promise.all([
      runAction('wait-rollout', {
        resources: `${namespace}/application/bad`,
        revision: NEW,
        timeout: '30s',
      }),
      runAction('wait-rollout', {
        resources: `${namespace}/application/sick`,
        revision: NEW,
        timeout: '30s',
      }),
    ]);
    expect(bad.code).toBe(1);
    expect(rolloutResults(bad)[0].reason).toBe('SyncFailed');
    expect(bad.errors[0]).toContain('Deployment/api: admission webhook denied');
    expect(bad.durationMs).toBeLessThan(15_000);
    expect(sick.code).toBe(1);
    expect(rolloutResults(sick)[0].reason).toBe('Degraded');
  });

  test('a missing Application: NotFound naming the resource', async () => {
    const namespace = await ns();
    const r = await runAction('wait-rollout', {
      resources: `${namespace}/application/ghost`,
      timeout: '20s',
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      `application/ghost: NotFound: applications.argoproj.io "ghost" not found in namespace "${namespace}"`,
    ]);
  });

  test('a Rollout aborted, a Flux Kustomization Ready=False: both fail fast', async () => {
    const namespace = await ns();
    await create('Rollout', namespace, 'api', {
      observedGeneration: '1',
      phase: 'Degraded',
      abort: true,
      message: 'RolloutAborted: metric "error-rate" assessed Failed',
    });
    await create('Kustomization', namespace, 'apps', {
      observedGeneration: 1,
      lastAttemptedRevision: `main@sha1:${NEW}`,
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'HealthCheckFailed',
          message: 'timeout waiting for: [Deployment/apps/api status: InProgress]',
        },
      ],
    });
    const [ro, ks] = await Promise.all([
      runAction('wait-rollout', { resources: 'rollout/api', namespace, timeout: '30s' }),
      runAction('wait-rollout', {
        resources: 'kustomization/apps',
        namespace,
        revision: NEW,
        timeout: '30s',
      }),
    ]);
    expect([ro.code, rolloutResults(ro)[0].reason]).toEqual([1, 'Aborted']);
    expect([ks.code, rolloutResults(ks)[0].reason]).toEqual([1, 'HealthCheckFailed']);
  });

  test('a Rollout paused at a canary step: waited on as paused; accept-paused takes it as done', async () => {
    const namespace = await ns();
    const paused = {
      observedGeneration: '1',
      phase: 'Paused',
      currentStepIndex: 1,
      pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-12-02T04:00:00Z' }],
      message: 'CanaryPauseStep',
    };
    await create('Rollout', namespace, 'api', paused);
    await create('Rollout', namespace, 'web', paused);
    const [waited, accepted] = await Promise.all([
      runAction('wait-rollout', { resources: 'rollout/api', namespace, timeout: '40s' }),
      runAction('wait-rollout', {
        resources: 'rollout/web',
        namespace,
        'accept-paused': 'true',
        timeout: '40s',
      }),
      // The canary is promoted past its pause while the first one waits.
      sleep(3000).then(() =>
        setStatus('Rollout', namespace, 'api', {
          ...paused,
          phase: 'Healthy',
          pauseConditions: null,
          message: null,
        }),
      ),
    ]);
    expect(waited.errors).toEqual([]);
    expect(waited.code).toBe(0);
    expect(waited.stdout).toContain(
      'Waiting for rollout "api": paused at step 1 (CanaryPauseStep) — CanaryPauseStep',
    );
    expect(rolloutResults(waited)[0]).toMatchObject({
      outcome: 'ready',
      message: 'rollout "api" is Healthy',
    });
    expect(waited.durationMs).toBeGreaterThan(3000);
    expect(accepted.code).toBe(0);
    expect(rolloutResults(accepted)[0].message).toBe(
      'rollout "web" is paused at step 1 (CanaryPauseStep): accepted as done',
    );
    expect(accepted.durationMs).toBeLessThan(3000);
  });

  test('Flux v2 HelmReleases at a commit (Git chart, reconcileStrategy Revision): UpgradeFailed fails fast; the deployed release at it is done', async () => {
    // helm.toolkit.fluxcd.io/v2 status as helm-controller writes it: no lastAppliedRevision; the
    // chart version carries the first 12 characters of the commit; status.history, newest first.
    const namespace = await ns();
    const at = (sha: string) => `1.4.2+${sha.slice(0, 12)}`;
    const before = { chartVersion: `1.4.1+${OLD.slice(0, 12)}`, status: 'deployed', version: 1 };
    await create('HelmRelease', namespace, 'broken', {
      observedGeneration: 1,
      lastAttemptedRevision: at(NEW),
      history: [
        { chartVersion: at(NEW), status: 'failed', version: 2 },
        { ...before, status: 'superseded' },
      ],
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'UpgradeFailed',
          message: `Helm upgrade failed for release shop/broken with chart shop@${at(NEW)}: context deadline exceeded`,
        },
      ],
    });
    const upgrading = {
      observedGeneration: 1,
      lastAttemptedRevision: at(NEW),
      history: [before],
      conditions: [
        {
          type: 'Ready',
          status: 'Unknown',
          reason: 'Progressing',
          message: "Running 'upgrade' action with timeout of 5m0s",
        },
      ],
    };
    await create('HelmRelease', namespace, 'shop', upgrading);
    const [broken, shop] = await Promise.all([
      runAction('wait-rollout', {
        resources: 'helmrelease/broken',
        namespace,
        revision: NEW,
        timeout: '40s',
      }),
      runAction('wait-rollout', {
        resources: 'hr/shop',
        namespace,
        revision: NEW.slice(0, 7),
        timeout: '40s',
      }),
      sleep(3000).then(() =>
        setStatus('HelmRelease', namespace, 'shop', {
          ...upgrading,
          history: [
            { chartVersion: at(NEW), status: 'deployed', version: 2 },
            { ...before, status: 'superseded' },
          ],
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'UpgradeSucceeded',
              message: 'Helm upgrade succeeded',
            },
          ],
        }),
      ),
    ]);
    expect(broken.code).toBe(1);
    expect(rolloutResults(broken)[0]).toMatchObject({ reason: 'UpgradeFailed' });
    expect(broken.errors[0]).toBe(
      `helmrelease/broken: UpgradeFailed: helmrelease "broken" failed at ${at(NEW)}: Helm upgrade failed for release shop/broken with chart shop@${at(NEW)}: context deadline exceeded`,
    );
    expect(broken.durationMs).toBeLessThan(3000);
    expect(shop.errors).toEqual([]);
    expect(shop.code).toBe(0);
    expect(shop.stdout).toContain(
      `Waiting for helmrelease "shop": at ${before.chartVersion}, waiting for 9f8e7d6; Ready=Unknown Progressing`,
    );
    expect(rolloutResults(shop)[0]).toMatchObject({
      outcome: 'ready',
      revision: at(NEW),
      message: `helmrelease "shop" is Ready at ${at(NEW)}`,
    });
  });

  test('list but no watch on applications (real RBAC): polls and succeeds', async () => {
    const namespace = await ns();
    await create('Application', namespace, 'shop', synced(OLD));
    const sa = await serviceAccount(namespace, 'ci', [
      { apiGroups: ['argoproj.io'], resources: ['applications'], verbs: ['get', 'list'] },
    ]);
    const pending = runAction('wait-rollout', {
      resources: 'application/shop',
      namespace,
      revision: NEW,
      timeout: '40s',
      kubeconfig: sa.kubeconfig,
    });
    await sleep(2500);
    await setStatus('Application', namespace, 'shop', synced(NEW));
    const r = await pending;
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('cannot watch resource "applications"');
  });

  test('images lagging on a real Deployment: waits for the template, then kubectl agrees it rolled out', async () => {
    const namespace = await ns();
    await apply(deployment(namespace, 'shop', { replicas: 2, image: 'registry.test/shop:1' }));
    const first = await rolloutStatus(namespace, 'deployment/shop', { timeout: '60s' });
    expect(first.code).toBe(0);
    const pending = runAction('wait-rollout', {
      resources: 'deployment/shop',
      namespace,
      images: 'registry.test/shop:2',
      timeout: '60s',
    });
    await sleep(2500);
    await setImage(namespace, 'deployment/shop', 'registry.test/shop:2');
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('to carry registry.test/shop:2 (it has registry.test/shop:1)');
    const k = await rolloutStatus(namespace, 'deployment/shop', { timeout: '10s' });
    expect(k.code).toBe(0);
    expect(rolloutResults(r)[0].message).toBe(k.stdout.trim().split('\n').at(-1));
  });
});
