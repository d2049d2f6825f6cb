// The API server behind a proxy: kubeconfig proxy-url and HTTPS_PROXY, against the simulator,
// through a real CONNECT proxy on loopback that alone resolves `api.internal.test` — and the real
// client-go (helm 4) through the same proxy, with the same kubeconfig, behaving the same way.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { startCluster, deployment, type SimCluster } from '../../../test/k8s-sim/index';
import { helmBinary } from '../../../test/helm/binaries';
import { startConnectProxy, type ConnectProxy } from '../../core/test/connect-proxy';
import { KubeApiClient, KubeApiError, KubeconfigError, loadKubeConnection } from '../src/index';

let cluster: SimCluster;
let proxy: ConnectProxy;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kube-proxy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  cluster = await startCluster({ controller: false });
  cluster.apply(deployment({ name: 'api', replicas: 1 }));
  proxy = await startConnectProxy({ hosts: { 'api.internal.test': cluster.port } });
});
afterEach(async () => {
  await proxy.close();
  await cluster.close();
});

const SERVER = () => `https://api.internal.test:${cluster.port}`;

/** The simulator's kubeconfig, served at a name only the proxy knows (the certificate says localhost). */
function kubeconfig(extra: Record<string, unknown> = {}): string {
  const doc = parse(cluster.kubeconfig({ server: SERVER() })) as {
    clusters: Array<{ cluster: Record<string, unknown> }>;
  };
  Object.assign(doc.clusters[0].cluster, { 'tls-server-name': 'localhost', ...extra });
  return stringify(doc);
}

const list = async (yaml: string, env: Record<string, string> = {}) => {
  const api = new KubeApiClient(await loadKubeConnection({ content: yaml, env }), { env });
  try {
    return await api.get<{ items: Array<{ metadata: { name: string } }> }>(
      '/apis/apps/v1/namespaces/default/deployments',
    );
  } finally {
    api.close();
  }
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as KubeApiError,
  );

/** helm 4 (client-go) listing releases with a kubeconfig file: exit code and stderr. */
async function helmList(yaml: string, env: Record<string, string> = {}) {
  const file = path.join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, yaml, { mode: 0o600 });
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      helmBinary(4).path,
      ['list', '--kubeconfig', file, '-n', 'default', '-o', 'json'],
      {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          HELM_CACHE_HOME: dir,
          HELM_CONFIG_HOME: dir,
          ...env,
        },
        timeout: 60_000,
      },
      (err, _stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr: String(stderr) }),
    );
  });
}

test('without a proxy the name does not resolve: ours and helm both fail to look it up', async () => {
  const err = await failure(list(kubeconfig()));
  expect(err).toBeInstanceOf(KubeApiError);
  expect(err.message).toBe(
    `cannot resolve the API server's host ${SERVER()}: DNS lookup failed (ENOTFOUND)`,
  );
  const helm = await helmList(kubeconfig());
  expect(helm.code).not.toBe(0);
  expect(helm.stderr).toMatch(/api\.internal\.test.*no such host/);
  expect(proxy.log).toEqual([]);
});

test('kubeconfig proxy-url: CONNECT with the host name, TLS to the server; helm does the same', async () => {
  const yaml = kubeconfig({ 'proxy-url': proxy.url });
  const got = await list(yaml);
  expect(got.items.map((i) => i.metadata.name)).toEqual(['api']);
  expect(proxy.log.map((e) => `${e.method} ${e.target}`)).toEqual([
    `CONNECT api.internal.test:${cluster.port}`,
  ]);

  proxy.log.length = 0;
  const helm = await helmList(yaml);
  expect(helm).toMatchObject({ code: 0 });
  expect(new Set(proxy.log.map((e) => `${e.method} ${e.target}`))).toEqual(
    new Set([`CONNECT api.internal.test:${cluster.port}`]),
  );
});

test('HTTPS_PROXY for the API server; NO_PROXY exempts it — for us and for helm alike', async () => {
  const env = { HTTPS_PROXY: proxy.url };
  expect((await list(kubeconfig(), env)).items).toHaveLength(1);
  expect(proxy.log).toHaveLength(1);
  expect((await helmList(kubeconfig(), env)).code).toBe(0);
  const afterHelm = proxy.log.length;
  expect(afterHelm).toBeGreaterThan(1);

  const exempt = { HTTPS_PROXY: proxy.url, NO_PROXY: '.internal.test' };
  expect((await failure(list(kubeconfig(), exempt))).message).toMatch(/cannot resolve/);
  const helm = await helmList(kubeconfig(), exempt);
  expect(helm.code).not.toBe(0);
  expect(helm.stderr).toMatch(/no such host/);
  expect(proxy.log).toHaveLength(afterHelm);
});

test('proxy-url wins over HTTPS_PROXY (as in client-go)', async () => {
  const other = await startConnectProxy({ hosts: {} });
  try {
    const got = await list(kubeconfig({ 'proxy-url': proxy.url }), { HTTPS_PROXY: other.url });
    expect(got.items).toHaveLength(1);
    expect(other.log).toEqual([]);
    expect(proxy.log).toHaveLength(1);
  } finally {
    await other.close();
  }
});

test('a watch streams through the proxy tunnel', async () => {
  const api = new KubeApiClient(
    await loadKubeConnection({ content: kubeconfig({ 'proxy-url': proxy.url }), env: {} }),
  );
  try {
    const seen: string[] = [];
    const stop = new AbortController();
    await api.watch<{ metadata: { name: string } }>(
      '/apis/apps/v1/namespaces/default/deployments',
      {},
      (e) => {
        seen.push(`${e.type} ${e.object.metadata.name}`);
        stop.abort();
      },
      { signal: stop.signal },
    );
    expect(seen).toEqual(['ADDED api']);
    expect(proxy.log[0]).toMatchObject({ method: 'CONNECT' });
  } finally {
    api.close();
  }
});

test('a proxy that refuses: a one-line error naming the server and the proxy, not retried', async () => {
  const refusing = await startConnectProxy({
    hosts: { 'api.internal.test': cluster.port },
    credentials: { user: 'ci', password: 'right' },
  });
  try {
    const err = await failure(
      list(kubeconfig({ 'proxy-url': `http://ci:wrong-pass@127.0.0.1:${refusing.port}` })),
    );
    expect(err).toMatchObject({ code: 'HTTP', reason: 'ProxyRefused', retryable: false });
    expect(err.message).toBe(
      `cannot reach the API server at ${SERVER()}: the proxy http://127.0.0.1:${refusing.port} asks for credentials (407 Proxy Authentication Required) and rejected the ones in the proxy URL to api.internal.test:${cluster.port}`,
    );
  } finally {
    await refusing.close();
  }
});

test('proxy-url socks5://: a clear kubeconfig error naming the field', async () => {
  const err = await loadKubeConnection({
    content: kubeconfig({ 'proxy-url': 'socks5://127.0.0.1:1080' }),
    env: {},
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(KubeconfigError);
  expect((err as Error).message).toBe(
    "cluster 'k8s-sim' in input 'kubeconfig': proxy-url is a socks5:// proxy; only http:// and https:// proxies are supported",
  );
});
