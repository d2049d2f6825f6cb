// The simulator as client-go sees it, through the real Helm 3 and Helm 4 binaries: discovery,
// TLS with the kubeconfig CA, bearer token, and the Secrets storage driver's label queries.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { HELM_MAJORS, helmBinary, type HelmMajor } from '../helm/binaries';
import { stringify as toYaml } from 'yaml';
import { deployment, rolloutComplete, secret, startCluster, type SimCluster } from './index';

let cluster: SimCluster;
let dir: string;
let kubeconfigFile: string;

beforeEach(async () => {
  cluster = await startCluster({ behaviour: { stepMs: 5 } });
  dir = mkdtempSync(path.join(tmpdir(), 'k8s-sim-helm-'));
  kubeconfigFile = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigFile, cluster.kubeconfig(), { mode: 0o600 });
});
afterEach(async () => {
  await cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

interface HelmRun {
  code: number;
  stdout: string;
  stderr: string;
}

function helm(major: HelmMajor, args: string[]): Promise<HelmRun> {
  return new Promise((resolve) => {
    execFile(
      helmBinary(major).path,
      [...args, '--kubeconfig', kubeconfigFile],
      // A private HOME and cache so no user configuration or discovery cache leaks in.
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          HELM_CACHE_HOME: path.join(dir, 'cache'),
          HELM_CONFIG_HOME: path.join(dir, 'config'),
          HELM_DATA_HOME: path.join(dir, 'data'),
        },
        timeout: 30_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A release record the way Helm's Secrets driver stores it (gzip + base64 of the release JSON). */
function releaseSecret(name: string, version: number, status: string, image: string) {
  const release = {
    name,
    namespace: 'default',
    version,
    info: {
      first_deployed: '2026-01-01T00:00:00Z',
      last_deployed: `2026-01-0${version}T00:00:00Z`,
      deleted: '',
      description: version === 1 ? 'Install complete' : 'Upgrade complete',
      status,
    },
    chart: {
      metadata: {
        name: 'web',
        version: '1.0.0',
        appVersion: image.split(':')[1],
        apiVersion: 'v2',
      },
      templates: [],
      values: {},
    },
    config: {},
    manifest: `---\n# Source: web/templates/deployment.yaml\n${toYaml(deployment({ name, image, labels: { app: name } }))}`,
  };
  const payload = gzipSync(Buffer.from(JSON.stringify(release))).toString('base64');
  return secret({
    name: `sh.helm.release.v1.${name}.v${version}`,
    labels: { owner: 'helm', name, status, version: String(version) },
    type: 'helm.sh/release.v1',
    stringData: { release: payload },
  });
}

describe.each(HELM_MAJORS)('helm %i against the simulator', (major) => {
  test('helm list finds no release in an empty namespace', async () => {
    const run = await helm(major, ['list', '-n', 'default', '-o', 'json']);
    if (process.env.K8S_SIM_SHOW_REQUESTS)
      console.log(
        cluster.requests
          .map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.status}`)
          .join('\n'),
      );
    expect(run).toMatchObject({ code: 0, stdout: '[]\n' });
    // Helm reached the API with the token: its list query is in the log with a 200.
    expect(cluster.requests).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/namespaces/default/secrets',
        status: 200,
      }),
    );
    expect(
      cluster.requests.filter(
        (r) => r.status >= 400 && r.path !== '/openapi/v3' && r.path !== '/openapi/v2',
      ),
    ).toEqual([]);
  });

  test('helm history of a missing release says release not found', async () => {
    const run = await helm(major, ['history', 'nothing-here', '-n', 'default']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/release: not found/);
  });

  test('helm history, status and get manifest read release Secrets', async () => {
    cluster.apply(releaseSecret('web', 1, 'superseded', 'registry.example/web:1.0.0'));
    cluster.apply(releaseSecret('web', 2, 'deployed', 'registry.example/web:2.0.0'));
    const history = await helm(major, ['history', 'web', '-n', 'default', '-o', 'json']);
    expect(history.stderr).toBe('');
    expect(
      JSON.parse(history.stdout).map((r: any) => [r.revision, r.status, r.app_version]),
    ).toEqual([
      [1, 'superseded', '1.0.0'],
      [2, 'deployed', '2.0.0'],
    ]);
    const status = await helm(major, ['status', 'web', '-n', 'default', '-o', 'json']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      name: 'web',
      version: 2,
      info: { status: 'deployed' },
    });
    const manifest = await helm(major, [
      'get',
      'manifest',
      'web',
      '-n',
      'default',
      '--revision',
      '1',
    ]);
    expect(manifest.stdout).toContain('image: registry.example/web:1.0.0');
  });

  test('a wrong token gets the 401 client-go reports as a request for credentials', async () => {
    writeFileSync(kubeconfigFile, cluster.kubeconfig({ token: 'wrong' }));
    const run = await helm(major, ['list', '-n', 'default']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      /cluster unreachable: the server has asked for the client to provide credentials/,
    );
    expect(cluster.requests.length).toBeGreaterThan(0);
    expect(cluster.requests.every((r) => r.status === 401)).toBe(true);
  });

  test('helm rollback patches the workload back and records a new revision', async () => {
    cluster.apply(
      deployment({ name: 'web', image: 'registry.example/web:2.0.0', labels: { app: 'web' } }),
    );
    cluster.apply(releaseSecret('web', 1, 'superseded', 'registry.example/web:1.0.0'));
    cluster.apply(releaseSecret('web', 2, 'deployed', 'registry.example/web:2.0.0'));
    const run = await helm(major, ['rollback', 'web', '1', '-n', 'default']);
    if (run.code !== 0 || process.env.K8S_SIM_SHOW_REQUESTS)
      console.log(
        run.stderr,
        cluster.requests
          .map(
            (r) =>
              `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.status} ${r.contentType ?? ''}`,
          )
          .join('\n'),
      );
    expect(run.code).toBe(0);
    const web = cluster.get('deployment', 'web')!;
    expect(web.spec.template.spec.containers[0].image).toBe('registry.example/web:1.0.0');
    expect(web.metadata.generation).toBe(2);
    const history = await helm(major, ['history', 'web', '-n', 'default', '-o', 'json']);
    expect(JSON.parse(history.stdout).map((r: any) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ]);
  });

  test('helm rollback --wait returns once the controller has rolled the Deployment out', async () => {
    cluster.apply(
      deployment({
        name: 'web',
        image: 'registry.example/web:2.0.0',
        labels: { app: 'web' },
        replicas: 2,
      }),
    );
    await cluster.waitFor('deployment', 'web', rolloutComplete);
    cluster.apply(releaseSecret('web', 1, 'superseded', 'registry.example/web:1.0.0'));
    cluster.apply(releaseSecret('web', 2, 'deployed', 'registry.example/web:2.0.0'));
    const run = await helm(major, [
      'rollback',
      'web',
      '1',
      '-n',
      'default',
      '--wait',
      '--timeout',
      '20s',
    ]);
    if (run.code !== 0 || process.env.K8S_SIM_SHOW_REQUESTS)
      console.log(
        run.stderr,
        cluster.requests
          .map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.status}`)
          .join('\n'),
      );
    expect(run.code).toBe(0);
    // --wait may only return after the rollout finished: the Deployment is complete on the new image.
    const web = cluster.get('deployment', 'web')!;
    expect(rolloutComplete(web)).toBe(true);
    expect(web.spec.template.spec.containers[0].image).toBe('registry.example/web:1.0.0');
    expect(web.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  test('helm upgrade --install creates the chart objects and --wait follows the rollout', async () => {
    const chart = writeChart(dir);
    const install = await helm(major, [
      'upgrade',
      '--install',
      'shop',
      chart,
      '-n',
      'default',
      '--wait',
      '--timeout',
      '20s',
    ]);
    if (install.code !== 0 || process.env.K8S_SIM_SHOW_REQUESTS)
      console.log(
        install.stderr,
        cluster.requests
          .map(
            (r) =>
              `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.status} ${r.contentType ?? ''}`,
          )
          .join('\n'),
      );
    expect(install.code).toBe(0);
    expect(rolloutComplete(cluster.get('deployment', 'shop')!)).toBe(true);
    expect(cluster.get('configmap', 'shop-config')!.data).toEqual({ greeting: 'hello' });
    const upgrade = await helm(major, [
      'upgrade',
      'shop',
      chart,
      '-n',
      'default',
      '--set',
      'image=registry.example/web:2.0.0',
      '--wait',
      '--timeout',
      '20s',
    ]);
    expect(upgrade.code).toBe(0);
    const web = cluster.get('deployment', 'shop')!;
    expect(web.spec.template.spec.containers[0].image).toBe('registry.example/web:2.0.0');
    expect(rolloutComplete(web)).toBe(true);
    const history = await helm(major, ['history', 'shop', '-n', 'default', '-o', 'json']);
    expect(JSON.parse(history.stdout).map((r: any) => [r.revision, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'deployed'],
    ]);
  });
});

function writeChart(root: string): string {
  const chart = path.join(root, 'chart');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(
    path.join(chart, 'Chart.yaml'),
    'apiVersion: v2\nname: web\nversion: 1.0.0\nappVersion: "1.0.0"\n',
  );
  writeFileSync(path.join(chart, 'values.yaml'), 'image: registry.example/web:1.0.0\n');
  writeFileSync(
    path.join(chart, 'templates', 'deployment.yaml'),
    toYaml(deployment({ name: 'NAME', image: 'IMAGE', replicas: 2 }))
      .replace(/NAME/g, '{{ .Release.Name }}')
      .replace('IMAGE', '{{ .Values.image }}'),
  );
  writeFileSync(
    path.join(chart, 'templates', 'configmap.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\ndata:\n  greeting: hello\n',
  );
  return chart;
}
