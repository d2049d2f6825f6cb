// A small Kubernetes REST and watch client on core's HTTP transport: GET and LIST as JSON, WATCH
// as a stream of newline-delimited JSON events, the kubeconfig's TLS settings and proxy, and
// credentials that renew (exec plugins, token files). Written here instead of using client-node,
// whose import alone costs ~260 ms and ~126 MiB RSS at start-up (docs/decisions.md, "Kube
// transport"); what a rollout wait needs is a few GETs and a watch.
import {
  HttpError,
  HttpTransport,
  type HttpPhase,
  type TransportOptions,
} from '@cicd-actions/core/http';
import type { V1Status } from '@kubernetes/client-node';
import type { KubeConnection } from './kubeconfig';
import {
  authProviderCredentials,
  execCredentials,
  staticCredentials,
  tokenFileCredentials,
  type CredentialSource,
  type PluginCredentials,
  type PluginProcessRunner,
} from './credential-plugin';

export type KubeApiErrorCode = 'HTTP' | 'NETWORK' | 'TIMEOUT' | 'ABORTED';

export class KubeApiError extends Error {
  constructor(
    readonly code: KubeApiErrorCode,
    message: string,
    /** The HTTP status, for code HTTP. */
    readonly status?: number,
    /** The Status object's reason (NotFound, Forbidden, Expired, ...), when the server sent one. */
    readonly reason?: string,
    /** How far the request got (core's HttpPhase); `response` for an HTTP status. */
    readonly phase: HttpPhase = 'response',
  ) {
    super(message);
    this.name = 'KubeApiError';
  }

  /** Worth trying again: the network, a timeout, throttling or a server-side error. */
  get retryable(): boolean {
    if (this.code === 'NETWORK' || this.code === 'TIMEOUT') return true;
    return (
      this.code === 'HTTP' &&
      (this.status === 429 || (this.status !== undefined && this.status >= 500))
    );
  }

  /** A failure to reach or talk to the server (not an answer about an object). */
  get isConnectionError(): boolean {
    return (
      this.code === 'NETWORK' ||
      this.code === 'TIMEOUT' ||
      this.status === 401 ||
      this.status === 403 ||
      (this.code === 'HTTP' && this.status === undefined)
    );
  }
}

export interface WatchEvent<T = unknown> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** A metav1.Status, as the API server sends for errors (and in ERROR watch events). */
export type ApiStatus = V1Status;

export interface RequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface WatchOptions {
  signal?: AbortSignal;
  /** The stream is cut (and the promise rejects with TIMEOUT) after this long without a byte. */
  idleTimeoutMs?: number;
}

/** What rollout waiting needs from an API server; tests give a fake. */
export interface KubeApi {
  get<T>(
    path: string,
    query?: Record<string, string | undefined>,
    opts?: RequestOptions,
  ): Promise<T>;
  /** Streams events until the server ends the watch (resolves) or it fails (rejects with KubeApiError). */
  watch<T>(
    path: string,
    query: Record<string, string | undefined>,
    onEvent: (event: WatchEvent<T>) => void,
    opts?: WatchOptions,
  ): Promise<void>;
  /** A JSON merge patch (RFC 7386); optional: fakes and older clients may not have it. */
  patch?<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  /** Requests sent so far (for the summary and tests). */
  readonly requests: number;
  close(): void;
}

