// The one HTTP(S) stack of the suite. `httpRequest` sends one request with the guarantees the
// actions need: a per-attempt timeout covering connect, headers and body; a capped body read;
// bounded redirects; TLS options; the proxy from HTTPS_PROXY/HTTP_PROXY/NO_PROXY; and errors that
// are one line, say how far the request got (`phase`), and never contain the URL's credentials
// or query. `HttpTransport` is the same with pooled keep-alive connections and streamed bodies
// (the Kubernetes client's GETs and watches). Built on node:http(s) rather than fetch: fetch's
// lazy initialisation costs tens of ms of start-up per run (docs/decisions.md, "HTTP").
import type http from 'node:http';
import type https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { isSensitiveHeader } from './secrets';
import {
  displayProxy,
  proxyAuthorization,
  proxyFor,
  parseProxyUrl,
  ProxyConfigError,
  type ProxyEnv,
  type ProxySetting,
} from './proxy';

// Loaded on first use: an action that never makes a request (or only plain-HTTP ones) does not
// pay for loading the HTTP client and TLS at start-up (bench/results.md, finding 1).
interface Libs {
  http: typeof http;
  https?: typeof https;
  tls?: typeof tls;
}
let httpLib: Promise<typeof http> | undefined;
let httpsLibs: Promise<{ https: typeof https; tls: typeof tls }> | undefined;
async function loadLibs(tlsNeeded: boolean): Promise<Libs> {
  const h = await (httpLib ??= import('node:http').then((m) => m.default));
  if (!tlsNeeded) return { http: h };
  const s = await (httpsLibs ??= Promise.all([import('node:https'), import('node:tls')]).then(
    ([a, b]) => ({ https: a.default, tls: b.default }),
  ));
  return { http: h, ...s };
}

/** TLS settings for the server a transport talks to. */
export interface TlsOptions {
  /** Skip TLS certificate verification. */
  insecure?: boolean;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer;
  /** Client certificate and key (PEM). */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** The name the certificate is checked against, when it differs from the URL's host. */
  servername?: string;
}

export interface HttpRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole-request budget (connect + headers + body), in ms. */
  timeoutMs: number;
  /** An absolute limit (epoch ms, e.g. `Deadline.at`): the earlier of this and timeoutMs wins. */
  deadline?: number;
  /** Bytes of body kept; the rest is discarded and `truncated` set. Default 1 MiB. */
  maxBodyBytes?: number;
  followRedirects?: boolean;
  /** Default 10. */
  maxRedirects?: number;
  /** Skip TLS certificate verification. */
  insecure?: boolean;
  /** Extra trusted CA certificates (PEM). */
  ca?: string;
  signal?: AbortSignal;
  /** Where HTTPS_PROXY/HTTP_PROXY/NO_PROXY are read; default process.env. */
  env?: ProxyEnv;
  /** A proxy URL to use instead of the environment's, or false for none. */
  proxy?: string | false;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: number;
  timeMs: number;
}

export type HttpErrorCode =
  | 'TIMEOUT'
  | 'ABORTED'
  | 'REDIRECT_LOOP'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'DNS'
  | 'TLS'
  | 'PROXY'
  | 'NETWORK';

/**
 * How far a failed request got: `connect` (no connection: DNS, refused, the proxy's tunnel),
 * `tls` (connected, handshake failed), `sent` (the request went out, no answer), `response`
 * (the answer was cut). Before `sent` the server cannot have seen it: a POST is safe to retry.
 */
export type HttpPhase = 'connect' | 'tls' | 'sent' | 'response';

const DEFAULT_PHASE: Partial<Record<HttpErrorCode, HttpPhase>> = {
  DNS: 'connect',
  CONNECTION_REFUSED: 'connect',
  PROXY: 'connect',
  TLS: 'tls',
};

export class HttpError extends Error {
  /** How far the request got; see HttpPhase. */
  readonly phase: HttpPhase;

