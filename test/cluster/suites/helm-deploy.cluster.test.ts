// helm-deploy (the bundled action) with the real Helm 3 and 4 against the real API server and
// controllers: the upgrade is helm's, the wait is ours on the real Deployment and kwok's pods
// (kwok-stages.yaml: an image named crash-loop cycles into CrashLoopBackOff), the atomic rollback
// is helm's, chosen and verified by the action; helm-rollback chained by failed-revision.
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanupRun, runBundle, type ActionRun } from '../../harness/run-action';
import { HELM_MAJORS, helmBinary, type HelmMajor } from '../../helm/binaries';
import { api, createNamespace, deleteNamespace, kubeconfig, writeTemp } from '../env';

const namespaces: string[] = [];
const runs: ActionRun[] = [];
let workspace: string;
let kubeconfigFile: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'cluster-deploy-ws-'));
  const chart = path.join(workspace, 'chart');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(
    path.join(chart, 'Chart.yaml'),
    'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.0"\n',
  );
  writeFileSync(
    path.join(chart, 'values.yaml'),
    'image: registry.test/web:1\nreplicas: 2\nmustFail: false\nslowHook: false\n',
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
      '',
    ].join('\n'),
  );
  // A pre-upgrade hook Job whose pod never becomes ready: helm waits for it mid-upgrade.
  writeFileSync(
    path.join(chart, 'templates', 'hook.yaml'),
    [
      '{{- if .Values.slowHook }}',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: {{ .Release.Name }}-migrate',
      '  annotations: { "helm.sh/hook": pre-upgrade, "helm.sh/hook-delete-policy": before-hook-creation }',
      'spec:',
      '  backoffLimit: 0',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '        - name: migrate',
      '          image: registry.test/never-ready:1',
      '{{- end }}',
      '',
    ].join('\n'),
  );
  kubeconfigFile = writeTemp('deploy-admin.kubeconfig', kubeconfig());
});
afterAll(async () => {
  runs.forEach(cleanupRun);
  rmSync(workspace, { recursive: true, force: true });
  await Promise.all(namespaces.map(deleteNamespace));
});

function helm(major: HelmMajor, args: string[]): Promise<{ code: number; stderr: string }> {
  const home = path.dirname(kubeconfigFile);
  return new Promise((resolve) => {
    execFile(
      helmBinary(major).path,
      [...args, '--kubeconfig', kubeconfigFile],
      {
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          HELM_CACHE_HOME: path.join(home, 'cache'),
          HELM_CONFIG_HOME: path.join(home, 'config'),
          HELM_DATA_HOME: path.join(home, 'data'),
        },
      },
      (err, _stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
    );
  });
}

async function statuses(major: HelmMajor, namespace: string): Promise<string[]> {
  const out = await new Promise<string>((resolve) =>
    execFile(
      helmBinary(major).path,
      ['history', 'web', '-n', namespace, '-o', 'json', '--kubeconfig', kubeconfigFile],
      { env: { PATH: process.env.PATH, HOME: path.dirname(kubeconfigFile) } },
      (_err, stdout) => resolve(stdout),
    ),
  );
  return (JSON.parse(out || '[]') as { revision: number; status: string }[]).map(
    (h) => `${h.revision} ${h.status}`,
  );
}

