// Issue 12 against the real control plane, through the bundles users run:
// - an exec-plugin credential that expires during the wait: the plugin hands out a different
//   bound service-account token on each run, each with an expirationTimestamp a few seconds
//   ahead, and the token of its first run is revoked (its Secret deleted) mid-wait — the wait
//   must survive by running the plugin again;
// - wait-rollout and helm-rollback reaching the API server only through a loopback CONNECT
//   proxy, by a host name only the proxy resolves (kubernetes.default.svc, which the serving
//   certificate covers and this machine cannot resolve): HTTPS_PROXY for wait-rollout,
//   kubeconfig proxy-url for helm-rollback (helm's client-go honours it too).
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startConnectProxy, type ConnectProxy } from '../../../packages/core/test/connect-proxy';
import { helmBinary } from '../../helm/binaries';
import {
  api,
  apply,
  createNamespace,
  deleteNamespace,
  deployment,
  kubeconfig,
  type PolicyRule,
  roleFor,
  rolloutStatus,
  serviceAccountToken,
  setImage,
  testCluster,
  waitFor,
  writeTemp,
} from '../env';
import { cleanupRuns, runAction } from './helpers';

const READER: PolicyRule[] = [
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'replicasets'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: [''], resources: ['pods', 'events'], verbs: ['get', 'list', 'watch'] },
];

let namespace: string;
const scratch = mkdtempSync(path.join(tmpdir(), 'cluster-reliability-'));
beforeAll(async () => {
  namespace = await createNamespace('rel');
});
afterAll(async () => {
  cleanupRuns();
  rmSync(scratch, { recursive: true, force: true });
  await deleteNamespace(namespace);
});

