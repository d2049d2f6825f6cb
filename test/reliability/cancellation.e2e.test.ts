// Issue 12, "cancellation", across every bundle: each action is stopped with a real SIGTERM in the
// middle of its work (a request that is never answered, a watch that never completes, a
// credential plugin or helm or git that never ends), as the runner does on a cancelled job. Each
// must exit non-zero within 2 s of the signal, leave no child running (every child records its
// pid), leave nothing in RUNNER_TEMP (helm-rollback's kubeconfig copy lives there), and say
// "cancelled" in its summary. health-check-retry and slack-discord-notify also say it in their
// outputs.
import { execFileSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { cleanupRun, runBundle, type ActionRun, type RunOptions } from '../harness/run-action';
import { deployment, startCluster, type SimCluster } from '../k8s-sim/index';
import { startEchoServer } from './echo-server';

const runs: ActionRun[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'cancellation-'));
const exitTimes: Record<string, number> = {};
afterAll(() => {
  runs.forEach(cleanupRun);
  rmSync(scratch, { recursive: true, force: true });
  console.log(`cancellation: exit after SIGTERM (ms) ${JSON.stringify(exitTimes)}`);
});

/** A script that appends its pid to `pidFile`, then does `body`. */
function script(name: string, body: string, pidFile: string): string {
  const file = path.join(scratch, `${name}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, `#!/bin/sh\necho $$ >> '${pidFile}'\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const pidsIn = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];

/** Runs the bundle, sends SIGTERM once `ready()` holds; returns the run and how long exit took. */
async function cancelled(
  action: string,
  ready: () => boolean,
  opts: RunOptions,
): Promise<{ run: ActionRun; exitMs: number; runnerTemp: string[] }> {
  let signalledAt = 0;
  let child: ChildProcess | undefined;
  const run = await runBundle(action, {
    timeoutMs: 60_000,
    ...opts,
    onSpawn: (c) => {
      child = c;
      const poll = setInterval(() => {
        if (!ready()) return;
        clearInterval(poll);
        signalledAt = Date.now();
        c.kill('SIGTERM');
      }, 20);
      c.on('close', () => clearInterval(poll));
    },
  });
  expect(child).toBeDefined();
  runs.push(run);
  const exitMs = Date.now() - signalledAt;
  exitTimes[action] = Math.max(exitTimes[action] ?? 0, exitMs);
  const runnerTemp = readdirSync(path.join(run.tempDir, 'runner-temp'));
  return { run, exitMs, runnerTemp };
}

/** What every action must do on SIGTERM (`temp`: also nothing left in RUNNER_TEMP). */
function expectCancelled(
  r: { run: ActionRun; exitMs: number; runnerTemp: string[] },
  { temp = true }: { temp?: boolean } = {},
) {
  expect(r.exitMs).toBeGreaterThan(0); // the signal was sent (not an early exit)
  expect(r.run.code).not.toBe(0);
  expect(r.run.code).not.toBeNull();
  expect(r.exitMs).toBeLessThanOrEqual(2000);
  expect(r.run.errors.join('\n')).toMatch(/cancelled \(SIGTERM\)/);
  expect(r.run.summary).toMatch(/cancelled/i);
  if (temp) expect(r.runnerTemp).toEqual([]);
}

test('health-check-retry: a request that is never answered', async () => {
  const server = await startEchoServer({ answer: () => 'hang' });
  const r = await cancelled('health-check-retry', () => server.requests.length > 0, {
    inputs: { url: `${server.url}/health`, 'max-attempts': '5', 'attempt-timeout': '30s' },
  });
  await server.close();
  expectCancelled(r);
  expect(r.run.outputs.healthy).toBe('false');
  expect(r.run.outputs.message).toMatch(/cancelled/);
});

test('slack-discord-notify: a webhook that is never answered', async () => {
  const server = await startEchoServer({ answer: () => 'hang' });
  const r = await cancelled('slack-discord-notify', () => server.requests.length > 0, {
    inputs: {
      'allow-any-url': 'true',
      'slack-webhook-url': `${server.url}/services/T0/B0/cancelwebhooksecret`,
      status: 'started',
      timeout: '30s',
    },
  });
  await server.close();
  expectCancelled(r);
  expect(r.run.outputs['slack-sent']).toBe('false');
});

describe('the Kubernetes actions', () => {
  let cluster: SimCluster;
  beforeAll(async () => {
    cluster = await startCluster({ namespaces: ['prod'] });
    cluster.apply({
      ...deployment({ name: 'api', namespace: 'prod', image: 'registry.example/api:never-ready' }),
    });
  });
  afterAll(() => cluster.close());

  test('wait-rollout: a rollout that never completes (watching)', async () => {
    const r = await cancelled(
      'wait-rollout',
      () => cluster.requests.some((q) => q.watch && q.path.includes('/deployments')),
      {
        inputs: {
          resources: 'deployment/api',
          namespace: 'prod',
          timeout: '60s',
          kubeconfig: cluster.kubeconfig(),
        },
      },
    );
    expectCancelled(r);
  });

  test('wait-rollout: an exec credential plugin that never ends is stopped with the action', async () => {
    const pids = path.join(scratch, `plugin-pids-${Date.now()}`);
    const plugin = script('hung-plugin', 'exec sleep 60', pids);
    const r = await cancelled('wait-rollout', () => pidsIn(pids).length > 0, {
      inputs: {
        resources: 'deployment/api',
        namespace: 'prod',
        timeout: '60s',
        kubeconfig: cluster.kubeconfig({
          user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin } },
        }),
      },
    });
    expectCancelled(r);
    expect(pidsIn(pids).filter(alive)).toEqual([]);
  });
});

