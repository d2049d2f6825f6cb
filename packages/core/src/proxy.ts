// Which proxy a request goes through, by the rules Go's net/http applies (golang.org/x/net/http/
// httpproxy) — the rules helm, kubectl and the credential plugins in the same job follow, so one
// set of HTTPS_PROXY/HTTP_PROXY/NO_PROXY means the same to every tool a workflow runs:
// - HTTPS_PROXY for https:// targets, HTTP_PROXY for http:// (upper case first, then lower case);
//   a proxy without a scheme is http://; http:// and https:// proxies are supported.
// - NO_PROXY: `*`; `example.com` (the name and its subdomains); `.example.com` and `*.example.com`
//   (subdomains only); any of those with `:port`; an IP (`10.0.0.1`, `[::1]:8443`); a CIDR block.
// - localhost and loopback addresses never go through a proxy.
// No module is imported here: the decision costs nothing at start-up.

export type ProxyEnv = Record<string, string | undefined>;

export class ProxyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyConfigError';
  }
}

/** The first of the names that is set (and not blank). */
function envAny(env: ProxyEnv, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = env[name]?.trim();
    if (v) return v;
  }
  return undefined;
}

/**
 * A proxy URL as Go parses it: no scheme means http://. `what` names where it came from
 * (`HTTPS_PROXY`, `kubeconfig cluster 'prod' proxy-url`) for the error; the value itself is never
 * quoted, since it may hold a password.
 */
export function parseProxyUrl(value: string, what: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
    // `proxy.corp:3128` parses with the scheme `proxy.corp:`; Go re-reads it as http://.
    if (!url.host || !/^(https?|socks5h?|socks4a?):$/.test(url.protocol)) url = undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^(https?|socks5h?|socks4a?):/i.test(value))
      throw new ProxyConfigError(`${what} is not an http:// or https:// proxy URL`);
    if (value.includes('://')) throw new ProxyConfigError(`${what} is not a valid proxy URL`);
    try {
      url = new URL(`http://${value}`);
    } catch {
      throw new ProxyConfigError(`${what} is not a valid proxy URL`);
    }
  }
  if (url.protocol.startsWith('socks'))
    throw new ProxyConfigError(
      `${what} is a ${url.protocol.replace(/:$/, '')}:// proxy; only http:// and https:// proxies are supported`,
    );
  if (!url.hostname) throw new ProxyConfigError(`${what} has no host`);
  return url;
}

