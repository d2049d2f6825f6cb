// Credentials for the API server, and how they are renewed, as client-go does it:
// - `exec` plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) are run directly: the
//   command with its args (no shell), its env added, KUBERNETES_EXEC_INFO set, and the
//   ExecCredential it prints read back. The credential is kept until a little before its
//   `expirationTimestamp`, and the plugin runs again once after a 401.
// - `tokenFile` is re-read every minute (client-go's cached file token source) and after a 401.
// - legacy `auth-provider` entries: see authProviderCredentials below.
import { readFileSync } from 'node:fs';
import { runProcess } from '@cicd-actions/core/process';
import type { ExecConfig, KubeConnection } from './kubeconfig';

export interface PluginCredentials {
  authorization?: string;
  clientCert?: Buffer;
  clientKey?: Buffer;
  /** When the plugin said the credential stops working (epoch ms). */
  expiresAt?: number;
}

export class CredentialPluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialPluginError';
  }
}

interface ExecCredential {
  apiVersion?: string;
  kind?: string;
  status?: {
    token?: string;
    clientCertificateData?: string;
    clientKeyData?: string;
    expirationTimestamp?: string;
  };
}

/** What a plugin run needs from a process runner (a subset of core's runProcess). */
export interface PluginProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cancelled?: boolean;
}
export type PluginProcessRunner = (
  command: string,
  args: readonly string[],
  options: {
    env: Record<string, string | undefined>;
    timeoutMs: number;
    signal?: AbortSignal;
    maxOutputBytes?: number;
  },
) => Promise<PluginProcessResult>;

/** Core's process runner: argument array, deadline, cancellation forwarded as SIGTERM, capped output. */
export const defaultPluginRunner: PluginProcessRunner = runProcess;

export interface ExecPluginOptions {
  env: Record<string, string | undefined>;
  /** The cluster, for plugins that ask for it (provideClusterInfo). */
  cluster?: { server: string; caData?: string; insecureSkipTlsVerify?: boolean };
  timeoutMs?: number;
  /** Cancels the run (the plugin gets SIGTERM). */
  signal?: AbortSignal;
  /** Called with each secret the plugin returned, before anything can print it. */
  onSecret?: (value: string) => void;
  /** The process runner (tests, and core's runProcess once it is on main). */
  run?: PluginProcessRunner;
}

const lastLine = (text: string) =>
  text.trim().split(/\r?\n/).filter(Boolean).pop()?.slice(0, 300) ?? '';

/** Runs an exec credential plugin and returns the token or client certificate it printed. */
export async function runExecPlugin(
  exec: ExecConfig,
  opts: ExecPluginOptions,
): Promise<PluginCredentials> {
  const command = exec.command;
  if (!command) throw new CredentialPluginError('the exec credential plugin has no command');
  const apiVersion = exec.apiVersion || 'client.authentication.k8s.io/v1';
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo && opts.cluster) {
    spec.cluster = {
      server: opts.cluster.server,
      'certificate-authority-data': opts.cluster.caData,
      'insecure-skip-tls-verify': opts.cluster.insecureSkipTlsVerify || undefined,
    };
  }
  const env: Record<string, string | undefined> = { ...opts.env };
  for (const e of exec.env ?? []) if (e?.name) env[e.name] = String(e.value ?? '');
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const name = `the exec credential plugin '${command}'`;

  let result: PluginProcessResult;
  try {
    result = await (opts.run ?? defaultPluginRunner)(command, exec.args ?? [], {
      env,
      timeoutMs,
      signal: opts.signal,
    });
  } catch (err) {
    const e = err as { code?: string; reason?: string };
    if (e.code === 'ENOENT' || e.reason === 'not-found')
      throw new CredentialPluginError(
        `${name} was not found${exec.installHint ? ` (${lastLine(exec.installHint)})` : ' on PATH'}`,
      );
    throw new CredentialPluginError(`${name} could not start: ${(err as Error).message}`);
  }
  if (result.cancelled) throw new CredentialPluginError(`${name} was cancelled`);
  if (result.timedOut)
    throw new CredentialPluginError(`${name} did not finish within ${timeoutMs} ms`);
  if (result.code !== 0) {
    const detail = lastLine(result.stderr);
    throw new CredentialPluginError(
      `${name} failed (exit code ${result.code ?? '?'})${detail ? `: ${detail}` : ''}`,
    );
  }
  let credential: ExecCredential;
  try {
    credential = JSON.parse(result.stdout) as ExecCredential;
  } catch {
    throw new CredentialPluginError(
      `${name} printed something that is not an ExecCredential (JSON)`,
    );
  }
  const status = credential?.status;
  if (credential?.kind !== 'ExecCredential' || !status)
    throw new CredentialPluginError(`${name} printed no ExecCredential status`);
  if (credential.apiVersion && credential.apiVersion !== apiVersion)
    throw new CredentialPluginError(
      `${name} answered ${credential.apiVersion}, but the kubeconfig asked for ${apiVersion}`,
    );
  const expires = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : NaN;
  const expiry = Number.isFinite(expires) ? { expiresAt: expires } : {};
  if (status.token) {
    opts.onSecret?.(status.token);
    return { authorization: `Bearer ${status.token}`, ...expiry };
  }
  if (status.clientCertificateData && status.clientKeyData) {
    opts.onSecret?.(status.clientKeyData);
    return {
      clientCert: Buffer.from(status.clientCertificateData, 'utf8'),
      clientKey: Buffer.from(status.clientKeyData, 'utf8'),
      ...expiry,
    };
  }
  throw new CredentialPluginError(
    `${name} returned neither a token nor a client certificate and key`,
  );
}

