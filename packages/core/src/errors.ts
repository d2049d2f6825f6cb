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
