// The suites' view of the running test cluster (started by test/cluster/run.mjs, which passes
// its description in CICD_TEST_CLUSTER). Documented in test/cluster/README.md.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type KubectlMinor, kubectlBinary } from '../kubectl/binaries';

export interface TestCluster {
  /** `https://127.0.0.1:<port>` */
  server: string;
  caPem: string;
  caFile: string;
  /** Bearer token of user `admin` (group system:masters). */
  adminToken: string;
  /** Path of a kubeconfig file for the admin (token, CA file, namespace default). */
  adminKubeconfig: string;
  /** Bearer token of the static user `staticTokenUser` (no groups, no permissions until bound). */
  staticToken: string;
  staticTokenUser: string;
  /** The fake nodes (kwok), all Ready, schedulable, untainted. */
  nodes: string[];
  /** The API server's /version. */
  version: { gitVersion: string; major: string; minor: string };
  /** The pki helper (test/cluster/go/pki) and the cluster's PKI directory (CA key inside). */
  pkiBinary: string;
  pkiDir: string;
}

let cached: TestCluster | undefined;

/** The running cluster; throws when the suite was not started by `npm run test:cluster`. */
export function testCluster(): TestCluster {
  if (cached) return cached;
  const file = process.env.CICD_TEST_CLUSTER;
  if (!file) throw new Error('no test cluster: run these suites with npm run test:cluster');
  cached = JSON.parse(readFileSync(file, 'utf8')) as TestCluster;
  return cached;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** One request to the API server (admin unless `token`); JSON in and out. Never throws on status. */
export function api<T = any>(
  method: string,
  apiPath: string,
  opts: { body?: unknown; token?: string; contentType?: string } = {},
): Promise<ApiResponse<T>> {
  const c = testCluster();
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${c.server}${apiPath}`,
      {
        method,
        ca: c.caPem,
        headers: {
          authorization: `Bearer ${opts.token ?? c.adminToken}`,
          accept: 'application/json',
          ...(opts.body !== undefined
            ? { 'content-type': opts.contentType ?? 'application/json' }
            : {}),
        },
        timeout: 15_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // plain text (e.g. /readyz)
          }
          resolve({ status: res.statusCode ?? 0, body: body as T });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${apiPath} timed out`)));
    req.on('error', reject);
    req.end(opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  });
}

/** A user entry of a kubeconfig: a token, a client certificate, or anything (e.g. `exec`). */
export type KubeUser =
  { token: string } | { clientCertificate: ClientCertificate } | { raw: Record<string, unknown> };

/**
 * A kubeconfig (YAML text) for this cluster with the CA inline (certificate-authority-data), so
 * it can be passed as the actions' `kubeconfig` input. Default user: the admin token.
 */
export function kubeconfig(
  opts: { user?: KubeUser; namespace?: string; context?: string } = {},
): string {
  const c = testCluster();
  const context = opts.context ?? 'test-cluster';
  const user = opts.user ?? { token: c.adminToken };
  let userEntry: Record<string, unknown>;
  if ('token' in user) userEntry = { token: user.token };
  else if ('clientCertificate' in user)
    userEntry = {
      'client-certificate-data': Buffer.from(user.clientCertificate.certPem).toString('base64'),
      'client-key-data': Buffer.from(user.clientCertificate.keyPem).toString('base64'),
    };
  else userEntry = user.raw;
  // JSON is valid YAML, and every kubeconfig reader (client-go, client-node) accepts it.
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'test-cluster',
          cluster: {
            server: c.server,
            'certificate-authority-data': Buffer.from(c.caPem).toString('base64'),
          },
        },
      ],
      users: [{ name: 'test-user', user: userEntry }],
      contexts: [
        {
          name: context,
          context: {
            cluster: 'test-cluster',
            user: 'test-user',
            ...(opts.namespace ? { namespace: opts.namespace } : {}),
          },
        },
      ],
      'current-context': context,
    },
    null,
    2,
  );
}