  constructor(
    readonly code: HttpErrorCode,
    message: string,
    phase?: HttpPhase,
  ) {
    super(message);
    this.name = 'HttpError';
    // Unknown is treated as sent: never assume a request did not arrive without knowing it.
    this.phase = phase ?? DEFAULT_PHASE[code] ?? 'sent';
  }

  /** Whether the request may have reached the server (false: nothing was sent, retry is safe). */
  get sent(): boolean {
    return this.phase === 'sent' || this.phase === 'response';
  }
}

const DEFAULT_MAX_BODY = 1024 * 1024;

/** Origin and path without credentials, query or fragment: safe to log. */
export function safeUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** RFC 6761: `localhost` names are loopback; try both families so a server on 127.0.0.1 or ::1 answers, whatever /etc/hosts says. */
export function isLocalhostName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  const addresses = [
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ].filter((a) => !options.family || options.family === a.family);
  if (options.all)
    (callback as (err: null, addresses: Array<{ address: string; family: number }>) => void)(
      null,
      addresses,
    );
  else callback(null, addresses[0].address, addresses[0].family);
};

/** Connection options for a host: both address families, and loopback for `localhost` names. */
function connectOptions(hostname: string): { autoSelectFamily: true; lookup?: LookupFunction } {
  return isLocalhostName(hostname)
    ? { autoSelectFamily: true, lookup: loopbackLookup }
    : { autoSelectFamily: true };
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/** A node error as an HttpError; `via` names the proxy when the failure was talking to it. */
function classify(err: NodeJS.ErrnoException, phase: HttpPhase, via?: URL): HttpError {
  if (err instanceof HttpError) return err;
  const code = err.code ?? '';
  const proxy = via ? ` (proxy ${displayProxy(via)})` : '';
  if (code === 'ECONNREFUSED')
    return new HttpError('CONNECTION_REFUSED', `connection refused${proxy}`, 'connect');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return new HttpError('DNS', `DNS lookup failed (${code})${proxy}`, 'connect');
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME/i.test(code) ||
    /certificate|ssl|tls/i.test(err.message)
  ) {
    // A handshake failure means nothing was sent; a TLS error after it is a cut connection.
    return new HttpError(
      'TLS',
      `TLS error: ${code || err.message.split('\n')[0]}${proxy}`,
      phase === 'sent' || phase === 'response' ? phase : 'tls',
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up')
    return new HttpError('CONNECTION_RESET', `connection reset by peer${proxy}`, phase);
  if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return new HttpError('NETWORK', `network error (${code})${proxy}`, phase);
  return new HttpError(
    'NETWORK',
    `network error: ${code || err.message.split('\n')[0]}${proxy}`,
    phase,
  );
}

/** A socket handed over by the tunnel already connected and through its TLS handshake. */
const READY = Symbol('cicd-actions.ready');

/**
 * A TCP stream to `host:port` through an HTTP(S) proxy (CONNECT with the host name: the proxy
 * resolves it, not us). Fails with phase `connect`: nothing reached the target.
 */
function openTunnel(
  libs: Libs,
  proxy: URL,
  host: string,
  port: number,
  signal: AbortSignal | undefined,
): Promise<Socket> {
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const headers: Record<string, string> = { host: authority };
  const auth = proxyAuthorization(proxy);
  if (auth) headers['proxy-authorization'] = auth;
  const viaTls = proxy.protocol === 'https:';
  const lib = viaTls ? libs.https! : libs.http;
  return new Promise((resolve, reject) => {
    const req = lib.request({
      host: hostOf(proxy),
      port: Number(proxy.port) || (viaTls ? 443 : 80),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
      ...connectOptions(proxy.hostname),
    });
    const stop = () => req.destroy();
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', stop));
    req.once('connect', (res, socket, head) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        const why =
          res.statusCode === 407
            ? `asks for credentials (407 Proxy Authentication Required)${auth ? ' and rejected the ones in the proxy URL' : ''}`
            : `refused the tunnel (${res.statusCode} ${res.statusMessage ?? ''})`.replace(
                ' )',
                ')',
              );
        return reject(
          new HttpError('PROXY', `the proxy ${displayProxy(proxy)} ${why} to ${authority}`),
        );
      }
      if (head.length) socket.unshift(head);
      resolve(socket);
    });
    req.once('error', (err) => reject(classify(err, 'connect', proxy)));
    req.end();
  });
}

