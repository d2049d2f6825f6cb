// One HTTP(S) request with the guarantees the actions need: a per-attempt timeout covering
// connect, headers and body; a capped body read; bounded redirects; TLS options; and errors
// that are one line and never contain the URL's credentials or query. Built on node:http(s)
// rather than fetch: fetch's lazy initialisation costs tens of ms of startup per run.
import type http from 'node:http';
import type https from 'node:https';

// Loaded on first use: an action that never makes a request (or only plain-HTTP ones) does not
// pay for loading the HTTP client and TLS at start-up (bench/results.md, finding 1).
type RequestLib = { request: typeof http.request };
const libs: Partial<Record<'http:' | 'https:', Promise<RequestLib>>> = {};
function requestLib(protocol: 'http:' | 'https:'): Promise<RequestLib> {
  return (libs[protocol] ??=
    protocol === 'https:'
      ? import('node:https').then((m) => m.default)
      : import('node:http').then((m) => m.default));
}
import type { LookupFunction } from 'node:net';
import { isSensitiveHeader } from './secrets';

export interface HttpRequest {
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole-request budget (connect + headers + body), in ms. */
  timeoutMs: number;
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
  | 'NETWORK';

export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
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

function classify(err: NodeJS.ErrnoException): HttpError {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return new HttpError('CONNECTION_REFUSED', 'connection refused');
  if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up')
    return new HttpError('CONNECTION_RESET', 'connection reset by peer');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return new HttpError('DNS', `DNS lookup failed (${code})`);
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME/i.test(code) ||
    /certificate|ssl|tls/i.test(err.message)
  ) {
    return new HttpError('TLS', `TLS error: ${code || err.message.split('\n')[0]}`);
  }
  if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return new HttpError('NETWORK', `network error (${code})`);
  return new HttpError('NETWORK', `network error: ${code || err.message.split('\n')[0]}`);
}

async function once(
  req: HttpRequest,
  url: URL,
  headers: Record<string, string>,
  method: string,
  body: string | Buffer | undefined,
  signal: AbortSignal,
  maxBody: number,
): Promise<Omit<HttpResponse, 'url' | 'redirects' | 'timeMs'>> {
  const isHttps = url.protocol === 'https:';
  const lib = await requestLib(isHttps ? 'https:' : 'http:');
  return new Promise((resolve, reject) => {
    // autoSelectFamily: try every address of a name (so `localhost` works on 127.0.0.1 or ::1).
    const options: https.RequestOptions & { autoSelectFamily: boolean } = {
      method,
      headers: { 'user-agent': 'cicd-actions', ...headers },
      agent: false,
      autoSelectFamily: true,
      signal,
    };
    if (isLocalhostName(url.hostname)) options.lookup = loopbackLookup;
    if (body !== undefined)
      (options.headers as Record<string, string | number>)['content-length'] =
        Buffer.byteLength(body);
    if (isHttps) {
      options.rejectUnauthorized = !req.insecure;
      if (req.ca) options.ca = req.ca;
    }
    const request = lib.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const finish = () => {
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: flat,
          body: Buffer.concat(chunks),
          truncated,
        });
      };
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
              ),
            ),
      );
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Sends one request (following redirects if asked). Network faults throw HttpError; any HTTP status resolves. */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.max(1, req.timeoutMs),
  );
  const onOuterAbort = () => controller.abort();
  // A signal aborted before the call never fires 'abort' again: honour it now.
  if (req.signal?.aborted) controller.abort();
  else req.signal?.addEventListener('abort', onOuterAbort, { once: true });

  let url = new URL(String(req.url));
  let method = (req.method ?? 'GET').toUpperCase();
  let body = req.body;
  let headers = { ...(req.headers ?? {}) };
  const maxRedirects = req.maxRedirects ?? 10;
  const seen = new Set<string>([url.href]);
  let redirects = 0;
  try {
    for (;;) {
      let res;
      try {
        res = await once(
          req,
          url,
          headers,
          method,
          body,
          controller.signal,
          req.maxBodyBytes ?? DEFAULT_MAX_BODY,
        );
      } catch (err) {
        if (timedOut) throw new HttpError('TIMEOUT', `timed out after ${req.timeoutMs} ms`);
        if (controller.signal.aborted) throw new HttpError('ABORTED', 'request aborted');
        if (err instanceof HttpError) throw err;
        throw classify(err as NodeJS.ErrnoException);
      }
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
        throw new HttpError('BAD_REDIRECT', `redirect to an invalid location`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new HttpError('BAD_REDIRECT', `redirect to unsupported scheme ${next.protocol}`);
      if (seen.has(next.href))
        throw new HttpError('REDIRECT_LOOP', `redirect loop at ${safeUrl(next)}`);
      if (++redirects > maxRedirects)
        throw new HttpError('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
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
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onOuterAbort);
  }
}
