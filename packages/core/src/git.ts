// Runs git with an argument array (never a shell), in one directory, through the one process
// runner: prompts disabled so a missing credential fails at once, every command under the
// action's deadline, stopped on cancel.
import { runProcess, type ProcessRunner } from './process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  /** Extra environment (e.g. GIT_AUTHOR_NAME) for this command only. */
  env?: Record<string, string>;
  /** Return a non-zero exit instead of throwing (for commands whose failure is an answer). */
  allowFailure?: boolean;
}

export type Git = (args: string[], opts?: GitOptions) => Promise<GitResult>;

/** A git command that exited non-zero: the arguments and git's own first error line. */
export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly result: GitResult,
  ) {
    super(
      `git ${args[0]} failed (exit ${result.code}): ${withoutUrlCredentials(gitErrorLine(result.stderr)) || 'no output'}`,
    );
    this.name = 'GitError';
  }
}

/** `https://user:token@host/…` → `https://***@host/…`: a remote URL may carry a token. */
export function withoutUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

/** The most telling line of git's stderr: the first `fatal:`/`error:` one, else the first line. */
export function gitErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
}

export interface GitSession {
  /** Epoch ms: every git command is stopped (SIGTERM, then SIGKILL) at this deadline. */
  deadline?: number;
  /** Cancellation: the running git gets SIGTERM. */
  signal?: AbortSignal;
  /** Applied to git's output before it reaches a result or an error. */
  redact?: (text: string) => string;
  /** The process runner (tests inject one). */
  run?: ProcessRunner;
}

/** A git command stopped at the deadline or by cancellation. */
export class GitStoppedError extends Error {
  constructor(
    readonly args: string[],
    readonly why: 'timeout' | 'cancelled',
  ) {
    super(
      why === 'timeout'
        ? `git ${args[0]} did not finish before the deadline and was stopped`
        : `git ${args[0]} was stopped: the job is being cancelled`,
    );
    this.name = 'GitStoppedError';
  }
}

export function createGit(
  cwd: string,
  env: Record<string, string | undefined> = process.env,
  binary = 'git',
  session: GitSession = {},
): Git {
  const run = session.run ?? runProcess;
  return async (args, opts = {}) => {
    const r = await run(binary, args, {
      cwd,
      env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env },
      deadline: session.deadline,
      signal: session.signal,
      killGraceMs: 2_000,
      redact: (t) => withoutUrlCredentials(session.redact ? session.redact(t) : t),
    });
    if (r.timedOut || r.cancelled)
      throw new GitStoppedError(args, r.timedOut ? 'timeout' : 'cancelled');
    const result = { code: r.code ?? 1, stdout: r.stdout, stderr: r.stderr };
    if (result.code !== 0 && !opts.allowFailure) throw new GitError(args, result);
    return result;
  };
}