/** An https.Agent whose connections go through a proxy tunnel, then TLS to the target. */
function tunnelAgent(libs: Libs, proxy: URL, options: https.AgentOptions): https.Agent {
  const { https: h, tls: t } = libs as Required<Libs>;
  class TunnelAgent extends h.Agent {
    // Node's agents accept an asynchronous createConnection: return nothing, call back later.
    override createConnection(
      options: http.ClientRequestArgs,
      callback?: (err: Error | null, stream: Duplex) => void,
    ): undefined {
      const opts = options as tls.ConnectionOptions & {
        host?: string;
        port?: number;
        tunnelSignal?: AbortSignal;
      };
      const done = (err: Error | null, socket?: Duplex) => callback?.(err, socket as Duplex);
      openTunnel(libs, proxy, opts.host ?? 'localhost', Number(opts.port) || 443, opts.tunnelSignal)
        .then((raw) => {
          const socket = t.connect({ ...opts, socket: raw });
          // A request given up during the handshake takes its half-open socket with it.
          const onAbort = () => socket.destroy();
          opts.tunnelSignal?.addEventListener('abort', onAbort, { once: true });
          const onError = (err: Error) => {
            opts.tunnelSignal?.removeEventListener('abort', onAbort);
            done(classify(err, 'tls'));
          };
          socket.once('error', onError);
          socket.once('secureConnect', () => {
            opts.tunnelSignal?.removeEventListener('abort', onAbort);
            socket.removeListener('error', onError);
            (socket as Socket & { [READY]?: boolean })[READY] = true;
            done(null, socket);
          });
        })
        .catch((err: Error) => done(err));
      return undefined;
    }
  }
  return new TunnelAgent(options);
}

export interface TransportOptions extends TlsOptions {
  /** Keep connections open between requests (close() ends them). Default false. */
  keepAlive?: boolean;
  /** Connections per host at most; default Infinity. */
  maxSockets?: number;
  /**
   * Which proxy: a proxy URL (kubeconfig `proxy-url`: used for every request), false for none,
   * or undefined for the environment's (HTTPS_PROXY/HTTP_PROXY/NO_PROXY of `env`).
   */
  proxy?: string | false;
  /** Names the fixed proxy in errors, e.g. "kubeconfig cluster 'prod' proxy-url". */
  proxyName?: string;
  /** Where the proxy variables are read; default process.env. */
  env?: ProxyEnv;
  /** Default user-agent; default `cicd-actions`. */
  userAgent?: string;
}

export interface TransportRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Budget until the response headers (stream) or the whole body (request), in ms. */
  timeoutMs: number;
  /** An absolute limit (epoch ms): the earlier of this and timeoutMs wins. */
  deadline?: number;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
  truncated: boolean;
}

/** A response whose body is read as it arrives (a watch). */
export interface HttpStream {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** The body chunk by chunk; a cut connection throws HttpError (CONNECTION_RESET, phase response). */
  chunks(): AsyncIterable<Buffer>;
  /** Stops reading and closes the connection. */
  close(): void;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
  return flat;
}

/** A limit that fires once: the earlier of a duration and a deadline, plus an outer signal. */
class Limit {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onOuter = () => this.controller.abort();