test('bump-helm-values: a git push to a remote that never answers', async () => {
  const server = await startEchoServer({ answer: () => 'hang' });
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const dir = mkdtempSync(path.join(scratch, 'bump-'));
  const ws = path.join(dir, 'ws');
  mkdirSync(ws);
  git(ws, 'init', '--quiet', '--initial-branch=main');
  writeFileSync(path.join(ws, 'values.yaml'), 'image:\n  tag: 1.0.0\n');
  git(ws, 'add', '--all');
  git(ws, 'commit', '--quiet', '-m', 'seed');
  git(ws, 'remote', 'add', 'origin', `${server.url}/octo/infra.git`);
  // A git wrapper first on PATH records every git the action starts.
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const pids = path.join(dir, 'git-pids');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho $$ >> '${pids}'\nexec '${realGit}' "$@"\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  const r = await cancelled('bump-helm-values', () => server.requests.length > 0, {
    workspace: ws,
    inputs: {
      files: 'values.yaml',
      changes: 'image.tag=2.0.0',
      'author-name': 'ci',
      'author-email': 'ci@example.com',
    },
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  await server.close();
  expectCancelled(r);
  expect(pidsIn(pids).length).toBeGreaterThan(0);
  expect(pidsIn(pids).filter(alive)).toEqual([]);
});

test('helm-rollback: a helm rollback that never ends', async () => {
  const pids = path.join(scratch, `helm-pids-${Date.now()}`);
  const history = JSON.stringify([
    {
      revision: 1,
      updated: '2026-01-01T00:00:00Z',
      status: 'superseded',
      chart: 'web-1.0.0',
      app_version: '1.0',
      description: 'Install complete',
    },
    {
      revision: 2,
      updated: '2026-01-02T00:00:00Z',
      status: 'failed',
      chart: 'web-1.1.0',
      app_version: '1.1',
      description: 'Upgrade failed',
    },
  ]);
  // A helm stand-in that answers version/history and hangs in rollback, recording its pid.
  const helm = script(
    'helm',
    [
      'case "$1" in',
      `  version) echo 'version.BuildInfo{Version:"v3.17.3", GitCommit:"x", GitTreeState:"clean", GoVersion:"go1.23"}' ;;`,
      `  history) echo '${history}' ;;`,
      '  rollback) exec sleep 60 ;;',
      '  *) exit 1 ;;',
      'esac',
    ].join('\n'),
    pids,
  );
  const kubeconfig = stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
    users: [{ name: 'u', user: { token: 'cancel-test-token-0123456789' } }],
    contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'c',
  });
  let rollbackStarted = false;
  const r = await cancelled('helm-rollback', () => (rollbackStarted ||= pidsIn(pids).length >= 3), {
    inputs: { release: 'web', namespace: 'prod', helm, kubeconfig, timeout: '60s' },
  });
  // helm runs through core's runProcess (SIGTERM to its process group) and the kubeconfig copy
  // is an onCleanup: both must be gone when the action has exited.
  expectCancelled(r);
  expect(pidsIn(pids).length).toBeGreaterThanOrEqual(3); // version, history, rollback ran
  const survivors = pidsIn(pids).filter(alive);
  for (const pid of survivors) process.kill(pid, 'SIGKILL');
  expect(survivors).toEqual([]);
});

test('helm-deploy: a helm upgrade that never ends', async () => {
  const pids = path.join(scratch, `deploy-pids-${Date.now()}`);
  const upgrades = path.join(scratch, `deploy-upgrades-${Date.now()}`);
  // A helm stand-in: version, an empty history (first install), and an upgrade that hangs; every
  // helm records its pid, the upgrade also in `upgrades` (the signal goes once it has started).
  const helm = script(
    'helm',
    [
      'case "$1" in',
      `  version) echo 'version.BuildInfo{Version:"v3.17.3", GitCommit:"x", GitTreeState:"clean", GoVersion:"go1.23"}' ;;`,
      `  history) echo 'Error: release: not found' >&2; exit 1 ;;`,
      `  upgrade) echo $$ >> '${upgrades}'; exec sleep 60 ;;`,
      '  *) exit 1 ;;',
      'esac',
    ].join('\n'),
    pids,
  );
  const workspace = mkdtempSync(path.join(scratch, 'deploy-ws-'));
  mkdirSync(path.join(workspace, 'chart'));
  writeFileSync(
    path.join(workspace, 'chart', 'Chart.yaml'),
    'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  );
  const kubeconfig = stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
    users: [{ name: 'u', user: { token: 'cancel-test-token-0123456789' } }],
    contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'c',
  });
  const r = await cancelled('helm-deploy', () => pidsIn(upgrades).length > 0, {
    workspace,
    inputs: { release: 'web', chart: 'chart', namespace: 'prod', helm, kubeconfig, timeout: '60s' },
  });
  // helm runs through core's runProcess and the kubeconfig copy in RUNNER_TEMP is an onCleanup.
  expectCancelled(r);
  expect(r.run.outputs.status).toBe('cancelled');
  expect(r.run.outputs.message).toMatch(/cancelled/i);
  expect(pidsIn(upgrades).length).toBe(1);
  const survivors = pidsIn(pids).filter(alive);
  for (const pid of survivors) process.kill(pid, 'SIGKILL');
  expect(survivors).toEqual([]);
});
