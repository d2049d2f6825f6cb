// Starts and stops one real control plane on 127.0.0.1: etcd, kube-apiserver (secure port only,
// test CA, Node+RBAC authorization, service-account issuer), kube-controller-manager,
// kube-scheduler and kwok (fake kubelet for the nodes we create). Ports are picked free at start,
// data lives in a temp dir, every process is ours and stopped by stop().
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BIN_DIR, CLUSTER_DIR } from './build.mjs';

const HOST = '127.0.0.1';
export const NODE_NAMES = ['kwok-node-0', 'kwok-node-1', 'kwok-node-2'];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One HTTPS request to the API server as `token`; resolves { status, body } (body parsed JSON). */
export function apiRequest(cluster, method, apiPath, { body, token = cluster.adminToken } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${cluster.server}${apiPath}`,
      {
        method,
        ca: cluster.caPem,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let parsed = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON (e.g. /readyz's "ok")
          }
          resolve({ status: res.statusCode, body: parsed });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${apiPath} timed out`)));
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

function kubeconfigYaml({ server, caFile, token, user }) {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: test-cluster`,
    '  cluster:',
    `    server: ${server}`,
    `    certificate-authority: ${caFile}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: ${user}`,
    '  context:',
    '    cluster: test-cluster',
    `    user: ${user}`,
    '    namespace: default',
    `current-context: ${user}`,
    '',
  ].join('\n');
}

/**
 * Starts the control plane. Resolves once the API server is ready, the nodes are Ready and a probe
 * pod was scheduled and became Ready (so every component works). `log(line)` gets progress.
 */
export async function startControlPlane({ log = () => {} } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cicd-cluster-'));
  const pkiDir = path.join(dir, 'pki');
  const logDir = path.join(dir, 'logs');
  mkdirSync(logDir);
  const children = [];
  const started = Date.now();

  const cluster = {
    dir,
    pkiDir,
    logDir,
    caFile: path.join(pkiDir, 'ca.crt'),
    caPem: '',
    adminToken: randomBytes(24).toString('hex'),
    /** A static bearer token for user `token-user` (no groups; suites bind RBAC to it). */
    staticToken: randomBytes(24).toString('hex'),
    staticTokenUser: 'token-user',
    server: '',
    adminKubeconfig: path.join(dir, 'admin.kubeconfig'),
    pkiBinary: path.join(BIN_DIR, 'pki'),
    nodes: NODE_NAMES,
    children,
    stop: () => stopAll(children, dir, log),
  };

  const run = (name, args) => {
    const out = openSync(path.join(logDir, `${name}.log`), 'a');
    const child = spawn(path.join(BIN_DIR, name), args, {
      cwd: dir,
      stdio: ['ignore', out, out],
      env: { ...process.env, KUBECONFIG: '' },
    });
    const entry = { name, child, exited: null };
    child.on('exit', (code, signal) => (entry.exited = { code, signal }));
    children.push(entry);
    return entry;
  };
  const tail = (name) => {
    try {
      return readFileSync(path.join(logDir, `${name}.log`), 'utf8')
        .split('\n')
        .slice(-15)
        .join('\n');
    } catch {
      return '';
    }
  };
  const until = async (what, check, { timeoutMs = 90_000, component } = {}) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const c of children)
        if (c.exited)
          throw new Error(
            `${c.name} exited (${JSON.stringify(c.exited)}) while waiting for ${what}:\n${tail(c.name)}`,
          );
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}${component ? `:\n${tail(component)}` : ''}`);
      await sleep(250);
    }
  };

  try {
    execFileSync(cluster.pkiBinary, ['init', '-dir', pkiDir]);
    cluster.caPem = readFileSync(cluster.caFile, 'utf8');
    const [etcdClient, etcdPeer, apiPort] = [await freePort(), await freePort(), await freePort()];
    cluster.server = `https://${HOST}:${apiPort}`;

    const etcdUrl = `http://${HOST}:${etcdClient}`;
    const peerUrl = `http://${HOST}:${etcdPeer}`;
    run('etcd', [
      '--name=test',
      `--data-dir=${path.join(dir, 'etcd')}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=test=${peerUrl}`,
      // Throwaway data: no fsync keeps etcd from being the bottleneck on a busy disk.
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);
    await until('etcd', () => httpOk(`${etcdUrl}/health`), { component: 'etcd' });
    log(`test/cluster: etcd up (${etcdUrl})`);

    const kcmToken = randomBytes(24).toString('hex');
    const schedulerToken = randomBytes(24).toString('hex');
    const kwokToken = randomBytes(24).toString('hex');
    const tokens = path.join(pkiDir, 'tokens.csv');
    writeFileSync(
      tokens,
      [
        `${cluster.adminToken},admin,admin,"system:masters"`,
        `${kcmToken},system:kube-controller-manager,system:kube-controller-manager`,
        `${schedulerToken},system:kube-scheduler,system:kube-scheduler`,
        // kwok plays every node's kubelet and more (it deletes pods): an admin, like kwokctl's.
        `${kwokToken},kwok,kwok,"system:masters"`,
        `${cluster.staticToken},${cluster.staticTokenUser},${cluster.staticTokenUser}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const pki = (f) => path.join(pkiDir, f);
    run('kube-apiserver', [
      `--etcd-servers=${etcdUrl}`,
      `--bind-address=${HOST}`,
      `--advertise-address=${HOST}`,
      `--secure-port=${apiPort}`,
      `--tls-cert-file=${pki('apiserver.crt')}`,
      `--tls-private-key-file=${pki('apiserver.key')}`,
      `--client-ca-file=${pki('ca.crt')}`,
      `--token-auth-file=${tokens}`,
      '--authorization-mode=Node,RBAC',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki('sa.pub')}`,
      `--service-account-signing-key-file=${pki('sa.key')}`,
      '--service-cluster-ip-range=10.96.0.0/16',
      '--v=0',
    ]);
    await until(
      'kube-apiserver /readyz',
      async () => (await apiRequest(cluster, 'GET', '/readyz')).status === 200,
      { component: 'kube-apiserver' },
    );
    log(`test/cluster: kube-apiserver ready (${cluster.server})`);

    writeFileSync(
      cluster.adminKubeconfig,
      kubeconfigYaml({
        server: cluster.server,
        caFile: cluster.caFile,
        token: cluster.adminToken,
        user: 'admin',
      }),
      { mode: 0o600 },
    );
    const kubeconfigFor = (user, token) => {
      const file = path.join(dir, `${user.replace(/[^a-z-]/g, '-')}.kubeconfig`);
      writeFileSync(
        file,
        kubeconfigYaml({ server: cluster.server, caFile: cluster.caFile, token, user }),
      );
      return file;
    };

    run('kube-controller-manager', [
      `--kubeconfig=${kubeconfigFor('system:kube-controller-manager', kcmToken)}`,
      '--secure-port=0',
      '--leader-elect=false',
      '--use-service-account-credentials=true',
      `--service-account-private-key-file=${pki('sa.key')}`,
      `--root-ca-file=${pki('ca.crt')}`,
      '--cluster-cidr=10.244.0.0/16',
      '--service-cluster-ip-range=10.96.0.0/16',
      // Controllers that need a cloud, real volumes or CSR signing keys: off.
      '--controllers=*,-nodeipam,-service-lb-controller,-route,-cloud-node-lifecycle,-persistentvolume-binder,-attachdetach,-persistentvolume-expander,-ephemeral-volume,-csrsigning',
      '--v=0',
    ]);
    run('kube-scheduler', [
      `--kubeconfig=${kubeconfigFor('system:kube-scheduler', schedulerToken)}`,
      '--secure-port=0',
      '--leader-elect=false',
      '--v=0',
    ]);
    run('kwok', [
      `--kubeconfig=${kubeconfigFor('kwok', kwokToken)}`,
      `--config=${path.join(CLUSTER_DIR, 'kwok-stages.yaml')}`,
      '--manage-all-nodes=true',
    ]);

    for (const name of NODE_NAMES) {
      const res = await apiRequest(cluster, 'POST', '/api/v1/nodes', {
        body: {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: {
            name,
            labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', type: 'kwok' },
            annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
          },
        },
      });
      if (res.status !== 201)
        throw new Error(`creating node ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await until(
      'nodes Ready',
      async () => {
        const { body } = await apiRequest(cluster, 'GET', '/api/v1/nodes');
        const ready = (body.items ?? []).filter((n) =>
          n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
        );
        return ready.length === NODE_NAMES.length;
      },
      { component: 'kwok' },
    );
    log('test/cluster: nodes Ready');

    // The default ServiceAccount proves the controller manager runs; a Ready probe pod proves
    // the scheduler and kwok do. Only then is the cluster handed to tests.
    await until(
      'default ServiceAccount',
      async () =>
        (await apiRequest(cluster, 'GET', '/api/v1/namespaces/default/serviceaccounts/default'))
          .status === 200,
      { component: 'kube-controller-manager' },
    );
    const probe = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cluster-probe', namespace: 'default' },
      spec: { containers: [{ name: 'probe', image: 'registry.test/probe:1' }] },
    };
    const created = await apiRequest(cluster, 'POST', '/api/v1/namespaces/default/pods', {
      body: probe,
    });
    if (created.status !== 201)
      throw new Error(`creating the probe pod: ${created.status} ${JSON.stringify(created.body)}`);
    await until(
      'the probe pod Ready',
      async () => {
        const { body } = await apiRequest(
          cluster,
          'GET',
          '/api/v1/namespaces/default/pods/cluster-probe',
        );
        return body.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      },
      { component: 'kube-scheduler' },
    );
    await apiRequest(cluster, 'DELETE', '/api/v1/namespaces/default/pods/cluster-probe');
    const version = await apiRequest(cluster, 'GET', '/version');
    cluster.version = version.body;
    log(`test/cluster: control plane ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return cluster;
  } catch (err) {
    await stopAll(children, process.env.CLUSTER_KEEP ? null : dir, log);
    if (process.env.CLUSTER_KEEP) log(`test/cluster: logs kept in ${logDir}`);
    throw err;
  }
}

/** SIGTERM to every component (newest first), SIGKILL after 5 s, then the temp dir removed. */
async function stopAll(children, dir, log) {
  for (const entry of [...children].reverse()) {
    if (entry.exited) continue;
    entry.child.kill('SIGTERM');
    const gone = await Promise.race([
      new Promise((r) => entry.child.once('exit', () => r(true))),
      sleep(5000).then(() => false),
    ]);
    if (!gone && !entry.exited) {
      entry.child.kill('SIGKILL');
      await new Promise((r) => (entry.exited ? r() : entry.child.once('exit', r)));
    }
  }
  children.length = 0;
  if (dir && !process.env.CLUSTER_KEEP) rmSync(dir, { recursive: true, force: true });
  else if (dir) log(`test/cluster: kept ${dir}`);
}
