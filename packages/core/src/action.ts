// The one entry wrapper of every action: the error path (one-line ::error::, exit 1, stack only
// with RUNNER_DEBUG=1, secrets redacted) and cancellation. On a cancelled job the runner sends
// SIGINT, then SIGTERM 7.5 s later, then kills the process tree 2.5 s after that (GitHub's
// documented order). The first signal aborts the context's signal so that main stops waiting,
// children get SIGTERM (process.ts), and the action reports "cancelled"; cleanups run; the
// process exits non-zero within CANCEL_EXIT_MS (longer only while a child is still in its
// bounded grace). A second signal exits at once.
import { ActionError, errorMessage } from './errors';
import { Runner } from './runner';
import { liveChildren, killAllChildren, stopAllChildren } from './process';
import { proxyEnvSecrets } from './proxy';
import { isSecretName } from './secrets';

export interface ActionContext {
  runner: Runner;
  /** Aborted when the job is cancelled (first SIGTERM or SIGINT). Pass it to every wait, request and child. */
  signal: AbortSignal;
  /** A cleanup (temp kubeconfig, …) that runs once when main ends: success, failure or cancel. */
  onCleanup(fn: () => void | Promise<void>): void;
}

/** The job was cancelled: the message says by which signal. */
export class CancelledError extends ActionError {
  constructor(readonly signalName: string = 'SIGTERM') {
    super(`cancelled (${signalName})`);
    this.name = 'CancelledError';
  }
}

/** Throws CancelledError when the signal has fired. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (!signal.aborted) return;
  const reason: unknown = signal.reason;
  throw reason instanceof CancelledError ? reason : new CancelledError();
}

/** Whether an error is (or came from) the job's cancellation. */
export function isCancellation(err: unknown, signal?: AbortSignal): boolean {
  return err instanceof CancelledError || Boolean(signal?.aborted);
}

/** How long after the first signal the process exits when no child needs longer. */
export const CANCEL_EXIT_MS = 1_500;
/** The ceiling for a child's grace: the runner sends SIGTERM 7.5 s after SIGINT. */
const CANCEL_CEILING_MS = 7_000;

export interface RunActionOptions {
  runner?: Runner;
  /** The process whose signals and exit are handled (tests pass a stand-in). */
  host?: Pick<NodeJS.Process, 'on' | 'off' | 'exit'> & { exitCode?: number | string | null };
}

type Main = (ctx: ActionContext) => Promise<void>;

/**
 * Runs an action's main. `runAction(main)` is the form every action uses; the older
 * `runAction(runner, () => …)` is accepted while actions move over.
 */
export async function runAction(main: Main, options?: RunActionOptions): Promise<void>;
export async function runAction(runner: Runner, main: () => Promise<void>): Promise<void>;
export async function runAction(
  first: Main | Runner,
  second?: RunActionOptions | (() => Promise<void>),
): Promise<void> {
  const legacy = first instanceof Runner;
  const options: RunActionOptions = legacy
    ? { runner: first }
    : ((second as RunActionOptions) ?? {});
  const main: Main = legacy ? (second as () => Promise<void>) : first;
  const runner = options.runner ?? new Runner();
  const host = options.host ?? process;
  // Credentials in HTTPS_PROXY/HTTP_PROXY reach every request and every child (helm, git): masked
  // before anything can print them.
  for (const secret of proxyEnvSecrets(runner.env)) runner.setSecret(secret);
  // Inputs whose name says they are secrets (github-token, slack-token, api-key…) are masked
  // before main reads them, so not even an error about their value can print them.
  for (const [name, value] of Object.entries(runner.env))
    if (name.startsWith('INPUT_') && isSecretName(name.slice('INPUT_'.length)))
      runner.setSecret(value);

  const controller = new AbortController();
  const cleanups: Array<() => void | Promise<void>> = [];
  let cancelledBy: string | undefined;
  let hardExit: NodeJS.Timeout | undefined;
  let summariesAtSignal = 0;
  // A main that did not report after the cancel (it never saw the signal, or was stopped before
  // it could) still leaves a summary that says the step was cancelled, and why it stopped.
  const cancelledSummary = (detail: string) => {
    if (!cancelledBy || runner.summaryCount > summariesAtSignal) return;
    runner.appendSummary(
      `### ⏹️ Cancelled\n\nThe job was cancelled (${cancelledBy}) while this step was running: ${detail}.\n`,
    );
  };

  const runCleanups = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (err) {
        runner.debug(`cleanup failed: ${errorMessage(err)}`);
      }
    }
  };
  const onSignal = (sig: NodeJS.Signals) => {
    if (cancelledBy) {
      // Second signal: no more grace for anyone.
      killAllChildren('SIGKILL');
      host.exit(sig === 'SIGINT' ? 130 : 143);
      return;
    }
    cancelledBy = sig;
    summariesAtSignal = runner.summaryCount;
    runner.info(`Received ${sig}: the job is being cancelled; stopping.`);
    controller.abort(new CancelledError(sig));
    // Every child gets SIGTERM now, also one started without the context's signal: helm records
    // the release state on it, a credential plugin or git just ends.
    stopAllChildren();
    const startedAt = Date.now();
    const graceMs = Math.min(
      CANCEL_CEILING_MS,
      Math.max(CANCEL_EXIT_MS, ...liveChildren().map((c) => c.killGraceMs + 200)),
    );
    const stop = () => {
      const why = `stopped after ${Date.now() - startedAt} ms without finishing`;
      runner.error(`cancelled (${sig}): ${why}`);
      killAllChildren('SIGKILL');
      cancelledSummary(`it was ${why}`);
      void runCleanups()
        .then(() => runner.flush())
        .finally(() => host.exit(1));
    };
    // Past CANCEL_EXIT_MS the process waits only while a child is still in its grace.
    const check = () => {
      const waited = Date.now() - startedAt;
      if (waited >= graceMs || liveChildren().length === 0) stop();
      else hardExit = setTimeout(check, Math.min(100, graceMs - waited));
    };
    hardExit = setTimeout(check, CANCEL_EXIT_MS);
  };
  const sigint = () => onSignal('SIGINT');
  const sigterm = () => onSignal('SIGTERM');
  host.on('SIGINT', sigint);
  host.on('SIGTERM', sigterm);

  try {
    await main({ runner, signal: controller.signal, onCleanup: (fn) => void cleanups.push(fn) });
    if (cancelledBy) throw new CancelledError(cancelledBy);
  } catch (err) {
    const cancelled = cancelledBy !== undefined;
    const message =
      cancelled && !(err instanceof CancelledError)
        ? `cancelled (${cancelledBy}): ${errorMessage(err)}`
        : errorMessage(err);
    runner.error(runner.redact(message));
    if (cancelled)
      cancelledSummary(
        err instanceof CancelledError
          ? 'it stopped'
          : `it stopped: ${runner.redact(errorMessage(err))}`,
      );
    if (runner.isDebug() && err instanceof Error && err.stack)
      runner.debug(runner.redact(err.stack));
    host.exitCode = 1;
  } finally {
    await runCleanups();
    await runner.flush();
    host.off('SIGINT', sigint);
    host.off('SIGTERM', sigterm);
    if (cancelledBy) {
      clearTimeout(hardExit);
      host.exit(1);
    }
  }
}
