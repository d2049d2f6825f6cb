// End-to-end cases of the bundled helm-deploy against the simulated cluster, run once per Helm
// major (helm3.e2e.test.ts, helm4.e2e.test.ts). Every helm command — the upgrade and the atomic
// rollback included — is run by the REAL binary against the simulator; the stand-in first on PATH
// (test/helm/helm-standin.ts) only records each command line (so a test can prove no helm ran).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cleanupRun,
  runBundle,
  type ActionRun,
  type RunOptions,
} from '../../../test/harness/run-action';
import { helmBinary, type HelmMajor } from '../../../test/helm/binaries';
import {
  realHelmRollback,
  startHelmStandIn,
  type HelmStandIn,
} from '../../../test/helm/helm-standin';
import { readReleases } from '../../../test/k8s-sim/helm-releases';
import { startCluster, type SimCluster } from '../../../test/k8s-sim/index';

const NS = 'prod';

/** A chart of our own: a Deployment whose image is a value, a ConfigMap, and a render-time check. */
export function writeChart(dir: string, name = 'web'): string {
  const chart = path.join(dir, 'charts', name);
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(
    path.join(chart, 'Chart.yaml'),
    `apiVersion: v2\nname: ${name}\nversion: 1.0.0\nappVersion: "1.0.0"\n`,
  );
  writeFileSync(
    path.join(chart, 'values.yaml'),
    'image: registry.example/web:1.0.0\nreplicas: 2\ngreeting: hello\nmustFail: false\n',
  );
  writeFileSync(
    path.join(chart, 'templates', 'deployment.yaml'),
    [
      '{{- if .Values.mustFail }}{{ fail "mustFail is set: refusing to render" }}{{- end }}',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}',
      'spec:',
      '  replicas: {{ .Values.replicas }}',
      '  selector:',
      '    matchLabels: { app: {{ .Release.Name }} }',
      '  template:',
      '    metadata:',
      '      labels: { app: {{ .Release.Name }} }',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: {{ .Values.image }}',
      '          readinessProbe: { httpGet: { path: /healthz, port: 8080 } }',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(chart, 'templates', 'configmap.yaml'),
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-config',
      'data:',
      '  greeting: {{ .Values.greeting | quote }}',
      '',
    ].join('\n'),
  );
  return chart;
}