test('an exec-plugin token that expires and is revoked during the wait: the plugin runs again, the wait succeeds', async () => {
  const tokens = 8;
  await apply(
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'rotating', namespace } },
    ...Array.from({ length: tokens }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `rotating-${i}`, namespace },
    })),
    ...roleFor(namespace, 'rotating', READER, 'ServiceAccount'),
  );
  const dir = mkdtempSync(path.join(scratch, 'plugin-'));
  for (let i = 0; i < tokens; i++) {
    const token = await serviceAccountToken(namespace, 'rotating', 600, {
      boundToSecret: `rotating-${i}`,
    });
    writeFileSync(path.join(dir, `token-${i}`), token);
  }
  // Each run hands out the next token, valid (it says) for 4 s from now.
  const runs = path.join(dir, 'runs');
  writeFileSync(runs, '');
  const plugin = path.join(dir, 'get-token');
  writeFileSync(
    plugin,
    [
      '#!/bin/sh',
      `n=$(wc -l < '${runs}')`,
      `echo run >> '${runs}'`,
      `[ "$n" -ge ${tokens} ] && n=${tokens - 1}`,
      `token=$(cat '${dir}/token-'$n)`,
      'expires=$(date -u -d "+4 seconds" +%Y-%m-%dT%H:%M:%SZ)',
      `printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}' "$token" "$expires"`,
      '',
    ].join('\n'),
  );
  chmodSync(plugin, 0o755);
  const pluginRuns = () => readFileSync(runs, 'utf8').split('\n').filter(Boolean).length;

  // A rollout that takes ~15 s (pods become ready 15 s after kwok sees them).
  await apply(
    deployment(namespace, 'slow', {
      replicas: 1,
      annotations: { 'cluster.test/ready-after': '1s' },
    }),
  );
  const first = await rolloutStatus(namespace, 'deployment/slow');
  expect(first.code).toBe(0);
  const firstToken = readFileSync(path.join(dir, 'token-0'), 'utf8');
  await apply(
    deployment(namespace, 'slow', {
      replicas: 1,
      image: 'registry.test/app:2',
      annotations: { 'cluster.test/ready-after': '15s' },
    }),
  );

  // Revoke the first token as soon as a second run has replaced it.
  const revoke = waitFor('the plugin to run a second time', async () => pluginRuns() >= 2, {
    timeoutMs: 30_000,
  }).then(() => api('DELETE', `/api/v1/namespaces/${namespace}/secrets/rotating-0`));

  const r = await runAction('wait-rollout', {
    resources: 'deployment/slow',
    namespace,
    timeout: '60s',
    kubeconfig: kubeconfig({
      user: {
        raw: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: plugin,
            interactiveMode: 'Never',
          },
        },
      },
    }),
  });
  await revoke;
  expect(r.errors).toEqual([]);
  expect(r.outputs.ready).toBe('true');
  // The wait lasted ~15 s with 4 s credentials: the plugin ran again several times.
  expect(pluginRuns()).toBeGreaterThanOrEqual(3);
  // And the first token really stopped working: the server refuses it now.
  const refused = await waitFor('the revoked token to be refused', async () => {
    const res = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`, {
      token: firstToken,
    });
    return res.status === 401 ? res : undefined;
  });
  expect(refused.status).toBe(401);
});

describe('through a CONNECT proxy, by a name only the proxy resolves', () => {
  let proxy: ConnectProxy;
  const NAME = 'kubernetes.default.svc';
  let proxiedServer: string;
  beforeAll(async () => {
    const port = Number(new URL(testCluster().server).port);
    proxy = await startConnectProxy({
      hosts: { [NAME]: port },
      credentials: { user: 'ci', password: 'proxy-pass-0123' },
    });
    proxiedServer = `https://${NAME}:${port}`;
  });
  afterAll(() => proxy.close());

  /** The admin kubeconfig with the server renamed to the proxy-only name. */
  const viaName = (extra: Record<string, unknown> = {}) => {
    const kc = JSON.parse(kubeconfig()) as {
      clusters: Array<{ cluster: Record<string, unknown> }>;
    };
    kc.clusters[0].cluster = { ...kc.clusters[0].cluster, server: proxiedServer, ...extra };
    return JSON.stringify(kc);
  };

  test('wait-rollout with HTTPS_PROXY: the rollout is followed through the tunnel', async () => {
    await apply(deployment(namespace, 'proxied', { replicas: 2 }));
    await setImage(namespace, 'deployment/proxied', 'registry.test/app:2');
    const before = proxy.log.length;
    const r = await runAction(
      'wait-rollout',
      { resources: 'deployment/proxied', namespace, timeout: '60s', kubeconfig: viaName() },
      { env: { HTTPS_PROXY: `http://ci:proxy-pass-0123@127.0.0.1:${proxy.port}` } },
    );
    expect(r.errors).toEqual([]);
    expect(r.outputs.ready).toBe('true');
    const tunnels = proxy.log.slice(before).filter((e) => e.method === 'CONNECT');
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels.map((e) => e.target))).toEqual(
      new Set([`${NAME}:${new URL(proxiedServer).port}`]),
    );
    // Without the proxy the name does not resolve here: the tunnel is the only way in.
    const direct = await runAction('wait-rollout', {
      resources: 'deployment/proxied',
      namespace,
      timeout: '5s',
      kubeconfig: viaName(),
    });
    expect(direct.code).toBe(1);
  });

  test('helm-rollback with kubeconfig proxy-url: helm and the verification both go through it', async () => {
    const ns = await createNamespace('relhelm');
    try {
      const chart = mkdtempSync(path.join(scratch, 'chart-'));
      writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
      mkdirSync(path.join(chart, 'templates'));
      writeFileSync(
        path.join(chart, 'templates', 'deployment.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: app\n          image: {{ .Values.image }}\n',
      );
      const admin = writeTemp('admin.kubeconfig', kubeconfig());
      const helm = (args: string[]) =>
        new Promise<void>((resolve, reject) =>
          execFile(
            helmBinary(3).path,
            [...args, '--kubeconfig', admin, '-n', ns],
            { timeout: 120_000, env: { PATH: process.env.PATH, HOME: scratch } },
            (err, _o, stderr) => (err ? reject(new Error(stderr)) : resolve()),
          ),
        );
      await helm([
        'install',
        'web',
        chart,
        '--set',
        'image=registry.test/web:1',
        '--wait',
        '--timeout',
        '60s',
      ]);
      await helm([
        'upgrade',
        'web',
        chart,
        '--set',
        'image=registry.test/web:2',
        '--wait',
        '--timeout',
        '60s',
      ]);
      const before = proxy.log.length;
      const r = await runAction('helm-rollback', {
        release: 'web',
        namespace: ns,
        helm: helmBinary(3).path,
        timeout: '90s',
        kubeconfig: viaName({ 'proxy-url': `http://ci:proxy-pass-0123@127.0.0.1:${proxy.port}` }),
      });
      expect(r.errors).toEqual([]);
      expect(r.outputs.status).toBe('verified');
      expect(r.outputs['to-revision']).toBe('1');
      const image = (await api('GET', `/apis/apps/v1/namespaces/${ns}/deployments/web`)).body.spec
        .template.spec.containers[0].image;
      expect(image).toBe('registry.test/web:1');
      const seen = proxy.log.slice(before);
      expect(seen.some((e) => e.method === 'CONNECT' && e.target.startsWith(`${NAME}:`))).toBe(
        true,
      );
      expect(
        seen.every(
          (e) =>
            e.proxyAuthorization ===
            `Basic ${Buffer.from('ci:proxy-pass-0123').toString('base64')}`,
        ),
      ).toBe(true);
      // The proxy password never shows.
      expect(r.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('proxy-pass-0123');
    } finally {
      await deleteNamespace(ns);
    }
  });
});
