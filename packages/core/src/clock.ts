/** Time as the actions see it; tests inject a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** One overall deadline shared by everything an action does. */
export class Deadline {
  readonly at: number;

  constructor(
    private readonly clock: Clock,
    timeoutMs: number,
  ) {
    this.at = clock.now() + timeoutMs;
  }

  remaining(): number {
    return Math.max(0, this.at - this.clock.now());
  }

  expired(): boolean {
    return this.remaining() <= 0;
  }

  /** The smaller of a wanted duration and the time left. */
  cap(ms: number): number {
    return Math.min(ms, this.remaining());
  }
}
