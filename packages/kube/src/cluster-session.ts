// One cluster session for every action that talks to Kubernetes: from the kubeconfig input (or
// $KUBECONFIG, ~/.kube/config, the in-cluster service account) to a ready API client, with the
// error mapping (a bad input is an InputError naming it), credentials that renew, the proxy,
// masking, a printable server, cancellation, the time kept for diagnostics inside the deadline,
// and the last connection error for a wait that timed out. See README.md, "One cluster session".
import { ActionError, InputError, errorMessage } from '@cicd-actions/core/errors';
import { proxyEnvSecrets, displayProxy } from '@cicd-actions/core/proxy';
import { HttpTransport } from '@cicd-actions/core/http';
import { KubeconfigError, loadKubeConnection, type KubeConnection } from './kubeconfig';
import {
  KubeApiError,
  createKubeApi,
  type KubeApi,
  type RequestOptions,
  type WatchEvent,
  type WatchOptions,
} from './kube-api';
import type { PluginProcessRunner } from './credential-plugin';

export interface ConnectClusterOptions {
  /** The `kubeconfig` input (YAML or base64); empty: $KUBECONFIG, ~/.kube/config, in-cluster. */
  kubeconfig?: string;
  /** The `context` input; empty: the kubeconfig's current-context. */
  context?: string;
  env: Record<string, string | undefined>;
  /** The action's overall deadline (epoch ms, e.g. `Deadline.at`). */
  deadline: number;
  /** Cancellation (the job's SIGTERM): aborts every request and credential plugin run. */
  signal?: AbortSignal;
  /** Registers a mask; called with every secret before anything can print it. */
  onSecret: (value: string) => void;
  /** `cicd-actions/<action>`. */
  userAgent: string;
  /**
   * Time kept back from the wait for diagnostics, so they end by the deadline. Default: a tenth
   * of the time left at connect, at most 5 s.
   */
  diagnosticsReserveMs?: number;
  /** The action's input names, for InputErrors (default `kubeconfig` and `context`). */
  inputNames?: { kubeconfig?: string; context?: string };
  serviceAccountDir?: string;
  readFile?: (file: string) => string;
  homeDir?: string;
  /** Runs exec credential plugins; default core's runProcess (pass a fake in tests). */
  runProcess?: PluginProcessRunner;
  /** Tests: a client instead of the real one (the session still wraps it). */
  createApi?: (conn: KubeConnection) => Promise<KubeApi>;
  now?: () => number;
}

export interface DiagnosticsBudget {
  /** Aborted at the deadline, at cancellation, or already when no time is left. */
  signal: AbortSignal;
  /** Milliseconds it allows (0 when none is left). */
  ms: number;
  dispose(): void;
}

export interface ClusterSession {
  /** The client: every request also stops on the session's cancellation signal. */
  readonly api: KubeApi;
  readonly context: string;
  /** Where the connection came from: `input 'kubeconfig'`, `$KUBECONFIG`, ... */
  readonly source: string;
  /** The context's namespace, if it names one. */
  readonly namespace?: string;
  /** The API server URL without userinfo: the only form to print. */
  readonly displayServer: string;
  /** The proxy the API server is reached through (printable, no credentials), if any. */
  readonly proxy?: string;
  /** The overall deadline (epoch ms). */
  readonly deadline: number;
  /** When waiting must end so that diagnostics still fit before the deadline. */
  readonly waitDeadline: number;
  /** The cancellation signal given (pass it to waitForRollouts as `signal`). */
  readonly signal?: AbortSignal;
  /**
   * The last failure talking to the server (network, TLS, proxy, timeout, 401/403, 5xx) that no
   * successful request followed: why a wait on an unreachable cluster timed out.
   */
  readonly lastError: KubeApiError | undefined;
  /** `https://host:6443 (context prod from input 'kubeconfig', via proxy http://p:3128)`. */
  describe(): string;
  /** A signal for diagnostics: at most `maxMs`, never past the deadline, never after cancel. */
  diagnosticsBudget(maxMs?: number): DiagnosticsBudget;
  /** Ends the keep-alive connections so the process can exit. */
  close(): void;
}

/** A signal that aborts when any of them does; an absent one is ignored. */
function anySignal(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): AbortSignal | undefined {
  if (!a) return b;
  if (!b) return a;
  return AbortSignal.any([a, b]);
}

/** Failures that say nothing about the server's health: answers about objects, and our own aborts. */
const isObjectAnswer = (err: KubeApiError) =>
  err.code === 'ABORTED' || err.status === 404 || err.status === 409 || err.status === 410;

class Session implements ClusterSession {
  lastError: KubeApiError | undefined;
  readonly api: KubeApi;
  readonly context: string;
  readonly source: string;
  readonly namespace?: string;
  readonly displayServer: string;
  readonly proxy?: string;

  constructor(
    conn: KubeConnection,
    inner: KubeApi,
    readonly deadline: number,
    readonly waitDeadline: number,
    readonly signal: AbortSignal | undefined,
    private readonly now: () => number,
    env: Record<string, string | undefined>,
  ) {
    this.context = conn.context;
    this.source = conn.source;
    this.namespace = conn.namespace;
    this.displayServer = conn.displayServer;
    try {
      const proxy = new HttpTransport({ proxy: conn.proxyUrl, env }).proxyFor(conn.server);
      this.proxy = proxy ? displayProxy(proxy) : undefined;
    } catch {
      // An unusable proxy setting fails the first request, with its message.
      this.proxy = undefined;
    }
    this.api = this.wrap(inner);
  }

