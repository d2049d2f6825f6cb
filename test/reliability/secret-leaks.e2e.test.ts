// Issue 12, "secrets that stay secret", across every bundle: each action is run from dist/ with
// secrets planted in every place it can receive them, against loopback servers (and a proxy) that
// echo the request back — headers, URL, query, credentials — in error bodies, Status messages,
// redirect Locations and status lines. Then the log as the runner shows it, stderr, outputs,
// state, exported variables and the job summary are searched for every secret in raw, base64,
// base64url (every alignment), URL-encoded and JSON-escaped form. `***` is not a leak.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { cleanupRun, runBundle, type ActionRun, type RunOptions } from '../harness/run-action';
import { writeChart } from '../../actions/helm-deploy/test/deploy-e2e';
import { helmBinary } from '../helm/binaries';
import { loadTls } from '../k8s-sim/tls';
import { echoText, startEchoServer, startHostileProxy, type EchoServer } from './echo-server';
import {
  describeLeaks,
  findLeaks,
  plant,
  runPlaces,
  type SearchTally,
  type Secret,
} from './leak-search';

const runs: ActionRun[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'secret-leaks-'));
const tally: SearchTally = { secrets: 0, forms: 0, places: 0, checks: 0 };
const perAction: Record<string, { runs: number; secrets: number; leaks: number }> = {};

afterAll(() => {
  runs.forEach(cleanupRun);
  rmSync(scratch, { recursive: true, force: true });
  // The figures the README's reliability section quotes.
  console.log(
    `secret-leaks: ${JSON.stringify({ tally, perAction, totalRuns: runs.length }, null, 0)}`,
  );
});

/** Runs a bundle, searches everything it left for the secrets; returns the run and the leaks. */
async function searched(action: string, secrets: Secret[], opts: RunOptions) {
  const run = await runBundle(action, { timeoutMs: 60_000, ...opts });
  runs.push(run);
  const leaks = describeLeaks(findLeaks(runPlaces(run), secrets, tally));
  const a = (perAction[action] ??= { runs: 0, secrets: 0, leaks: 0 });
  a.runs++;
  a.secrets += secrets.length;
  a.leaks += leaks.length;
  return { run, leaks };
}

/** Every request the server saw, as text: to prove the secret did reach the hostile end. */
const sawAll = (s: EchoServer) => s.requests.map(echoText).join('\n');

