// Credential plugins (exec: aws eks get-token, gke-gcloud-auth-plugin, kubelogin...; legacy
// auth-providers: oidc, azure, gcp) are where @kubernetes/client-node earns its place: it knows
// their protocols and caching. It costs ~250 ms and ~75 MiB to load, so it is imported only here,
// and this module only when the kubeconfig's user needs a plugin.

export interface PluginCredentials {
  authorization?: string;
  clientCert?: Buffer;
  clientKey?: Buffer;
}

const toBuffer = (v: unknown): Buffer | undefined => (v === undefined || v === null ? undefined : Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'));

/** Runs the plugin of a one-context kubeconfig (JSON) and returns what it produced. */
export async function pluginCredentials(kubeconfig: string): Promise<PluginCredentials> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const opts: { headers?: Record<string, string>; cert?: unknown; key?: unknown } = {};
  await kc.applyToHTTPSOptions(opts as never);
  const authorization = opts.headers?.Authorization ?? opts.headers?.authorization;
  return { authorization: authorization || undefined, clientCert: toBuffer(opts.cert), clientKey: toBuffer(opts.key) };
}
