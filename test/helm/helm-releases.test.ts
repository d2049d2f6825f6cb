// Helm's release Secrets on the simulated cluster, read back by the REAL helm 3 and 4 binaries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startCluster, type SimCluster } from '../k8s-sim/index';
import {
  decodeRelease,
  deploymentManifest,
  encodeRelease,
  helmReleaseSecret,
  readReleases,
  releaseHistory,
  rollbackRelease,
  storeReleaseHistory,
} from '../k8s-sim/helm-releases';
import { HELM_MAJORS, helmBinary } from './binaries';
import { runProgram } from './helm-standin';

describe("release records in Helm's storage format", () => {
  const [rec] = releaseHistory('web', 'prod', [
    { revision: 3, status: 'failed', appVersion: '2.0.1' },
  ]);

  test("the Secret is named, typed and labelled as Helm's driver does it", () => {
    const secret = helmReleaseSecret(rec);
    expect(secret.metadata.name).toBe('sh.helm.release.v1.web.v3');
    expect(secret.metadata.namespace).toBe('prod');
    expect(secret.type).toBe('helm.sh/release.v1');
    expect(secret.metadata.labels).toMatchObject({
      owner: 'helm',
      name: 'web',
      status: 'failed',
      version: '3',
    });
    expect(secret.metadata.labels.createdAt).toMatch(/^\d+$/);
  });

  test('data.release is base64 (wire) of base64 of gzip of the release JSON', () => {
    const wire = helmReleaseSecret(rec).data.release;
    const stored = Buffer.from(wire, 'base64').toString('utf8');
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const gz = Buffer.from(stored, 'base64');
    expect([...gz.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08]);
    const json = JSON.parse(gunzipSync(gz).toString('utf8'));
    expect(json).toMatchObject({
      name: 'web',
      namespace: 'prod',
      version: 3,
      info: { status: 'failed' },
      chart: { metadata: { name: 'web', appVersion: '2.0.1' } },
    });
  });

  test('decodeRelease reads both gzip records and ones stored before compression', () => {
    expect(decodeRelease(encodeRelease(rec))).toEqual(rec);
    expect(decodeRelease(Buffer.from(JSON.stringify(rec)).toString('base64'))).toEqual(rec);
  });
});

describe.each(HELM_MAJORS.map((major) => ({ major })))(
  'the real Helm $major reads the simulated cluster',
  ({ major }) => {
    let cluster: SimCluster;
    let dir: string;
    let env: Record<string, string | undefined>;
    const helm = (...args: string[]) => runProgram(helmBinary(major).path, args, env);

    beforeAll(async () => {
      cluster = await startCluster({ namespaces: ['prod'], behaviour: { stepMs: 5 } });
      dir = mkdtempSync(path.join(tmpdir(), 'helm-releases-'));
      const kubeconfig = path.join(dir, 'kubeconfig');
      writeFileSync(kubeconfig, cluster.kubeconfig(), { mode: 0o600 });
      env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig };
    });
    afterAll(async () => {
      await cluster.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('history -o json lists every revision with its status, chart and description', async () => {
      storeReleaseHistory(cluster, 'shop', 'prod', [
        { revision: 1, status: 'superseded', chartVersion: '0.1.0', appVersion: '1.0.0' },
        {
          revision: 2,
          status: 'deployed',
          chartVersion: '0.2.0',
          appVersion: '1.1.0',
          description: 'Upgrade complete',
        },
        {
          revision: 3,
          status: 'failed',
          chartVersion: '0.3.0',
          appVersion: '1.2.0',
          description: 'Upgrade "shop" failed: timed out',
        },
      ]);
      const out = await helm('history', 'shop', '--namespace', 'prod', '--output', 'json');
      expect(out.stderr).toBe('');
      expect(JSON.parse(out.stdout)).toEqual([
        {
          revision: 1,
          updated: '2026-01-05T10:01:00Z',
          status: 'superseded',
          chart: 'shop-0.1.0',
          app_version: '1.0.0',
          description: 'Install complete',
        },
        {
          revision: 2,
          updated: '2026-01-05T10:02:00Z',
          status: 'deployed',
          chart: 'shop-0.2.0',
          app_version: '1.1.0',
          description: 'Upgrade complete',
        },
        {
          revision: 3,
          updated: '2026-01-05T10:03:00Z',
          status: 'failed',
          chart: 'shop-0.3.0',
          app_version: '1.2.0',
          description: 'Upgrade "shop" failed: timed out',
        },
      ]);
    });

    test("status -o json shows the newest record; get manifest prints a revision's manifest", async () => {
      const manifest = deploymentManifest('cart', { image: 'registry.example/cart:7' });
      storeReleaseHistory(cluster, 'cart', 'prod', [
        { revision: 1, status: 'deployed', manifest },
        { revision: 2, status: 'pending-upgrade' },
      ]);
      const status = JSON.parse(
        (await helm('status', 'cart', '--namespace', 'prod', '--output', 'json')).stdout,
      );
      expect(status).toMatchObject({
        name: 'cart',
        namespace: 'prod',
        version: 2,
        info: { status: 'pending-upgrade' },
      });
      const got = await helm('get', 'manifest', 'cart', '--namespace', 'prod', '--revision', '1');
      expect(got.stdout.trim()).toBe(manifest.trim());
    });

    test('a release with no records is "not found"', async () => {
      const out = await helm('history', 'ghost', '--namespace', 'prod', '--output', 'json');
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/Error: release: not found/);
    });

    test('rollbackRelease writes what Helm writes: a copy of the target as a new deployed revision', async () => {
      const good = deploymentManifest('api', { image: 'registry.example/api:1.1' });
      storeReleaseHistory(cluster, 'api', 'prod', [
        { revision: 1, status: 'superseded' },
        { revision: 2, status: 'deployed', manifest: good },
        {
          revision: 3,
          status: 'failed',
          manifest: deploymentManifest('api', { image: 'registry.example/api:1.2-crashloop' }),
        },
      ]);
      const outcome = await rollbackRelease(cluster, 'api', 'prod', 2);
      expect(outcome).toMatchObject({
        code: 0,
        stdout: 'Rollback was a success! Happy Helming!\n',
      });
      const history = JSON.parse(
        (await helm('history', 'api', '--namespace', 'prod', '--output', 'json')).stdout,
      );
      expect(
        history.map((h: { revision: number; status: string; description: string }) => [
          h.revision,
          h.status,
          h.description,
        ]),
      ).toEqual([
        [1, 'superseded', 'Install complete'],
        [2, 'superseded', 'Upgrade complete'],
        [3, 'failed', 'Upgrade "api" failed: context deadline exceeded'],
        [4, 'deployed', 'Rollback to 2'],
      ]);
      expect(
        (
          await helm('get', 'manifest', 'api', '--namespace', 'prod', '--revision', '4')
        ).stdout.trim(),
      ).toBe(good.trim());
      // The target's Deployment is applied, so the controller rolls it out.
      const deployment = await cluster.waitFor(
        'Deployment',
        'api',
        (d) => (d.status?.readyReplicas ?? 0) === 2,
        { namespace: 'prod', timeoutMs: 10_000 },
      );
      expect(deployment.spec.template.spec.containers[0].image).toBe('registry.example/api:1.1');
      expect(deployment.metadata.annotations?.['meta.helm.sh/release-name']).toBe('api');
      expect(readReleases(cluster, 'api', 'prod').map((r) => r.version)).toEqual([1, 2, 3, 4]);
    });
  },
);
