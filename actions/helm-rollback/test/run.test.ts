// main() with a scripted helm (no processes): the orchestration paths the e2e suite cannot reach
// cheaply — Helm 2, a Helm newer than 4, an exit 0 without a new revision, progress lines.
import { systemClock } from '@cicd-actions/core/clock';
import { Runner } from '@cicd-actions/core/runner';
import { parseFileCommands } from '../../../test/harness/run-action';
import type { ProgramResult, RunProgram } from '@cicd-actions/helm/helm-cli';
import { main } from '../src/run';

const row = (revision: number, status: string, description = '') => ({
  revision,
  updated: '2026-01-01T00:00:00Z',
  status,
  chart: `web-0.${revision}.0`,
  app_version: `1.${revision}`,
  description,
});
const HISTORY = JSON.stringify([row(1, 'superseded'), row(2, 'deployed'), row(3, 'failed')]);

interface Script {
  version?: string;
  history?: string[];
  rollback?: ProgramResult & { delayMs?: number };
}

function scriptedHelm(script: Script): { run: RunProgram; calls: string[][] } {
  const calls: string[][] = [];
  const histories = [...(script.history ?? [HISTORY])];
  const run: RunProgram = async (_file, args) => {
    calls.push(args);
    const ok = (stdout: string): ProgramResult => ({ code: 0, stdout, stderr: '' });
    switch (args[0]) {
      case 'version':
        return ok(script.version ?? 'version.BuildInfo{Version:"v3.17.3", GitCommit:"x"}\n');
      case 'history':
        return ok(histories.length > 1 ? histories.shift()! : histories[0]);
      case 'rollback': {
        const r = script.rollback ?? {
          code: 0,
          stdout: 'Rollback was a success! Happy Helming!\n',
          stderr: '',
        };
        if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
        return r;
      }
      case 'get':
        return ok('apiVersion: v1\nkind: Service\nmetadata: {name: web}\n');
      default:
        return { code: 1, stdout: '', stderr: `Error: unknown command "${args[0]}"\n` };
    }
  };
  return { run, calls };
}

async function runMain(inputs: Record<string, string>, script: Script, progressEveryMs?: number) {
  let stdout = '';
  const files: Record<string, string> = {};
  const env: Record<string, string> = {
    GITHUB_OUTPUT: 'out',
    GITHUB_STEP_SUMMARY: 'sum',
    RUNNER_TEMP: '/tmp',
  };
  for (const [k, v] of Object.entries({
    namespace: 'prod',
    timeout: '1m',
    'failed-revision': 'any',
    ...inputs,
  }))
    env[`INPUT_${k.toUpperCase()}`] = v;
  const runner = new Runner({
    env,
    write: (t) => void (stdout += t),
    appendFile: (p, t) => void (files[p] = (files[p] ?? '') + t),
  });
  const helm = scriptedHelm(script);
  let error: unknown;
  try {
    await main(runner, { clock: systemClock, run: helm.run, progressEveryMs });
  } catch (err) {
    error = err;
  }
  return {
    stdout,
    error: error as Error | undefined,
    outputs: parseFileCommands(files.out ?? ''),
    summary: files.sum ?? '',
    calls: helm.calls,
  };
}

describe('main', () => {
  test('Helm 2 is refused after `helm version`, before anything else', async () => {
    const r = await runMain(
      { release: 'web' },
      { version: 'Client: &version.Version{SemVer:"v2.17.0", GitCommit:"a"}\n' },
    );
    expect(r.error?.message).toMatch(/^Helm v2\.17\.0 is not supported/);
    expect(r.calls.map((c) => c[0])).toEqual(['version']);
    expect(r.outputs.status).toBe('failed');
  });

  test('a Helm newer than 4 gets Helm 4 flags and a warning', async () => {
    const after = JSON.stringify([
      row(1, 'superseded'),
      row(2, 'superseded'),
      row(3, 'failed'),
      row(4, 'deployed', 'Rollback to 2'),
    ]);
    const r = await runMain(
      { release: 'web', verify: 'false' },
      { version: 'version.BuildInfo{Version:"v5.0.0"}', history: [HISTORY, after] },
    );
    expect(r.error).toBeUndefined();
    expect(r.stdout).toContain(
      '::warning::Helm v5.0.0 is newer than this action knows; passing Helm 4 flags',
    );
    expect(r.calls.find((c) => c[0] === 'rollback')).toContain('--wait=watcher');
    expect(r.outputs).toMatchObject({ status: 'rolled-back', 'new-revision': '4' });
  });

  test('helm exiting 0 without writing a new revision is a failure, not a success', async () => {
    const r = await runMain({ release: 'web' }, { history: [HISTORY, HISTORY] });
    expect(r.error?.message).toBe(
      'helm rollback of web exited 0 but its history shows no new revision after 3',
    );
    expect(r.outputs.status).toBe('failed');
    // (the 'get manifest' calls before the rollback read each revision's images for the history)
    expect(r.calls.map((c) => c[0]).filter((c) => c !== 'get')).toEqual([
      'version',
      'history',
      'rollback',
      'history',
    ]);
  });

  test('a long helm rollback prints progress lines', async () => {
    const after = JSON.stringify([
      row(1, 'superseded'),
      row(2, 'superseded'),
      row(3, 'failed'),
      row(4, 'deployed'),
    ]);
    const r = await runMain(
      { release: 'web', verify: 'false' },
      { history: [HISTORY, after], rollback: { code: 0, stdout: '', stderr: '', delayMs: 120 } },
      25,
    );
    expect(r.error).toBeUndefined();
    expect(
      r.stdout.match(/^… helm rollback still running \(\d+ms elapsed, \S+ left\)$/gm)?.length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('a manifest without workloads is rolled back but has nothing to verify', async () => {
    const after = JSON.stringify([
      row(1, 'superseded'),
      row(2, 'superseded'),
      row(3, 'failed'),
      row(4, 'deployed'),
    ]);
    const r = await runMain({ release: 'web' }, { history: [HISTORY, after] });
    expect(r.error).toBeUndefined();
    expect(r.outputs.status).toBe('rolled-back');
    expect(r.summary).toContain('has no Deployments, StatefulSets or DaemonSets to wait for');
  });
});
