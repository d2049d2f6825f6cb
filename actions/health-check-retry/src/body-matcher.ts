// `expected-body` is a JavaScript regular expression, and V8's engine backtracks: `(a+)+$`
// against "aaaa…b" runs for longer than the universe. So the match runs in a worker thread with
// a time limit; a match that runs out of time fails the attempt, the worker is terminated, and
// the next attempt gets a fresh one. The worker is started when the check starts, so its
// start-up (~40 ms) overlaps the first request instead of adding to it.
import type { Worker } from 'node:worker_threads';

export type BodyMatch = 'match' | 'no-match' | 'timeout';

export interface BodyMatcher {
  /** Whether `text` matches, or 'timeout' after `limitMs`. */
  match(text: string, limitMs: number): Promise<BodyMatch>;
  close(): Promise<void>;
}

// CommonJS, evaluated by the worker: compile once, answer each text.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pattern = new RegExp(workerData.source, workerData.flags);
parentPort.on('message', (text) => {
  pattern.lastIndex = 0;
  parentPort.postMessage(pattern.test(text));
});
`;

/** The longest a body check may take in one attempt (and never past the overall deadline). */
export const MATCH_LIMIT_MS = 1000;

export function workerMatcher(pattern: RegExp): BodyMatcher {
  let worker: Promise<Worker> | undefined;
  const start = () =>
    (worker ??= import('node:worker_threads').then(({ Worker }) => {
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { source: pattern.source, flags: pattern.flags },
      });
      w.unref();
      return w;
    }));
  // Not awaited: an unref'd worker never holds the process, and waiting for its teardown would
  // add to every run.
  const stop = async () => {
    const w = worker;
    worker = undefined;
    if (w) void (await w).terminate();
  };
  void start();
  return {
    async match(text, limitMs) {
      const w = await start();
      return new Promise<BodyMatch>((resolve) => {
        const timer = setTimeout(
          () => {
            w.off('message', onMessage);
            void stop().then(() => resolve('timeout'));
          },
          Math.max(1, limitMs),
        );
        const onMessage = (matched: boolean) => {
          clearTimeout(timer);
          w.off('error', onError);
          resolve(matched ? 'match' : 'no-match');
        };
        // A worker that dies is as good as one that ran out of time: no answer.
        const onError = () => {
          clearTimeout(timer);
          w.off('message', onMessage);
          void stop().then(() => resolve('timeout'));
        };
        w.once('message', onMessage);
        w.once('error', onError);
        w.postMessage(text);
      });
    },
    close: stop,
  };
}

/** In-thread matching, for tests with patterns that cannot backtrack badly. */
export function directMatcher(pattern: RegExp): BodyMatcher {
  return {
    match: async (text) => (pattern.test(text) ? 'match' : 'no-match'),
    close: async () => undefined,
  };
}
