// The bundled action (dist/wait-rollout) run as the runner runs it, against the simulated cluster
// over HTTPS with the kubeconfig's CA and a bearer token.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle, cleanupRun, NODE, type ActionRun } from '../../../test/harness/run-action';
import {
  startCluster,
  deployment,
  statefulSet,
  daemonSet,
  rolloutComplete,
  type SimCluster,
} from '../../../test/k8s-sim/index';

let cluster: SimCluster;
const runs: ActionRun[] = [];

beforeEach(async () => {
  cluster = await startCluster({ behaviour: { stepMs: 20 } });
});
afterEach(async () => {
  await cluster.close();
  for (const r of runs.splice(0)) cleanupRun(r);
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function run(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const r = await runBundle('wait-rollout', {
    inputs: { kubeconfig: b64(cluster.kubeconfig()), ...inputs },
    env,
    timeoutMs: 30_000,
  });
  runs.push(r);
  return r;
}

const results = (r: ActionRun) => JSON.parse(r.outputs.resources) as Array<Record<string, any>>;
/** stdout without the add-mask commands (which necessarily contain the secrets). */
const logOf = (r: ActionRun) =>
  r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

/** A workload that has rolled out once, then gets a new image: a rollout is under way. */
async function startRollout(
  kind: 'deployment' | 'statefulset' | 'daemonset',
  obj: ReturnType<typeof deployment>,
  image: string,
): Promise<void> {
  cluster.apply(obj);
  await cluster.waitFor(kind, obj.metadata.name, rolloutComplete);
  cluster.setImage(kind, obj.metadata.name, image);
}

describe('rollouts that finish', () => {
  test("a Deployment: kubectl's messages as progress, outputs, summary, and the token masked", async () => {
    // Slow enough that the rollout is still under way when the action has started, even on a
    // loaded machine where starting the bundle takes a second or more.
    cluster.controller!.behave({ name: 'api', behaviour: { stepMs: 600 } });
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 3 }),
      'registry.example/api:2.0.0',
    );
    const r = await run({ resources: 'deploy/api' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs.ready).toBe('true');
    expect(r.outputs.failed).toBe('');
    expect(r.outputs.message).toBe('all 1 ready');
    expect(results(r)).toEqual([
      expect.objectContaining({
        kind: 'Deployment',
        name: 'api',
        namespace: 'default',
        done: true,
        outcome: 'ready',
        reason: null,
        message: 'deployment "api" successfully rolled out',
        revision: '2',
        replicas: { desired: 3, updated: 3, ready: 3, available: 3 },
      }),
    ]);
    expect(r.stdout).toMatch(
      /deployment\/api: Waiting for deployment "api" rollout to finish: \d+ (out of 3 new replicas have been updated|old replicas are pending termination|of 3 updated replicas are available)\.\.\./,
    );
    expect(r.stdout).toContain('deployment/api: deployment "api" successfully rolled out (');
    expect(r.summary).toContain('Rollout: 1 of 1 ready in namespace `default`');
    expect(r.summary).toMatch(/\| `deployment\/api` \| ✅ ready \| 3 \/ 3 \| 3 \| 3 \| 2 \|/);
    expect(r.masks).toContain(cluster.token);
    expect(logOf(r)).not.toContain(cluster.token);
    expect(r.summary).not.toContain(cluster.token);
    // Watched, not polled: one list, then watches; no repeated GETs of the workload.
    const deploymentCalls = cluster.requests.filter(
      (q) => q.path.endsWith('/deployments') || q.path.endsWith('/deployments/api'),
    );
    expect(deploymentCalls.filter((q) => !q.watch)).toHaveLength(1);
    expect(deploymentCalls.filter((q) => q.watch).length).toBeGreaterThanOrEqual(1);
    expect(deploymentCalls[0].query).toMatchObject({ fieldSelector: 'metadata.name=api' });
  });

  test('a StatefulSet with a partition is done when the pods above the partition are updated', async () => {
    await startRollout(
      'statefulset',
      statefulSet({ name: 'db', replicas: 3, partition: 2 }),
      'registry.example/db:2.0.0',
    );
    const r = await run({ resources: 'sts/db' });
    expect(r.code).toBe(0);
    expect(results(r)[0]).toMatchObject({
      kind: 'StatefulSet',
      done: true,
      message: 'partitioned roll out complete: 1 new pods have been updated...',
    });
    const db = cluster.get('statefulset', 'db') as any;
    expect(db.status.updatedReplicas).toBe(1);
  });

  test('a DaemonSet', async () => {
    await startRollout('daemonset', daemonSet({ name: 'agent' }), 'registry.example/agent:2.0.0');
    const r = await run({ resources: 'daemonset/agent' });
    expect(r.code).toBe(0);
    expect(results(r)[0]).toMatchObject({
      kind: 'DaemonSet',
      done: true,
      message: 'daemon set "agent" successfully rolled out',
      replicas: { desired: 3, updated: 3, ready: 3, available: 3 },
    });
  });

  test('three workloads are waited for at once: each is reported the moment it is done', async () => {
    for (const [kind, obj] of [
      ['deployment', deployment({ name: 'slow', replicas: 3 })],
      ['deployment', deployment({ name: 'medium', replicas: 3 })],
      ['statefulset', statefulSet({ name: 'fast', replicas: 3 })],
    ] as const) {
      cluster.apply(obj);
      await cluster.waitFor(kind, obj.metadata.name, rolloutComplete);
    }
    // The new images are held until the action watches both kinds: a machine slow to start the
    // action must not find two of them already done at its first LIST (reported in input order).
    for (const name of ['slow', 'medium', 'fast'])
      cluster.controller!.behave({ name, behaviour: { stepMs: 3_600_000 } });
    cluster.setImage('deployment', 'slow', 'registry.example/slow:2');
    cluster.setImage('deployment', 'medium', 'registry.example/medium:2');
    cluster.setImage('statefulset', 'fast', 'registry.example/fast:2');
    const pending = run({ resources: 'deployment/slow, deployment/medium\nstatefulset/fast' });
    for (const plural of ['deployments', 'statefulsets'])
      await cluster.waitForRequest((q) => q.watch && q.path.endsWith(`/${plural}`), {
        timeoutMs: 20_000,
      });
    // Released together; ≈0.45 s between finishes.
    cluster.controller!.behave({ name: 'slow', behaviour: { stepMs: 400 } });
    cluster.controller!.behave({ name: 'medium', behaviour: { stepMs: 250 } });
    cluster.controller!.behave({ name: 'fast', behaviour: { stepMs: 100 } });
    const r = await pending;
    expect(r.code).toBe(0);
    const seconds = results(r).map((x) => x.seconds as number);
    const slowest = Math.max(...seconds);
    const sum = seconds.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(slowest * 1.5);
    // Waited for together, not one after another in the input's order: the success lines come
    // in the order the rollouts finish (fast, medium, slow), not the order they were named.
    // The line said when a workload is done ends with its time in (); progress lines use [].
    const line = (ref: string) =>
      r.stdout.split('\n').findIndex((l) => l.startsWith(`${ref}: `) && l.endsWith(')'));
    expect(line('statefulset/fast')).toBeGreaterThan(-1);
    expect(line('statefulset/fast')).toBeLessThan(line('deployment/medium'));
    expect(line('deployment/medium')).toBeLessThan(line('deployment/slow'));
    expect(r.summary).toContain('Rollout: 3 of 3 ready');
    expect(r.outputs.message).toBe('all 3 ready');
  });

  test('a label selector picks the workloads; KUBECONFIG names the file when the input is empty', async () => {
    cluster.apply(deployment({ name: 'web', labels: { app: 'web', part: 'shop' } }));
    cluster.apply(statefulSet({ name: 'cache', labels: { app: 'cache', part: 'shop' } }));
    cluster.apply(deployment({ name: 'other', labels: { app: 'other' } }));
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeconfig-'));
    writeFileSync(path.join(dir, 'config'), cluster.kubeconfig());
    try {
      const r = await run(
        { kubeconfig: '', selector: 'part=shop' },
        { KUBECONFIG: path.join(dir, 'config') },
      );
      expect(r.code).toBe(0);
      expect(results(r).map((x) => `${x.kind}/${x.name}`)).toEqual([
        'Deployment/web',
        'StatefulSet/cache',
      ]);
      expect(r.stdout).toContain('from $KUBECONFIG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('expected images (a CD tool applies the release)', () => {
  test('the template lags: it waits until the template carries the image, then for the rollout', async () => {
    cluster.apply(deployment({ name: 'shop', replicas: 2, image: 'ghcr.io/acme/shop:1.0.0' }));
    await cluster.waitFor('deployment', 'shop', rolloutComplete);
    cluster.clearRequests();
    // The old template is fully rolled out: without `images` this would pass at once.
    const pending = run({
      resources: 'deployment/shop',
      images: 'ghcr.io/acme/shop:1.1.0',
      timeout: '30s',
    });
    await cluster.waitForRequest((q) => q.watch && q.path.endsWith('/deployments'), {
      timeoutMs: 20_000,
    });
    await new Promise((res) => setTimeout(res, 300));
    const appliedAt = Date.now();
    cluster.setImage('deployment', 'shop', 'ghcr.io/acme/shop:1.1.0');
    const r = await pending;
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'deployment/shop: Waiting for the pod template of deployment/shop to carry ghcr.io/acme/shop:1.1.0 (it has ghcr.io/acme/shop:1.0.0)...',
    );
    expect(results(r)[0]).toMatchObject({
      outcome: 'ready',
      revision: '2',
      message: 'deployment "shop" successfully rolled out',
    });
    expect(results(r)[0].seconds * 1000).toBeGreaterThanOrEqual(300);
    const shop = cluster.get('deployment', 'shop') as any;
    expect(shop.status.updatedReplicas).toBe(2);
    expect(Date.now()).toBeGreaterThan(appliedAt);
  });

  test('container=image that never arrives: timed out, saying what the template has', async () => {
    cluster.apply(deployment({ name: 'shop', image: 'ghcr.io/acme/shop:1.0.0' }));
    await cluster.waitFor('deployment', 'shop', rolloutComplete);
    const r = await run({
      resources: 'deployment/shop',
      images: 'app=ghcr.io/acme/shop:9.9.9',
      timeout: '2s',
    });
    expect(r.code).toBe(1);
    expect(results(r)[0]).toMatchObject({ outcome: 'timed-out', reason: 'Timeout' });
    expect(r.outputs.message).toBe(
      'deployment/shop: timed out after 2s: Waiting for the pod template of deployment/shop to carry app=ghcr.io/acme/shop:9.9.9 (it has ghcr.io/acme/shop:1.0.0)...',
    );
  });
});

describe('rollouts that do not finish', () => {
  test('never ready: times out at the deadline with diagnostics in a log group and the summary', async () => {
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 2 }),
      'registry.example/api:never-ready',
    );
    const r = await run({ resources: 'deployment/api', timeout: '3s' });
    expect(r.code).toBe(1);
    // The wait ends a tenth early so that the diagnostics fit inside the 3 s.
    expect(r.durationMs).toBeGreaterThan(2600);
    expect(r.durationMs).toBeLessThan(10_000);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^deployment\/api: timed out after 3s: Waiting for deployment "api" rollout to finish: /,
    );
    expect(r.outputs.ready).toBe('false');
    expect(r.outputs.failed).toBe('deployment/api');
    // The next step's one line: the workload and why, as in the error.
    expect(r.outputs.message).toBe(r.errors[0]);
    expect(r.outputs.message).not.toContain('\n');
    expect(results(r)[0]).toMatchObject({ done: false, outcome: 'timed-out', reason: 'Timeout' });
    expect(r.stdout).toMatch(/::group::deployment\/api: timed out \(Timeout\) — diagnostics/);
    expect(r.stdout).toMatch(/Revision: 2 \(ReplicaSet api-[a-z0-9]+\)/);
    expect(r.stdout).toMatch(/Pods not ready:\n {2}api-[a-z0-9]+-[a-z0-9]+ \(Running/);
    expect(r.stdout).toMatch(/Warning events:\n.*Pod\/api-[a-z0-9]+-[a-z0-9]+ Unhealthy/);
    expect(r.summary).toContain('Why deployment/api is not ready');
    expect(r.summary).toMatch(
      /\| Pod \(not ready\) \| Phase \| Container \| State \| Restarts \| Detail \|/,
    );
    expect(r.summary).toMatch(/Unhealthy/);
  });

  test.each([
    {
      outcome: 'CrashLoopBackOff',
      image: 'registry.example/api:crashloop',
      reasons: ['CrashLoopBackOff'],
    },
    {
      outcome: 'ImagePullBackOff',
      image: 'registry.example/api:imagepullbackoff',
      reasons: ['ErrImagePull', 'ImagePullBackOff'],
    },
  ])('fail-fast: $outcome fails well before the timeout', async ({ image, reasons }) => {
    await startRollout('deployment', deployment({ name: 'api', replicas: 3 }), image);
    const r = await run({ resources: 'deployment/api', timeout: '2m' });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(15_000);
    const [result] = results(r);
    expect(reasons).toContain(result.reason);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      new RegExp(
        `^deployment/api: pod api-[a-z0-9]+-[a-z0-9]+ of the new revision: container app is in ${result.reason}`,
      ),
    );
    expect(r.summary).toContain('Why deployment/api is not ready');
    // The diagnostics are read after the failure; an image pull may have moved on to its back-off by then.
    expect(r.summary).toMatch(new RegExp(`waiting: (${reasons.join('|')})`));
  });

  test('one failure ends the step: the others are reported Stopped, not waited out', async () => {
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 1 }),
      'registry.example/api:crashloop',
    );
    await startRollout(
      'deployment',
      deployment({ name: 'web', replicas: 1 }),
      'registry.example/web:never-ready',
    );
    const r = await run({ resources: 'deployment/api, deployment/web', timeout: '2m' });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(20_000);
    const [api, web] = results(r);
    expect(api).toMatchObject({ outcome: 'failed', reason: 'CrashLoopBackOff' });
    expect(web).toMatchObject({ outcome: 'timed-out', reason: 'Stopped' });
    expect(web.message).toMatch(
      /^Waiting for deployment "web" rollout to finish: .* \(not waited for after deployment\/api failed\)$/,
    );
    expect(r.outputs.message).toMatch(/^deployment\/api: pod api-/);
  });

  test('fail-fast off: a crash loop is waited on until the deadline', async () => {
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 1 }),
      'registry.example/api:crashloop',
    );
    const r = await run({ resources: 'deployment/api', timeout: '2s', 'fail-fast': 'false' });
    expect(r.code).toBe(1);
    expect(results(r)[0]).toMatchObject({ outcome: 'timed-out' });
    expect(r.stdout).toContain('waiting: CrashLoopBackOff');
  });

  test("ProgressDeadlineExceeded fails with kubectl's error", async () => {
    cluster.controller!.behave({
      name: 'api',
      image: 'registry.example/api:never-ready-2',
      behaviour: { progressDeadlineMs: 300 },
    });
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 2 }),
      'registry.example/api:never-ready-2',
    );
    const r = await run({ resources: 'deployment/api', timeout: '1m' });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(15_000);
    expect(r.errors).toEqual([
      'deployment/api: ProgressDeadlineExceeded: deployment "api" exceeded its progress deadline',
    ]);
    expect(r.outputs.message).toBe(
      'deployment/api: ProgressDeadlineExceeded: deployment "api" exceeded its progress deadline',
    );
    expect(r.stdout).toMatch(
      /Progressing=False ProgressDeadlineExceeded: ReplicaSet "api-[a-z0-9]+" has timed out progressing\./,
    );
  });

  test('ProgressDeadlineExceeded fails also with fail-fast off, as kubectl does', async () => {
    cluster.controller!.behave({
      name: 'api',
      image: 'registry.example/api:never-ready-2',
      behaviour: { progressDeadlineMs: 300 },
    });
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 2 }),
      'registry.example/api:never-ready-2',
    );
    const r = await run({ resources: 'deployment/api', timeout: '1m', 'fail-fast': 'false' });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(15_000);
    expect(results(r)[0]).toMatchObject({ outcome: 'failed', reason: 'ProgressDeadlineExceeded' });
  });

  test('a namespace that does not exist is named as such (as kubectl does), at once', async () => {
    const r = await run({
      resources: 'deployment/api, sts/db',
      namespace: 'nowhere',
      timeout: '1m',
    });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(5000);
    expect(results(r).map((x) => [x.reason, x.message])).toEqual([
      ['NamespaceNotFound', 'namespaces "nowhere" not found'],
      ['NamespaceNotFound', 'namespaces "nowhere" not found'],
    ]);
    expect(r.outputs.message).toBe(
      'deployment/api: NamespaceNotFound: namespaces "nowhere" not found',
    );
  });

  test('a workload that does not exist: a clear error at once, no endless wait', async () => {
    const r = await run({ resources: 'deployment/ghost', timeout: '1m' });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(5000);
    expect(r.errors).toEqual([
      'deployment/ghost: NotFound: deployments.apps "ghost" not found in namespace "default"',
    ]);
  });

  test('two failures: the error names both, the message output only the first', async () => {
    cluster.apply(deployment({ name: 'ok' }));
    const r = await run({ resources: 'deployment/ghost, deployment/ok, deployment/phantom' });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^2 of 3 rollouts did not finish — deployment\/ghost: .*; deployment\/phantom: /,
    );
    expect(r.outputs.message).toBe(
      'deployment/ghost: NotFound: deployments.apps "ghost" not found in namespace "default"',
    );
    expect(r.outputs.failed).toBe('deployment/ghost,deployment/phantom');
  });

  test('a wrong token: a clear authentication error, once', async () => {
    cluster.apply(deployment({ name: 'api' }));
    const r = await runBundle('wait-rollout', {
      inputs: {
        resources: 'deployment/api',
        kubeconfig: cluster.kubeconfig({ token: 'wrong-token-123456' }),
      },
      timeoutMs: 20_000,
    });
    runs.push(r);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^deployment\/api: the API server rejected the credentials \(401 Unauthorized\) of context 'k8s-sim' from input 'kubeconfig'/,
    );
    expect(logOf(r)).not.toContain('wrong-token-123456');
    expect(cluster.requests.filter((q) => q.status === 401)).toHaveLength(1);
  });
});