// ---------------------------------------------------------------------------------------------
describe('health-check-retry', () => {
  test('URL userinfo and query, credential headers (allowlist), echoed in a 200 body that fails the body check', async () => {
    // 200 with the echo as the body: the body check fails, and what the action says about the body is searched.
    const server = await startEchoServer({ answer: (r) => ({ status: 200, body: echoText(r) }) });
    const pw = plant('url password', '@:/');
    const query = plant('url query token', '+/=');
    const bearer = plant('authorization bearer');
    const fnKey = plant('x-functions-key');
    const apim = plant('ocp-apim-subscription-key');
    const custom = plant('x-custom-header');
    const url = `${server.url.replace('://', `://probe:${encodeURIComponent(pw.value)}@`)}/health?token=${encodeURIComponent(query.value)}`;
    const { run, leaks } = await searched(
      'health-check-retry',
      [pw, query, bearer, fnKey, apim, custom],
      {
        inputs: {
          url,
          headers: [
            `Authorization: Bearer ${bearer.value}`,
            `x-functions-key: ${fnKey.value}`,
            `Ocp-Apim-Subscription-Key: ${apim.value}`,
            `X-Custom-Thing: ${custom.value}`,
          ].join('\n'),
          'expected-body': '^OK$',
          'max-attempts': '2',
          'retry-delay': '10ms',
        },
      },
    );
    await server.close();
    expect(sawAll(server)).toContain(fnKey.value);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });

  test('a redirect whose Location carries the credentials, followed to a server that echoes them', async () => {
    const second = await startEchoServer();
    const bearer = plant('authorization bearer');
    const fnKey = plant('x-functions-key');
    const first = await startEchoServer({
      answer: (r) => ({
        status: 302,
        headers: {
          location: `${second.url}/landing?echo=${encodeURIComponent(String(r.headers.authorization))}&k=${encodeURIComponent(String(r.headers['x-functions-key']))}`,
        },
        body: echoText(r),
      }),
    });
    const { run, leaks } = await searched('health-check-retry', [bearer, fnKey], {
      inputs: {
        url: `${first.url}/health`,
        headers: `Authorization: Bearer ${bearer.value}\nx-functions-key: ${fnKey.value}`,
        'follow-redirects': 'any',
        'max-attempts': '1',
      },
    });
    await Promise.all([first.close(), second.close()]);
    expect(first.requests.length).toBe(1);
    // A change of origin drops every header the workflow set (issue 12, point 4).
    expect(sawAll(second)).toContain(bearer.value); // the Location itself carries it
    expect(second.requests.map((r) => r.headers['x-functions-key'])).toEqual([undefined]);
    expect(second.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });

  test('proxy credentials in HTTPS_PROXY, echoed by a proxy that refuses the tunnel', async () => {
    const proxy = await startHostileProxy();
    const pw = plant('https_proxy password', '@:');
    const { run, leaks } = await searched(
      'health-check-retry',
      [pw, { label: 'proxy user:password', value: `puser:${pw.value}` }],
      {
        inputs: {
          url: 'https://health.leak.test/ready',
          'max-attempts': '2',
          'retry-delay': '10ms',
        },
        env: {
          HTTPS_PROXY: `http://puser:${encodeURIComponent(pw.value)}@127.0.0.1:${proxy.port}`,
        },
      },
    );
    await proxy.close();
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('slack-discord-notify', () => {
  test('webhook URLs (Slack and Discord), echoed in a 400 body', async () => {
    const server = await startEchoServer({ answer: (r) => ({ status: 400, body: echoText(r) }) });
    const slack = plant('slack webhook secret');
    const discord = plant('discord webhook token');
    const { run, leaks } = await searched('slack-discord-notify', [slack, discord], {
      inputs: {
        'allow-any-url': 'true',
        'slack-webhook-url': `${server.url}/services/T0LEAK/B0LEAK/${slack.value}`,
        'discord-webhook-url': `${server.url}/api/webhooks/123456789/${discord.value}`,
        status: 'failure',
        'fail-on-error': 'true',
        retries: '0',
      },
    });
    await server.close();
    expect(sawAll(server)).toContain(discord.value);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });

  test('slack-token, echoed in the Web API error', async () => {
    const token = plant('slack bot token', '-');
    const server = await startEchoServer({
      answer: (r) => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ok: false, error: `invalid_auth ${echoText(r)}` }),
      }),
    });
    const { run, leaks } = await searched('slack-discord-notify', [token], {
      inputs: {
        'allow-any-url': 'true',
        'slack-token': token.value,
        'slack-channel': 'C0LEAKTEST',
        'slack-api-url': `${server.url}/api`,
        status: 'started',
        'fail-on-error': 'true',
        retries: '0',
      },
    });
    await server.close();
    expect(sawAll(server)).toContain(token.value);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });

  test('proxy credentials in HTTPS_PROXY, echoed by the proxy', async () => {
    const proxy = await startHostileProxy();
    const pw = plant('https_proxy password', '@');
    const slack = plant('slack webhook secret');
    const { run, leaks } = await searched('slack-discord-notify', [pw, slack], {
      inputs: {
        'allow-any-url': 'true',
        'slack-webhook-url': `https://hooks.leak.test/services/T0LEAK/B0LEAK/${slack.value}`,
        status: 'success',
        'fail-on-error': 'true',
        retries: '0',
      },
      env: { HTTPS_PROXY: `http://puser:${encodeURIComponent(pw.value)}@127.0.0.1:${proxy.port}` },
    });
    await proxy.close();
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The two Kubernetes actions get the same kubeconfigs; the API server answers every request with
// a 403 Status whose message is the request (as an authorizing webhook's message might be).
const kubeStatus = (r: Parameters<typeof echoText>[0]) =>
  r.url.startsWith('/version')
    ? {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ major: '1', minor: '34', gitVersion: 'v1.34.4' }),
      }
    : {
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `forbidden: ${echoText(r)}`,
          reason: 'Forbidden',
          code: 403,
        }),
      };

function kubeconfigYaml(
  server: string,
  user: Record<string, unknown>,
  cluster: Record<string, unknown> = {},
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'leak',
        cluster: {
          server,
          'certificate-authority-data': Buffer.from(loadTls().caPem).toString('base64'),
          ...cluster,
        },
      },
    ],
    users: [{ name: 'leak-user', user }],
    contexts: [
      { name: 'leak', context: { cluster: 'leak', user: 'leak-user', namespace: 'prod' } },
    ],
    'current-context': 'leak',
  });
}

