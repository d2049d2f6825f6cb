// Kubeconfig and authentication paths of wait-rollout against the real API server's
// authenticators (x509 client certificates, static bearer tokens, bound service-account tokens,
// an exec credential plugin) and its RBAC authorizer, with kubectl on the same credentials.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectCluster } from '@cicd-actions/kube/cluster-session';
import { waitForRollouts } from '@cicd-actions/kube/watch-rollout';
import {
  api,
  apply,
  clientCertificate,
  createNamespace,
  deleteNamespace,
  deployment,
  inClusterFiles,
  kubeconfig,
  type PolicyRule,
  roleFor,
  rolloutStatus,
  serviceAccountToken,
  testCluster,
  waitFor,
  writeTemp,
} from '../env';
import { cleanupRuns, rolloutResults, runAction } from './helpers';

/** What wait-rollout needs to read to decide and to explain (pods, ReplicaSets, events). */
const READER: PolicyRule[] = [
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'replicasets'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: [''], resources: ['pods', 'events'], verbs: ['get', 'list', 'watch'] },
];

let namespace: string;
beforeAll(async () => {
  namespace = await createNamespace('auth');
  await apply(deployment(namespace, 'api', { replicas: 2 }));
  const done = await rolloutStatus(namespace, 'deployment/api');
  if (done.code !== 0) throw new Error(done.stderr);
});
afterAll(async () => {
  cleanupRuns();
  await deleteNamespace(namespace);
});

const wait = (kubeconfigText: string) =>
  runAction('wait-rollout', {
    resources: 'deployment/api',
    namespace,
    timeout: '30s',
    kubeconfig: kubeconfigText,
  });

describe('wait-rollout authenticates as the real API server expects', () => {
  test('client certificate (user and group from the certificate), bound through its group', async () => {
    await apply(...roleFor(namespace, 'deployers', READER, 'Group'));
    const cert = clientCertificate('ci-deployer', ['deployers']);
    const r = await wait(kubeconfig({ user: { clientCertificate: cert } }));
    expect(r.errors).toEqual([]);
    expect(r.outputs.ready).toBe('true');
    // The key is a secret: its kubeconfig form (client-key-data) is masked.
    expect(r.masks).toContain(Buffer.from(cert.keyPem).toString('base64'));
  });

  test('a client certificate of a user with no permissions: Forbidden, as kubectl is', async () => {
    const cert = clientCertificate('nobody');
    const text = kubeconfig({ user: { clientCertificate: cert } });
    const [r, k] = await Promise.all([
      wait(text),
      rolloutStatus(namespace, 'deployment/api', {
        kubeconfigFile: writeTemp('kc', text),
        timeout: '30s',
      }),
    ]);
    expect(r.code).toBe(1);
    expect(rolloutResults(r)[0].reason).toBe('Forbidden');
    expect(k.code).toBe(1);
    expect(k.stderr).toMatch(/Forbidden.*User "nobody" cannot get resource "deployments"/);
    expect(r.errors[0]).toMatch(/User "nobody" cannot (get|list) resource "deployments"/);
  });

  test('static bearer token, bound to the user by name', async () => {
    const c = testCluster();
    await apply(...roleFor(namespace, c.staticTokenUser, READER, 'User'));
    const r = await wait(kubeconfig({ user: { token: c.staticToken } }));
    expect(r.errors).toEqual([]);
    expect(r.outputs.ready).toBe('true');
    expect(r.masks).toContain(c.staticToken);
  });

  test('a token the server does not know: 401, named as such, as kubectl says Unauthorized', async () => {
    const text = kubeconfig({ user: { token: 'not-a-valid-token-0123456789' } });
    const [r, k] = await Promise.all([
      wait(text),
      rolloutStatus(namespace, 'deployment/api', { kubeconfigFile: writeTemp('kc', text) }),
    ]);
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(/401 Unauthorized/);
    expect(k.code).toBe(1);
    expect(k.stderr).toMatch(/Unauthorized/);
  });

  test('an exec credential plugin that prints a bound service-account token', async () => {
    await apply(
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'plugin', namespace } },
      ...roleFor(namespace, 'plugin', READER, 'ServiceAccount'),
    );
    const token = await serviceAccountToken(namespace, 'plugin', 600);
    const dir = mkdtempSync(path.join(tmpdir(), 'exec-plugin-'));
    const plugin = path.join(dir, 'get-token');
    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token },
    };
    writeFileSync(plugin, `#!/bin/sh\necho '${JSON.stringify(credential)}'\n`);
    chmodSync(plugin, 0o755);
    const r = await wait(
      kubeconfig({
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
    );
    expect(r.errors).toEqual([]);
    expect(r.outputs.ready).toBe('true');
    expect(r.masks).toContain(token);
  });

  test('in-cluster: a bound service-account token in the pod’s files (packages/kube, in-process)', async () => {
    // In process because a bundle cannot be pointed at another service-account directory than a
    // pod's /var/run/secrets/...; the session and the wait are the ones both actions use.
    await apply(
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'runner', namespace } },
      ...roleFor(namespace, 'runner', READER, 'ServiceAccount'),
    );
    const token = await serviceAccountToken(namespace, 'runner', 600);
    const files = inClusterFiles(token, namespace);
    const home = mkdtempSync(path.join(tmpdir(), 'home-'));
    const masks: string[] = [];
    const session = await connectCluster({
      env: { HOME: home, ...files.env },
      homeDir: home,
      serviceAccountDir: files.dir,
      deadline: Date.now() + 30_000,
      onSecret: (s) => void masks.push(s),
      userAgent: 'cicd-actions/cluster-test',
    });
    try {
      expect(session.describe()).toContain('(context in-cluster from in-cluster service account)');
      expect(session.namespace).toBe(namespace);
      const [result] = await waitForRollouts({
        api: session.api,
        targets: [{ kind: 'Deployment', name: 'api', namespace }],
        deadline: session.waitDeadline,
      });
      expect(result.done).toBe(true);
      expect(masks).toContain(token);
    } finally {
      session.close();
    }
  });

  test('a token bound to a Secret is refused (401) once the Secret is deleted: an expiry on cue', async () => {
    await apply(
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'short', namespace } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'short-lived', namespace } },
      ...roleFor(namespace, 'short', READER, 'ServiceAccount'),
    );
    const token = await serviceAccountToken(namespace, 'short', 600, {
      boundToSecret: 'short-lived',
    });
    const before = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`, { token });
    expect(before.status).toBe(200);
    await api('DELETE', `/api/v1/namespaces/${namespace}/secrets/short-lived`);
    const after = await waitFor('the bound token to be refused', async () => {
      const r = await api('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`, { token });
      return r.status === 401 ? r : undefined;
    });
    expect(after.body.reason).toBe('Unauthorized');
  });
});
