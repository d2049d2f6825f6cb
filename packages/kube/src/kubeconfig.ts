// Finding the cluster and the credentials, as kubectl does: kubeconfig content given as an input
// (raw YAML or base64), else $KUBECONFIG, else ~/.kube/config, else the pod's service account.
// Unlike client-node's loadFromDefault, nothing found is an error — never a silent
// http://localhost:8080. Every secret read is handed to `onSecret` before it can reach a message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProxyUrl, proxyUrlSecrets, ProxyConfigError } from '@cicd-actions/core/proxy';
import { secretArgValues } from '@cicd-actions/core/process';
import { isSecretName } from '@cicd-actions/core/secrets';

export class KubeconfigError extends Error {
  /** Which action input the problem is about. */
  constructor(
    message: string,
    readonly about: 'kubeconfig' | 'context' = 'kubeconfig',
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

interface NamedCluster {
  name: string;
  cluster: {
    server?: string;
    'certificate-authority'?: string;
    'certificate-authority-data'?: string;
    'insecure-skip-tls-verify'?: boolean;
    'tls-server-name'?: string;
    'proxy-url'?: string;
  };
}
interface NamedUser {
  name: string;
  user?: {
    token?: string;
    tokenFile?: string;
    'client-certificate'?: string;
    'client-certificate-data'?: string;
    'client-key'?: string;
    'client-key-data'?: string;
    username?: string;
    password?: string;
    as?: string;
    exec?: ExecConfig;
    'auth-provider'?: { name?: string; config?: Record<string, string> };
  };
}
/** A kubeconfig user's `exec` credential plugin. */
export interface ExecConfig {
  command?: string;
  args?: string[] | null;
  env?: Array<{ name: string; value: string }> | null;
  apiVersion?: string;
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: string;
}

interface NamedContext {
  name: string;
  context: { cluster?: string; user?: string; namespace?: string };
}

/** A kubeconfig after merging, with relative file paths made absolute. */
export interface Kubeconfig {
  clusters: NamedCluster[];
  users: NamedUser[];
  contexts: NamedContext[];
  currentContext?: string;
}

/** Everything needed to reach one API server as one user. */
export interface KubeConnection {
  /** Where it came from, for messages: `input 'kubeconfig'`, `$KUBECONFIG`, `~/.kube/config`, `in-cluster service account`. */
  source: string;
  /** The context used (`in-cluster` for a service account). */
  context: string;
  /** The context's namespace, if it names one. */
  namespace?: string;
  /** The API server URL as the kubeconfig gives it (userinfo included: it is sent as Basic auth). */
  server: string;
  /** The server URL without userinfo: the only form that may be printed. */
  displayServer: string;
  /** The kubeconfig's cluster and user entries the context names (for messages). */
  cluster?: string;
  user?: string;
  /** The cluster's `proxy-url` (http:// or https://), validated. */
  proxyUrl?: string;
  ca?: Buffer;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  clientCert?: Buffer;
  clientKey?: Buffer;
  token?: string;
  /** Re-read on use: projected service-account tokens rotate. */
  tokenFile?: string;
  username?: string;
  password?: string;
  impersonate?: string;
  /**
   * An exec or auth-provider credential plugin, and the one-context kubeconfig (JSON) that
   * client-node is given for an auth-provider (see credential-plugin.ts).
   */
  plugin?: { type: 'exec' | 'auth-provider'; kubeconfig: string };
  /** The exec plugin to run for credentials (run directly, as client-go runs it). */
  exec?: ExecConfig;
  /** A legacy `auth-provider` entry (gcp, azure, oidc): see credential-plugin.ts. */
  authProvider?: { name: string; config: Record<string, string> };
}

export interface KubeconfigSources {
  /** The `kubeconfig` input: raw YAML/JSON or base64 of it; empty for none. */
  content?: string;
  /** The context to use; default the kubeconfig's current-context. */
  context?: string;
  env: Record<string, string | undefined>;
  /** Default $HOME. */
  homeDir?: string;
  /** Where the in-cluster token, ca.crt and namespace live (tests point it at a fixture). */
  serviceAccountDir?: string;
  readFile?: (file: string) => string;
  /** Called with every secret value as soon as it is read, before it is parsed. */
  onSecret?: (value: string) => void;
}

const looksLikeKubeconfig = (text: string) =>
  /^\s*\{/.test(text) ||
  /^\s*(apiVersion|kind|clusters|contexts|users|current-context|preferences)\s*:/m.test(text);

/** The `kubeconfig` input as YAML text: given raw, or base64 (the usual way it is stored in a secret). */
export function decodeKubeconfigContent(content: string): string {
  if (looksLikeKubeconfig(content)) return content;
  const compact = content.replace(/\s+/g, '');
  if (compact && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
    const decoded = Buffer.from(
      compact,
      compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64',
    ).toString('utf8');
    if (!decoded.includes('\uFFFD') && looksLikeKubeconfig(decoded)) return decoded;
  }
  throw new KubeconfigError(
    'is neither a kubeconfig (YAML with clusters, users and contexts) nor base64 of one',
  );
}

/**
 * The values of secret-looking flags in a plugin's arguments (`--token=X`, `--client-secret X`,
 * `--password X`): core's rule, the same one printableCommand hides.
 */
export function secretArgs(args: readonly string[] | null | undefined): string[] {
  return secretArgValues((args ?? []).map(String));
}

/** The secret parts of a server URL's userinfo: the password and `user:password`, never the user alone. */
export function serverUrlSecrets(server: string | undefined): string[] {
  if (!server) return [];
  try {
    const u = new URL(server);
    if (!u.password) return [];
    const user = decodeURIComponent(u.username);
    const pass = decodeURIComponent(u.password);
    return [
      ...new Set([
        u.password,
        pass,
        `${u.username}:${u.password}`,
        `${user}:${pass}`,
        Buffer.from(`${user}:${pass}`).toString('base64'),
      ]),
    ];
  } catch {
    return [];
  }
}

/** Values in a kubeconfig that must be masked: tokens, keys, passwords, plugin secrets. */
export function kubeconfigSecrets(config: Kubeconfig): string[] {
  const out: string[] = [];
  for (const { cluster } of config.clusters) {
    out.push(...serverUrlSecrets(cluster?.server), ...proxyUrlSecrets(cluster?.['proxy-url']));
  }
  for (const { user } of config.users) {
    if (!user) continue;
    for (const v of [user.token, user['client-key-data'], user.password]) if (v) out.push(v);
    if (user.username && user.password)
      out.push(Buffer.from(`${user.username}:${user.password}`).toString('base64'));
    if (user['client-key-data']) {
      // The key also travels decoded (PEM) inside the process.
      out.push(Buffer.from(user['client-key-data'], 'base64').toString('utf8'));
    }
    for (const [k, v] of Object.entries(user['auth-provider']?.config ?? {}))
      if (/token|secret|password|key/i.test(k) && v) out.push(String(v));
    // Only values whose names say they are secret: masking AWS_PROFILE=prod would blank "prod"
    // (and "production", "***uction") all over the log.
    for (const e of user.exec?.env ?? [])
      if (e?.value && isSecretName(String(e.name ?? ''))) out.push(String(e.value));
    out.push(...secretArgs(user.exec?.args));
  }
  return out.filter((v) => typeof v === 'string' && v.length > 0);
}

async function parseYaml(text: string): Promise<unknown> {
  // JSON is YAML; parsing it natively spares loading the YAML parser.
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Fall through: YAML flow style may still parse.
    }
  }
  const { parse } = await import('yaml');
  try {
    return parse(text);
  } catch (err) {
    // The parser quotes the offending text; a kubeconfig's text is secret, so keep only the position.
    const line = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new KubeconfigError(`is not valid YAML${line ? ` (line ${line})` : ''}`);
  }
}

function asArray<T>(value: unknown, what: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new KubeconfigError(`'${what}' is not a list`);
  return value.filter(
    (x) => x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string',
  ) as T[];
}

/** One kubeconfig document; file paths in it are made absolute against `baseDir`. */
export async function parseKubeconfig(text: string, baseDir?: string): Promise<Kubeconfig> {
  const doc = await parseYaml(text);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new KubeconfigError(
      'is not a kubeconfig (expected a mapping with clusters, users and contexts)',
    );
  const d = doc as Record<string, unknown>;
  const config: Kubeconfig = {
    clusters: asArray<NamedCluster>(d.clusters, 'clusters'),
    users: asArray<NamedUser>(d.users, 'users'),
    contexts: asArray<NamedContext>(d.contexts, 'contexts'),
    currentContext:
      typeof d['current-context'] === 'string' && d['current-context']
        ? d['current-context']
        : undefined,
  };
  if (baseDir) {
    const abs = (p: string | undefined) => (p && !path.isAbsolute(p) ? path.join(baseDir, p) : p);
    for (const c of config.clusters)
      if (c.cluster?.['certificate-authority'])
        c.cluster['certificate-authority'] = abs(c.cluster['certificate-authority']);
    for (const u of config.users) {
      if (!u.user) continue;
      for (const key of ['client-certificate', 'client-key', 'tokenFile'] as const)
        if (u.user[key]) u.user[key] = abs(u.user[key]);
      // As client-go: a plugin command with a path in it is relative to the kubeconfig's directory.
      const command = u.user.exec?.command;
      if (command && command.includes('/') && !path.isAbsolute(command))
        u.user.exec!.command = path.join(baseDir, command);
    }
  }
  return config;
}

/** $KUBECONFIG's files merged as kubectl merges them: the first definition of a name wins. */
export function mergeKubeconfigs(configs: Kubeconfig[]): Kubeconfig {
  const merged: Kubeconfig = { clusters: [], users: [], contexts: [] };
  const add = <T extends { name: string }>(into: T[], items: T[]) => {
    for (const item of items) if (!into.some((x) => x.name === item.name)) into.push(item);
  };
  for (const c of configs) {
    add(merged.clusters, c.clusters);
    add(merged.users, c.users);
    add(merged.contexts, c.contexts);
    merged.currentContext ??= c.currentContext;
  }
  return merged;
}

function names(items: Array<{ name: string }>): string {
  return items.length ? items.map((i) => i.name).join(', ') : 'none';
}

/** The connection for one context of a kubeconfig. `readFile` reads the files it refers to. */
export function connectionFromKubeconfig(
  config: Kubeconfig,
  source: string,
  contextName: string | undefined,
  readFile: (file: string) => string,
  onSecret: (value: string) => void = () => {},
): KubeConnection {
  const wanted = contextName || config.currentContext;
  if (!wanted)
    throw new KubeconfigError(
      `${source} has no current-context; set the 'context' input (it has: ${names(config.contexts)})`,
    );
  const ctx = config.contexts.find((c) => c.name === wanted);
  if (!ctx)
    throw new KubeconfigError(
      `context '${wanted}' is not in ${source} (it has: ${names(config.contexts)})`,
      contextName ? 'context' : 'kubeconfig',
    );
  const clusterName = ctx.context?.cluster;
  const cluster = config.clusters.find((c) => c.name === clusterName)?.cluster;
  if (!cluster)
    throw new KubeconfigError(
      `context '${wanted}' in ${source} refers to cluster '${clusterName ?? ''}', which is not defined`,
    );
  if (!cluster.server)
    throw new KubeconfigError(`cluster '${clusterName}' in ${source} has no server`);
  let server: URL;
  try {
    server = new URL(cluster.server);
    if (server.protocol !== 'https:' && server.protocol !== 'http:') throw new Error();
  } catch {
    throw new KubeconfigError(
      `cluster '${clusterName}' in ${source} has a server that is not an http(s) URL`,
    );
  }
  const userName = ctx.context?.user;
  const named = userName ? config.users.find((u) => u.name === userName) : undefined;
  if (userName && !named)
    throw new KubeconfigError(
      `context '${wanted}' in ${source} refers to user '${userName}', which is not defined`,
    );
  const user = named?.user ?? {};

  const read = (file: string, what: string): Buffer => {
    try {
      return Buffer.from(readFile(file), 'utf8');
    } catch {
      throw new KubeconfigError(`cannot read the ${what} file ${file} named in ${source}`);
    }
  };
  const conn: KubeConnection = {
    source,
    context: wanted,
    namespace: ctx.context?.namespace || undefined,
    server: server.href.replace(/\/$/, ''),
    displayServer: `${server.protocol}//${server.host}${server.pathname}`.replace(/\/$/, ''),
    cluster: clusterName,
    user: userName,
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    tlsServerName: cluster['tls-server-name'] || undefined,
  };
  if (cluster['proxy-url']) {
    const field = `cluster '${clusterName}' in ${source}: proxy-url`;
    try {
      // client-go also takes socks5://; this client speaks HTTP CONNECT only, so say so now.
      parseProxyUrl(String(cluster['proxy-url']), field);
    } catch (err) {
      if (err instanceof ProxyConfigError) throw new KubeconfigError(err.message);
      throw err;
    }
    conn.proxyUrl = String(cluster['proxy-url']);
  }
  if (cluster['certificate-authority-data'])
    conn.ca = Buffer.from(cluster['certificate-authority-data'], 'base64');
  else if (cluster['certificate-authority'])
    conn.ca = read(cluster['certificate-authority'], 'certificate-authority');
  if (user['client-certificate-data'])
    conn.clientCert = Buffer.from(user['client-certificate-data'], 'base64');
  else if (user['client-certificate'])
    conn.clientCert = read(user['client-certificate'], 'client-certificate');
  if (user['client-key-data']) conn.clientKey = Buffer.from(user['client-key-data'], 'base64');
  else if (user['client-key']) {
    conn.clientKey = read(user['client-key'], 'client-key');
    onSecret(conn.clientKey.toString('utf8'));
  }
  if (user.token) conn.token = user.token;
  else if (user.tokenFile) conn.tokenFile = user.tokenFile;
  if (user.username && user.password) {
    conn.username = user.username;
    conn.password = user.password;
  }
  if (user.as) conn.impersonate = user.as;
  const provider = user['auth-provider'];
  if (provider && !user.exec)
    conn.authProvider = {
      name: String(provider.name ?? ''),
      config: Object.fromEntries(
        Object.entries(provider.config ?? {}).map(([k, v]) => [k, String(v)]),
      ),
    };
  const pluginType = user.exec ? 'exec' : user['auth-provider'] ? 'auth-provider' : undefined;
  if (user.exec) conn.exec = user.exec;
  if (pluginType) {
    // client-node runs the plugin from a kubeconfig of this one context.
    conn.plugin = {
      type: pluginType,
      kubeconfig: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: clusterName, cluster }],
        users: [{ name: userName, user }],
        contexts: [{ name: wanted, context: { cluster: clusterName, user: userName } }],
        'current-context': wanted,
      }),
    };
  }
  return conn;
}