  constructor(
    timeoutMs: number,
    deadline: number | undefined,
    private readonly outer?: AbortSignal,
  ) {
    const ms = Math.max(
      1,
      Math.min(timeoutMs, deadline === undefined ? Infinity : deadline - Date.now()),
    );
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
    // A signal aborted before the call never fires 'abort' again: honour it now.
    if (outer?.aborted) this.controller.abort();
    else outer?.addEventListener('abort', this.onOuter, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops the clock (the caller watches the body itself from here on). */
  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disarm();
    this.outer?.removeEventListener('abort', this.onOuter);
  }
}

/**
 * HTTP(S) to one kind of server: its TLS settings, keep-alive pool and proxy. `request` buffers
 * the body (capped); `stream` hands it over as it arrives. Network faults throw HttpError; any
 * HTTP status resolves.
 */
export class HttpTransport {
  private readonly agents = new Map<string, http.Agent>();
  private readonly setting: ProxySetting;
  private closed = false;

  constructor(private readonly options: TransportOptions = {}) {
    if (options.proxy === false) this.setting = { from: 'none' };
    else if (options.proxy) {
      const what = options.proxyName ?? 'the proxy URL';
      this.setting = { from: 'url', url: parseProxyUrl(options.proxy, what), what };
    } else this.setting = { from: 'env', env: options.env ?? process.env };
  }

  /** The proxy a request to `url` goes through (undefined: direct). Throws ProxyConfigError. */
  proxyFor(url: string | URL): URL | undefined {
    return proxyFor(new URL(String(url)), this.setting);
  }

