// End-to-end cases of the bundled action against the simulated cluster, run once per Helm major
// (helm3.e2e.test.ts, helm4.e2e.test.ts). Every helm command, the rollback included, is run by
// the REAL binary against the simulator; the helm stand-in first on PATH (test/helm/helm-standin.ts)
// records each command line and checks the rollback's flags before passing it on.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanupRun, runBundle, type ActionRun } from '../../../test/harness/run-action';
import { helmBinary, type HelmMajor } from '../../../test/helm/binaries';
import {
  realHelmRollback,
  startHelmStandIn,
  type HelmStandIn,
} from '../../../test/helm/helm-standin';
import {
  applyManifestWorkloads,
  deploymentManifest,
  readReleases,
  rollbackRelease,
  storeReleaseHistory,
  type HelmReleaseStatus,
} from '../../../test/k8s-sim/helm-releases';
import { startCluster, type SimCluster } from '../../../test/k8s-sim/index';

const NS = 'prod';

export function rollbackE2E(major: HelmMajor): void {
  let cluster: SimCluster;
  let standIn: HelmStandIn;
  let kubeconfig: string;
  let emptyBin: string;
  let scratch: string;
  const runs: ActionRun[] = [];
  const waitFlag = major === 3 ? '--wait' : '--wait=watcher';
  const dryRunFlag = major === 3 ? '--dry-run' : '--dry-run=client';

  beforeAll(async () => {
    cluster = await startCluster({ namespaces: [NS], behaviour: { stepMs: 5 } });
    standIn = await startHelmStandIn(major);
    kubeconfig = Buffer.from(cluster.kubeconfig()).toString('base64');
    emptyBin = mkdtempSync(path.join(tmpdir(), 'no-helm-'));
    scratch = mkdtempSync(path.join(tmpdir(), 'helm-rollback-e2e-'));
  });
  afterAll(async () => {
    runs.forEach(cleanupRun);
    await standIn.close();
    await cluster.close();
    rmSync(emptyBin, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    standIn.reset();
    cluster.faults.clear();
  });

  const image = (release: string, revision: number, suffix = '') =>
    `registry.example/${release}:1.${revision}.0${suffix}`;

  /** A release with this history, and its current revision's Deployment running in the cluster. */
  async function seed(
    release: string,
    statuses: HelmReleaseStatus[],
    images: Record<number, string> = {},
    descriptions: Record<number, string> = {},
  ) {
    const records = storeReleaseHistory(
      cluster,
      release,
      NS,
      statuses.map((status, i) => {
        const revision = i + 1;
        const img =
          images[revision] ?? image(release, revision, status === 'failed' ? '-crashloop' : '');
        return {
          revision,
          status,
          description: descriptions[revision],
          manifest: deploymentManifest(release, { image: img, replicas: 2 }),
        };
      }),
    );
    applyManifestWorkloads(cluster, records[records.length - 1].manifest, release, NS);
  }

  async function run(
    inputs: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<ActionRun> {
    const r = await runBundle('helm-rollback', {
      inputs: { namespace: NS, kubeconfig, ...inputs },
      env: { PATH: `${standIn.binDir}${path.delimiter}${process.env.PATH}`, ...env },
      timeoutMs: 30_000,
    });
    runs.push(r);
    return r;
  }

  const deployedImage = (name: string) =>
    cluster.get('Deployment', name, NS)?.spec.template.spec.containers[0].image;
  const commands = () =>
    standIn.invocations().map((argv) => (argv[0] === 'get' ? `get ${argv[1]}` : argv[0]));
  const imageReads = (n: number) => Array<string>(n).fill('get manifest');
  const history = (r: ActionRun) =>
    JSON.parse(r.outputs.history) as Array<{
      revision: number;
      status: string;
      description: string;
    }>;

  test('last revision failed: rolls back to the newest good revision and verifies its Deployment', async () => {
    await seed('web', ['superseded', 'deployed', 'failed']);
    // Looks at the kubeconfig helm was given while helm runs, then lets the real binary roll back.
    let kubeconfigSeen: { file: string; mode: number; content: string } | undefined;
    const realRollback = realHelmRollback(helmBinary(major).path, scratch);
    standIn.setRollbackHandler((call) => {
      const file = call.env.KUBECONFIG;
      kubeconfigSeen = {
        file,
        mode: statSync(file).mode & 0o777,
        content: readFileSync(file, 'utf8'),
      };
      return realRollback(call);
    });
    const r = await run({ release: 'web' }).finally(() => standIn.setRollbackHandler(undefined));
    expect(kubeconfigSeen).toEqual({
      file: expect.stringContaining(path.join(r.tempDir, 'runner-temp', 'helm-rollback-')),
      mode: 0o600,
      content: cluster.kubeconfig(),
    });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      'from-revision': '3',
      'to-revision': '2',
      'new-revision': '4',
      status: 'verified',
    });
    expect(standIn.rollbacks().map((c) => c.argv)).toEqual([
      [
        'rollback',
        'web',
        '2',
        '--namespace',
        NS,
        waitFlag,
        '--timeout',
        expect.stringMatching(/^\d+s$/),
      ],
    ]);
    // Each revision's manifest is read once for its images (the history tables), then the new one's.
    expect(commands()).toEqual([
      'version',
      'history',
      ...imageReads(3),
      'rollback',
      'history',
      'get manifest',
    ]);
    // The history output is the real helm's, read after the rollback.
    expect(history(r).map((h) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'failed'],
      [4, 'deployed'],
    ]);
    expect(history(r)[3].description).toBe('Rollback to 2');
    expect(deployedImage('web')).toBe(image('web', 2));
    expect(r.summary).toContain('| 2 ← target | deployed |');
    expect(r.summary).toContain('| 3 ← current | failed |');
    expect(r.summary).toContain('| 4 ← new (copy of 2) | deployed |');
    expect(r.summary).toMatch(/\| Deployment\/web \| prod \| ✅ yes \| 2\/2 ready/);
    // The kubeconfig went to helm as a private temp file that is gone afterwards, and its token is masked.
    expect(readdirSync(path.join(r.tempDir, 'runner-temp'))).toEqual([]);
    expect(r.masks).toContain(cluster.token);
    expect(r.masks).toContain(kubeconfig);
    // Structural kubeconfig lines are not masked: they would garble every later log line containing them.
    expect(r.masks).not.toContain('kind: Config');
    expect(r.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain(cluster.token);
  });

  test('failed-revision that is the current revision: rolled back and verified, without the warning', async () => {
    await seed('keyed', ['superseded', 'deployed', 'failed']);
    const r = await run({ release: 'keyed', 'failed-revision': '3' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.outputs).toMatchObject({
      'from-revision': '3',
      'to-revision': '2',
      status: 'verified',
    });
    expect(r.outputs.message).toMatch(/^Rolled back from revision 3 to revision 2 .*ready\.$/);
    expect(r.outputs.message).not.toContain('\n');
    expect(deployedImage('keyed')).toBe(image('keyed', 2));
    // The summary's history shows what each revision ran, not only the chart version.
    const row2 = r.summary.split('\n').find((l) => l.startsWith('| 2 ← target |'));
    expect(row2?.split(' | ')[4]).toBe(image('keyed', 2));
    expect(r.summary).toMatch(/\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/);
  });

  test('failed-revision the upgrade never created: nothing rolled back, exit 0, not-needed', async () => {
    // 1 sup, 2 sup, 3 deployed (healthy); the upgrade to what would have been 4 failed before
    // creating it (a typo in --values, a render error).
    await seed('healthy', ['superseded', 'superseded', 'deployed']);
    const before = cluster.get('Deployment', 'healthy', NS)!;
    for (const failed of ['4', '']) {
      standIn.reset();
      const r = await run({ release: 'healthy', 'failed-revision': failed });
      expect(r.code).toBe(0);
      expect(r.errors).toEqual([]);
      expect(r.outputs.status).toBe('not-needed');
      expect(r.notices).toEqual([
        expect.stringMatching(
          failed
            ? /^Nothing rolled back: revision 4 does not exist: the upgrade never created it; the release is at revision 3 \(deployed/
            : /^Nothing rolled back: the deploy created no revision/,
        ),
      ]);
      expect(r.outputs.message).toBe(r.notices[0]);
      expect(standIn.rollbacks()).toEqual([]);
      expect(r.summary).toContain('not-needed');
    }
    expect(readReleases(cluster, 'healthy', NS)).toHaveLength(3);
    expect(deployedImage('healthy')).toBe(image('healthy', 3));
    expect(cluster.get('Deployment', 'healthy', NS)!.metadata.generation).toBe(
      before.metadata.generation,
    );
  });

  test('without failed-revision: today’s behaviour, with a warning recommending it', async () => {
    await seed('legacy', ['superseded', 'deployed', 'failed']);
    const r = await run({ release: 'legacy' });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^failed-revision is not set: rolling back whatever revision of legacy is current \(3\)/,
      ),
    ]);
    expect(r.outputs['to-revision']).toBe('2');
  });

  test('re-run after a successful rollback is harmless: never back to the revision it moved away from', async () => {
    // The first run rolled 2 (crash-looping) back to 1: 1 sup, 2 sup, 3 deployed "Rollback to 1".
    await seed(
      'rerun',
      ['superseded', 'superseded', 'deployed'],
      { 2: image('rerun', 2, '-crashloop'), 3: image('rerun', 1) },
      { 3: 'Rollback to 1' },
    );
    // With failed-revision (the re-run job's deploy output: 2): not-needed.
    const keyed = await run({ release: 'rerun', 'failed-revision': '2' });
    expect(keyed.code).toBe(0);
    expect(keyed.outputs.status).toBe('not-needed');
    expect(keyed.notices[0]).toMatch(
      /revision 2 was already rolled back by revision 3 \("Rollback to 1"\)/,
    );
    expect(standIn.rollbacks()).toEqual([]);
    // Without: the target skips 2 and restores 1 again (the same images), never the crash loop.
    const blind = await run({ release: 'rerun' });
    expect(blind.errors).toEqual([]);
    expect(blind.outputs).toMatchObject({
      'from-revision': '3',
      'to-revision': '1',
      status: 'verified',
    });
    expect(blind.stdout).toContain('skipped 2 (rolled back from by 3)');
    expect(deployedImage('rerun')).toBe(image('rerun', 1));
    expect(blind.summary).toContain('| 2 ← ⛔ rolled back from by 3 | superseded |');
  });

  test('the same rollback through the scripted stand-in (rollbackRelease) ends the same way', async () => {
    await seed('scripted', ['superseded', 'deployed', 'failed']);
    standIn.setRollbackHandler((call) =>
      rollbackRelease(cluster, call.release, call.namespace, call.revision, {
        waitMs: call.flags.wait ? 10_000 : undefined,
      }),
    );
    const r = await run({ release: 'scripted' }).finally(() =>
      standIn.setRollbackHandler(undefined),
    );
    expect(r.outputs).toMatchObject({
      'from-revision': '3',
      'to-revision': '2',
      'new-revision': '4',
      status: 'verified',
    });
    expect(history(r).map((h) => [h.revision, h.status, h.description])).toEqual([
      [1, 'superseded', 'Install complete'],
      [2, 'superseded', 'Upgrade complete'],
      [3, 'failed', 'Upgrade "scripted" failed: context deadline exceeded'],
      [4, 'deployed', 'Rollback to 2'],
    ]);
    expect(deployedImage('scripted')).toBe(image('scripted', 2));
  });

  test('two failed revisions in a row are both skipped', async () => {
    await seed('cart', ['superseded', 'deployed', 'failed', 'failed']);
    const r = await run({ release: 'cart' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      'from-revision': '4',
      'to-revision': '2',
      'new-revision': '5',
      status: 'verified',
    });
    expect(r.stdout).toContain('skipped 3 (failed)');
    expect(deployedImage('cart')).toBe(image('cart', 2));
  });

  test('an explicit revision is rolled back to as given', async () => {
    await seed('shop', ['superseded', 'superseded', 'deployed', 'failed']);
    const r = await run({ release: 'shop', revision: '1', wait: 'false' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      'from-revision': '4',
      'to-revision': '1',
      'new-revision': '5',
      status: 'verified',
    });
    expect(standIn.rollbacks()[0].argv.slice(0, 3)).toEqual(['rollback', 'shop', '1']);
    expect(standIn.rollbacks()[0].argv).not.toContain(waitFlag);
    expect(deployedImage('shop')).toBe(image('shop', 1));
  });

  test('a release with a single revision has nothing to roll back to', async () => {
    await seed('solo', ['deployed']);
    const r = await run({ release: 'solo' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^No earlier good revision of 'solo' to roll back to: .*history: 1 deployed/,
      ),
    ]);
    expect(r.outputs.status).toBe('failed');
    expect(standIn.rollbacks()).toEqual([]);
    expect(readReleases(cluster, 'solo', NS)).toHaveLength(1);
    expect(r.summary).toContain('| 1 ← current | deployed |');
  });

  test('a read that hits an API server hiccup is retried within the deadline', async () => {
    await seed('hiccup', ['superseded', 'deployed', 'failed']);
    // The API server's own ServiceUnavailable answer (e.g. while it restarts behind a load balancer).
    cluster.faults.failNext(
      1,
      { status: 503, message: 'the server is currently unable to handle the request' },
      { method: 'GET', path: '/secrets' },
    );
    const r = await run({ release: 'hiccup', 'failed-revision': '3' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^helm history failed \(.*\); retrying in 1s$/),
    ]);
    expect(r.outputs).toMatchObject({ 'to-revision': '2', status: 'verified' });
    expect(commands()).toEqual([
      'version',
      'history',
      'history',
      ...imageReads(3),
      'rollback',
      'history',
      'get manifest',
    ]);
  });

  test('a release stuck in pending-upgrade is rolled back, and the log says that is the way out', async () => {
    await seed('stuck', ['superseded', 'deployed', 'pending-upgrade']);
    const r = await run({ release: 'stuck' });
    expect(r.code).toBe(0);
    expect(r.notices).toEqual([
      expect.stringMatching(
        /stuck in pending-upgrade at revision 3 .*rolling back is the standard way out/,
      ),
    ]);
    expect(r.outputs).toMatchObject({
      'from-revision': '3',
      'to-revision': '2',
      'new-revision': '4',
      status: 'verified',
    });
  });

  test('a dry run lets the real helm simulate the rollback and changes nothing', async () => {
    await seed('dry', ['superseded', 'deployed', 'failed']);
    const before = cluster.get('Deployment', 'dry', NS)!;
    const r = await run({ release: 'dry', 'dry-run': 'true' });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('skipped');
    expect(r.outputs['new-revision']).toBeUndefined();
    expect(r.outputs).toMatchObject({ 'from-revision': '3', 'to-revision': '2' });
    expect(standIn.rollbacks()[0].argv).toContain(dryRunFlag);
    // Real helm answered the dry run (the stand-in only relays it).
    expect(r.stdout).toContain('helm: Rollback was a success! Happy Helming!');
    expect(readReleases(cluster, 'dry', NS).map((rec) => rec.info.status)).toEqual([
      'superseded',
      'deployed',
      'failed',
    ]);
    expect(cluster.get('Deployment', 'dry', NS)!.metadata.generation).toBe(
      before.metadata.generation,
    );
    expect(commands()).toEqual(['version', 'history', ...imageReads(3), 'rollback']);
    expect(r.summary).toContain('dry run, nothing was changed');
  });

  test('verify catches a rolled-back Deployment that never becomes ready', async () => {
    await seed('flaky', ['superseded', 'deployed', 'failed'], {
      2: image('flaky', 2, '-never-ready'),
    });
    const started = Date.now();
    const r = await run({ release: 'flaky', wait: 'false', timeout: '3s' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ 'to-revision': '2', 'new-revision': '4', status: 'failed' });
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^Rolled back flaky to revision 2 \(new revision 4\), but Deployment\/flaky did not become ready: timed-out/,
      ),
    ]);
    expect(r.summary).toMatch(/\| Deployment\/flaky \| prod \| ❌ no \|/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('helm failing the rollback is reported with its own error line', async () => {
    await seed('denied', ['superseded', 'deployed', 'failed']);
    const denial = 'admission webhook "policy.example.com" denied the request: image not signed';
    cluster.faults.failNext(
      1,
      { status: 403, message: denial },
      { method: 'PATCH', path: '/deployments/denied' },
    );
    const r = await run({ release: 'denied' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^helm rollback of denied to revision 2 failed \(exit code 1\): .*admission webhook "policy\.example\.com" denied the request: image not signed/,
      ),
    ]);
    expect(r.outputs).toMatchObject({ status: 'failed', 'new-revision': '4' });
    expect(history(r)[3]).toMatchObject({ revision: 4, status: 'failed' });
  });

  test("helm --wait timing out is helm's failure, reported as such", async () => {
    await seed('slow', ['superseded', 'deployed', 'failed'], {
      2: image('slow', 2, '-never-ready'),
    });
    const r = await run({ release: 'slow', timeout: '2s' });
    expect(r.code).toBe(1);
    // Helm's own words differ per major: 3 says the context deadline passed, 4 names the resource.
    const helmSays =
      major === 3
        ? 'release slow failed: context deadline exceeded'
        : 'release slow failed: resource Deployment/prod/slow not ready';
    expect(r.errors).toEqual([
      expect.stringContaining(
        `helm rollback of slow to revision 2 failed (exit code 1): ${helmSays}`,
      ),
    ]);
    expect(r.outputs.status).toBe('failed');
    // Why, without opening a terminal: the pods' state and the readiness-probe events.
    expect(r.stdout).toMatch(/::group::Why Deployment\/slow is not ready/);
    expect(r.stdout).toMatch(/Readiness probe failed/);
    expect(r.summary).toMatch(/\| Deployment\/slow \| prod \| ❌ no \|/);
  });

  test('verify: false stops after the rollback with status rolled-back', async () => {
    await seed('quick', ['superseded', 'deployed', 'failed']);
    const r = await run({ release: 'quick', verify: 'false', wait: 'false' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      'to-revision': '2',
      'new-revision': '4',
      status: 'rolled-back',
    });
    expect(commands()).toEqual(['version', 'history', ...imageReads(3), 'rollback', 'history']);
    expect(r.summary).not.toContain('Verified workloads');
  });

  test('a kubeconfig from $KUBECONFIG and a named context reach both helm and the verification', async () => {
    await seed('ctx', ['superseded', 'deployed', 'failed']);
    const file = path.join(scratch, 'kubeconfig-ctx');
    writeFileSync(file, cluster.kubeconfig({ context: 'prod-eu' }), { mode: 0o600 });
    const r = await run(
      { release: 'ctx', kubeconfig: '', context: 'prod-eu' },
      { KUBECONFIG: file },
    );
    expect(r.errors).toEqual([]);
    expect(r.outputs.status).toBe('verified');
    for (const argv of standIn.invocations().filter((a) => a[0] !== 'version'))
      expect(argv).toEqual(expect.arrayContaining(['--kube-context', 'prod-eu']));
  });

  test('a context the kubeconfig input does not have is refused before helm runs', async () => {
    const r = await run({ release: 'web', context: 'staging' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "Input 'context': no context named 'staging' in the kubeconfig (it has: k8s-sim)",
    ]);
    expect(standIn.invocations()).toEqual([]);
  });

  test('a release that does not exist is named in the error', async () => {
    const r = await run({ release: 'ghost' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual(["Release 'ghost' not found in namespace 'prod'"]);
    expect(standIn.rollbacks()).toEqual([]);
  });

  test('the helm input can name a binary that is not on PATH', async () => {
    await seed('offpath', ['superseded', 'deployed', 'failed']);
    const r = await run(
      { release: 'offpath', helm: standIn.helm, verify: 'false' },
      { PATH: emptyBin },
    );
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ 'to-revision': '2', status: 'rolled-back' });
    expect(commands()).toEqual(['version', 'history', ...imageReads(3), 'rollback', 'history']);
  });

  test('helm missing from PATH is one clear error', async () => {
    const r = await run({ release: 'web' }, { PATH: emptyBin });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.stringMatching(/^helm not found: 'helm' is not an executable on PATH/),
    ]);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test.each<{ name: string; inputs: Record<string, string>; error: RegExp }>([
    {
      name: 'a shell command as release',
      inputs: { release: 'x; rm -rf /' },
      error: /^Input 'release': expected a Helm release name .*got 'x; rm -rf \/'$/,
    },
    {
      name: 'a flag as release',
      inputs: { release: '--all' },
      error: /^Input 'release': expected a Helm release name/,
    },
    {
      name: 'a namespace with capitals',
      inputs: { release: 'web', namespace: 'Prod' },
      error: /^Input 'namespace': expected a namespace name/,
    },
    {
      name: 'revision 0 (Helm\'s "previous")',
      inputs: { release: 'web', revision: '0' },
      error: /^Input 'revision': expected a whole number >= 1, got '0'$/,
    },
    {
      name: 'an unknown wait strategy',
      inputs: { release: 'web', wait: 'forever' },
      error: /^Input 'wait': expected true, false or a Helm 4 wait strategy/,
    },
    {
      name: 'a failed-revision that is not a revision',
      inputs: { release: 'web', 'failed-revision': 'latest' },
      error: /^Input 'failed-revision': expected the revision the deploy created/,
    },
    {
      name: 'an undecodable kubeconfig',
      inputs: { release: 'web', kubeconfig: '%%%not-a-kubeconfig' },
      error: /^Input 'kubeconfig': is neither a kubeconfig/,
    },
  ])('bad input: $name — refused before any helm runs', async ({ inputs, error }) => {
    const r = await run(inputs);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(error)]);
    expect(standIn.invocations()).toEqual([]);
    expect(r.stdout).not.toMatch(/^\s+at /m);
  });

  if (major === 4) {
    test('recreate-pods is refused on Helm 4 (the flag is gone) before anything changes', async () => {
      await seed('pods4', ['superseded', 'deployed', 'failed']);
      const r = await run({ release: 'pods4', 'recreate-pods': 'true' });
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([
        expect.stringMatching(/^Input 'recreate-pods': is not supported by Helm 4/),
      ]);
      expect(commands()).toEqual(['version']);
    });
  } else {
    test('force and recreate-pods reach Helm 3 as its own flags', async () => {
      await seed('pods3', ['superseded', 'deployed', 'failed']);
      const r = await run({
        release: 'pods3',
        force: 'true',
        'recreate-pods': 'true',
        'cleanup-on-fail': 'true',
      });
      expect(r.code).toBe(0);
      expect(standIn.rollbacks()[0].argv).toEqual(
        expect.arrayContaining(['--force', '--recreate-pods', '--cleanup-on-fail']),
      );
    });
  }
}
