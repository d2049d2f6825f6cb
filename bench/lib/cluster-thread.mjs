// The simulated cluster (bench/lib/cluster.mjs) on a worker thread of its own. A bench that
// time-stamps what its children print must not be the thread that also serves their API calls:
// on one thread, the moment a child's line is read depends on how long the simulator was busy
// (encrypting the watch events, closing the child's connection) before the event loop got to the
// pipe. Times cross the thread boundary as process.hrtime (one monotonic clock for all threads).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Milliseconds on the clock every thread of the process shares. */
export const clock = () => Number(process.hrtime.bigint()) / 1e6;

if (!isMainThread && workerData?.clusterThread) {
  const { startCluster } = await import('./cluster.mjs');
  const log = (line) => parentPort.postMessage({ log: line });
  const cluster = await startCluster(workerData.ctx, log);
  /** A performance.now() of this thread, on the shared clock. */
  const shared = (at) => clock() - (performance.now() - at);
  const ops = {
    kubeconfig: () => cluster.kubeconfig(),
    namespace: () => cluster.namespace,
    requestCount: () => cluster.requestLog().length,
    /** The request records from index `from`, reduced to what the bench reads. */
    requestsSince: (from) =>
      cluster
        .requestLog()
        .slice(from)
        .map((r) => ({ watch: Boolean(r.watch), status: r.status, userAgent: r.userAgent ?? '' })),
    lastRequestAt: () => shared(cluster.lastRequestAt()),
    ensureRolledOut: (names) => names.forEach((n) => cluster.ensureRolledOut(n)),
    startRollout: (names) => names.forEach((n) => cluster.startRollout(n)),
    /** Completes them all, in order; answers when the last status was written (clock()). */
    completeRollouts: (names) => {
      for (const n of names) cluster.completeRollout(n);
      return clock();
    },
    close: () => cluster.close(),
  };
  parentPort.on('message', async ({ id, op, args }) => {
    try {
      parentPort.postMessage({ id, result: await ops[op](...args) });
    } catch (err) {
      parentPort.postMessage({ id, error: String(err?.stack ?? err) });
    }
  });
  parentPort.postMessage({ ready: Boolean(cluster) });
}

/** Starts the simulated cluster on its own thread; null when it cannot be built (as startCluster). */
export async function startClusterThread(ctx, log) {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { clusterThread: true, ctx },
  });
  const pending = new Map();
  let next = 0;
  let onReady;
  const ready = new Promise((resolve, reject) => {
    onReady = resolve;
    worker.once('error', reject);
  });
  worker.on('message', (m) => {
    if (m.log !== undefined) return log(m.log);
    if (m.ready !== undefined) return onReady(m.ready);
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  const call = (op, ...args) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  if (!(await ready)) {
    await worker.terminate();
    return null;
  }
  const [kubeconfig, namespace] = [await call('kubeconfig'), await call('namespace')];
  return {
    namespace,
    kubeconfig: () => kubeconfig,
    requestCount: () => call('requestCount'),
    requestsSince: (from) => call('requestsSince', from),
    lastRequestAt: () => call('lastRequestAt'),
    ensureRolledOut: (names) => call('ensureRolledOut', names),
    startRollout: (names) => call('startRollout', names),
    completeRollouts: (names) => call('completeRollouts', names),
    close: async () => {
      await call('close');
      await worker.terminate();
    },
  };
}