/** A proxy URL safe to print: scheme, host and port, never the credentials. */
export function displayProxy(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

/** `Basic …` for a proxy URL with credentials, as Go sends it. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password);
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

/**
 * The values to mask for a proxy URL with credentials: the password, `user:password` and the
 * Basic token built from them. The user name alone is not masked: it is usually a common word.
 */
export function proxyUrlSecrets(value: string | undefined): string[] {
  if (!value) return [];
  let url: URL;
  try {
    url = parseProxyUrl(value, 'proxy');
  } catch {
    return [];
  }
  const out: string[] = [];
  if (url.password) {
    out.push(url.password, decodeURIComponent(url.password));
    out.push(`${url.username}:${url.password}`);
    out.push(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`);
  }
  const auth = proxyAuthorization(url);
  if (auth && url.password) out.push(auth.slice('Basic '.length));
  return [...new Set(out.filter((s) => s.length >= 3))];
}

/** Every proxy secret in an environment (HTTPS_PROXY, HTTP_PROXY, both cases). */
export function proxyEnvSecrets(env: ProxyEnv): string[] {
  const out = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].flatMap((name) =>
    proxyUrlSecrets(env[name]),
  );
  return [...new Set(out)];
}

// --- IP addresses (parsed here so this file imports nothing) ---------------------------------

function parseIPv4(s: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** 16 bytes for an IPv6 address (IPv4 as ::ffff:a.b.c.d), or undefined. */
function parseIP(s: string): number[] | undefined {
  const v4 = parseIPv4(s);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
  if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s)) return undefined;
  let tail: number[] = [];
  let text = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const embedded = parseIPv4(s.slice(lastColon + 1));
    if (!embedded) return undefined;
    tail = embedded;
    text = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const bytes = all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

const isV4Mapped = (ip: number[]) =>
  ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;

function isLoopbackIP(ip: number[]): boolean {
  if (isV4Mapped(ip)) return ip[12] === 127;
  return ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}

function inCidr(ip: number[], base: number[], bits: number): boolean {
  for (let i = 0; i < 16; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    const mask = take === 0 ? 0 : (0xff << (8 - take)) & 0xff;
    if ((ip[i] & mask) !== (base[i] & mask)) return false;
  }
  return true;
}

// --- NO_PROXY --------------------------------------------------------------------------------

type Matcher =
  | { kind: 'all' }
  | { kind: 'cidr'; base: number[]; bits: number }
  | { kind: 'ip'; ip: number[]; port?: string }
  | { kind: 'domain'; suffix: string; port?: string; matchHost: boolean };

/** Splits `host:port`, `[v6]:port`, `[v6]`, `host` (a bare IPv6 address has no port). */
function splitHostPort(entry: string): { host: string; port?: string } {
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracket) return { host: bracket[1], port: bracket[2] };
  const m = /^([^:]+):(\d+)$/.exec(entry);
  if (m) return { host: m[1], port: m[2] };
  return { host: entry };
}

function parseNoProxy(value: string): Matcher[] {
  const out: Matcher[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return [{ kind: 'all' }];
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr) {
      const base = parseIP(cidr[1]);
      const bits = Number(cidr[2]) + (parseIPv4(cidr[1]) ? 96 : 0);
      if (base && bits <= 128) out.push({ kind: 'cidr', base, bits });
      continue;
    }
    const { host, port } = splitHostPort(entry);
    if (!host) continue;
    const ip = parseIP(host);
    if (ip) {
      out.push({ kind: 'ip', ip, port });
      continue;
    }
    let name = host.startsWith('*.') ? host.slice(1) : host;
    const matchHost = !name.startsWith('.');
    if (matchHost) name = `.${name}`;
    out.push({ kind: 'domain', suffix: name.replace(/\.$/, ''), port, matchHost });
  }
  return out;
}

function bypassed(matchers: Matcher[], host: string, port: string): boolean {
  const ip = parseIP(host);
  for (const m of matchers) {
    if (m.kind === 'all') return true;
    if (ip) {
      if (m.kind === 'cidr' && inCidr(ip, m.base, m.bits)) return true;
      if (m.kind === 'ip' && m.ip.every((b, i) => b === ip[i]) && (!m.port || m.port === port))
        return true;
      continue;
    }
    if (m.kind !== 'domain') continue;
    const hit = host.endsWith(m.suffix) || (m.matchHost && host === m.suffix.slice(1));
    if (hit && (!m.port || m.port === port)) return true;
  }
  return false;
}

/** Whether NO_PROXY (`value`) exempts `url` from the proxy. */
export function noProxyMatches(value: string, url: URL): boolean {
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return bypassed(parseNoProxy(value), host, port);
}

/** localhost and loopback addresses, which never go through a proxy. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const ip = parseIP(host);
  return !!ip && isLoopbackIP(ip);
}

/** Where a request's proxy comes from: the environment (default), one fixed proxy, or none. */
export type ProxySetting =
  { from: 'env'; env: ProxyEnv } | { from: 'url'; url: URL; what: string } | { from: 'none' };

/**
 * The proxy for `target`, or undefined for a direct connection. A fixed proxy (kubeconfig
 * `proxy-url`) applies to every request, as client-go applies it (NO_PROXY does not exempt it);
 * an environment proxy follows NO_PROXY.
 */
export function proxyFor(target: URL, setting: ProxySetting): URL | undefined {
  if (setting.from === 'none') return undefined;
  if (setting.from === 'url') return setting.url;
  if (isLoopbackHost(target.hostname)) return undefined;
  const env = setting.env;
  const value =
    target.protocol === 'https:'
      ? envAny(env, 'HTTPS_PROXY', 'https_proxy')
      : envAny(env, 'HTTP_PROXY', 'http_proxy');
  if (!value) return undefined;
  const noProxy = envAny(env, 'NO_PROXY', 'no_proxy');
  if (noProxy && noProxyMatches(noProxy, target)) return undefined;
  return parseProxyUrl(
    value,
    target.protocol === 'https:' ? 'the HTTPS_PROXY variable' : 'the HTTP_PROXY variable',
  );
}
