// A small Kubernetes REST and watch client on node:https: GET and LIST as JSON, WATCH as a
// stream of newline-delimited JSON events. Written here instead of using client-node, whose
// import alone costs ~250 ms and ~130 MiB RSS at startup (its config module pulls in the whole
// generated API); what a rollout wait needs is a few GETs and a watch.
import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { KubeConnection } from './kubeconfig';

export type KubeApiErrorCode = 'HTTP' | 'NETWORK' | 'TIMEOUT' | 'ABORTED';

export class KubeApiError extends Error {
  constructor(
    readonly code: KubeApiErrorCode,
    message: string,
    /** The HTTP status, for code HTTP. */
    readonly status?: number,
    /** The Status object's reason (NotFound, Forbidden, Expired, ...), when the server sent one. */
    readonly reason?: string,
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
}

export interface WatchEvent<T = unknown> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/** A metav1.Status, as the API server sends for errors (and in ERROR watch events). */
export interface ApiStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
}

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

function networkError(err: NodeJS.ErrnoException, server: string): KubeApiError {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED')
    return new KubeApiError(
      'NETWORK',
      `cannot connect to the API server at ${server}: connection refused`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new KubeApiError('NETWORK', `cannot resolve the API server's host ${server} (${code})`);
  if (
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/i.test(code) ||
    /certificate/i.test(err.message)
  ) {
    return new KubeApiError(
      'HTTP',
      `TLS verification of the API server ${server} failed (${code || err.message.split('\n')[0]}): check the kubeconfig's certificate-authority`,
      undefined,
      'TLS',
    );
  }
  if (code === 'ECONNRESET' || err.message === 'socket hang up')
    return new KubeApiError('NETWORK', `the connection to ${server} was reset`);
  return new KubeApiError(
    'NETWORK',
    `network error talking to ${server}: ${code || err.message.split('\n')[0]}`,
  );
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
  const message = parsed?.message
    ? parsed.message
    : `HTTP ${status} ${http.STATUS_CODES[status] ?? ''}`.trim();
  return new KubeApiError(
    'HTTP',
    message,
    status,
    parsed?.reason || http.STATUS_CODES[status]?.replace(/\s+/g, ''),
  );
}

export interface KubeApiClientOptions {
  /** Plugin-produced credentials replace the connection's token/certificate. */
  authorization?: string;
  userAgent?: string;
  /** Default per-request timeout. */
  requestTimeoutMs?: number;
}

/** The real client, over node:https with a keep-alive agent (close() ends it). */
export class KubeApiClient implements KubeApi {
  /** GETs share a few warm connections; each watch holds its own socket for minutes. */
  private readonly restAgent: http.Agent;
  private readonly watchAgent: http.Agent;
  private readonly base: URL;
  private sent = 0;

  constructor(
    private readonly conn: KubeConnection,
    private readonly options: KubeApiClientOptions = {},
  ) {
    this.base = new URL(conn.server);
    const tls: https.AgentOptions = {
      keepAlive: true,
      ca: conn.ca,
      cert: conn.clientCert,
      key: conn.clientKey,
      rejectUnauthorized: !conn.insecureSkipTlsVerify,
      servername: conn.tlsServerName,
    };
    const agent = (maxSockets: number) =>
      this.base.protocol === 'https:'
        ? new https.Agent({ ...tls, maxSockets })
        : new http.Agent({ keepAlive: true, maxSockets });
    // Twenty workloads start with twenty LISTs at once: four connections serve them faster than
    // twenty TLS handshakes. Watches get an unbounded pool so they never starve the GETs.
    this.restAgent = agent(4);
    this.watchAgent = agent(Infinity);
  }

  get requests(): number {
    return this.sent;
  }

  close(): void {
    this.restAgent.destroy();
    this.watchAgent.destroy();
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent ?? 'cicd-actions/kube',
    };
    if (this.options.authorization) h.authorization = this.options.authorization;
    else if (this.conn.token) h.authorization = `Bearer ${this.conn.token}`;
    else if (this.conn.tokenFile)
      h.authorization = `Bearer ${readFileSync(this.conn.tokenFile, 'utf8').trim()}`;
    else if (this.conn.username && this.conn.password)
      h.authorization = `Basic ${Buffer.from(`${this.conn.username}:${this.conn.password}`).toString('base64')}`;
    if (this.conn.impersonate) h['impersonate-user'] = this.conn.impersonate;
    return h;
  }

  private open(
    path: string,
    query: Record<string, string | undefined> | undefined,
    signal: AbortSignal | undefined,
    agent: http.Agent,
  ): Promise<http.IncomingMessage> {
    const url = new URL(
      this.base.pathname.replace(/\/$/, '') + path + queryString(query),
      this.base,
    );
    this.sent++;
    return new Promise((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.request(
        url,
        { method: 'GET', headers: this.headers(), agent, signal },
        resolve,
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (signal?.aborted) reject(new KubeApiError('ABORTED', 'request aborted'));
        else reject(networkError(err, this.conn.server));
      });
      req.end();
    });
  }

  async get<T>(
    path: string,
    query?: Record<string, string | undefined>,
    opts: RequestOptions = {},
  ): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs ?? 15_000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await this.open(path, query, controller.signal, this.restAgent);
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', resolve);
        res.on('error', reject);
        res.on('aborted', () =>
          reject(
            new KubeApiError('NETWORK', 'the connection closed before the response was complete'),
          ),
        );
      });
      const body = Buffer.concat(chunks).toString('utf8');
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) throw statusError(status, body, this.conn);
      try {
        return JSON.parse(body) as T;
      } catch {
        throw new KubeApiError(
          'HTTP',
          `the API server answered ${path} with something that is not JSON`,
          status,
        );
      }
    } catch (err) {
      if (timedOut)
        throw new KubeApiError(
          'TIMEOUT',
          `request to the API server timed out after ${timeoutMs} ms`,
        );
      if (opts.signal?.aborted) throw new KubeApiError('ABORTED', 'request aborted');
      if (err instanceof KubeApiError) throw err;
      throw networkError(err as NodeJS.ErrnoException, this.conn.server);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  async watch<T>(
    path: string,
    query: Record<string, string | undefined>,
    onEvent: (event: WatchEvent<T>) => void,
    opts: WatchOptions = {},
  ): Promise<void> {
    const controller = new AbortController();
    const idleMs = opts.idleTimeoutMs ?? 60_000;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, idleMs);
    };
    const onAbort = () => controller.abort();
    if (opts.signal?.aborted) return;
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    arm();
    try {
      const res = await this.open(
        path,
        { ...query, watch: 'true' },
        controller.signal,
        this.watchAgent,
      );
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        const chunks: Buffer[] = [];
        for await (const c of res) chunks.push(c as Buffer);
        throw statusError(status, Buffer.concat(chunks).toString('utf8'), this.conn);
      }
      arm();
      let buffered = '';
      await new Promise<void>((resolve, reject) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          arm();
          buffered += chunk;
          let nl: number;
          while ((nl = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (!line) continue;
            let event: WatchEvent<T>;
            try {
              event = JSON.parse(line) as WatchEvent<T>;
            } catch {
              continue;
            }
            onEvent(event);
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
        res.on('aborted', () =>
          reject(new KubeApiError('NETWORK', 'the watch connection was cut')),
        );
        res.on('close', () =>
          res.complete
            ? resolve()
            : reject(new KubeApiError('NETWORK', 'the watch connection was cut')),
        );
      });
    } catch (err) {
      if (opts.signal?.aborted) return;
      if (timedOut) throw new KubeApiError('TIMEOUT', `the watch was silent for ${idleMs} ms`);
      if (err instanceof KubeApiError) throw err;
      throw networkError(err as NodeJS.ErrnoException, this.conn.server);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** A client for a connection, running its credential plugin first if it has one. */
export async function createKubeApi(
  conn: KubeConnection,
  options: KubeApiClientOptions & {
    onSecret?: (value: string) => void;
    env?: Record<string, string | undefined>;
    pluginTimeoutMs?: number;
  } = {},
): Promise<KubeApi> {
  if (!conn.exec && conn.plugin?.type !== 'auth-provider') return new KubeApiClient(conn, options);
  const plugins = await import('./credential-plugin');
  const creds = conn.exec
    ? await plugins.runExecPlugin(conn.exec, {
        env: options.env ?? process.env,
        cluster: {
          server: conn.server,
          caData: conn.ca?.toString('base64'),
          insecureSkipTlsVerify: conn.insecureSkipTlsVerify,
        },
        timeoutMs: options.pluginTimeoutMs,
        onSecret: options.onSecret,
      })
    : await plugins.authProviderCredentials(conn.plugin!.kubeconfig);
  if (creds.authorization) {
    options.onSecret?.(creds.authorization);
    options.onSecret?.(creds.authorization.replace(/^\S+\s+/, ''));
  }
  if (creds.clientKey) options.onSecret?.(creds.clientKey.toString('utf8'));
  const withPlugin: KubeConnection = {
    ...conn,
    clientCert: creds.clientCert ?? conn.clientCert,
    clientKey: creds.clientKey ?? conn.clientKey,
  };
  return new KubeApiClient(withPlugin, { ...options, authorization: creds.authorization });
}
