// Waiting for several workloads' rollouts at once under one deadline, as `kubectl rollout status`
// decides each: list, then watch from the list's resourceVersion (relist on 410 Gone, rewatch with
// backoff when the stream ends or breaks), a re-GET every ~20 s in case a watch goes silent, and
// — with fail-fast — a look at the new revision's pods for failures that will not heal.
import { backoffDelay, systemClock, type Clock } from '@cicd-actions/core';
import { KubeApiError, type ApiStatus, type KubeApi, type WatchEvent } from './kube-api';
import { newRevisionPods, podProblem, type PodProblem } from './diagnostics';
import {
  replicaCounts,
  rolloutStatus,
  workloadRevision,
  type ReplicaCounts,
  type Workload,
} from './rollout-status';
import {
  formatWorkloadRef,
  workloadCollectionPath,
  workloadResourceName,
  type WorkloadRef,
} from './workload-ref';

export type RolloutOutcome = 'ready' | 'failed' | 'timed-out';

export interface RolloutResult extends WorkloadRef {
  done: boolean;
  outcome: RolloutOutcome;
  /** kubectl's last message (without its trailing newline), or why it failed. */
  message: string;
  /**
   * Why it is not done: ProgressDeadlineExceeded, CrashLoopBackOff, ImagePullBackOff, ...,
   * NotFound, Deleted, UnsupportedStrategy, Unauthorized, Forbidden, Timeout.
   */
  reason?: string;
  replicas?: ReplicaCounts;
  revision?: string;
  /** From the start of the wait to ready (or to the end). */
  elapsedMs: number;
  /** The pod that made fail-fast give up. */
  failingPod?: PodProblem;
  /** The workload as last seen (for diagnostics). */
  object?: Workload;
}

export interface RolloutProgress {
  ref: WorkloadRef;
  message: string;
  replicas?: ReplicaCounts;
  elapsedMs: number;
  /** True when the message differs from the last one reported for this workload. */
  changed: boolean;
}

export interface WaitForRolloutsOptions {
  api: KubeApi;
  targets: WorkloadRef[];
  /** Absolute time (clock ms) by which every rollout must be done: one deadline for all. */
  deadline: number;
  clock?: Clock;
  /** Give up early on ProgressDeadlineExceeded and on pods that will not become ready. Default true. */
  failFast?: boolean;
  /** Restarts before a CrashLoopBackOff counts as a failure. Default 2. */
  crashLoopRestarts?: number;
  onProgress?: (progress: RolloutProgress) => void;
  /** At most one progress report per workload this often, unless its message changes. Default 5 s. */
  progressIntervalMs?: number;
  /** Re-GET period, against a watch that went silent without ending. Default 20 s. */
  backstopMs?: number;
  /** How often the new revision's pods are checked for fail-fast. Default 2 s. */
  podCheckMs?: number;
  /** A watch silent this long is cut and reopened. Default 60 s. */
  watchIdleMs?: number;
  /** Backoff cap between reconnects. Default 5 s. */
  maxBackoffMs?: number;
  signal?: AbortSignal;
  random?: () => number;
}

interface List<T> {
  metadata?: { resourceVersion?: string };
  items?: T[];
}

const trimMessage = (m: string) => m.replace(/\s+$/, '');

/** Follows one workload until its rollout is done, fails, or the shared deadline passes. */
class RolloutFollower {
  private readonly stop = new AbortController();
  private readonly started: number;
  private object?: Workload;
  private message = 'Waiting for the workload to be read...';
  private result?: RolloutResult;
  private lastReported?: { message: string; at: number };
  private podCheckRunning = false;
  private lastPodCheck = -Infinity;
  private resolveFinished!: (r: RolloutResult) => void;
  readonly finished = new Promise<RolloutResult>((resolve) => (this.resolveFinished = resolve));
  private readonly path: string;
  private readonly fieldSelector: string;

  constructor(
    private readonly ref: WorkloadRef,
    private readonly o: Required<
      Omit<WaitForRolloutsOptions, 'onProgress' | 'signal' | 'targets'>
    > &
      Pick<WaitForRolloutsOptions, 'onProgress'>,
  ) {
    this.started = o.clock.now();
    this.path = workloadCollectionPath(ref.kind, ref.namespace);
    this.fieldSelector = `metadata.name=${ref.name}`;
  }

  private get isFinished(): boolean {
    return this.result !== undefined;
  }