function script(name: string, text: string): string {
  const file = path.join(scratch, `${name}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, text);
  chmodSync(file, 0o755);
  return file;
}

interface KubeCase {
  name: string;
  /** Builds the kubeconfig (and env) against the echo server; returns the planted secrets. */
  setup(server: EchoServer): {
    kubeconfig: string;
    secrets: Secret[];
    env?: Record<string, string>;
  };
  /** The credential plugin fails: no request reaches the server. */
  failsBeforeRequest?: boolean;
}

const KUBE_CASES: KubeCase[] = [
  {
    name: 'user token and server URL userinfo',
    setup(server) {
      const token = plant('kubeconfig user token', '-.');
      const pw = plant('server userinfo password', ':@');
      const url = server.url.replace('://', `://kuser:${encodeURIComponent(pw.value)}@`);
      return {
        kubeconfig: kubeconfigYaml(url, { token: token.value }),
        secrets: [
          token,
          pw,
          { label: 'server userinfo user:password', value: `kuser:${pw.value}` },
        ],
      };
    },
  },
  {
    name: 'basic auth username/password (kubeconfig given base64)',
    setup(server) {
      const pw = plant('kubeconfig basic password');
      const text = kubeconfigYaml(server.url, { username: 'deployer', password: pw.value });
      return {
        kubeconfig: Buffer.from(text).toString('base64'),
        secrets: [pw, { label: 'basic user:password', value: `deployer:${pw.value}` }],
      };
    },
  },
  {
    name: 'tokenFile',
    setup(server) {
      const token = plant('tokenFile token');
      const file = path.join(scratch, `token-${Math.random().toString(36).slice(2)}`);
      writeFileSync(file, `${token.value}\n`);
      return { kubeconfig: kubeconfigYaml(server.url, { tokenFile: file }), secrets: [token] };
    },
  },
  {
    name: 'exec plugin: secret args and env, its token echoed by the server',
    setup(server) {
      const clientSecret = plant('exec arg --client-secret');
      const argToken = plant('exec arg --token');
      const envSecret = plant('exec env AWS_SECRET_ACCESS_KEY');
      const issued = plant('exec plugin issued token');
      const plugin = script(
        'get-token',
        `#!/bin/sh\nprintf '%s' '${JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: issued.value } })}'\n`,
      );
      return {
        kubeconfig: kubeconfigYaml(server.url, {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: plugin,
            args: [`--client-secret=${clientSecret.value}`, '--token', argToken.value],
            env: [
              { name: 'AWS_SECRET_ACCESS_KEY', value: envSecret.value },
              { name: 'AWS_PROFILE', value: 'prod' },
            ],
            interactiveMode: 'Never',
          },
        }),
        secrets: [clientSecret, argToken, envSecret, issued],
      };
    },
  },
  {
    name: 'exec plugin that fails and prints its secret args and env on stderr',
    failsBeforeRequest: true,
    setup(server) {
      const clientSecret = plant('exec arg --client-secret');
      const envSecret = plant('exec env AZURE_CLIENT_SECRET');
      const plugin = script(
        'failing-plugin',
        `#!/bin/sh\necho "login failed: args=$* secret=$AZURE_CLIENT_SECRET" >&2\nexit 1\n`,
      );
      return {
        kubeconfig: kubeconfigYaml(server.url, {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: plugin,
            args: ['get-token', `--client-secret=${clientSecret.value}`],
            env: [{ name: 'AZURE_CLIENT_SECRET', value: envSecret.value }],
            interactiveMode: 'Never',
          },
        }),
        secrets: [clientSecret, envSecret],
      };
    },
  },
];

type KubeAction = 'wait-rollout' | 'helm-rollback' | 'helm-deploy';

/** helm-deploy's chart (our own, from its e2e tests) lives in the workspace, as the input requires. */
function chartWorkspace(): string {
  const ws = mkdtempSync(path.join(scratch, 'deploy-ws-'));
  writeChart(ws);
  return ws;
}

function kubeInputs(
  action: KubeAction,
  kubeconfig: string,
  timeout: string,
): { inputs: Record<string, string>; workspace?: string } {
  if (action === 'wait-rollout')
    return { inputs: { resources: 'deployment/api', namespace: 'prod', timeout, kubeconfig } };
  const helm = { release: 'web', namespace: 'prod', timeout, kubeconfig, helm: helmBinary(3).path };
  if (action === 'helm-rollback') return { inputs: helm };
  return { inputs: { ...helm, chart: 'charts/web' }, workspace: chartWorkspace() };
}

async function kubeCase(action: KubeAction, c: KubeCase) {
  const server = await startEchoServer({ tls: true, answer: kubeStatus });
  const { kubeconfig, secrets, env } = c.setup(server);
  const { run, leaks } = await searched(action, secrets, {
    ...kubeInputs(action, kubeconfig, '15s'),
    env,
  });
  await server.close();
  return { run, leaks, server };
}