describe('faults on the way', () => {
  test('the watch is forbidden (403): it polls by relisting with backoff, says so once, and succeeds', async () => {
    cluster.controller!.behave({ name: 'api', behaviour: { stepMs: 150 } });
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 3 }),
      'registry.example/api:2.0.0',
    );
    cluster.faults.failNext(
      1000,
      {
        status: 403,
        message:
          'deployments.apps is forbidden: User "system:serviceaccount:ci:deployer" cannot watch resource "deployments" in API group "apps" in the namespace "default"',
      },
      { path: '/deployments', watch: true },
    );
    const r = await run({ resources: 'deployment/api', timeout: '30s' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(results(r)[0]).toMatchObject({
      outcome: 'ready',
      message: 'deployment "api" successfully rolled out',
    });
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /Watching deployments\.apps in namespace default is not allowed \(403 Forbidden: .*cannot watch resource/,
    );
    expect(warnings[0]).toContain('polling instead');
    const calls = cluster.requests.filter((q) => q.path.endsWith('/deployments'));
    expect(calls.filter((q) => !q.watch).length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((q) => q.watch).every((q) => q.status === 403)).toBe(true);
  });

  test('twenty Deployments: one watch of the collection, not twenty', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `svc-${i}`);
    for (const n of names) cluster.apply(deployment({ name: n }));
    for (const n of names) await cluster.waitFor('deployment', n, rolloutComplete);
    cluster.controller!.pause();
    for (const n of names) cluster.setImage('deployment', n, 'registry.example/app:2.0.0');
    cluster.clearRequests();
    const pending = run({
      resources: names.map((n) => `deployment/${n}`).join('\n'),
      timeout: '30s',
    });
    await cluster.waitForRequest((q) => q.watch && q.path.endsWith('/deployments'), {
      timeoutMs: 20_000,
    });
    cluster.controller!.resume();
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.outputs.message).toBe('all 20 ready');
    const calls = cluster.requests.filter((q) => q.path.endsWith('/deployments'));
    expect(calls.filter((q) => q.watch)).toHaveLength(1);
    expect(calls.filter((q) => !q.watch)).toHaveLength(1);
  });

  test('three dropped watches and a 410 mid-rollout: still the right answer', async () => {
    cluster.controller!.behave({ name: 'api', behaviour: { stepMs: 100 } });
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 4 }),
      'registry.example/api:2.0.0',
    );
    cluster.faults
      .dropWatches(2, { afterEvents: 1 }, { path: '/deployments' })
      .dropWatches(1, { afterEvents: 1, how: 'reset' }, { path: '/deployments' });
    cluster.clearRequests();
    // Hold the rollout until the action watches: on a busy machine it could otherwise finish
    // before the action has started, and no watch (so no fault) would happen at all.
    cluster.controller!.pause();
    const pending = run({ resources: 'deployment/api', timeout: '30s' });
    await cluster.waitForRequest((q) => q.watch && q.path.endsWith('/deployments'), {
      timeoutMs: 20_000,
    });
    cluster.controller!.resume();
    const deadline = Date.now() + 10_000;
    while (cluster.requests.filter((q) => q.watch).length < 3 && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 10));
    cluster.faults.goneOnNextWatches(1, 'event', { path: '/deployments' });
    const r = await pending;
    expect(r.code).toBe(0);
    expect(results(r)[0]).toMatchObject({
      done: true,
      message: 'deployment "api" successfully rolled out',
      replicas: { desired: 4, updated: 4, ready: 4, available: 4 },
    });
    const calls = cluster.requests.filter(
      (q) => q.path === '/apis/apps/v1/namespaces/default/deployments',
    );
    expect(calls.filter((q) => q.watch).length).toBeGreaterThanOrEqual(5);
    // The 410 made it list again; the drops did not (they resumed from the last resourceVersion).
    expect(calls.filter((q) => !q.watch)).toHaveLength(2);
    expect(cluster.faults.pending).toBe(false);
  });

  test('5xx bursts and slow answers are retried within the deadline', async () => {
    await startRollout(
      'deployment',
      deployment({ name: 'api', replicas: 2 }),
      'registry.example/api:2.0.0',
    );
    cluster.faults
      .failNext(3, { status: 503 }, { path: '/deployments' })
      .delayNext(2, 300, { path: '/deployments' });
    const r = await run({ resources: 'deployment/api', timeout: '30s' });
    expect(r.code).toBe(0);
    expect(cluster.requests.filter((q) => q.status === 503)).toHaveLength(3);
  });
});