  private finish(
    outcome: RolloutOutcome,
    message: string,
    reason?: string,
    failingPod?: PodProblem,
  ): void {
    if (this.result) return;
    const obj = this.object;
    this.result = {
      ...this.ref,
      done: outcome === 'ready',
      outcome,
      message: trimMessage(message),
      reason,
      replicas: obj ? replicaCounts(this.ref.kind, obj) : undefined,
      revision: obj ? workloadRevision(this.ref.kind, obj) : undefined,
      elapsedMs: this.o.clock.now() - this.started,
      failingPod,
      object: obj,
    };
    this.stop.abort();
    this.resolveFinished(this.result);
  }

  /** The shared deadline passed (or the caller aborted). */
  timeOut(): void {
    this.finish('timed-out', this.message, 'Timeout');
  }

  private report(): void {
    if (!this.o.onProgress) return;
    const now = this.o.clock.now();
    const changed = this.lastReported?.message !== this.message;
    if (!changed && this.lastReported && now - this.lastReported.at < this.o.progressIntervalMs)
      return;
    this.lastReported = { message: this.message, at: now };
    this.o.onProgress({
      ref: this.ref,
      message: this.message,
      replicas: this.object ? replicaCounts(this.ref.kind, this.object) : undefined,
      elapsedMs: now - this.started,
      changed,
    });
  }

  /** A fresh view of the workload: decide as kubectl does. */
  private consider(obj: Workload): void {
    if (this.isFinished) return;
    this.object = obj;
    const status = rolloutStatus(this.ref.kind, obj);
    if (status.error) {
      this.message = status.error;
      if (status.reason !== 'ProgressDeadlineExceeded' || this.o.failFast)
        return this.finish('failed', status.error, status.reason);
      this.report();
      return;
    }
    this.message = trimMessage(status.message);
    if (status.done) return this.finish('ready', status.message);
    this.report();
    // A busy rollout sends many events; looking at its pods twice a second is enough.
    if (
      this.o.failFast &&
      this.o.clock.now() - this.lastPodCheck >= Math.min(500, this.o.podCheckMs)
    )
      void this.checkPods();
  }

  private failOnApiError(err: unknown): boolean {
    if (!(err instanceof KubeApiError) || err.retryable || err.code === 'ABORTED') return false;
    if (err.status === 410) return false;
    const reason = err.status === 404 ? 'NotFound' : (err.reason ?? `HTTP${err.status ?? ''}`);
    this.finish('failed', err.message, reason);
    return true;
  }

  private notFound(): void {
    this.finish(
      'failed',
      `${workloadResourceName(this.ref.kind)} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`,
      'NotFound',
    );
  }

  /** Never past the deadline, and never 0 ms: a loop must yield to the timers, the deadline's included. */
  private async sleep(ms: number): Promise<void> {
    await this.o.clock.sleep(
      Math.max(1, Math.min(ms, this.o.deadline - this.o.clock.now())),
      this.stop.signal,
    );
  }

  private get pastDeadline(): boolean {
    return this.o.clock.now() >= this.o.deadline;
  }

  /** list → watch → (rewatch | relist) until finished. */
  private async follow(): Promise<void> {
    let resourceVersion: string | undefined;
    let needList = true;
    let failures = 0;
    while (!this.isFinished) {
      try {
        if (needList) {
          const list = await this.o.api.get<List<Workload>>(
            this.path,
            { fieldSelector: this.fieldSelector },
            { signal: this.stop.signal },
          );
          const obj = list.items?.find((i) => i.metadata?.name === this.ref.name);
          if (!obj) return this.notFound();
          resourceVersion = list.metadata?.resourceVersion ?? obj.metadata?.resourceVersion;
          needList = false;
          this.consider(obj);
          if (this.isFinished) return;
        }
        const watchStop = new AbortController();
        const onStop = () => watchStop.abort();
        this.stop.signal.addEventListener('abort', onStop, { once: true });
        let received = false;
        const remainingS = Math.max(1, Math.ceil((this.o.deadline - this.o.clock.now()) / 1000));
        try {
          await this.o.api.watch<Workload | ApiStatus>(
            this.path,
            {
              fieldSelector: this.fieldSelector,
              resourceVersion,
              allowWatchBookmarks: 'true',
              timeoutSeconds: String(Math.min(remainingS + 5, 600)),
            },
            (event: WatchEvent<Workload | ApiStatus>) => {
              if (this.isFinished) return;
              if (event.type === 'ERROR') {
                const status = event.object as ApiStatus;
                // 410 Gone / Expired: our resourceVersion is too old to resume from; list again.
                if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
                  needList = true;
                watchStop.abort();
                return;
              }
              received = true;
              const obj = event.object as Workload;
              if (obj.metadata?.resourceVersion) resourceVersion = obj.metadata.resourceVersion;
              if (event.type === 'BOOKMARK') return;
              if (event.type === 'DELETED')
                return this.finish(
                  'failed',
                  `${formatWorkloadRef(this.ref)} was deleted while waiting for its rollout`,
                  'Deleted',
                );
              this.consider(obj);
            },
            { signal: watchStop.signal, idleTimeoutMs: this.o.watchIdleMs },
          );
        } finally {
          this.stop.signal.removeEventListener('abort', onStop);
        }
        if (this.isFinished) return;
        if (needList) continue;
        // The server ended the watch (its timeout, a restart): resume from where we were.
        failures = received ? 0 : failures + 1;
        if (failures > 0)
          await this.sleep(
            backoffDelay(
              failures,
              { initialMs: 100, maxMs: this.o.maxBackoffMs, jitter: true },
              this.o.random,
            ),
          );
      } catch (err) {
        if (this.isFinished) return;
        if (err instanceof KubeApiError && err.status === 410) {
          needList = true;
          continue;
        }
        if (this.failOnApiError(err)) return;
        failures++;
        await this.sleep(
          backoffDelay(
            failures,
            { initialMs: 100, maxMs: this.o.maxBackoffMs, jitter: true },
            this.o.random,
          ),
        );
      }
    }
  }