/** What the next request authenticates with, and how to renew it. */
export interface CredentialSource {
  /** The current credentials, renewed first if they expired (or are about to). */
  get(signal?: AbortSignal): Promise<PluginCredentials>;
  /**
   * After a 401 answered to `used`: renew once (concurrent callers share one renewal). Resolves
   * false when nothing can change (static credentials), so the 401 is final.
   */
  refresh(used: PluginCredentials, signal?: AbortSignal): Promise<boolean>;
  /** For the 401 message: what was renewed, e.g. "its exec plugin ran again". */
  readonly renewal?: string;
}

/** Token, basic auth or client certificate written in the kubeconfig: nothing to renew. */
export function staticCredentials(conn: KubeConnection): CredentialSource {
  const creds: PluginCredentials = {};
  if (conn.token) creds.authorization = `Bearer ${conn.token}`;
  else if (conn.username && conn.password)
    creds.authorization = `Basic ${Buffer.from(`${conn.username}:${conn.password}`).toString('base64')}`;
  return { get: () => Promise.resolve(creds), refresh: () => Promise.resolve(false) };
}

export interface TokenFileOptions {
  onSecret?: (value: string) => void;
  readFile?: (file: string) => string;
  now?: () => number;
  /** How long a read is trusted; client-go re-reads every minute. */
  maxAgeMs?: number;
}

/** A token file (projected service-account tokens rotate): re-read each minute and after a 401. */
export function tokenFileCredentials(file: string, o: TokenFileOptions = {}): CredentialSource {
  const read = o.readFile ?? ((f: string) => readFileSync(f, 'utf8'));
  const now = o.now ?? Date.now;
  const maxAge = o.maxAgeMs ?? 60_000;
  let cached: { creds: PluginCredentials; at: number } | undefined;
  const load = (): PluginCredentials => {
    let token: string;
    try {
      token = read(file).trim();
    } catch {
      throw new CredentialPluginError(`cannot read the token file ${file}`);
    }
    if (!token) throw new CredentialPluginError(`the token file ${file} is empty`);
    o.onSecret?.(token);
    cached = { creds: { authorization: `Bearer ${token}` }, at: now() };
    return cached.creds;
  };
  return {
    renewal: 'its token file was read again',
    get: async () => (cached && now() - cached.at < maxAge ? cached.creds : load()),
    refresh: async (used) => {
      if (cached && cached.creds !== used) return true;
      const before = cached?.creds.authorization;
      return load().authorization !== before;
    },
  };
}

/** How long before a plugin credential's expiry it is renewed: a tenth of its life, at most 10 s. */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.max(0, Math.min(10_000, lifetimeMs / 10));
}

/** An exec plugin's credential: kept until shortly before it expires, renewed once after a 401. */
export function execCredentials(
  exec: ExecConfig,
  o: ExecPluginOptions & { now?: () => number },
): CredentialSource {
  const now = o.now ?? Date.now;
  let current: { creds: PluginCredentials; renewAt: number } | undefined;
  let running: Promise<PluginCredentials> | undefined;
  // One run serves every request waiting for it, so only the session's signal (cancellation)
  // stops it — never one request's own signal (a watch that ended, a diagnostics budget).
  const run = (): Promise<PluginCredentials> =>
    (running ??= runExecPlugin(exec, o)
      .then((creds) => {
        const t = now();
        const renewAt =
          creds.expiresAt === undefined
            ? Infinity
            : creds.expiresAt - renewalMarginMs(creds.expiresAt - t);
        current = { creds, renewAt };
        return creds;
      })
      .finally(() => (running = undefined)));
  return {
    renewal: 'its exec plugin ran again',
    get: async () => (current && now() < current.renewAt ? current.creds : run()),
    refresh: async (used) => {
      // Someone else already renewed since `used` was handed out: use theirs.
      if (current && current.creds !== used) return true;
      await run();
      return true;
    },
  };
}

/**
 * Legacy `auth-provider` users. client-go dropped gcp and azure in 1.26 and kubectl points their
 * users to exec plugins; so do we, with the replacement named. `oidc` (still in client-go) is
 * served while its id-token is valid; an expired one names kubelogin (docs/decisions.md).
 */
export function authProviderCredentials(
  provider: { name: string; config: Record<string, string> },
  where: string,
  now: () => number = Date.now,
): CredentialSource {
  const name = provider.name;
  const fail = (why: string) => {
    throw new CredentialPluginError(`${where} uses the auth-provider '${name}', ${why}`);
  };
  if (name === 'gcp')
    fail(
      "which Kubernetes removed in 1.26: install gke-gcloud-auth-plugin and run 'gcloud container clusters get-credentials' to get an exec entry (see https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl)",
    );
  if (name === 'azure')
    fail(
      "which Kubernetes removed in 1.26: install kubelogin and run 'kubelogin convert-kubeconfig' (see https://azure.github.io/kubelogin/)",
    );
  if (name !== 'oidc')
    fail('which is not supported: give the user an exec credential plugin or a token');
  const token = provider.config['id-token'];
  const exp = token ? jwtExpiry(token) : undefined;
  const usable = () => token && (exp === undefined || now() < exp - 10_000);
  const expired = () =>
    fail(
      `whose id-token ${token ? 'has expired' : 'is missing'} and is not refreshed here: use kubelogin (an exec plugin: 'kubectl oidc-login setup', https://github.com/int128/kubelogin) or pass a fresh id-token`,
    );
  if (!usable()) expired();
  const creds = { authorization: `Bearer ${token}`, ...(exp ? { expiresAt: exp } : {}) };
  return {
    get: async () => (usable() ? creds : expired()),
    refresh: async () => false,
  };
}

/** The `exp` of a JWT (epoch ms), without verifying it: only to know when to stop using it. */
function jwtExpiry(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }
    ).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
