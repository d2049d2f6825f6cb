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
  /** Cancellation (the job's SIGTERM): forwarded to helm as SIGTERM, SIGKILL after the grace. */
  signal?: AbortSignal;
  /** Called with each line helm prints, as it prints it (progress on long upgrades). */
  onLine?: (line: string) => void;
}

/** Runs a program; rejects with `code: 'ENOENT'` when it does not exist. */
export type RunProgram = (
  file: string,
  args: string[],
  opts: ProgramOptions,
) => Promise<ProgramResult & { cancelled?: boolean }>;

/**
 * Helm traps SIGTERM and SIGINT: it cancels the operation's context and, with time left, records
 * the release as failed instead of leaving it pending-*. Its grace before SIGKILL fits inside the
 * runner's 7.5 s between the cancel's SIGINT and its SIGTERM (core's CANCEL_CEILING_MS).
 */
export const HELM_KILL_GRACE_MS = 5_000;

/** The process implementation of RunProgram: core's runProcess (no shell, process group, grace). */
export const spawnProgram: RunProgram = async (file, args, opts) => {
  // Loaded on first use: ~7 ms of startup that a run refused for bad input never needs.
  const { runProcess, ProcessError } = await import('@cicd-actions/core/process');
  let r;
  try {
    r = await runProcess(file, args, {
      env: opts.env,
      timeoutMs: Math.max(1, opts.timeoutMs),
      signal: opts.signal,
      killGraceMs: HELM_KILL_GRACE_MS,
      onStdoutLine: opts.onLine,
      onStderrLine: opts.onLine,
    });
  } catch (err) {
    if (err instanceof ProcessError && err.reason === 'not-found')
      throw Object.assign(new Error(err.message), { code: 'ENOENT' });
    if (err instanceof ProcessError && /permission denied/.test(err.message))
      throw Object.assign(new Error(err.message), { code: 'EACCES' });
    throw err;
  }
  let stderr = r.stderr;
  if (r.timedOut)
    stderr += `\nError: killed after ${Math.round(opts.timeoutMs / 1000)}s (the action's timeout)`;
  return {
    code: r.code ?? (r.signal ? 128 : 1),
    stdout: r.stdout,
    stderr,
    cancelled: r.cancelled,
  };
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
  /** The job's cancellation: every helm command gets SIGTERM when it fires. */
  signal?: AbortSignal;
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

/** `helm history` of a release that does not exist. */
export class ReleaseNotFoundError extends ActionError {}

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
  async exec(
    args: string[],
    timeoutMs: number,
    onLine?: (line: string) => void,
  ): Promise<ProgramResult & { cancelled?: boolean }> {
    try {
      return await this.run(this.o.helm, args, {
        env: this.o.env,
        timeoutMs,
        signal: this.o.signal,
        onLine,
      });
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

  /** The release's history; empty when the release does not exist (yet). */
  async historyOrEmpty(release: string, timeoutMs: number): Promise<HistoryEntry[]> {
    try {
      return await this.history(release, timeoutMs);
    } catch (err) {
      if (err instanceof ReleaseNotFoundError) return [];
      throw err;
    }
  }

  async history(release: string, timeoutMs: number): Promise<HistoryEntry[]> {
    const result = await this.exec(
      ['history', release, ...this.scope(), '--output', 'json', '--max', '256'],
      timeoutMs,
    );
    if (result.code !== 0) {
      if (/release: not found/i.test(result.stderr))
        throw new ReleaseNotFoundError(
          `Release '${release}' not found in namespace '${this.o.namespace}'`,
        );
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
  async rollback(
    args: string[],
    timeoutMs: number,
    onLine?: (line: string) => void,
  ): Promise<ProgramResult & { cancelled?: boolean }> {
    return this.exec(args, timeoutMs, onLine);
  }
}
