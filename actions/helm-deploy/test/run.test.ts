// main() with a scripted helm and a stubbed wait (no processes, no cluster): the paths the e2e
// suites cannot reach cheaply — Helm 2, a release stuck in pending-*, helm exiting 0 without a
// revision, the atomic reserve, progress lines.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '@cicd-actions/core/clock';
import { Runner } from '@cicd-actions/core/runner';
import type { ProgramResult, RunProgram } from '@cicd-actions/helm/helm-cli';
import type { VerifyWorkloads } from '@cicd-actions/helm/verify-workloads';
import { parseFileCommands } from '../../../test/harness/run-action';
import { main, rollbackReserveMs } from '../src/run';

const row = (revision: number, status: string, description = '') => ({
  revision,
  updated: '2026-01-01T00:00:00Z',
  status,
  chart: 'web-1.0.0',
  app_version: '1.0.0',
  description,
});

let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'helm-deploy-run-'));
  mkdirSync(path.join(workspace, 'chart'));
  writeFileSync(
    path.join(workspace, 'chart', 'Chart.yaml'),
    'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  );
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

interface Script {
  version?: string;
  histories: object[][];
  upgrade?: ProgramResult & { delayMs?: number };
}

function scriptedHelm(script: Script): { run: RunProgram; calls: string[][] } {
  const calls: string[][] = [];
  const histories = [...script.histories];
  const run: RunProgram = async (_file, args) => {
    calls.push(args);
    const ok = (stdout: string): ProgramResult => ({ code: 0, stdout, stderr: '' });
    switch (args[0]) {
      case 'version':
        return ok(script.version ?? 'version.BuildInfo{Version:"v3.17.3", GitCommit:"x"}\n');
      case 'history': {
        const h = histories.length > 1 ? histories.shift()! : histories[0];
        return h.length
          ? ok(JSON.stringify(h))
          : { code: 1, stdout: '', stderr: 'Error: release: not found\n' };
      }
      case 'upgrade': {
        const r = script.upgrade ?? {
          code: 0,
          stdout: 'Release "web" has been upgraded.\n',
          stderr: '',
        };
        if (r.delayMs) await new Promise((resolve) => setTimeout(resolve, r.delayMs));
        return r;
      }
      case 'get':
        return ok(
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: a, image: reg/web:2}]}}}\n',
        );
      default:
        return { code: 1, stdout: '', stderr: `Error: unknown command "${args[0]}"\n` };
    }
  };
  return { run, calls };
}

const readyVerify: VerifyWorkloads = async (refs, { onResult }) =>
  refs.map((ref) => {
    onResult?.({
      ...ref,
      done: true,
      outcome: 'ready',
      message: 'successfully rolled out',
      elapsedMs: 1200,
    });
    return {
      workload: `${ref.kind}/${ref.name}`,
      namespace: ref.namespace,
      ready: true,
      replicas: '1/1',
      revision: '2',
      message: 'ready in 1.2s',
    };
  });

async function runMain(inputs: Record<string, string>, script: Script, progressEveryMs?: number) {
  let stdout = '';
  const files: Record<string, string> = {};
  const env: Record<string, string> = {
    GITHUB_OUTPUT: 'out',
    GITHUB_STEP_SUMMARY: 'sum',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: tmpdir(),
  };
  for (const [k, v] of Object.entries({
    release: 'web',
    chart: './chart',
    namespace: 'prod',
    timeout: '1m',
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
    await main(runner, { clock: systemClock, run: helm.run, verify: readyVerify, progressEveryMs });
  } catch (err) {
    error = err;
  }
  return {
    stdout,
    error: error as Error | undefined,
    outputs: parseFileCommands(files.out ?? ''),
    summary: files.sum ?? '',
    calls: helm.calls.map((c) => c[0]),
  };
}

describe('helm-deploy main', () => {
  test('Helm 2 is refused after helm version, before anything else', async () => {
    const r = await runMain(
      {},
      { version: 'Client: &version.Version{SemVer:"v2.17.0"}\n', histories: [[]] },
    );
    expect(r.error?.message).toMatch(/^Helm v2\.17\.0 is not supported/);
    expect(r.calls).toEqual(['version']);
    expect(r.outputs.status).toBe('failed');
  });

  test('a release stuck in pending-upgrade is refused with the way out, before any upgrade', async () => {
    const r = await runMain({}, { histories: [[row(1, 'deployed'), row(2, 'pending-upgrade')]] });
    expect(r.error?.message).toMatch(
      /stuck in pending-upgrade at revision 2 .*roll it back first \(helm-rollback\)$/,
    );
    expect(r.calls).toEqual(['version', 'history']);
    expect(r.outputs).toMatchObject({ status: 'failed', revision: '', 'previous-revision': '2' });
  });

  test('helm exiting 0 without writing a revision is a failure, not a success', async () => {
    const h = [row(1, 'superseded'), row(2, 'deployed')];
    const r = await runMain({}, { histories: [h, h] });
    expect(r.error?.message).toMatch(/exited 0 but its history shows no new revision after 2/);
    expect(r.outputs).toMatchObject({ status: 'failed', revision: '' });
  });

  test('a first install: previous-revision empty, revision 1, deployed; the summary says first install', async () => {
    const r = await runMain({}, { histories: [[], [row(1, 'deployed', 'Install complete')]] });
    expect(r.error).toBeUndefined();
    expect(r.outputs).toMatchObject({ status: 'deployed', revision: '1', 'previous-revision': '' });
    expect(JSON.parse(r.outputs.resources)).toEqual([
      expect.objectContaining({ kind: 'Deployment', name: 'web', outcome: 'ready', seconds: 1.2 }),
    ]);
    expect(r.summary).toContain('first install');
    expect(r.summary).toMatch(
      /\| 1 ← this run \| deployed \| web-1\.0\.0 \| 1\.0\.0 \| reg\/web:2 \|/,
    );
  });

  test('a long helm upgrade prints progress lines', async () => {
    const r = await runMain(
      {},
      {
        histories: [[row(1, 'deployed')], [row(1, 'superseded'), row(2, 'deployed')]],
        upgrade: { code: 0, stdout: '', stderr: '', delayMs: 250 },
      },
      60,
    );
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/… helm upgrade still running \(.* elapsed, .* left\)/);
  });

  test.each([
    { timeoutMs: 60_000, reserve: 20_000 },
    { timeoutMs: 600_000, reserve: 150_000 },
    { timeoutMs: 10_000, reserve: 5_000 },
  ])('atomic keeps $reserve ms of $timeoutMs for the rollback', ({ timeoutMs, reserve }) =>
    expect(rollbackReserveMs(timeoutMs)).toBe(reserve),
  );
});