/** The pod's service account, when running inside Kubernetes (self-hosted runners on ARC). */
export function inClusterConnection(
  env: Record<string, string | undefined>,
  dir: string,
  readFile: (file: string) => string,
  onSecret: (value: string) => void = () => {},
): KubeConnection | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT || '443';
  if (!host) return undefined;
  const tokenFile = path.join(dir, 'token');
  let token: string;
  try {
    token = readFile(tokenFile).trim();
  } catch {
    return undefined;
  }
  onSecret(token);
  let ca: Buffer | undefined;
  try {
    ca = Buffer.from(readFile(path.join(dir, 'ca.crt')), 'utf8');
  } catch {
    throw new KubeconfigError(`in-cluster service account: ${path.join(dir, 'ca.crt')} is missing`);
  }
  let namespace: string | undefined;
  try {
    namespace = readFile(path.join(dir, 'namespace')).trim() || undefined;
  } catch {
    namespace = undefined;
  }
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    source: 'in-cluster service account',
    context: 'in-cluster',
    namespace,
    server: `https://${hostPart}:${port}`,
    displayServer: `https://${hostPart}:${port}`,
    ca,
    insecureSkipTlsVerify: false,
    tokenFile,
  };
}

/**
 * The connection to use, from the first source that exists: the `content` (input), $KUBECONFIG,
 * ~/.kube/config, the in-cluster service account. Throws KubeconfigError when none does.
 */