export function deployE2E(major: HelmMajor): void {
  let cluster: SimCluster;
  let standIn: HelmStandIn;
  let kubeconfig: string;
  let scratch: string;
  let workspace: string;
  const runs: ActionRun[] = [];

  beforeAll(async () => {
    cluster = await startCluster({ namespaces: [NS], behaviour: { stepMs: 5 } });
    scratch = mkdtempSync(path.join(tmpdir(), 'helm-deploy-e2e-'));
    standIn = await startHelmStandIn(major);
    // The atomic rollback goes to the real binary too.
    standIn.setRollbackHandler(realHelmRollback(helmBinary(major).path, scratch));
    kubeconfig = Buffer.from(cluster.kubeconfig()).toString('base64');
    workspace = path.join(scratch, 'workspace');
    mkdirSync(workspace);
    writeChart(workspace);
    mkdirSync(path.join(workspace, 'deploy'));
    writeFileSync(
      path.join(workspace, 'deploy', 'values-base.yaml'),
      'greeting: base\nreplicas: 3\n',
    );
    writeFileSync(path.join(workspace, 'deploy', 'values-prod.yaml'), 'greeting: production\n');
  });
  afterAll(async () => {
    runs.forEach(cleanupRun);
    await standIn.close();
    await cluster.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    standIn.reset();
    cluster.faults.clear();
  });

  async function run(
    inputs: Record<string, string>,
    opts: Partial<RunOptions> = {},
  ): Promise<ActionRun> {
    const r = await runBundle('helm-deploy', {
      inputs: { namespace: NS, kubeconfig, chart: './charts/web', ...inputs },
      env: { PATH: `${standIn.binDir}${path.delimiter}${process.env.PATH}` },
      workspace,
      timeoutMs: 90_000,
      ...opts,
    });
    runs.push(r);
    return r;
  }
  async function rollback(inputs: Record<string, string>): Promise<ActionRun> {
    const r = await runBundle('helm-rollback', {
      inputs: { namespace: NS, kubeconfig, ...inputs },
      env: { PATH: `${standIn.binDir}${path.delimiter}${process.env.PATH}` },
      timeoutMs: 60_000,
    });
    runs.push(r);
    return r;
  }

  const deployedImage = (name: string) =>
    cluster.get('Deployment', name, NS)?.spec.template.spec.containers[0].image;
  const statuses = (release: string) =>
    readReleases(cluster, release, NS).map((rec) => `${rec.version} ${rec.info.status}`);
  const upgrades = () => standIn.invocations().filter((a) => a[0] === 'upgrade');
  const resources = (r: ActionRun) =>
    JSON.parse(r.outputs.resources) as Array<{
      kind: string;
      name: string;
      done: boolean;
      outcome: string;
      reason: string | null;
      seconds: number;
    }>;

  test('a good deploy: install, then upgrade; values files in order, set and set-string; our wait', async () => {
    const first = await run({
      release: 'good',
      'values-files': 'deploy/values-base.yaml\ndeploy/values-prod.yaml',
      set: 'replicas=2',
      'set-string': 'image=registry.example/web:1.1.0',
    });
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({
      revision: '1',
      'previous-revision': '',
      status: 'deployed',
    });
    expect(first.outputs.message).toMatch(
      /^Deployed good revision 1 \(web-1\.0\.0, app 1\.0\.0\): all 1 workload\(s\) ready in /,
    );
    // The later values file wins, --set wins over both: what the real helm rendered.
    expect(cluster.get('ConfigMap', 'good-config', NS)?.data).toEqual({ greeting: 'production' });
    expect(cluster.get('Deployment', 'good', NS)?.spec.replicas).toBe(2);
    expect(deployedImage('good')).toBe('registry.example/web:1.1.0');
    // Helm's own --wait and --atomic are never used: the wait is ours.
    const [argv] = upgrades();
    expect(argv).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^--(wait|atomic|rollback-on-failure)/)]),
    );
    expect(argv.slice(0, 4)).toEqual([
      'upgrade',
      '--install',
      'good',
      path.join(workspace, 'charts', 'web'),
    ]);
    expect(argv).toEqual(
      expect.arrayContaining([
        '--values',
        path.join(workspace, 'deploy', 'values-base.yaml'),
        '--set',
        'replicas=2',
        '--set-string',
        'image=registry.example/web:1.1.0',
      ]),
    );
    expect(argv.indexOf(path.join(workspace, 'deploy', 'values-base.yaml'))).toBeLessThan(
      argv.indexOf(path.join(workspace, 'deploy', 'values-prod.yaml')),
    );
    expect(resources(first)).toEqual([
      expect.objectContaining({ kind: 'Deployment', name: 'good', done: true, outcome: 'ready' }),
    ]);
    // The kubeconfig file for helm is gone, its token masked.
    expect(readdirSync(path.join(first.tempDir, 'runner-temp'))).toEqual([]);
    expect(first.masks).toContain(cluster.token);

    const second = await run({ release: 'good', 'set-string': 'image=registry.example/web:1.2.0' });
    expect(second.errors).toEqual([]);
    expect(second.outputs).toMatchObject({
      revision: '2',
      'previous-revision': '1',
      status: 'deployed',
    });
    expect(JSON.parse(second.outputs.history).map((h: { status: string }) => h.status)).toEqual([
      'superseded',
      'deployed',
    ]);
    // The summary's history: images per revision, human-readable times.
    expect(second.summary).toMatch(
      /\| 1 ← previous \| superseded \| web-1\.0\.0 \| 1\.0\.0 \| registry\.example\/web:1\.1\.0 \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/,
    );
    expect(second.summary).toMatch(
      /\| 2 ← this run \| deployed \| web-1\.0\.0 \| 1\.0\.0 \| registry\.example\/web:1\.2\.0 \|/,
    );
    expect(second.summary).toMatch(/\| Deployment\/good \| prod \| ✅ yes \|/);
  });

  test('a crash loop is caught in seconds, atomic rolls back to the last good revision and verifies it', async () => {
    await run({ release: 'crash', 'set-string': 'image=registry.example/web:1.0.0' });
    await run({ release: 'crash', 'set-string': 'image=registry.example/web:1.1.0' });
    const r = await run({
      release: 'crash',
      'set-string': 'image=registry.example/web:1.2.0-crashloop',
      atomic: 'true',
      timeout: '5m',
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({
      revision: '3',
      'previous-revision': '2',
      status: 'rolled-back',
    });
    const [wait] = resources(r);
    expect(wait).toMatchObject({
      name: 'crash',
      done: false,
      outcome: 'failed',
      reason: 'CrashLoopBackOff',
    });
    // Caught by the fail-fast watch, far inside the 5-minute timeout helm's --wait would wait out.
    expect(wait.seconds).toBeLessThan(60);
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^Revision 3 of crash did not roll out: Deployment\/crash failed \(.*CrashLoopBackOff.*; atomic: rolled back to revision 2 \(new revision 4\), verified: 1 workload\(s\) ready\.$/,
      ),
    ]);
    expect(r.outputs.message).toBe(r.errors[0]);
    expect(statuses('crash')).toEqual([
      '1 superseded',
      '2 superseded',
      '3 superseded',
      '4 deployed',
    ]);
    expect(deployedImage('crash')).toBe('registry.example/web:1.1.0');
    expect(r.summary).toContain('#### Why');
    expect(r.summary).toMatch(/\| 3 ← this run; ⛔ rolled back from by 4 \|/);
    expect(r.summary).toMatch(
      /\| 4 ← rollback \(copy of 2\) \| deployed \| .* registry\.example\/web:1\.1\.0 \|/,
    );
    // The helm rollback was the real binary's, with an explicit revision.
    expect(standIn.rollbacks().map((c) => c.argv.slice(0, 3))).toEqual([
      ['rollback', 'crash', '2'],
    ]);

    // A re-run of the job's rollback step (failed-revision 3) now does nothing...
    const rerun = await rollback({ release: 'crash', 'failed-revision': r.outputs.revision });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.status).toBe('not-needed');
    expect(rerun.outputs.message).toMatch(
      /revision 3 was already rolled back by revision 4 \("Rollback to 2"\)/,
    );
    // ...and a blind one (no failed-revision) never goes back to the crash loop.
    const blind = await rollback({ release: 'crash' });
    expect(blind.outputs['to-revision']).not.toBe('3');
    expect(deployedImage('crash')).not.toContain('crashloop');
  });

  test('without atomic a crash loop fails the step; helm-rollback with failed-revision undoes exactly it; a re-run is harmless', async () => {
    await run({ release: 'loop', 'set-string': 'image=registry.example/web:1.0.0' });
    const r = await run({
      release: 'loop',
      'set-string': 'image=registry.example/web:2.0.0-crashloop',
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ revision: '2', status: 'failed' });
    expect(r.summary).toMatch(/\| Deployment\/loop \| prod \| ❌ no \|/);
    const rb = await rollback({ release: 'loop', 'failed-revision': r.outputs.revision });
    expect(rb.errors).toEqual([]);
    expect(rb.outputs).toMatchObject({
      'from-revision': '2',
      'to-revision': '1',
      status: 'verified',
    });
    const again = await rollback({ release: 'loop', 'failed-revision': r.outputs.revision });
    expect(again.outputs.status).toBe('not-needed');
    expect(statuses('loop')).toEqual(['1 superseded', '2 superseded', '3 deployed']);
    expect(deployedImage('loop')).toBe('registry.example/web:1.0.0');
  });

  test('an upgrade failing before it creates a revision: revision empty; helm-rollback with failed-revision does nothing', async () => {
    await run({ release: 'render', 'set-string': 'image=registry.example/web:1.0.0' });
    await run({ release: 'render', 'set-string': 'image=registry.example/web:1.1.0' });
    const r = await run({ release: 'render', set: 'mustFail=true', atomic: 'true' });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ revision: '', 'previous-revision': '2', status: 'failed' });
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^helm upgrade of render failed before creating a revision \(exit code 1\): .*mustFail is set: refusing to render.*; the release is still at revision 2 \(deployed\), nothing was changed$/,
      ),
    ]);
    expect(statuses('render')).toEqual(['1 superseded', '2 deployed']);
    // The rollback step chained to it (failed-revision: the empty revision output) changes nothing.
    const rb = await rollback({ release: 'render', 'failed-revision': r.outputs.revision });
    expect(rb.code).toBe(0);
    expect(rb.outputs.status).toBe('not-needed');
    expect(standIn.rollbacks()).toEqual([]);
    expect(statuses('render')).toEqual(['1 superseded', '2 deployed']);
    expect(deployedImage('render')).toBe('registry.example/web:1.1.0');
  });

  test('cancellation mid-upgrade: helm gets SIGTERM, the release is not left pending, outputs say cancelled', async () => {
    await run({ release: 'cancel', 'set-string': 'image=registry.example/web:1.0.0' });
    // The API server stalls on the Deployment's update, so helm is mid-upgrade when the job is cancelled.
    cluster.faults.delayNext(2, 8_000, { path: '/deployments/cancel' });
    let child: import('node:child_process').ChildProcess | undefined;
    const pending = run(
      {
        release: 'cancel',
        'set-string': 'image=registry.example/web:1.1.0',
        helm: helmBinary(major).path,
      },
      { onSpawn: (c) => (child = c) },
    );
    // Wait until helm has written the pending-upgrade record, then cancel as the runner does.
    for (let i = 0; i < 400 && !statuses('cancel').includes('2 pending-upgrade'); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses('cancel')).toContain('2 pending-upgrade');
    child!.kill('SIGINT');
    const r = await pending;
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('cancelled');
    expect(r.outputs.message).toMatch(
      /^Cancelled during helm upgrade of cancel \(helm was stopped with SIGTERM\)/,
    );
    expect(r.summary).toContain('cancelled');
    // Helm recorded the outcome itself instead of leaving pending-upgrade behind.
    for (let i = 0; i < 100 && statuses('cancel').some((s) => s.includes('pending')); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statuses('cancel')).toEqual(['1 deployed', '2 failed']);
    expect(readdirSync(path.join(r.tempDir, 'runner-temp'))).toEqual([]);
  });

  test('dry-run: helm renders, nothing changes', async () => {
    const r = await run({ release: 'dry', 'dry-run': 'true' });
    expect(r.errors).toEqual([]);
    expect(r.outputs).toMatchObject({ status: 'skipped', revision: '' });
    expect(upgrades()[0]).toContain(major === 3 ? '--dry-run' : '--dry-run=client');
    expect(statuses('dry')).toEqual([]);
    expect(cluster.get('Deployment', 'dry', NS)).toBeUndefined();
  });

  test.each<{ name: string; inputs: Record<string, string>; error: RegExp }>([
    {
      name: 'a chart outside the workspace',
      inputs: { chart: '../../etc' },
      error: /^Input 'chart': .*points outside the workspace/,
    },
    {
      name: 'an absolute chart path elsewhere',
      inputs: { chart: '/tmp' },
      error: /^Input 'chart': .*points outside the workspace/,
    },
    {
      name: 'a chart that is a flag',
      inputs: { chart: '--post-renderer=/bin/sh' },
      error: /^Input 'chart': expected a chart, got a flag/,
    },
    {
      name: 'a missing chart',
      inputs: { chart: './charts/nope' },
      error: /^Input 'chart': no chart at '\.\/charts\/nope' in the workspace/,
    },
    {
      name: 'a values file outside the workspace',
      inputs: { 'values-files': '/etc/passwd' },
      error: /^Input 'values-files': .*points outside the workspace/,
    },
    {
      name: 'a values file that does not exist',
      inputs: { 'values-files': 'deploy/none.yaml' },
      error: /^Input 'values-files': .*does not exist/,
    },
    {
      name: 'a helm flag in set',
      inputs: { set: 'image=x\n--post-renderer=/bin/sh' },
      error: /^Input 'set': expected key=value lines, got a flag \(line 2\)/,
    },
    {
      name: 'two keys on one set line',
      inputs: { set: 'image=x,rbac.create=true' },
      error: /^Input 'set': expected one key per line/,
    },
    {
      name: 'a set line without =',
      inputs: { 'set-string': 'image' },
      error: /^Input 'set-string': expected key=value/,
    },
    {
      name: 'a bad release name',
      inputs: { release: 'Web_App' },
      error: /^Input 'release': expected a Helm release name/,
    },
    {
      name: 'a shell command as release',
      inputs: { release: 'x; rm -rf /' },
      error: /^Input 'release': expected a Helm release name/,
    },
    {
      name: 'a repo that is not http(s)',
      inputs: { chart: 'nginx', repo: 'file:///etc' },
      error: /^Input 'repo': expected an http\(s\):\/\/ chart repository URL/,
    },
    {
      name: 'a chart-version that is a flag',
      inputs: { chart: 'oci://registry.example/charts/web', 'chart-version': '--devel' },
      error: /^Input 'chart-version': expected a version, got a flag/,
    },
    {
      name: 'a malformed oci reference',
      inputs: { chart: 'oci://registry.example/../x y' },
      error: /^Input 'chart': expected an OCI chart reference/,
    },
    {
      name: 'an unknown boolean',
      inputs: { atomic: 'yes' },
      error: /^Input 'atomic': expected true or false/,
    },
    {
      name: 'an undecodable kubeconfig',
      inputs: { kubeconfig: '%%%not-a-kubeconfig' },
      error: /^Input 'kubeconfig': is neither a kubeconfig/,
    },
  ])('bad input: $name — refused before any helm runs', async ({ inputs, error }) => {
    const r = await run({ release: 'web', ...inputs });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([expect.stringMatching(error)]);
    expect(standIn.invocations()).toEqual([]);
    expect(r.stdout).not.toMatch(/^\s+at /m);
  });
}
