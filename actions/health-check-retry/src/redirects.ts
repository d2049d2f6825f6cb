// Redirects, hop by hop, under the attempt's one time limit. Followed here rather than inside
// the HTTP client because the rules are the health check's: a redirect to another host is not
// followed unless `follow-redirects: any` (a Kubernetes probe would not follow it at all), and
// on any change of origin EVERY header the user set is dropped, not only the ones whose names
// look secret (x-functions-key says nothing about what it carries).
import {
  HttpError,
  safeUrl,
  type Clock,
  type HttpRequest,
  type HttpResponse,
} from '@cicd-actions/core';

export type RedirectPolicy = 'none' | 'same-host' | 'any';
export type SendRequest = (req: HttpRequest) => Promise<HttpResponse>;

export interface Fetched {
  res: HttpResponse;
  /** HTTP requests sent for this attempt: 1 plus one per redirect followed. */
  requests: number;
  /** Why the last answer (a 3xx) was not followed, when the policy stopped it. */
  notFollowed?: string;
}

export const MAX_REDIRECTS = 10;

/** One hop; it gets what is left of the attempt, but a timeout names the attempt's limit. */
async function sendHop(
  send: SendRequest,
  hop: HttpRequest,
  attemptMs: number,
): Promise<HttpResponse> {
  try {
    return await send(hop);
  } catch (err) {
    if (err instanceof HttpError && err.code === 'TIMEOUT')
      throw new HttpError('TIMEOUT', `timed out after ${attemptMs} ms`);
    throw err;
  }
}

/** Where a Location points, refusing what is not http(s). */
function redirectTarget(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new HttpError('BAD_REDIRECT', 'redirect to an invalid location');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:')
    throw new HttpError('BAD_REDIRECT', `redirect to unsupported scheme ${next.protocol}`);
  return next;
}

/** Sends `req` and follows its redirects as the policy allows; `req.timeoutMs` covers every hop. */
export async function fetchFollowing(
  send: SendRequest,
  req: HttpRequest,
  policy: RedirectPolicy,
  clock: Clock,
): Promise<Fetched> {
  const end = clock.now() + req.timeoutMs;
  const first = new URL(String(req.url));
  let url = first;
  let method = (req.method ?? 'GET').toUpperCase();
  let body = req.body;
  let headers = { ...(req.headers ?? {}) };
  const seen = new Set([url.href]);
  let requests = 0;
  for (;;) {
    const left = end - clock.now();
    if (left <= 0) throw new HttpError('TIMEOUT', `timed out after ${req.timeoutMs} ms`);
    requests++;
    const hop = { ...req, url, method, body, headers, timeoutMs: left, followRedirects: false };
    const res = await sendHop(send, hop, req.timeoutMs);
    const location = res.headers.location;
    if (
      policy === 'none' ||
      res.status < 300 ||
      res.status > 399 ||
      res.status === 304 ||
      !location
    )
      return { res, requests };
    const next = redirectTarget(location, url);
    if (policy === 'same-host' && next.hostname !== first.hostname)
      return {
        res,
        requests,
        notFollowed: `redirect to another host (${next.host}) not followed (follow-redirects: same-host)`,
      };
    if (seen.has(next.href))
      throw new HttpError('REDIRECT_LOOP', `redirect loop at ${safeUrl(next)}`);
    if (seen.size > MAX_REDIRECTS)
      throw new HttpError('TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`);
    seen.add(next.href);
    // As fetch does: 303 always, and 301/302 after a POST, continue as GET without a body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-/i.test(k)));
    }
    if (next.origin !== url.origin) headers = {};
    url = next;
  }
}