  close(): void {
    this.closed = true;
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private agent(libs: Libs, target: URL, proxy: URL | undefined): http.Agent {
    const key = `${target.protocol}|${proxy?.href ?? ''}`;
    let agent = this.agents.get(key);
    if (agent) return agent;
    const base = {
      keepAlive: this.options.keepAlive ?? false,
      maxSockets: this.options.maxSockets,
    };
    const o = this.options;
    const tlsOptions: https.AgentOptions = {
      ...base,
      rejectUnauthorized: !o.insecure,
      ...(o.ca ? { ca: o.ca } : {}),
      ...(o.cert ? { cert: o.cert } : {}),
      ...(o.key ? { key: o.key } : {}),
      ...(o.servername ? { servername: o.servername } : {}),
    };
    if (target.protocol === 'https:')
      agent = proxy ? tunnelAgent(libs, proxy, tlsOptions) : new libs.https!.Agent(tlsOptions);
    // Plain HTTP through a proxy: the request goes to the proxy (absolute-form); an https://
    // proxy is checked against the system's CAs, not the target's.
    else if (proxy?.protocol === 'https:') agent = new libs.https!.Agent(base);
    else agent = new libs.http.Agent(base);
    if (!this.closed) this.agents.set(key, agent);
    return agent;
  }

  /** Opens the request and resolves with the response headers; `limit` bounds it. */
  private async open(
    req: TransportRequest,
    url: URL,
    limit: Limit,
    onPhase: (phase: HttpPhase) => void,
  ): Promise<http.IncomingMessage> {
    let proxy: URL | undefined;
    try {
      proxy = proxyFor(url, this.setting);
    } catch (err) {
      if (err instanceof ProxyConfigError) throw new HttpError('PROXY', err.message, 'connect');
      throw err;
    }
    const isHttps = url.protocol === 'https:';
    const libs = await loadLibs(isHttps || proxy?.protocol === 'https:');
    const agent = this.agent(libs, url, proxy);
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string | number> = {
      'user-agent': this.options.userAgent ?? 'cicd-actions',
      ...(req.headers ?? {}),
    };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    // As Node and Go do: credentials in the URL become Basic auth unless the caller sent some.
    if (
      (url.username || url.password) &&
      !Object.keys(headers).some((k) => /^authorization$/i.test(k))
    )
      headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    const path = `${url.pathname}${url.search}`;
    let options: https.RequestOptions & Record<string, unknown>;
    let lib: typeof http | typeof https;
    if (proxy && !isHttps) {
      // Absolute-form to the proxy: it resolves the target's name.
      lib = proxy.protocol === 'https:' ? libs.https! : libs.http;
      headers.host = url.host;
      const auth = proxyAuthorization(proxy);
      if (auth) headers['proxy-authorization'] = auth;
      options = {
        host: hostOf(proxy),
        port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
        path: `${url.protocol}//${url.host}${path}`,
        ...connectOptions(proxy.hostname),
      };
    } else {
      lib = isHttps ? libs.https! : libs.http;
      options = {
        host: hostOf(url),
        port: Number(url.port) || (isHttps ? 443 : 80),
        path,
        ...(proxy ? { tunnelSignal: limit.signal } : connectOptions(url.hostname)),
      };
    }
    // Aborting destroys the request without an error object: Node then reports it on the request
    // (which we listen to), never as an 'error' on a socket that may already be back in the pool.
    Object.assign(options, { method, headers, agent });
    const viaProxy = proxy && !isHttps ? proxy : undefined;
    return new Promise((resolve, reject) => {
      let phase: HttpPhase = 'connect';
      const set = (p: HttpPhase) => {
        phase = p;
        onPhase(p);
      };
      const request = lib.request(options, (res) => {
        set('response');
        resolve(res);
      });
      request.on('socket', (socket: Socket & { [READY]?: boolean }) => {
        if (request.reusedSocket || socket[READY]) return set('sent');
        const secured = () => set('sent');
        const connected = () => {
          if (isHttps) {
            set('tls');
            socket.once('secureConnect', secured);
          } else set('sent');
        };
        if (socket.connecting) socket.once('connect', connected);
        else connected();
      });
      request.on('error', (err: NodeJS.ErrnoException) => reject(classify(err, phase, viaProxy)));
      const stop = () => request.destroy();
      if (limit.signal.aborted) stop();
      else limit.signal.addEventListener('abort', stop, { once: true });
      request.once('close', () => limit.signal.removeEventListener('abort', stop));
      if (req.body !== undefined) request.write(req.body);
      request.end();
    });
  }

  private failure(err: unknown, limit: Limit, timeoutMs: number, phase: HttpPhase): HttpError {
    if (limit.timedOut) return new HttpError('TIMEOUT', `timed out after ${timeoutMs} ms`, phase);
    if (limit.signal.aborted) return new HttpError('ABORTED', 'request aborted', phase);
    if (err instanceof HttpError) return err;
    return classify(err as NodeJS.ErrnoException, phase);
  }

  /** One request, its body read (up to maxBodyBytes) within timeoutMs. */
  async request(req: TransportRequest & { maxBodyBytes?: number }): Promise<TransportResponse> {
    const limit = new Limit(req.timeoutMs, req.deadline, req.signal);
    let phase: HttpPhase = 'connect';
    try {
      const res = await this.open(req, new URL(String(req.url)), limit, (p) => (phase = p));
      return await readBody(res, req.maxBodyBytes ?? DEFAULT_MAX_BODY);
    } catch (err) {
      throw this.failure(err, limit, req.timeoutMs, phase);
    } finally {
      limit.dispose();
    }
  }

  /**
   * A request whose body is handed over as it arrives: resolves at the response headers
   * (timeoutMs covers getting them); from then on the caller reads, and `signal` or close() stop it.
   */
  async stream(req: TransportRequest): Promise<HttpStream> {
    const limit = new Limit(req.timeoutMs, req.deadline, req.signal);
    let phase: HttpPhase = 'connect';
    let res: http.IncomingMessage;
    try {
      res = await this.open(req, new URL(String(req.url)), limit, (p) => (phase = p));
    } catch (err) {
      limit.dispose();
      throw this.failure(err, limit, req.timeoutMs, phase);
    }
    limit.disarm();
    const fail = (err: unknown) => this.failure(err, limit, req.timeoutMs, 'response');
    return {
      status: res.statusCode ?? 0,
      statusText: res.statusMessage ?? '',
      headers: flatHeaders(res.headers),
      async *chunks() {
        try {
          for await (const chunk of res) yield chunk as Buffer;
          if (!res.complete)
            throw new HttpError(
              'CONNECTION_RESET',
              'connection closed before the response was complete',
              'response',
            );
        } catch (err) {
          throw fail(err);
        } finally {
          limit.dispose();
        }
      },
      close() {
        limit.dispose();
        res.destroy();
      },
    };
  }
}

function readBody(res: http.IncomingMessage, maxBody: number): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const finish = () =>
      resolve({
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        headers: flatHeaders(res.headers),
        body: Buffer.concat(chunks),
        truncated,
      });
    res.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = maxBody - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = maxBody;
        truncated = true;
        // Resolve before stopping the transfer: destroying emits 'aborted', which must not win.
        finish();
        res.destroy();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    res.on('end', finish);
    res.on('error', (err) => (truncated ? undefined : reject(err)));
    res.on('aborted', () =>
      truncated
        ? undefined
        : reject(
            new HttpError(
              'CONNECTION_RESET',
              'connection closed before the response was complete',
              'response',
            ),
          ),
    );
  });
}

