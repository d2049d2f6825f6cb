// The two kinds of step that run for real: one of our actions, spawned from its bundle in dist/
// through the runner harness, and a run: script, spawned with bash as the runner does. On
// cancel both get the runner's sequence: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanupRun, parseFileCommands, runBundle } from '../../../test/harness/run-action';
import type { StepRun } from './engine';

export const CANCEL_SIGTERM_AFTER_MS = 7500;
export const CANCEL_SIGKILL_AFTER_MS = 2500;

/** Sends `sig` to the child, or to its whole process group when it leads one (a run: script). */
function send(child: ChildProcess, sig: NodeJS.Signals, group: boolean): void {
  try {
    if (group && child.pid) process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    // Already gone.
  }
}

/** Signals `child` the way the runner does when the job is cancelled. */
export function cancelOnAbort(child: ChildProcess, signal: AbortSignal, group = false): () => void {
  const timers: NodeJS.Timeout[] = [];
  const onAbort = () => {
    send(child, 'SIGINT', group);
    timers.push(
      setTimeout(() => {
        send(child, 'SIGTERM', group);
        timers.push(setTimeout(() => send(child, 'SIGKILL', group), CANCEL_SIGKILL_AFTER_MS));
      }, CANCEL_SIGTERM_AFTER_MS),
    );
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
    for (const t of timers) clearTimeout(t);
  };
}

export interface BundleStep {
  action: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
  signal: AbortSignal;
  timeoutMs: number;
}

export async function runOurAction(s: BundleStep): Promise<StepRun> {
  let stop = () => undefined as void;
  const run = await runBundle(s.action, {
    inputs: s.inputs,
    env: s.env,
    workspace: s.workspace,
    timeoutMs: s.timeoutMs,
    onSpawn: (child) => {
      stop = cancelOnAbort(child, s.signal);
    },
  });
  stop();
  cleanupRun(run);
  return {
    exitCode: run.code,
    log: run.stdout + run.stderr,
    outputs: run.outputs,
    summary: run.summary,
    exportedEnv: run.exportedEnv,
    path: run.path,
    cancelled: s.signal.aborted,
  };
}

export interface ScriptStep {
  script: string;
  /** `shell:` as written; undefined is the runner's default on Linux (bash -e). */
  shell?: string;
  env: Record<string, string>;
  cwd: string;
  runnerTemp: string;
  signal: AbortSignal;
  timeoutMs: number;
}

/** bash as the runner calls it: `bash -e {0}` by default, `bash --noprofile --norc -eo pipefail {0}` for shell: bash. */
export async function runScript(s: ScriptStep): Promise<StepRun> {
  if (s.shell && s.shell !== 'bash') throw new Error(`shell: ${s.shell} is not supported here`);
  mkdirSync(s.runnerTemp, { recursive: true });
  const dir = mkdtempSync(path.join(s.runnerTemp, 'step-'));
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
    GITHUB_STATE: path.join(dir, 'state'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const script = path.join(dir, 'script.sh');
  writeFileSync(script, s.script);
  const args = s.shell ? ['--noprofile', '--norc', '-eo', 'pipefail', script] : ['-e', script];
  // Its own process group, so that a cancel or the timeout reaches what the script started too.
  const child = spawn('bash', args, {
    cwd: s.cwd,
    env: { ...s.env, ...files, RUNNER_TEMP: s.runnerTemp },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = cancelOnAbort(child, s.signal, true);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    send(child, 'SIGKILL', true);
  }, s.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  }).finally(() => {
    clearTimeout(timer);
    stop();
  });
  const read = (f: string) => readFileSync(f, 'utf8');
  const result: StepRun = {
    exitCode: code,
    log: timedOut
      ? `${out}::error::the step ran past its ${s.timeoutMs / 1000} s limit and was killed\n`
      : out,
    outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    exportedEnv: parseFileCommands(read(files.GITHUB_ENV)),
    path: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    cancelled: s.signal.aborted,
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}