export async function loadKubeConnection(sources: KubeconfigSources): Promise<KubeConnection> {
  const readFile = sources.readFile ?? ((f: string) => readFileSync(f, 'utf8'));
  const onSecret = sources.onSecret ?? (() => {});
  const secretsOf = (config: Kubeconfig) => kubeconfigSecrets(config).forEach(onSecret);

  if (sources.content && sources.content.trim()) {
    // The content as given is masked whole; of the decoded text only the secrets inside are
    // (masking every line of it would blank out words like `cluster:` all over the log).
    onSecret(sources.content.trim());
    const text = decodeKubeconfigContent(sources.content);
    const config = await parseKubeconfig(text);
    secretsOf(config);
    return connectionFromKubeconfig(
      config,
      "input 'kubeconfig'",
      sources.context,
      readFile,
      onSecret,
    );
  }

  const fromFiles = async (
    files: string[],
    source: string,
  ): Promise<KubeConnection | undefined> => {
    const configs: Kubeconfig[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFile(file);
      } catch {
        continue;
      }
      try {
        configs.push(await parseKubeconfig(text, path.dirname(file)));
      } catch (err) {
        throw new KubeconfigError(`${file} ${(err as Error).message}`);
      }
    }
    if (!configs.length) return undefined;
    const merged = mergeKubeconfigs(configs);
    secretsOf(merged);
    return connectionFromKubeconfig(merged, source, sources.context, readFile, onSecret);
  };

  const list = sources.env.KUBECONFIG?.split(path.delimiter).filter(Boolean) ?? [];
  if (list.length) {
    const conn = await fromFiles(list, '$KUBECONFIG');
    if (conn) return conn;
    throw new KubeconfigError(
      `KUBECONFIG is set but none of its files exists (${list.join(', ')})`,
    );
  }
  const home = sources.homeDir ?? sources.env.HOME;
  if (home) {
    const conn = await fromFiles([path.join(home, '.kube', 'config')], '~/.kube/config');
    if (conn) return conn;
  }
  const inCluster = inClusterConnection(
    sources.env,
    sources.serviceAccountDir ?? SERVICE_ACCOUNT_DIR,
    readFile,
    onSecret,
  );
  if (inCluster) {
    if (sources.context)
      throw new KubeconfigError(
        `context '${sources.context}' was asked for, but the only credentials found are the in-cluster service account`,
        'context',
      );
    return inCluster;
  }
  throw new KubeconfigError(
    "no cluster configured: the 'kubeconfig' input is empty, KUBECONFIG is not set, ~/.kube/config does not exist, and there is no in-cluster service account (KUBERNETES_SERVICE_HOST)",
  );
}