  private wrap(inner: KubeApi): KubeApi {
    const cancel = this.signal;
    const ok = () => (this.lastError = undefined);
    const failed = (err: unknown) => {
      if (!(err instanceof KubeApiError)) return;
      // An answer about an object (404 ...) still proves the server is reachable.
      if (isObjectAnswer(err)) {
        if (err.code !== 'ABORTED') ok();
      } else this.lastError = err;
    };
    return {
      get requests() {
        return inner.requests;
      },
      close: () => inner.close(),
      ...(inner.patch
        ? {
            async patch<T>(path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
              try {
                const value = await inner.patch!<T>(path, body, {
                  ...opts,
                  signal: anySignal(opts.signal, cancel),
                });
                ok();
                return value;
              } catch (err) {
                failed(err);
                throw err;
              }
            },
          }
        : {}),
      async get<T>(
        path: string,
        query?: Record<string, string | undefined>,
        opts: RequestOptions = {},
      ): Promise<T> {
        try {
          const value = await inner.get<T>(path, query, {
            ...opts,
            signal: anySignal(opts.signal, cancel),
          });
          ok();
          return value;
        } catch (err) {
          failed(err);
          throw err;
        }
      },
      async watch<T>(
        path: string,
        query: Record<string, string | undefined>,
        onEvent: (event: WatchEvent<T>) => void,
        opts: WatchOptions = {},
      ): Promise<void> {
        let seen = false;
        try {
          await inner.watch<T>(
            path,
            query,
            (e) => {
              if (!seen) ok();
              seen = true;
              onEvent(e);
            },
            { ...opts, signal: anySignal(opts.signal, cancel) },
          );
        } catch (err) {
          failed(err);
          throw err;
        }
      },
    };
  }

  describe(): string {
    const via = this.proxy ? `, via proxy ${this.proxy}` : '';
    return `${this.displayServer} (context ${this.context} from ${this.source}${via})`;
  }

  diagnosticsBudget(maxMs = 5_000): DiagnosticsBudget {
    const ms = Math.max(0, Math.min(maxMs, this.deadline - this.now()));
    const controller = new AbortController();
    // An already-aborted signal never fires 'abort' again: abort now instead of subscribing.
    if (ms <= 0 || this.signal?.aborted) {
      controller.abort();
      return { signal: controller.signal, ms: 0, dispose: () => {} };
    }
    const timer = setTimeout(() => controller.abort(), ms);
    const onCancel = () => controller.abort();
    this.signal?.addEventListener('abort', onCancel, { once: true });
    return {
      signal: controller.signal,
      ms,
      dispose: () => {
        clearTimeout(timer);
        this.signal?.removeEventListener('abort', onCancel);
      },
    };
  }

  close(): void {
    this.api.close();
  }
}

/**
 * Connects to the cluster the inputs (or the runner's environment) name. Throws InputError for
 * a problem in the inputs, ActionError for anything else (no cluster found, a credential plugin
 * that fails). Call close() when done (a finally, or the action's onCleanup).
 */
export async function connectCluster(options: ConnectClusterOptions): Promise<ClusterSession> {
  const now = options.now ?? Date.now;
  const names = { kubeconfig: 'kubeconfig', context: 'context', ...options.inputNames };
  const content = options.kubeconfig?.trim() ?? '';
  // Proxy credentials in HTTPS_PROXY/HTTP_PROXY are masked before anything can print them.
  proxyEnvSecrets(options.env).forEach((s) => options.onSecret(s));

  let conn: KubeConnection;
  try {
    conn = await loadKubeConnection({
      content,
      context: options.context || undefined,
      env: options.env,
      homeDir: options.homeDir,
      serviceAccountDir: options.serviceAccountDir,
      readFile: options.readFile,
      onSecret: options.onSecret,
    });
  } catch (err) {
    if (!(err instanceof KubeconfigError)) throw err;
    // A problem in what the workflow gave us is an input error; one in the runner's files is not.
    if (content || err.about === 'context')
      throw new InputError(err.about === 'context' ? names.context : names.kubeconfig, err.message);
    throw new ActionError(err.message);
  }

  const left = Math.max(0, options.deadline - now());
  const reserve = Math.min(left, options.diagnosticsReserveMs ?? Math.min(5_000, left / 10));
  let api: KubeApi;
  try {
    api = await (options.createApi
      ? options.createApi(conn)
      : createKubeApi(conn, {
          onSecret: options.onSecret,
          userAgent: options.userAgent,
          env: options.env,
          pluginTimeoutMs: Math.max(1000, Math.min(60_000, left)),
          signal: options.signal,
          run: options.runProcess,
        }));
  } catch (err) {
    throw new ActionError(
      `cannot get credentials for context '${conn.context}' from ${conn.source}: ${errorMessage(err)}`,
    );
  }
  return new Session(
    conn,
    api,
    options.deadline,
    options.deadline - reserve,
    options.signal,
    now,
    options.env,
  );
}
