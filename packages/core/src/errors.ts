import type { Runner } from './runner';

/** A bad input: names the input and what was expected. Raised before any side effect. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    expected: string,
  ) {
    super(`Input '${input}': ${expected}`);
    this.name = 'InputError';
  }
}

/** A failure the action explains itself; the message is shown as it is. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Anything thrown, as one clean line. */
export function errorMessage(err: unknown): string {
  let text: string;
  if (err instanceof Error) text = err.message || err.name;
  else if (typeof err === 'string') text = err;
  else {
    try {
      text = JSON.stringify(err) ?? String(err);
    } catch {
      text = String(err);
    }
  }
  const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  return line || 'unknown error';
}

/**
 * The one error path of every action: an exception becomes a one-line ::error:: and exit code 1.
 * The stack trace is shown only with RUNNER_DEBUG=1; secrets are redacted from the message.
 */
export async function runAction(runner: Runner, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    runner.error(runner.redact(errorMessage(err)));
    if (runner.isDebug() && err instanceof Error && err.stack)
      runner.debug(runner.redact(err.stack));
    process.exitCode = 1;
  }
}
