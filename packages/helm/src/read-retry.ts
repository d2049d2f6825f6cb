// Read-only helm commands (history, get manifest) are safe to repeat: retried on API server and
// network hiccups, with backoff, within the action's one deadline. Writes are never retried.
import type { Clock, Deadline } from '@cicd-actions/core/clock';
import { formatDuration } from '@cicd-actions/core/inputs';
import type { Runner } from '@cicd-actions/core/runner';
import { HelmCommandError, isTransientHelmError, lastHelmError } from './helm-cli';

const READ_ATTEMPTS = 3;

export async function readWithRetry<T>(
  runner: Runner,
  clock: Clock,
  deadline: Deadline,
  what: string,
  read: (timeoutMs: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read(Math.max(1000, deadline.remaining()));
    } catch (err) {
      const transient = err instanceof HelmCommandError && isTransientHelmError(err.result.stderr);
      const wait = 1000 * 2 ** (attempt - 1);
      if (!transient || attempt >= READ_ATTEMPTS || deadline.remaining() <= wait) throw err;
      runner.warning(
        `${what} failed (${lastHelmError((err as HelmCommandError).result.stderr)}); retrying in ${formatDuration(wait)}`,
      );
      await clock.sleep(wait);
    }
  }
}
