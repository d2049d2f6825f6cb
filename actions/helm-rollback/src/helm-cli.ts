// The helm command line: run as a program with an argument array (never a shell), with a
// time limit, and its failures turned into one clear line.
import { ActionError } from '@cicd-actions/core/errors';
import type { Env } from '@cicd-actions/core/runner';
import { parseHelmVersion, type HelmVersion } from './helm-version';
import { parseHistory, type HistoryEntry } from './release-history';

export interface ProgramResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProgramOptions {
  env: Env;
  /** Kill the program after this long. */
  timeoutMs: number;
}

/** Runs a program; rejects with `code: 'ENOENT'` when it does not exist. */
export type RunProgram = (
  file: string,
  args: string[],
  opts: ProgramOptions,
) => Promise<ProgramResult>;

/** The process implementation of RunProgram: spawn without a shell, collect output, kill on overrun. */
export const spawnProgram: RunProgram = async (file, args, opts) => {
  // Loaded on first use: ~7 ms of startup that a run refused for bad input never needs.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: opts.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(
      () => {
        timedOut = true;
        child.kill('SIGTERM');
        // Helm traps SIGTERM to record the release state; give it a moment before forcing.
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      },
      Math.max(1, opts.timeoutMs),
    );
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut)
        stderr += `\nError: killed after ${Math.round(opts.timeoutMs / 1000)}s (the action's timeout)`;
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
};

/** Helm's own last `Error:` line (what it prints before exiting non-zero), else its last line. */
export function lastHelmError(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const errorLine = [...lines].reverse().find((l) => /^Error:/.test(l));
  const line = errorLine ?? lines[lines.length - 1] ?? '';
  return line.replace(/^Error:\s*/, '') || 'no error message';
}

/** Errors worth another try: the API server or the network hiccuped; nothing was changed. */
export function isTransientHelmError(stderr: string): boolean {
  // Helm prints the API server's Status message, not its code, so these are the messages
  // apiserver and etcd send for passing trouble (503 ServiceUnavailable, 429, leader elections).
  return /connection refused|connection reset|i\/o timeout|TLS handshake timeout|unexpected EOF|the server is currently unable|Too Many Requests|rate limiter|etcdserver: (leader changed|request timed out|too many requests)|http2: client connection lost|\b50[234]\b/i.test(
    stderr,
  );
}

export interface HelmCliOptions {
  helm: string;
  env: Env;
  namespace: string;
  kubeContext?: string;
  run?: RunProgram;
}

export class HelmCommandError extends ActionError {
  constructor(
    readonly command: string,
    readonly result: ProgramResult,
  ) {
    super(
      `helm ${command} failed (exit code ${result.code}): ${lastHelmError(result.stderr)}`,
      result.stderr,
    );
  }
}

export class HelmCli {
  private readonly run: RunProgram;

  constructor(private readonly o: HelmCliOptions) {
    this.run = o.run ?? spawnProgram;
  }

  /** Flags every cluster command takes: the namespace and, when chosen, the kubeconfig context. */
  private scope(): string[] {
    return [
      '--namespace',
      this.o.namespace,
      ...(this.o.kubeContext ? ['--kube-context', this.o.kubeContext] : []),
    ];
  }

  /** Runs helm; a missing binary becomes one clear error. */
  async exec(args: string[], timeoutMs: number): Promise<ProgramResult> {
    try {
      return await this.run(this.o.helm, args, { env: this.o.env, timeoutMs });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        throw new ActionError(
          `helm not found: '${this.o.helm}' is not an executable on PATH; install Helm (e.g. azure/setup-helm) or set the 'helm' input to its path`,
        );
      if (code === 'EACCES')
        throw new ActionError(`helm is not executable: '${this.o.helm}' (permission denied)`);
      throw err;
    }
  }

  private async checked(command: string, args: string[], timeoutMs: number): Promise<string> {
    const result = await this.exec(args, timeoutMs);
    if (result.code !== 0) throw new HelmCommandError(command, result);
    return result.stdout;
  }

  async version(timeoutMs: number): Promise<HelmVersion> {
    const out = await this.checked('version', ['version'], timeoutMs);
    const v = parseHelmVersion(out);
    if (!v)
      throw new ActionError(
        `'${this.o.helm}' does not look like Helm: 'helm version' printed ${JSON.stringify(out.trim().slice(0, 80))}`,
      );
    return v;
  }

  async history(release: string, timeoutMs: number): Promise<HistoryEntry[]> {
    const result = await this.exec(
      ['history', release, ...this.scope(), '--output', 'json', '--max', '256'],
      timeoutMs,
    );
    if (result.code !== 0) {
      if (/release: not found/i.test(result.stderr))
        throw new ActionError(`Release '${release}' not found in namespace '${this.o.namespace}'`);
      throw new HelmCommandError('history', result);
    }
    return parseHistory(result.stdout);
  }

  async manifest(release: string, revision: number, timeoutMs: number): Promise<string> {
    return this.checked(
      'get manifest',
      ['get', 'manifest', release, ...this.scope(), '--revision', String(revision)],
      timeoutMs,
    );
  }

  /** `helm rollback` with the arguments rollbackArgs built; never retried (it must happen once). */
  async rollback(args: string[], timeoutMs: number): Promise<ProgramResult> {
    return this.exec(args, timeoutMs);
  }
}
