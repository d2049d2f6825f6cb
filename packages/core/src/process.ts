// The one process runner (git, helm, credential plugins): an argument array, never a shell; a
// deadline; cancellation that forwards SIGTERM to the child's whole process group and SIGKILLs it
// after a bounded grace; output captured (capped) and redacted. Built on node:child_process, not
// @actions/exec: exec exposes no child handle, no signal and no timeout (actions/toolkit#1469 is
// still open), so it can neither stop a hung `git push` at the deadline nor forward a cancel to
// helm (docs/decisions.md).
import type { ChildProcess } from 'node:child_process';

export interface ProcessOptions {
  cwd?: string;
  /** Default process.env; the proxy variables pass through with it. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (stdin is closed at once without it). */
  input?: string;
  /** Epoch ms (Deadline.at): SIGTERM at the deadline. */
  deadline?: number;
  /** Or a relative limit; the earlier of the two wins. */
  timeoutMs?: number;
  /** Cancellation: SIGTERM forwarded to the child when it fires. */
  signal?: AbortSignal;
  /** After SIGTERM, SIGKILL this much later. Default 5000. */
  killGraceMs?: number;
  /** Per stream; the rest is dropped and `truncated` set. Default 4 MiB. */
  maxOutputBytes?: number;
  /** Applied to everything the result carries. */
  redact?: (text: string) => string;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

export interface ProcessResult {
  /** The exit code, or null when a signal ended the child. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Stopped at the deadline or timeout. */
  timedOut: boolean;
  /** Stopped because the signal fired. */
  cancelled: boolean;
  /** Output beyond maxOutputBytes was dropped. */
  truncated: boolean;
  durationMs: number;
}

export type ProcessRunner = (
  command: string,
  args: readonly string[],
  options?: ProcessOptions,
) => Promise<ProcessResult>;

/** The child could not be started at all. */
export class ProcessError extends Error {
  constructor(
    readonly reason: 'not-found' | 'too-long' | 'spawn',
    message: string,
  ) {
    super(message);
    this.name = 'ProcessError';
  }
}

interface LiveChild {
  child: ChildProcess;
  killGraceMs: number;
  /** SIGTERM to its process group, SIGKILL after its grace; once. */
  stop: () => void;
}
const live = new Set<LiveChild>();

/** Children still running (cancellation gives them their grace). */
export function liveChildren(): ReadonlyArray<{ killGraceMs: number }> {
  return [...live];
}

/**
 * Stops every live child as its deadline would: SIGTERM to its process group, SIGKILL after its
 * grace — also children started without the job's signal (the first cancel signal).
 */
export function stopAllChildren(): void {
  for (const c of live) c.stop();
}

/** Signals every live child's process group (the second cancel signal: SIGKILL). */
export function killAllChildren(signal: NodeJS.Signals): void {
  for (const c of live) signalGroup(c.child, signal);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The child leads its own process group (detached): its helpers (git-remote-https, a helm
    // plugin) get the signal too.
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

const SECRET_FLAG =
  /^--?(token|client[-_]?secret|password|passwd|secret|api[-_]?key|auth[-_]?token|access[-_]?token|private[-_]?key|key)$/i;
const SECRET_FLAG_WITH_VALUE =
  /^(--?(?:token|client[-_]?secret|password|passwd|secret|api[-_]?key|auth[-_]?token|access[-_]?token|private[-_]?key|key))=(.+)$/i;

/** The values that secret-looking flags carry (`--token x`, `--client-secret=x`): mask them. */
export function secretArgValues(args: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const withValue = SECRET_FLAG_WITH_VALUE.exec(args[i]);
    if (withValue) found.push(withValue[2]);
    else if (SECRET_FLAG.test(args[i]) && i + 1 < args.length) found.push(args[i + 1]);
  }
  return found;
}

/** `helm upgrade … --token ***`: a command line safe to print (values of secret flags hidden). */
export function printableCommand(command: string, args: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const withValue = SECRET_FLAG_WITH_VALUE.exec(args[i]);
    if (withValue) out.push(`${withValue[1]}=***`);
    else if (SECRET_FLAG.test(args[i]) && i + 1 < args.length) {
      out.push(args[i], '***');
      i++;
    } else out.push(/^[\w@%+=:,./-]+$/.test(args[i]) ? args[i] : JSON.stringify(args[i]));
  }
  return [command, ...out].join(' ');
}

const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;

/** Runs a command with an argument array. Resolves for any exit; rejects only when it cannot start. */
export const runProcess: ProcessRunner = async (command, args, options = {}) => {
  const { spawn } = await import('node:child_process');
  const redact = options.redact ?? ((t: string) => t);
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const killGraceMs = options.killGraceMs ?? 5_000;
  const started = performance.now();
  const limits = [
    options.timeoutMs !== undefined ? options.timeoutMs : Infinity,
    options.deadline !== undefined ? options.deadline - Date.now() : Infinity,
  ];
  const limitMs = Math.min(...limits);

  return new Promise<ProcessResult>((resolve, reject) => {
    if (options.signal?.aborted || limitMs <= 0) {
      const cancelled = Boolean(options.signal?.aborted);
      resolve({
        code: null,
        signal: null,
        stdout: '',
        stderr: '',
        timedOut: !cancelled,
        cancelled,
        truncated: false,
        durationMs: 0,
      });
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn(command, [...args], {
        cwd: options.cwd,
        env: (options.env ?? process.env) as NodeJS.ProcessEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (err) {
      reject(startError(command, err as NodeJS.ErrnoException));
      return;
    }
    let timedOut = false;
    let cancelled = false;
    let truncated = false;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (killTimer) return;
      signalGroup(child, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), killGraceMs);
    };
    const entry: LiveChild = { child, killGraceMs, stop };
    live.add(entry);
    const limitTimer = Number.isFinite(limitMs)
      ? setTimeout(
          () => {
            timedOut = true;
            stop();
          },
          Math.min(limitMs, 2 ** 31 - 1),
        )
      : undefined;
    const onAbort = () => {
      cancelled = true;
      stop();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const collect = (stream: NodeJS.ReadableStream | null, onLine?: (line: string) => void) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let partial = '';
      const decoder = new TextDecoder();
      stream?.on('data', (chunk: Buffer) => {
        if (size < maxBytes) {
          const room = maxBytes - size;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          if (chunk.length > room) truncated = true;
          size += Math.min(chunk.length, room);
        } else truncated = true;
        if (onLine) {
          const lines = (partial + decoder.decode(chunk, { stream: true })).split(/\r?\n/);
          partial = lines.pop() ?? '';
          for (const line of lines) onLine(redact(line));
        }
      });
      return () => {
        if (onLine && partial) onLine(redact(partial));
        return redact(Buffer.concat(chunks).toString('utf8'));
      };
    };
    const stdout = collect(child.stdout, options.onStdoutLine);
    const stderr = collect(child.stderr, options.onStderrLine);
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');

    let settled = false;
    const finish = () => {
      live.delete(entry);
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      finish();
      reject(startError(command, err));
    });
    child.on('close', (code, sig) => {
      if (settled) return;
      settled = true;
      finish();
      resolve({
        code,
        signal: sig,
        stdout: stdout(),
        stderr: stderr(),
        timedOut,
        cancelled,
        truncated,
        durationMs: performance.now() - started,
      });
    });
  });
};

function startError(command: string, err: NodeJS.ErrnoException): ProcessError {
  if (err.code === 'ENOENT')
    return new ProcessError('not-found', `cannot run ${command}: not found`);
  if (err.code === 'E2BIG' || err.code === 'ENAMETOOLONG') {
    return new ProcessError(
      'too-long',
      `cannot run ${command}: its arguments or environment are too long (${err.code})`,
    );
  }
  if (err.code === 'EACCES')
    return new ProcessError('spawn', `cannot run ${command}: permission denied`);
  return new ProcessError('spawn', `cannot run ${command}: ${err.code ?? err.message}`);
}
