// helm-rollback (the bundled action) with the real Helm 3 and 4 against the real API server:
// releases installed and upgraded by the real helm, history as helm stores it (Secrets), the
// rollback done by helm and verified against the real controllers.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HELM_MAJORS, helmBinary, type HelmMajor } from '../../helm/binaries';
import { api, createNamespace, deleteNamespace, kubeconfig, writeTemp } from '../env';
import { cleanupRuns, runAction } from './helpers';

const namespaces: string[] = [];
let chart: string;
let kubeconfigFile: string;

beforeAll(() => {
  // A chart of our own: one Deployment whose image (and so whose fate on the fake kubelet) is a
  // value, so `--set image=...crash-loop...` makes a failed upgrade.
  chart = mkdtempSync(path.join(tmpdir(), 'cluster-chart-'));
  writeFileSync(
    path.join(chart, 'Chart.yaml'),
    'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.0"\n',
  );
  writeFileSync(path.join(chart, 'values.yaml'), 'image: registry.test/web:1\nreplicas: 2\n');
  mkdirSync(path.join(chart, 'templates'));
  writeFileSync(
    path.join(chart, 'templates', 'deployment.yaml'),
    [
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
  kubeconfigFile = writeTemp('admin.kubeconfig', kubeconfig());
});
afterAll(async () => {
  cleanupRuns();
  rmSync(chart, { recursive: true, force: true });
  await Promise.all(namespaces.map(deleteNamespace));
});

interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

function helm(major: HelmMajor, args: string[]): Promise<HelmResult> {
  return new Promise((resolve) => {
    execFile(
      helmBinary(major).path,
      [...args, '--kubeconfig', kubeconfigFile],
      {
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          HOME: path.dirname(kubeconfigFile),
          HELM_CACHE_HOME: path.join(path.dirname(kubeconfigFile), 'cache'),
          HELM_CONFIG_HOME: path.join(path.dirname(kubeconfigFile), 'config'),
          HELM_DATA_HOME: path.join(path.dirname(kubeconfigFile), 'data'),
        },
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function helmOk(major: HelmMajor, args: string[]): Promise<string> {
  const r = await helm(major, args);
  if (r.code !== 0) throw new Error(`helm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const waitFlag = (major: HelmMajor) => (major === 3 ? '--wait' : '--wait=watcher');

/** install + upgrades, one per image; an image with "crash-loop" makes that upgrade fail. */
async function releaseWith(
  major: HelmMajor,
  namespace: string,
  images: string[],
  extra: string[] = [],
): Promise<void> {
  for (const [i, image] of images.entries()) {
    const verb = i === 0 ? ['install'] : ['upgrade'];
    const r = await helm(major, [
      ...verb,
      'web',
      chart,
      '-n',
      namespace,
      '--set',
      `image=${image}`,
      waitFlag(major),
      '--timeout',
      image.includes('crash-loop') ? '5s' : '60s',
      // --history-max is an upgrade flag (install has none).
      ...(i === 0 ? [] : extra),
    ]);
    if (image.includes('crash-loop')) expect(r.code).not.toBe(0);
    else if (r.code !== 0) throw new Error(`helm ${verb[0]} ${image}: ${r.stderr}`);
  }
}

async function history(major: HelmMajor, namespace: string) {
  return JSON.parse(await helmOk(major, ['history', 'web', '-n', namespace, '-o', 'json'])) as {
    revision: number;
    status: string;
  }[];
}

async function deployedImage(namespace: string): Promise<string> {
  const res = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments/web`);
  return res.body.spec.template.spec.containers[0].image as string;
}

describe.each(HELM_MAJORS.map((major) => ({ major })))(
  'helm-rollback with the real Helm $major against the real API server',
  ({ major }) => {
    const run = (namespace: string, inputs: Record<string, string> = {}) =>
      runAction('helm-rollback', {
        release: 'web',
        namespace,
        helm: helmBinary(major).path,
        timeout: '90s',
        ...inputs,
      });

    test('a failed upgrade is rolled back to the last good revision and verified', async () => {
      const namespace = await createNamespace(`hr${major}`);
      namespaces.push(namespace);
      await releaseWith(major, namespace, [
        'registry.test/web:1',
        'registry.test/web:2',
        'registry.test/crash-loop:3',
      ]);
      expect((await history(major, namespace)).map((h) => h.status)).toEqual([
        'superseded',
        'deployed',
        'failed',
      ]);
      const r = await run(namespace);
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({
        'from-revision': '3',
        'to-revision': '2',
        'new-revision': '4',
        status: 'verified',
      });
      expect(await deployedImage(namespace)).toBe('registry.test/web:2');
      const after = await history(major, namespace);
      expect(after.at(-1)).toMatchObject({ revision: 4, status: 'deployed' });
    });

    test('an explicit revision is rolled back to, even past good ones', async () => {
      const namespace = await createNamespace(`hr${major}`);
      namespaces.push(namespace);
      await releaseWith(major, namespace, ['registry.test/web:1', 'registry.test/web:2']);
      const r = await run(namespace, { revision: '1' });
      expect(r.errors).toEqual([]);
      expect(r.outputs).toMatchObject({
        'from-revision': '2',
        'to-revision': '1',
        'new-revision': '3',
        status: 'verified',
      });
      expect(await deployedImage(namespace)).toBe('registry.test/web:1');
    });

    test('with history pruned by --history-max, the newest good revision still kept is chosen', async () => {
      const namespace = await createNamespace(`hr${major}`);
      namespaces.push(namespace);
      await releaseWith(
        major,
        namespace,
        [
          'registry.test/web:1',
          'registry.test/web:2',
          'registry.test/web:3',
          'registry.test/crash-loop:4',
        ],
        ['--history-max', '2'],
      );
      const kept = await history(major, namespace);
      expect(kept.map((h) => h.revision)).toEqual([3, 4]);
      const r = await run(namespace);
      expect(r.errors).toEqual([]);
      expect(r.outputs).toMatchObject({
        'from-revision': '4',
        'to-revision': '3',
        status: 'verified',
      });
      expect(await deployedImage(namespace)).toBe('registry.test/web:3');
    });

    test('a rollback to a revision whose pods crash-loop is done by helm but fails verification', async () => {
      const namespace = await createNamespace(`hr${major}`);
      namespaces.push(namespace);
      await releaseWith(major, namespace, [
        'registry.test/web:1',
        'registry.test/crash-loop:2',
        'registry.test/web:3',
      ]);
      // Revision 2 failed; rolling back explicitly to it (helm not waiting) must not be verified.
      const r = await run(namespace, { revision: '2', wait: 'false', timeout: '30s' });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({
        'to-revision': '2',
        'new-revision': '4',
        status: 'failed',
      });
      expect(await deployedImage(namespace)).toBe('registry.test/crash-loop:2');
    });

    test('dry-run changes nothing', async () => {
      const namespace = await createNamespace(`hr${major}`);
      namespaces.push(namespace);
      await releaseWith(major, namespace, ['registry.test/web:1', 'registry.test/web:2']);
      const r = await run(namespace, { 'dry-run': 'true' });
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({ 'to-revision': '1', status: 'skipped' });
      // Unset reads as empty in a workflow (`steps.x.outputs.new-revision == ''`).
      expect(r.outputs['new-revision'] ?? '').toBe('');
      expect((await history(major, namespace)).map((h) => h.revision)).toEqual([1, 2]);
      expect(await deployedImage(namespace)).toBe('registry.test/web:2');
    });
  },
);