async function deployedImage(namespace: string): Promise<string> {
  const res = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/web`);
  return res.body.spec.template.spec.containers[0].image as string;
}

describe.each(HELM_MAJORS.map((major) => ({ major })))(
  'helm-deploy with the real Helm $major against the real API server',
  ({ major }) => {
    const run = async (
      action: 'helm-deploy' | 'helm-rollback',
      inputs: Record<string, string>,
      onSpawn?: (c: ChildProcess) => void,
    ) => {
      const r = await runBundle(action, {
        inputs: {
          release: 'web',
          kubeconfig: kubeconfig(),
          helm: helmBinary(major).path,
          ...(action === 'helm-deploy' ? { chart: './chart', timeout: '3m' } : { timeout: '90s' }),
          ...inputs,
        },
        workspace,
        timeoutMs: 240_000,
        onSpawn,
      });
      runs.push(r);
      return r;
    };
    const fresh = async () => {
      const namespace = await createNamespace(`hd${major}`);
      namespaces.push(namespace);
      return namespace;
    };

    test('a good deploy: install then upgrade, each waited for by our watch', async () => {
      const namespace = await fresh();
      const first = await run('helm-deploy', { namespace });
      expect(first.errors).toEqual([]);
      expect(first.outputs).toMatchObject({
        revision: '1',
        'previous-revision': '',
        status: 'deployed',
      });
      const second = await run('helm-deploy', {
        namespace,
        'set-string': 'image=registry.test/web:2',
      });
      expect(second.errors).toEqual([]);
      expect(second.outputs).toMatchObject({
        revision: '2',
        'previous-revision': '1',
        status: 'deployed',
      });
      expect(JSON.parse(second.outputs.resources)).toEqual([
        expect.objectContaining({ kind: 'Deployment', name: 'web', done: true, outcome: 'ready' }),
      ]);
      expect(await deployedImage(namespace)).toBe('registry.test/web:2');
      expect(await statuses(major, namespace)).toEqual(['1 superseded', '2 deployed']);
    });

    test('a crash loop is caught in seconds; atomic rolls back to the last good revision and verifies; a re-run is harmless', async () => {
      const namespace = await fresh();
      await run('helm-deploy', { namespace });
      await run('helm-deploy', { namespace, 'set-string': 'image=registry.test/web:2' });
      const r = await run('helm-deploy', {
        namespace,
        'set-string': 'image=registry.test/crash-loop:3',
        atomic: 'true',
        timeout: '5m',
      });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ revision: '3', status: 'rolled-back' });
      const [wait] = JSON.parse(r.outputs.resources);
      expect(wait).toMatchObject({ done: false, outcome: 'failed', reason: 'CrashLoopBackOff' });
      // Far inside the 5-minute timeout that helm's own --wait would wait out (figures: the log).
      expect(wait.seconds).toBeLessThan(90);
      console.log(`Helm ${major}: crash loop caught by helm-deploy's wait after ${wait.seconds} s`);
      expect(r.outputs.message).toMatch(
        /atomic: rolled back to revision 2 \(new revision 4\), verified/,
      );
      expect(await deployedImage(namespace)).toBe('registry.test/web:2');
      expect(await statuses(major, namespace)).toEqual([
        '1 superseded',
        '2 superseded',
        '3 superseded',
        '4 deployed',
      ]);
      // The job's rollback step, chained to revision 3 and run again: nothing to do.
      const rb = await run('helm-rollback', { namespace, 'failed-revision': r.outputs.revision });
      expect(rb.code).toBe(0);
      expect(rb.outputs.status).toBe('not-needed');
      expect(await statuses(major, namespace)).toHaveLength(4);
    });

    if (major === 3)
      test("for comparison: helm's own --wait on the same crash loop waits out its whole timeout", async () => {
        const namespace = await fresh();
        expect(
          (
            await helm(major, [
              'install',
              'web',
              path.join(workspace, 'chart'),
              '-n',
              namespace,
              '--wait',
              '--timeout',
              '60s',
            ])
          ).code,
        ).toBe(0);
        const started = Date.now();
        const r = await helm(major, [
          'upgrade',
          'web',
          path.join(workspace, 'chart'),
          '-n',
          namespace,
          '--set',
          'image=registry.test/crash-loop:2',
          '--wait',
          '--timeout',
          '20s',
        ]);
        const seconds = (Date.now() - started) / 1000;
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(/context deadline exceeded|timed out/);
        // A lower bound cannot flake under load: helm gave up only when its timeout ran out.
        expect(seconds).toBeGreaterThanOrEqual(20);
        console.log(
          `Helm ${major}: helm upgrade --wait --timeout 20s on the crash loop took ${seconds.toFixed(1)} s`,
        );
      });

    test('an upgrade failing before it creates a revision: revision empty; the chained rollback does nothing', async () => {
      const namespace = await fresh();
      await run('helm-deploy', { namespace });
      await run('helm-deploy', { namespace, 'set-string': 'image=registry.test/web:2' });
      const r = await run('helm-deploy', { namespace, set: 'mustFail=true', atomic: 'true' });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ revision: '', 'previous-revision': '2', status: 'failed' });
      expect(r.outputs.message).toMatch(/failed before creating a revision .*mustFail is set/);
      const rb = await run('helm-rollback', { namespace, 'failed-revision': r.outputs.revision });
      expect(rb.code).toBe(0);
      expect(rb.outputs.status).toBe('not-needed');
      expect(await statuses(major, namespace)).toEqual(['1 superseded', '2 deployed']);
      expect(await deployedImage(namespace)).toBe('registry.test/web:2');
    });

    test('cancellation mid-upgrade: helm gets SIGTERM and records the release as failed, not pending-upgrade', async () => {
      const namespace = await fresh();
      await run('helm-deploy', { namespace });
      let child: ChildProcess | undefined;
      const pending = run(
        'helm-deploy',
        { namespace, set: 'slowHook=true', 'set-string': 'image=registry.test/web:2' },
        (c) => (child = c),
      );
      // helm is mid-upgrade once it wrote revision 2 as pending-upgrade (its hook Job never completes).
      for (
        let i = 0;
        i < 300 && !(await statuses(major, namespace)).includes('2 pending-upgrade');
        i++
      )
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await statuses(major, namespace)).toContain('2 pending-upgrade');
      child!.kill('SIGINT');
      const r = await pending;
      expect(r.code).toBe(1);
      expect(r.outputs.status).toBe('cancelled');
      expect(r.outputs.message).toMatch(/^Cancelled during helm upgrade of web/);
      let last: string[] = [];
      for (let i = 0; i < 50; i++) {
        last = await statuses(major, namespace);
        if (!last.some((s) => s.includes('pending'))) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(last).toEqual(['1 deployed', '2 failed']);
    });

    test('bad input is refused before helm runs: nothing is installed', async () => {
      const namespace = await fresh();
      const r = await run('helm-deploy', { namespace, 'values-files': '../../etc/passwd' });
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([
        expect.stringMatching(/^Input 'values-files': .*points outside the workspace/),
      ]);
      expect(await statuses(major, namespace)).toEqual([]);
    });
  },
);