describe('credentials', () => {
  test('an exec credential plugin (run by client-node, loaded only for it): its token is used and masked', async () => {
    cluster.apply(deployment({ name: 'api' }));
    await cluster.waitFor('deployment', 'api', rolloutComplete);
    const dir = mkdtempSync(path.join(tmpdir(), 'exec-plugin-'));
    const plugin = path.join(dir, 'get-token.mjs');
    // A stand-in for `aws eks get-token`: prints an ExecCredential with the cluster's token.
    writeFileSync(
      plugin,
      `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(cluster.token)} } }));\n`,
    );
    try {
      const kubeconfig = cluster.kubeconfig({
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: NODE,
            args: [plugin],
            interactiveMode: 'Never',
          },
        },
      });
      const r = await run({ resources: 'deployment/api', kubeconfig });
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.masks).toContain(cluster.token);
      expect(logOf(r)).not.toContain(cluster.token);
      expect(cluster.requests.every((q) => q.status !== 401)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad inputs: one ::error:: line, exit 1, no API call', () => {
  test.each<{ name: string; inputs: Record<string, string>; error: RegExp }>([
    {
      name: 'unknown kind',
      inputs: { resources: 'foo/bar' },
      error: /^Input 'resources': 'foo\/bar': unknown kind 'foo'/,
    },
    { name: 'empty list', inputs: { resources: ' , \n' }, error: /^Input 'resources': is empty/ },
    {
      name: 'invalid namespace',
      inputs: { resources: 'deployment/api', namespace: 'Prod_NS' },
      error: /^Input 'namespace': 'Prod_NS' is not a valid namespace name/,
    },
    {
      name: 'unparseable timeout',
      inputs: { resources: 'deployment/api', timeout: 'soon' },
      error: /^Input 'timeout': expected a duration like 30s, 5m or 1h30m, got 'soon'/,
    },
    {
      name: 'undecodable kubeconfig',
      inputs: { resources: 'deployment/api', kubeconfig: 'bm90IGEga3ViZWNvbmZpZw!!' },
      error: /^Input 'kubeconfig': is neither a kubeconfig/,
    },
    {
      name: 'context not in the kubeconfig',
      inputs: { resources: 'deployment/api', context: 'prod' },
      error: /^Input 'context': context 'prod' is not in input 'kubeconfig' \(it has: k8s-sim\)/,
    },
    {
      name: 'bad fail-fast',
      inputs: { resources: 'deployment/api', 'fail-fast': 'maybe' },
      error: /^Input 'fail-fast': expected true or false/,
    },
    { name: 'bad selector', inputs: { selector: 'app=(web' }, error: /^Input 'selector':/ },
    {
      name: 'bad image',
      inputs: { resources: 'deployment/api', images: 'App=ghcr.io/acme/api:1' },
      error: /^Input 'images': 'App=ghcr.io\/acme\/api:1': 'App' is not a container name/,
    },
  ])('$name', async ({ inputs, error }) => {
    const r = await run(inputs);
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(error);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(cluster.requests).toEqual([]);
    expect(r.outputs).toEqual({});
  });

  test('no cluster configured anywhere: a clear error, no localhost:8080', async () => {
    const r = await runBundle('wait-rollout', {
      inputs: { resources: 'deployment/api' },
      timeoutMs: 20_000,
    });
    runs.push(r);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "no cluster configured: the 'kubeconfig' input is empty, KUBECONFIG is not set, ~/.kube/config does not exist, and there is no in-cluster service account (KUBERNETES_SERVICE_HOST)",
    ]);
    // Not an input error: the next step still gets the one line.
    expect(r.outputs.message).toBe(r.errors[0]);
  });
});