  /** Against a watch that stays open but says nothing: read the object now and then. */
  private async backstop(): Promise<void> {
    while (!this.isFinished && !this.pastDeadline) {
      await this.sleep(this.o.backstopMs);
      if (this.isFinished || this.pastDeadline) return;
      try {
        const obj = await this.o.api.get<Workload>(
          `${this.path}/${encodeURIComponent(this.ref.name)}`,
          undefined,
          { signal: this.stop.signal },
        );
        this.consider(obj);
      } catch (err) {
        if (err instanceof KubeApiError && err.status === 404) return this.notFound();
        // Anything else is the watch loop's to handle.
      }
    }
  }

  private async checkPods(): Promise<void> {
    if (this.podCheckRunning || this.isFinished || !this.object) return;
    this.podCheckRunning = true;
    this.lastPodCheck = this.o.clock.now();
    try {
      const { pods } = await newRevisionPods(this.o.api, this.ref, this.object, this.stop.signal);
      for (const pod of pods) {
        const problem = podProblem(pod, this.o.crashLoopRestarts);
        if (problem) {
          const restarts =
            problem.reason === 'CrashLoopBackOff' ? ` after ${problem.restarts} restarts` : '';
          return this.finish(
            'failed',
            `pod ${problem.pod} of the new revision: container ${problem.container} is in ${problem.reason}${restarts}${problem.message ? ` (${problem.message})` : ''}`,
            problem.reason,
            problem,
          );
        }
      }
    } catch {
      // A failed look at the pods is retried on the next tick; it never fails the rollout.
    } finally {
      this.podCheckRunning = false;
    }
  }

  private async podLoop(): Promise<void> {
    while (!this.isFinished && !this.pastDeadline) {
      await this.sleep(this.o.podCheckMs);
      if (this.isFinished) return;
      await this.checkPods();
    }
  }

  private async heartbeat(): Promise<void> {
    while (!this.isFinished && !this.pastDeadline) {
      await this.sleep(this.o.progressIntervalMs);
      if (!this.isFinished && !this.pastDeadline) this.report();
    }
  }

  run(): Promise<RolloutResult> {
    void this.follow();
    void this.backstop();
    void this.heartbeat();
    if (this.o.failFast) void this.podLoop();
    return this.finished;
  }
}

/**
 * Waits for every target's rollout, concurrently, until all are done or failed or the deadline
 * passes. Results are in the order of `targets`; it never throws for a workload's failure.
 */
export async function waitForRollouts(options: WaitForRolloutsOptions): Promise<RolloutResult[]> {
  const o = {
    clock: systemClock,
    failFast: true,
    crashLoopRestarts: 2,
    progressIntervalMs: 5_000,
    backstopMs: 20_000,
    podCheckMs: 2_000,
    watchIdleMs: 60_000,
    maxBackoffMs: 5_000,
    random: Math.random,
    ...options,
  };
  const followers = options.targets.map((t) => new RolloutFollower(t, o));
  const timer = new AbortController();
  const onAbort = () => followers.forEach((f) => f.timeOut());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  void o.clock.sleep(Math.max(0, o.deadline - o.clock.now()), timer.signal).then(() => {
    if (!timer.signal.aborted) followers.forEach((f) => f.timeOut());
  });
  try {
    return await Promise.all(followers.map((f) => f.run()));
  } finally {
    timer.abort();
    options.signal?.removeEventListener('abort', onAbort);
  }
}