/** Sends one request (following redirects if asked). Network faults throw HttpError; any HTTP status resolves. */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  // One limit for the whole chain of redirects, as before: timeoutMs is the request's budget.
  const deadline = Math.min(Date.now() + Math.max(1, req.timeoutMs), req.deadline ?? Infinity);
  const transport = new HttpTransport({
    insecure: req.insecure,
    ca: req.ca,
    proxy: req.proxy,
    env: req.env,
  });
  let url = new URL(String(req.url));
  let method = (req.method ?? 'GET').toUpperCase();
  let body = req.body;
  let headers = { ...(req.headers ?? {}) };
  const maxRedirects = req.maxRedirects ?? 10;
  const seen = new Set<string>([url.href]);
  let redirects = 0;
  try {
    for (;;) {
      const res = await transport
        .request({
          url,
          method,
          headers,
          body,
          timeoutMs: Math.max(1, deadline - Date.now()),
          signal: req.signal,
          maxBodyBytes: req.maxBodyBytes,
        })
        .catch((err: unknown) => {
          // The message names the budget the caller gave, not what was left of it.
          if (err instanceof HttpError && err.code === 'TIMEOUT')
            throw new HttpError('TIMEOUT', `timed out after ${req.timeoutMs} ms`, err.phase);
          throw err;
        });
      const location = res.headers.location;
      if (
        !req.followRedirects ||
        res.status < 300 ||
        res.status > 399 ||
        res.status === 304 ||
        !location
      ) {
        return { ...res, url: safeUrl(url), redirects, timeMs: performance.now() - started };
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new HttpError('BAD_REDIRECT', `redirect to an invalid location`, 'response');
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new HttpError(
          'BAD_REDIRECT',
          `redirect to unsupported scheme ${next.protocol}`,
          'response',
        );
      if (seen.has(next.href))
        throw new HttpError('REDIRECT_LOOP', `redirect loop at ${safeUrl(next)}`, 'response');
      if (++redirects > maxRedirects)
        throw new HttpError(
          'TOO_MANY_REDIRECTS',
          `more than ${maxRedirects} redirects`,
          'response',
        );
      seen.add(next.href);
      // As fetch does: 303 always, and 301/302 after a POST, continue as GET without a body.
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => !/^content-/i.test(k)),
        );
      }
      // Credentials (Authorization, but also X-Api-Key and the like) stay with the origin they were meant for.
      if (next.origin !== url.origin)
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => !isSensitiveHeader(k)),
        );
      url = next;
    }
  } finally {
    transport.close();
  }
}