for (const action of ['wait-rollout', 'helm-rollback', 'helm-deploy'] as const) {
  describe(action, () => {
    for (const c of KUBE_CASES)
      test(c.name, async () => {
        const { run, leaks, server } = await kubeCase(action, c);
        // The secret did reach the hostile end (except where the plugin fails before any request).
        expect(server.requests.length > 0).toBe(!c.failsBeforeRequest);
        expect(run.code).toBe(1);
        expect(leaks).toEqual([]);
      });

    test('proxy credentials in HTTPS_PROXY and in kubeconfig proxy-url, echoed by the proxy', async () => {
      const proxy = await startHostileProxy();
      const envPw = plant('https_proxy password', '@');
      const kcPw = plant('kubeconfig proxy-url password', ':');
      const token = plant('kubeconfig user token');
      for (const [where, kubeconfig, env] of [
        [
          'HTTPS_PROXY',
          kubeconfigYaml('https://api.leak.test:6443', { token: token.value }),
          {
            HTTPS_PROXY: `http://puser:${encodeURIComponent(envPw.value)}@127.0.0.1:${proxy.port}`,
          },
        ],
        [
          'proxy-url',
          kubeconfigYaml(
            'https://api.leak.test:6443',
            { token: token.value },
            {
              'proxy-url': `http://kcuser:${encodeURIComponent(kcPw.value)}@127.0.0.1:${proxy.port}`,
            },
          ),
          {},
        ],
      ] as const) {
        const secrets =
          where === 'HTTPS_PROXY'
            ? [envPw, token, { label: 'proxy user:password', value: `puser:${envPw.value}` }]
            : [kcPw, token, { label: 'proxy-url user:password', value: `kcuser:${kcPw.value}` }];
        const { run, leaks } = await searched(action, secrets, {
          ...kubeInputs(action, kubeconfig, action === 'wait-rollout' ? '3s' : '10s'),
          env,
        });
        expect({ where, code: run.code }).toEqual({ where, code: 1 });
        expect({ where, leaks }).toEqual({ where, leaks: [] });
      }
      await proxy.close();
      expect(proxy.seen.length).toBeGreaterThan(0);
    });
  });
}

// ---------------------------------------------------------------------------------------------
describe('bump-helm-values', () => {
  const gitEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      env: gitEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  /** A workspace clone with values.yaml, its origin set to `originUrl`. */
  function workspace(originUrl?: string): string {
    const dir = mkdtempSync(path.join(scratch, 'bump-'));
    const remote = path.join(dir, 'remote.git');
    const ws = path.join(dir, 'ws');
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    git(dir, 'clone', '--quiet', remote, ws);
    writeFileSync(path.join(ws, 'values.yaml'), 'image:\n  tag: 1.0.0\n');
    git(ws, 'add', '--all');
    git(ws, 'commit', '--quiet', '-m', 'seed');
    git(ws, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    if (originUrl) git(ws, 'remote', 'set-url', 'origin', originUrl);
    return ws;
  }

  test('github-token echoed by the GitHub API in a 401 body (pull-request mode)', async () => {
    const token = plant('github-token');
    const api = await startEchoServer({
      answer: (r) => ({
        status: 401,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: `Bad credentials ${echoText(r)}` }),
      }),
    });
    // The remote is a real bare repository: the pr-branch push succeeds, the API call is refused.
    const ws = workspace();
    const { run, leaks } = await searched('bump-helm-values', [token], {
      workspace: ws,
      inputs: {
        files: 'values.yaml',
        changes: 'image.tag=2.0.0',
        'create-pr': 'true',
        'github-token': token.value,
        'author-name': 'ci',
        'author-email': 'ci@example.com',
      },
      env: { GITHUB_API_URL: api.url },
    });
    await api.close();
    expect(sawAll(api)).toContain(token.value);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });

  test('a remote URL with a token, echoed by a git server that refuses the push', async () => {
    const gitToken = plant('git remote url token');
    const server = await startEchoServer({ answer: (r) => ({ status: 403, body: echoText(r) }) });
    const ws = workspace(
      `http://x-access-token:${gitToken.value}@127.0.0.1:${server.port}/octo/infra.git`,
    );
    const { run, leaks } = await searched('bump-helm-values', [gitToken], {
      workspace: ws,
      inputs: {
        files: 'values.yaml',
        changes: 'image.tag=2.0.0',
        'author-name': 'ci',
        'author-email': 'ci@example.com',
      },
      env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    await server.close();
    expect(server.requests.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });

  test('proxy credentials in HTTPS_PROXY, echoed by the proxy git goes through', async () => {
    const proxy = await startHostileProxy();
    const pw = plant('https_proxy password', '@');
    const ws = workspace('https://git.leak.test/octo/infra.git');
    const { run, leaks } = await searched(
      'bump-helm-values',
      [pw, { label: 'proxy user:password', value: `puser:${pw.value}` }],
      {
        workspace: ws,
        inputs: {
          files: 'values.yaml',
          changes: 'image.tag=2.0.0',
          'author-name': 'ci',
          'author-email': 'ci@example.com',
        },
        env: {
          HTTPS_PROXY: `http://puser:${encodeURIComponent(pw.value)}@127.0.0.1:${proxy.port}`,
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_CONFIG_NOSYSTEM: '1',
        },
      },
    );
    await proxy.close();
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    expect(leaks).toEqual([]);
  });
});
