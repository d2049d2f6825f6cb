// Which proxy a request takes: the same answer as Go's net/http (http.ProxyFromEnvironment, what
// client-go, helm and kubectl use), checked by running a small Go program over the same table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  displayProxy,
  isLoopbackHost,
  parseProxyUrl,
  proxyEnvSecrets,
  proxyFor,
  ProxyConfigError,
  type ProxyEnv,
} from '../src/proxy';

let goBinary: string;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'go-proxy-'));
  goBinary = path.join(dir, 'go-proxy');
  execFileSync(
    'go',
    [
      'build',
      '-o',
      goBinary,
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'go-proxy', 'main.go'),
    ],
    {
      env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'off' },
      stdio: 'pipe',
    },
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Go's answers for these URLs under exactly this environment. */
function goAnswers(env: ProxyEnv, urls: string[]): string[] {
  const clean: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  return execFileSync(goBinary, urls, { env: clean, encoding: 'utf8' }).trim().split('\n');
}

const ours = (env: ProxyEnv, url: string): string => {
  const p = proxyFor(new URL(url), { from: 'env', env });
  return p ? p.origin : 'DIRECT';
};
/** Go keeps an explicit default port (`:443`); a URL's origin drops it. */
const normal = (answer: string) => (answer.includes('://') ? new URL(answer).origin : answer);

const P = 'http://proxy.corp:3128';
const URLS = [
  'https://internal.test/',
  'https://api.internal.test/',
  'https://a.b.internal.test:8443/x',
  'https://notinternal.test/',
  'https://internal.test.evil/',
  'https://internal.test:8443/',
  'https://api.internal.test:8443/',
  'https://10.1.2.3/',
  'https://11.0.0.1/',
  'https://192.168.1.5:6443/',
  'https://192.168.1.6/',
  'https://[2001:db8::5]/',
  'https://[2001:db9::5]/',
  'https://localhost/',
  'https://127.0.0.1:6443/',
  'https://127.9.9.9/',
  'https://[::1]/',
  'https://github.com/',
  'http://api.internal.test/',
  'http://example.com/',
];

describe('proxyFor agrees with Go net/http (ProxyFromEnvironment)', () => {
  const cases: Array<{ name: string; env: ProxyEnv }> = [
    { name: 'no NO_PROXY', env: { HTTPS_PROXY: P, HTTP_PROXY: 'http://plain.corp:8080' } },
    {
      name: 'a domain: itself and its subdomains',
      env: { HTTPS_PROXY: P, NO_PROXY: 'internal.test' },
    },
    { name: 'a .suffix: subdomains only', env: { HTTPS_PROXY: P, NO_PROXY: '.internal.test' } },
    { name: 'a *.suffix: subdomains only', env: { HTTPS_PROXY: P, NO_PROXY: '*.internal.test' } },
    { name: 'a domain with a port', env: { HTTPS_PROXY: P, NO_PROXY: 'internal.test:8443' } },
    {
      name: 'CIDR blocks and IPs, v4 and v6',
      env: { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8,192.168.1.5,2001:db8::/32' },
    },
    { name: 'an IP with a port', env: { HTTPS_PROXY: P, NO_PROXY: '192.168.1.5:6443' } },
    { name: '*', env: { HTTPS_PROXY: P, HTTP_PROXY: P, NO_PROXY: '*' } },
    {
      name: 'upper case, spaces, empty entries',
      env: { HTTPS_PROXY: P, NO_PROXY: ' API.Internal.TEST , ,github.COM ' },
    },
    { name: 'lower-case variables', env: { https_proxy: P, no_proxy: 'internal.test' } },
    {
      name: 'both cases set: upper case wins',
      env: {
        HTTPS_PROXY: P,
        https_proxy: 'http://lower.corp:1',
        NO_PROXY: 'github.com',
        no_proxy: '',
      },
    },
    { name: 'a proxy without a scheme is http://', env: { HTTPS_PROXY: 'proxy.corp:3128' } },
    { name: 'an https:// proxy', env: { HTTPS_PROXY: 'https://secure.corp:443' } },
    { name: 'only HTTP_PROXY: https goes direct', env: { HTTP_PROXY: P } },
  ];
  test.each(cases)('$name', ({ env }) => {
    const go = goAnswers(env, URLS).map(normal);
    const mine = URLS.map((u) => ours(env, u));
    expect(URLS.map((u, i) => `${u} → ${mine[i]}`)).toEqual(URLS.map((u, i) => `${u} → ${go[i]}`));
  });
});

describe('proxyFor, where we differ from Go on purpose', () => {
  test('*.localhost never goes through a proxy (RFC 6761 loopback; Go only special-cases "localhost")', () => {
    expect(ours({ HTTPS_PROXY: P }, 'https://api.localhost/')).toBe('DIRECT');
    expect(goAnswers({ HTTPS_PROXY: P }, ['https://api.localhost/']).map(normal)).toEqual([P]);
  });

  test('a socks5 proxy is refused with the variable named (Go would use it)', () => {
    expect(() =>
      proxyFor(new URL('https://x.test/'), {
        from: 'env',
        env: { HTTPS_PROXY: 'socks5://s.corp:1080' },
      }),
    ).toThrow(
      new ProxyConfigError(
        'the HTTPS_PROXY variable is a socks5:// proxy; only http:// and https:// proxies are supported',
      ),
    );
  });
});

test('a fixed proxy (kubeconfig proxy-url) applies to every request, loopback included, as client-go applies it', () => {
  const url = new URL('http://fixed.corp:3128');
  expect(proxyFor(new URL('https://127.0.0.1:6443/'), { from: 'url', url, what: 'x' })).toBe(url);
});

test.each([
  { host: 'localhost', loopback: true },
  { host: 'LOCALHOST.', loopback: true },
  { host: '127.0.0.1', loopback: true },
  { host: '127.200.0.1', loopback: true },
  { host: '[::1]', loopback: true },
  { host: '[::ffff:127.0.0.1]', loopback: true },
  { host: '128.0.0.1', loopback: false },
  { host: '[::2]', loopback: false },
  { host: 'localhost.example.com', loopback: false },
])('isLoopbackHost($host) = $loopback', ({ host, loopback }) => {
  expect(isLoopbackHost(host)).toBe(loopback);
});

describe('parseProxyUrl', () => {
  test('the error names where the value came from and never quotes it', () => {
    const err = (() => {
      try {
        parseProxyUrl('http://user:s3cret@[bad', 'the HTTPS_PROXY variable');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toBe('the HTTPS_PROXY variable is not a valid proxy URL');
  });

  test('displayProxy drops the credentials', () => {
    expect(displayProxy(parseProxyUrl('http://ci:p%40ss@proxy.corp:3128', 'x'))).toBe(
      'http://proxy.corp:3128',
    );
  });
});

test('proxyEnvSecrets: the password, user:password and the Basic token; not the user name alone', () => {
  const secrets = proxyEnvSecrets({ HTTPS_PROXY: 'http://ci:p%40ss@proxy.corp:3128' });
  expect(secrets).toEqual(
    expect.arrayContaining([
      'p%40ss',
      'p@ss',
      'ci:p@ss',
      Buffer.from('ci:p@ss').toString('base64'),
    ]),
  );
  expect(secrets).not.toContain('ci');
  expect(proxyEnvSecrets({ HTTPS_PROXY: 'http://proxy.corp:3128' })).toEqual([]);
});