/** Writes `content` to a fresh temp file and returns its path (for KUBECONFIG, --kubeconfig). */
export function writeTemp(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cluster-suite-'));
  const file = path.join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

let home: string | undefined;
/** kubectl caches discovery under $HOME/.kube: give it a temp home, never the user's. */
function kubectlHome(): string {
  home ??= mkdtempSync(path.join(tmpdir(), 'kubectl-home-'));
  return home;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real kubectl (1.33 unless `minor`) against the cluster, as the admin unless
 * `kubeconfigFile` is given. Resolves with the exit code; never throws on a non-zero exit.
 */
export function kubectl(
  args: string[],
  opts: { input?: string; kubeconfigFile?: string; minor?: KubectlMinor; timeoutMs?: number } = {},
): Promise<KubectlResult> {
  const c = testCluster();
  const bin = kubectlBinary(opts.minor ?? 33).path;
  return new Promise((resolve) => {
    const child = execFile(
      bin,
      ['--kubeconfig', opts.kubeconfigFile ?? c.adminKubeconfig, ...args],
      {
        timeout: opts.timeoutMs ?? 120_000,
        maxBuffer: 16 << 20,
        env: { PATH: process.env.PATH, HOME: kubectlHome() },
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** `kubectl apply` of objects (admin); throws with kubectl's message when it fails. */
export async function apply(...objects: object[]): Promise<void> {
  const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
  const res = await kubectl(['apply', '-f', '-'], { input });
  if (res.code !== 0) throw new Error(`kubectl apply failed: ${res.stderr}`);
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Creates a namespace with a unique name (`prefix-<random>`) and waits for its default
 * ServiceAccount (pods cannot be created before it exists). Returns the name.
 */
export async function createNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const res = await api('POST', '/api/v1/namespaces', {
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
  });
  if (res.status !== 201) throw new Error(`create namespace ${name}: ${JSON.stringify(res.body)}`);
  await waitFor(`ServiceAccount default in ${name}`, async () => {
    const sa = await api('GET', `/api/v1/namespaces/${name}/serviceaccounts/default`);
    return sa.status === 200;
  });
  return name;
}

/** Deletes a namespace (and so everything in it) without waiting for it to go. */
export async function deleteNamespace(name: string): Promise<void> {
  await api('DELETE', `/api/v1/namespaces/${name}`);
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

export interface ServiceAccountCredentials {
  name: string;
  namespace: string;
  /** A bound token from the TokenRequest API (audience: the API server's default). */
  token: string;
  /** `kubeconfig({ user: { token }, namespace })` for this account. */
  kubeconfig: string;
}

/**
 * A ServiceAccount in `namespace` with exactly `rules` (a Role + RoleBinding there; no rules, no
 * binding) and a fresh token for it.
 */
export async function serviceAccount(
  namespace: string,
  name: string,
  rules: PolicyRule[],
  { expirationSeconds = 3600 }: { expirationSeconds?: number } = {},
): Promise<ServiceAccountCredentials> {
  const objects: object[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } },
  ];
  if (rules.length > 0) objects.push(...roleFor(namespace, name, rules, 'ServiceAccount'));
  await apply(...objects);
  const token = await serviceAccountToken(namespace, name, expirationSeconds);
  return { name, namespace, token, kubeconfig: kubeconfig({ user: { token }, namespace }) };
}

/** A Role with `rules` and a RoleBinding of it to a user, group or service account. */
export function roleFor(
  namespace: string,
  subject: string,
  rules: PolicyRule[],
  kind: 'ServiceAccount' | 'User' | 'Group',
): object[] {
  const roleName = `${kind.toLowerCase()}-${subject.replace(/[^a-z0-9-]/g, '-')}`;
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: roleName, namespace },
      rules,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: roleName, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
      subjects: [
        kind === 'ServiceAccount'
          ? { kind, name: subject, namespace }
          : { kind, name: subject, apiGroup: 'rbac.authorization.k8s.io' },
      ],
    },
  ];
}

/**
 * A bound service-account token (TokenRequest API), valid `expirationSeconds` (min 600). With
 * `boundToSecret` (a Secret in the same namespace) the token is refused (401) once that Secret
 * is deleted — within ~10 s, the API server's token cache: how a test makes a credential expire.
 */
export async function serviceAccountToken(
  namespace: string,
  name: string,
  expirationSeconds = 3600,
  { boundToSecret }: { boundToSecret?: string } = {},
): Promise<string> {
  let boundObjectRef: Record<string, string> | undefined;
  if (boundToSecret) {
    const secret = await api('GET', `/api/v1/namespaces/${namespace}/secrets/${boundToSecret}`);
    if (secret.status !== 200) throw new Error(`secret ${boundToSecret}: ${secret.status}`);
    boundObjectRef = {
      kind: 'Secret',
      apiVersion: 'v1',
      name: boundToSecret,
      uid: secret.body.metadata.uid,
    };
  }
  const res = await api<{ status: { token: string } }>(
    'POST',
    `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    {
      body: {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds, ...(boundObjectRef ? { boundObjectRef } : {}) },
      },
    },
  );
  if (res.status !== 201)
    throw new Error(`TokenRequest ${namespace}/${name}: ${JSON.stringify(res.body)}`);
  return res.body.status.token;
}

export interface ClientCertificate {
  certFile: string;
  keyFile: string;
  certPem: string;
  keyPem: string;
}

/** A client certificate signed by the cluster CA: user `user`, groups `groups` (O=...). */
export function clientCertificate(user: string, groups: string[] = []): ClientCertificate {
  const c = testCluster();
  const dir = mkdtempSync(path.join(tmpdir(), 'cluster-cert-'));
  mkdirSync(dir, { recursive: true });
  const prefix = path.join(dir, 'client');
  const args = ['client', '-dir', c.pkiDir, '-cn', user, '-out', prefix];
  if (groups.length) args.push('-o', groups.join(','));
  execFileSync(c.pkiBinary, args);
  return {
    certFile: `${prefix}.crt`,
    keyFile: `${prefix}.key`,
    certPem: readFileSync(`${prefix}.crt`, 'utf8'),
    keyPem: readFileSync(`${prefix}.key`, 'utf8'),
  };
}

/**
 * Files of an in-cluster service account as a pod sees them (token, ca.crt, namespace) under
 * `<root>/var/run/secrets/kubernetes.io/serviceaccount`, plus the env a pod gets. The server is
 * reached as 127.0.0.1 (KUBERNETES_SERVICE_HOST), which the serving certificate covers.
 */
export function inClusterFiles(token: string, namespace: string) {
  const c = testCluster();
  const root = mkdtempSync(path.join(tmpdir(), 'in-cluster-'));
  const dir = path.join(root, 'var', 'run', 'secrets', 'kubernetes.io', 'serviceaccount');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'token'), token);
  writeFileSync(path.join(dir, 'ca.crt'), c.caPem);
  writeFileSync(path.join(dir, 'namespace'), namespace);
  const url = new URL(c.server);
  return {
    root,
    dir,
    env: { KUBERNETES_SERVICE_HOST: url.hostname, KUBERNETES_SERVICE_PORT: url.port },
  };
}

// ---- Workloads: minimal manifests, so the server's defaulting (strategy, deadlines) applies. ----

export interface PodOptions {
  image?: string;
  /** Pod-template annotations, e.g. `{ 'cluster.test/ready-after': '2s' }`. */
  annotations?: Record<string, string>;
}

function template(name: string, o: PodOptions) {
  return {
    metadata: { labels: { app: name }, ...(o.annotations ? { annotations: o.annotations } : {}) },
    spec: { containers: [{ name: 'app', image: o.image ?? 'registry.test/app:1' }] },
  };
}

/** A Deployment with only what the user must write; `spec` is merged over it. */
export function deployment(
  namespace: string,
  name: string,
  o: PodOptions & { replicas?: number; spec?: Record<string, unknown> } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: template(name, o),
      ...o.spec,
    },
  };
}

export function statefulSet(
  namespace: string,
  name: string,
  o: PodOptions & { replicas?: number; spec?: Record<string, unknown> } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace },
    spec: {
      replicas: o.replicas ?? 1,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: template(name, o),
      ...o.spec,
    },
  };
}

export function daemonSet(
  namespace: string,
  name: string,
  o: PodOptions & { spec?: Record<string, unknown> } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: template(name, o), ...o.spec },
  };
}

/** `kubectl set image <kind>/<name> app=<image>` (admin): starts a rollout. */
/**
 * A Job of one pod (restartPolicy Never, backoffLimit 0; `spec` merged over it). Its image decides
 * how the pod ends (kwok-stages.yaml): `job-succeeds` exits 0, `job-fails` exits 1.
 */
export function job(
  namespace: string,
  name: string,
  o: PodOptions & { spec?: Record<string, unknown> } = {},
) {
  const t = template(name, { image: 'registry.test/job-succeeds:1', ...o });
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace },
    spec: {
      backoffLimit: 0,
      template: { ...t, spec: { ...t.spec, restartPolicy: 'Never' } },
      ...o.spec,
    },
  };
}

export async function setImage(namespace: string, ref: string, image: string): Promise<void> {
  const res = await kubectl(['-n', namespace, 'set', 'image', ref, `app=${image}`]);
  if (res.code !== 0) throw new Error(`kubectl set image ${ref}: ${res.stderr}`);
}

/** `kubectl rollout status` as the admin, with a bound timeout; the differential oracle. */
export function rolloutStatus(
  namespace: string,
  ref: string,
  {
    minor = 33,
    timeout = '60s',
    kubeconfigFile,
  }: { minor?: KubectlMinor; timeout?: string; kubeconfigFile?: string } = {},
): Promise<KubectlResult> {
  return kubectl(['-n', namespace, 'rollout', 'status', ref, `--timeout=${timeout}`], {
    minor,
    kubeconfigFile,
    timeoutMs: 180_000,
  });
}
