// Runs git with an argument array (never a shell), in one directory, with prompts disabled so
// a missing credential fails at once instead of hanging the job.
import { spawn } from 'node:child_process';

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

export function createGit(
  cwd: string,
  env: Record<string, string | undefined> = process.env,
  binary = 'git',
): Git {
  return (args, opts = {}) =>
    new Promise<GitResult>((resolve, reject) => {
      const child = spawn(binary, args, {
        cwd,
        env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env } as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', (err) => reject(new Error(`cannot run ${binary}: ${err.message}`)));
      child.on('close', (code) => {
        const result = { code: code ?? 1, stdout, stderr };
        if (result.code !== 0 && !opts.allowFailure) reject(new GitError(args, result));
        else resolve(result);
      });
    });
}
