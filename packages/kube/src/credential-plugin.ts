// Credential plugins. `exec` plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) are
// run here directly, as client-go runs them: the command with its args (no shell), its env added,
// KUBERNETES_EXEC_INFO set, and the ExecCredential it prints read back. The legacy
// `auth-provider` entries (oidc, azure, gcp) are left to @kubernetes/client-node, which knows their
// token refresh: it costs ~250 ms and ~80 MiB to load, so it is imported only for them.
import { execFile } from 'node:child_process';
import type { ExecConfig } from './kubeconfig';

export interface PluginCredentials {
  authorization?: string;
  clientCert?: Buffer;
  clientKey?: Buffer;
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

export interface ExecPluginOptions {
  env: Record<string, string | undefined>;
  /** The cluster, for plugins that ask for it (provideClusterInfo). */
  cluster?: { server: string; caData?: string; insecureSkipTlsVerify?: boolean };
  timeoutMs?: number;
  /** Called with each secret the plugin returned, before anything can print it. */
  onSecret?: (value: string) => void;
}

const lastLine = (text: string) =>
  text.trim().split(/\r?\n/).filter(Boolean).pop()?.slice(0, 300) ?? '';

/** Runs an exec credential plugin and returns the token or client certificate it printed. */
export function runExecPlugin(
  exec: ExecConfig,
  opts: ExecPluginOptions,
): Promise<PluginCredentials> {
  const command = exec.command;
  if (!command)
    return Promise.reject(new CredentialPluginError('the exec credential plugin has no command'));
  const apiVersion = exec.apiVersion || 'client.authentication.k8s.io/v1';
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo && opts.cluster) {
    spec.cluster = {
      server: opts.cluster.server,
      'certificate-authority-data': opts.cluster.caData,
      'insecure-skip-tls-verify': opts.cluster.insecureSkipTlsVerify || undefined,
    };
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
  for (const e of exec.env ?? []) if (e?.name) env[e.name] = String(e.value ?? '');
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
  const timeoutMs = opts.timeoutMs ?? 60_000;

  return new Promise((resolve, reject) => {
    execFile(
      command,
      exec.args ?? [],
      { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (err, stdout, stderr) => {
        if (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            return reject(
              new CredentialPluginError(
                `the exec credential plugin '${command}' was not found${exec.installHint ? ` (${lastLine(exec.installHint)})` : ' on PATH'}`,
              ),
            );
          }
          if ((err as { killed?: boolean }).killed)
            return reject(
              new CredentialPluginError(
                `the exec credential plugin '${command}' did not finish within ${timeoutMs} ms`,
              ),
            );
          const detail = lastLine(String(stderr));
          return reject(
            new CredentialPluginError(
              `the exec credential plugin '${command}' failed (exit code ${typeof code === 'number' ? code : ((err as { code?: unknown }).code ?? '?')})${detail ? `: ${detail}` : ''}`,
            ),
          );
        }
        let credential: ExecCredential;
        try {
          credential = JSON.parse(String(stdout)) as ExecCredential;
        } catch {
          return reject(
            new CredentialPluginError(
              `the exec credential plugin '${command}' printed something that is not an ExecCredential (JSON)`,
            ),
          );
        }
        const status = credential?.status;
        if (credential?.kind !== 'ExecCredential' || !status)
          return reject(
            new CredentialPluginError(
              `the exec credential plugin '${command}' printed no ExecCredential status`,
            ),
          );
        if (credential.apiVersion && credential.apiVersion !== apiVersion) {
          return reject(
            new CredentialPluginError(
              `the exec credential plugin '${command}' answered ${credential.apiVersion}, but the kubeconfig asked for ${apiVersion}`,
            ),
          );
        }
        if (status.token) {
          opts.onSecret?.(status.token);
          return resolve({ authorization: `Bearer ${status.token}` });
        }
        if (status.clientCertificateData && status.clientKeyData) {
          opts.onSecret?.(status.clientKeyData);
          return resolve({
            clientCert: Buffer.from(status.clientCertificateData, 'utf8'),
            clientKey: Buffer.from(status.clientKeyData, 'utf8'),
          });
        }
        reject(
          new CredentialPluginError(
            `the exec credential plugin '${command}' returned neither a token nor a client certificate and key`,
          ),
        );
      },
    );
  });
}

const toBuffer = (v: unknown): Buffer | undefined =>
  v === undefined || v === null
    ? undefined
    : Buffer.isBuffer(v)
      ? v
      : Buffer.from(String(v), 'utf8');

/** A legacy auth-provider user, through client-node (one-context kubeconfig, JSON). */
export async function authProviderCredentials(kubeconfig: string): Promise<PluginCredentials> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const opts: { headers?: Record<string, string>; cert?: unknown; key?: unknown } = {};
  await kc.applyToHTTPSOptions(opts as never);
  const authorization = opts.headers?.Authorization ?? opts.headers?.authorization;
  return {
    authorization: authorization || undefined,
    clientCert: toBuffer(opts.cert),
    clientKey: toBuffer(opts.key),
  };
}