function queryString(query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A transport failure as the client's error, naming the server (never its userinfo). */
function networkError(err: unknown, server: string): KubeApiError {
  if (err instanceof KubeApiError) return err;
  if (!(err instanceof HttpError))
    return new KubeApiError(
      'NETWORK',
      `network error talking to ${server}: ${String(err)}`,
      undefined,
      undefined,
      'sent',
    );
  const p = err.phase;
  switch (err.code) {
    case 'CONNECTION_REFUSED':
      return new KubeApiError(
        'NETWORK',
        `cannot connect to the API server at ${server}: ${err.message}`,
        undefined,
        undefined,
        p,
      );
    case 'DNS':
      return new KubeApiError(
        'NETWORK',
        `cannot resolve the API server's host ${server}: ${err.message}`,
        undefined,
        undefined,
        p,
      );
    case 'TLS':
      return new KubeApiError(
        'HTTP',
        `TLS verification of the API server ${server} failed (${err.message.replace(/^TLS error: /, '')}): check the kubeconfig's certificate-authority`,
        undefined,
        'TLS',
        p,
      );
    case 'CONNECTION_RESET':
      return new KubeApiError(
        'NETWORK',
        `the connection to ${server} was reset`,
        undefined,
        undefined,
        p,
      );
    case 'PROXY':
      // A proxy that refuses (403, 407) or a proxy setting we cannot use will not change.
      return /refused the tunnel \(5\d\d/.test(err.message)
        ? new KubeApiError(
            'NETWORK',
            `cannot reach the API server at ${server}: ${err.message}`,
            undefined,
            undefined,
            p,
          )
        : new KubeApiError(
            'HTTP',
            `cannot reach the API server at ${server}: ${err.message}`,
            undefined,
            'ProxyRefused',
            p,
          );
    case 'ABORTED':
      return new KubeApiError('ABORTED', 'request aborted', undefined, undefined, p);
    case 'TIMEOUT':
      return new KubeApiError(
        'TIMEOUT',
        `request to the API server timed out (${err.message})`,
        undefined,
        undefined,
        p,
      );
    default:
      return new KubeApiError(
        'NETWORK',
        `network error talking to ${server}: ${err.message}`,
        undefined,
        undefined,
        p,
      );
  }
}

/** The one-line error for a non-2xx answer; the server's Status message when it sent one. */
export function statusError(
  status: number,
  body: string,
  connection: Pick<KubeConnection, 'source' | 'context'>,
): KubeApiError {
  let parsed: ApiStatus | undefined;
  try {
    const json = JSON.parse(body) as ApiStatus;
    if (json && json.kind === 'Status') parsed = json;
  } catch {
    parsed = undefined;
  }
  if (status === 401) {
    return new KubeApiError(
      'HTTP',
      `the API server rejected the credentials (401 Unauthorized) of context '${connection.context}' from ${connection.source}: the token or client certificate is wrong or expired`,
      401,
      'Unauthorized',
    );
  }
  const text = STATUS_TEXT[status];
  const message = parsed?.message ? parsed.message : `HTTP ${status} ${text ?? ''}`.trim();
  return new KubeApiError('HTTP', message, status, parsed?.reason || text?.replace(/\s+/g, ''));
}

export interface KubeApiClientOptions {
  /** A fixed Authorization header (replaces the connection's credentials). */
  authorization?: string;
  /** Where credentials come from; default: from the connection (exec plugin, tokenFile, token...). */
  credentials?: CredentialSource;
  userAgent?: string;
  /** Default per-request timeout. */
  requestTimeoutMs?: number;
  /** Where HTTPS_PROXY/HTTP_PROXY/NO_PROXY are read (default process.env) when no proxy-url is set. */
  env?: Record<string, string | undefined>;
  /** Every request's outcome: the error, or undefined on success (the session keeps the last). */
  onOutcome?: (err: KubeApiError | undefined) => void;
  /** Bytes of a response body accepted; default 64 MiB. */
  maxBodyBytes?: number;
}

/** The credential source a connection implies (exec plugin, auth-provider, token file, static). */
export function connectionCredentials(
  conn: KubeConnection,
  o: {
    env?: Record<string, string | undefined>;
    onSecret?: (value: string) => void;
    pluginTimeoutMs?: number;
    signal?: AbortSignal;
    run?: PluginProcessRunner;
    readFile?: (file: string) => string;
  } = {},
): CredentialSource {
  if (conn.exec)
    return execCredentials(conn.exec, {
      env: o.env ?? process.env,
      cluster: {
        server: conn.server,
        caData: conn.ca?.toString('base64'),
        insecureSkipTlsVerify: conn.insecureSkipTlsVerify,
      },
      timeoutMs: o.pluginTimeoutMs,
      signal: o.signal,
      onSecret: o.onSecret,
      run: o.run,
    });
  if (conn.authProvider) return authProviderCredentials(conn.authProvider, userWhere(conn));
  if (conn.tokenFile && !conn.token)
    return tokenFileCredentials(conn.tokenFile, { onSecret: o.onSecret, readFile: o.readFile });
  return staticCredentials(conn);
}

/** `user 'eks-admin' (context 'prod' from $KUBECONFIG)`, for messages about credentials. */
function userWhere(conn: Pick<KubeConnection, 'user' | 'context' | 'source'>): string {
  return conn.user
    ? `user '${conn.user}' (context '${conn.context}' from ${conn.source})`
    : `context '${conn.context}' from ${conn.source}`;
}

const sameCert = (a?: Buffer, b?: Buffer) => (a && b ? a.equals(b) : a === b);

/** The real client, over core's HttpTransport with keep-alive pools (close() ends them). */
export class KubeApiClient implements KubeApi {
  private readonly base: URL;
  private readonly credentials: CredentialSource;
  private sent = 0;
  /** GETs share a few warm connections; each watch holds its own socket for minutes. */
  private pools?: { rest: HttpTransport; watch: HttpTransport; cert?: Buffer; key?: Buffer };

  constructor(
    private readonly conn: KubeConnection,
    private readonly options: KubeApiClientOptions = {},
  ) {
    this.base = new URL(conn.server);
    this.credentials = options.authorization
      ? { get: async () => ({ authorization: options.authorization }), refresh: async () => false }
      : (options.credentials ?? connectionCredentials(conn, { env: options.env }));
  }

  get requests(): number {
    return this.sent;
  }

  close(): void {
    this.pools?.rest.close();
    this.pools?.watch.close();
    this.pools = undefined;
  }

  /** The pools for these credentials: a new client certificate means new TLS connections. */
  private transports(creds: PluginCredentials) {
    const cert = creds.clientCert ?? this.conn.clientCert;
    const key = creds.clientKey ?? this.conn.clientKey;
    if (this.pools && sameCert(this.pools.cert, cert) && sameCert(this.pools.key, key))
      return this.pools;
    this.close();
    const c = this.conn;
    const common: TransportOptions = {
      keepAlive: true,
      ca: c.ca,
      cert,
      key,
      servername: c.tlsServerName,
      insecure: c.insecureSkipTlsVerify,
      proxy: c.proxyUrl,
      proxyName: `cluster '${c.cluster ?? ''}' in ${c.source}: proxy-url`,
      env: this.options.env,
      userAgent: this.options.userAgent ?? 'cicd-actions/kube',
    };
    // Twenty workloads start with twenty LISTs at once: four connections serve them faster than
    // twenty TLS handshakes. Watches get an unbounded pool so they never starve the GETs.
    this.pools = {
      rest: new HttpTransport({ ...common, maxSockets: 4 }),
      watch: new HttpTransport(common),
      cert,
      key,
    };
    return this.pools;
  }

  private headers(creds: PluginCredentials): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (creds.authorization) h.authorization = creds.authorization;
    if (this.conn.impersonate) h['impersonate-user'] = this.conn.impersonate;
    return h;
  }

  private url(path: string, query?: Record<string, string | undefined>): URL {
    return new URL(this.base.pathname.replace(/\/$/, '') + path + queryString(query), this.base);
  }

  private outcome<T>(err: KubeApiError | undefined, value?: T): T {
    this.options.onOutcome?.(err);
    if (err) throw err;
    return value as T;
  }

  /** The 401 after a renewal (or with nothing to renew): name the user entry when it renewed. */
  private unauthorized(body: string, renewed: boolean): KubeApiError {
    if (!renewed || !this.credentials.renewal) return statusError(401, body, this.conn);
    return new KubeApiError(
      'HTTP',
      `the API server rejected the credentials (401 Unauthorized) of ${userWhere(this.conn)}, also after ${this.credentials.renewal}: the plugin's credentials are wrong or not allowed on this cluster`,
      401,
      'Unauthorized',
    );
  }

  private async credentialsFor(signal?: AbortSignal): Promise<PluginCredentials> {
    try {
      return await this.credentials.get(signal);
    } catch (err) {
      throw new KubeApiError(
        'HTTP',
        `cannot get credentials for ${userWhere(this.conn)}: ${(err as Error).message}`,
        undefined,
        'Credentials',
        'connect',
      );
    }
  }

  get<T>(
    path: string,
    query?: Record<string, string | undefined>,
    opts: RequestOptions = {},
  ): Promise<T> {
    return this.send<T>('GET', path, query, undefined, opts);
  }

  patch<T>(path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
    return this.send<T>('PATCH', path, undefined, JSON.stringify(body), opts);
  }

  private async send<T>(
    method: 'GET' | 'PATCH',
    path: string,
    query: Record<string, string | undefined> | undefined,
    payload: string | undefined,
    opts: RequestOptions,
  ): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs ?? 15_000;
    const url = this.url(path, query);
    let renewed = false;
    for (;;) {
      let creds: PluginCredentials;
      let res;
      try {
        if (opts.signal?.aborted)
          throw new KubeApiError('ABORTED', 'request aborted', undefined, undefined, 'connect');
        creds = await this.credentialsFor(opts.signal);
        this.sent++;
        res = await this.transports(creds).rest.request({
          url,
          method,
          body: payload,
          headers:
            payload === undefined
              ? this.headers(creds)
              : { ...this.headers(creds), 'content-type': 'application/merge-patch+json' },
          timeoutMs,
          signal: opts.signal,
          maxBodyBytes: this.options.maxBodyBytes ?? 64 * 1024 * 1024,
        });
      } catch (err) {
        const e = networkError(err, this.conn.displayServer);
        if (e.code === 'TIMEOUT')
          return this.outcome(
            new KubeApiError(
              'TIMEOUT',
              `request to the API server timed out after ${timeoutMs} ms`,
              undefined,
              undefined,
              e.phase,
            ),
          );
        return this.outcome(e);
      }
      const body = res.body.toString('utf8');
      if (res.status === 401) {
        if (!renewed && (await this.renew(creds, opts.signal))) {
          renewed = true;
          continue;
        }
        return this.outcome(this.unauthorized(body, renewed));
      }
      if (res.status < 200 || res.status > 299)
        return this.outcome(statusError(res.status, body, this.conn));
      if (res.truncated)
        return this.outcome(
          new KubeApiError(
            'HTTP',
            `the API server's answer to ${path} is larger than ${this.options.maxBodyBytes ?? 64 * 1024 * 1024} bytes`,
            res.status,
          ),
        );
      try {
        return this.outcome(undefined, JSON.parse(body) as T);
      } catch {
        return this.outcome(
          new KubeApiError(
            'HTTP',
            `the API server answered ${path} with something that is not JSON`,
            res.status,
          ),
        );
      }
    }
  }

  private async renew(used: PluginCredentials, signal?: AbortSignal): Promise<boolean> {
    try {
      return await this.credentials.refresh(used, signal);
    } catch (err) {
      throw this.outcome(
        new KubeApiError(
          'HTTP',
          `the API server rejected the credentials (401 Unauthorized) of ${userWhere(this.conn)}, and renewing them failed: ${(err as Error).message}`,
          401,
          'Unauthorized',
        ),
      );
    }
  }

  async watch<T>(
    path: string,
    query: Record<string, string | undefined>,
    onEvent: (event: WatchEvent<T>) => void,
    opts: WatchOptions = {},
  ): Promise<void> {
    if (opts.signal?.aborted) return;
    const idleMs = opts.idleTimeoutMs ?? 60_000;
    const url = this.url(path, { ...query, watch: 'true' });
    let renewed = false;
    for (;;) {
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, idleMs);
      };
      try {
        const creds = await this.credentialsFor(opts.signal);
        arm();
        this.sent++;
        const stream = await this.transports(creds).watch.stream({
          url,
          headers: this.headers(creds),
          timeoutMs: idleMs,
          signal: controller.signal,
        });
        try {
          if (stream.status !== 200) {
            const chunks: Buffer[] = [];
            for await (const c of stream.chunks()) chunks.push(c);
            const body = Buffer.concat(chunks).toString('utf8');
            if (stream.status === 401) {
              if (!renewed && (await this.renew(creds, opts.signal))) {
                renewed = true;
                continue;
              }
              throw this.unauthorized(body, renewed);
            }
            throw statusError(stream.status, body, this.conn);
          }
          this.options.onOutcome?.(undefined);
          arm();
          // Bytes kept until their line ends (a line may span chunks, a chunk hold hundreds of
          // lines: scan each chunk once, never re-copy what follows every line).
          let partial: Buffer[] = [];
          for await (const chunk of stream.chunks()) {
            arm();
            let start = 0;
            let nl: number;
            while ((nl = chunk.indexOf(0x0a, start)) >= 0) {
              const piece = chunk.subarray(start, nl);
              start = nl + 1;
              const bytes = partial.length ? Buffer.concat([...partial, piece]) : piece;
              partial = [];
              const line = bytes.toString('utf8').trim();
              if (!line) continue;
              let event: WatchEvent<T>;
              try {
                event = JSON.parse(line) as WatchEvent<T>;
              } catch {
                continue;
              }
              onEvent(event);
            }
            if (start < chunk.length) partial.push(chunk.subarray(start));
          }
          return;
        } finally {
          stream.close();
        }
      } catch (err) {
        if (opts.signal?.aborted) return;
        if (timedOut)
          return this.outcome(
            new KubeApiError(
              'TIMEOUT',
              `the watch was silent for ${idleMs} ms`,
              undefined,
              undefined,
              'response',
            ),
          );
        if (err instanceof HttpError && err.phase === 'response')
          return this.outcome(
            new KubeApiError(
              'NETWORK',
              'the watch connection was cut',
              undefined,
              undefined,
              'response',
            ),
          );
        return this.outcome(networkError(err, this.conn.displayServer));
      } finally {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      }
    }
  }
}

/**
 * A client for a connection, its credentials fetched once first (so a broken plugin fails here,
 * with its message) and renewed from then on.
 */
export async function createKubeApi(
  conn: KubeConnection,
  options: KubeApiClientOptions & {
    onSecret?: (value: string) => void;
    pluginTimeoutMs?: number;
    /** Cancels a credential plugin run. */
    signal?: AbortSignal;
    run?: PluginProcessRunner;
  } = {},
): Promise<KubeApi> {
  const credentials =
    options.credentials ??
    connectionCredentials(conn, {
      env: options.env,
      onSecret: options.onSecret,
      pluginTimeoutMs: options.pluginTimeoutMs,
      signal: options.signal,
      run: options.run,
    });
  const first = await credentials.get(options.signal);
  if (first.authorization) {
    options.onSecret?.(first.authorization);
    options.onSecret?.(first.authorization.replace(/^\S+\s+/, ''));
  }
  if (first.clientKey) options.onSecret?.(first.clientKey.toString('utf8'));
  return new KubeApiClient(conn, { ...options, credentials });
}
