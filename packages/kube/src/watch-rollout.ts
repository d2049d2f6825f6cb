// Waiting for several workloads' rollouts at once under one deadline, as `kubectl rollout status`
// decides each. One LIST+WATCH per collection (kind and namespace) serves every target in it:
// list, then watch from the list's resourceVersion (relist on 410 Gone, rewatch with backoff when
// the stream ends or breaks), a relist every ~20 s in case a watch goes silent, and — when the
// watch itself is forbidden (403/405: RBAC with get+list but no watch) — polling by relisting
// with client-go's reflector backoff (0.8 s doubling to 30 s), as kubectl does. With fail-fast,
// one look at a namespace's pods (and ReplicaSets) serves every target in it.
import { backoffDelay, systemClock, type Clock } from '@cicd-actions/core';
import { KubeApiError, type ApiStatus, type KubeApi, type WatchEvent } from './kube-api';
import {
  TRANSIENT_GRACE_MS,
  labelSelectorString,
  newRevisionPodsIn,
  podProblem,
  type Pod,
  type PodProblem,
  type ReplicaSet,
} from './diagnostics';
import { missingImages, type ExpectedImage } from './expected-images';
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
   * NotFound, NamespaceNotFound, Deleted, UnsupportedStrategy, Unauthorized, Forbidden, Timeout.
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
  /**
   * Give up early on pods that will not become ready. Default true. (ProgressDeadlineExceeded
   * fails whatever this says, as in kubectl.)
   */
  failFast?: boolean;
  /**
   * Images the pod templates must carry before their rollout is judged (the CD tool has applied
   * the release): `container=image`, or a bare image matched by repository. Default none.
   */
  images?: readonly ExpectedImage[];
  /** Restarts before a CrashLoopBackOff counts as a failure. Default 2. */
  crashLoopRestarts?: number;
  /** How long ErrImagePull / CreateContainerConfigError must persist before they fail. Default 10 s. */
  transientGraceMs?: number;
  onProgress?: (progress: RolloutProgress) => void;
  /** Called the moment a target is done, failed or timed out (before the others finish). */
  onResult?: (result: RolloutResult) => void;
  /** Things said once, e.g. that a forbidden watch made it poll. */
  onNotice?: (line: string) => void;
  /** At most one progress report per workload this often, unless its message changes. Default 5 s. */
  progressIntervalMs?: number;
  /** Relist period, against a watch that went silent without ending. Default 20 s. */
  backstopMs?: number;
  /** How often the new revision's pods are checked for fail-fast. Default 2 s. */
  podCheckMs?: number;
  /** A watch silent this long is cut and reopened. Default 60 s. */
  watchIdleMs?: number;
  /** Backoff cap between reconnects. Default 5 s. */
  maxBackoffMs?: number;
  /** Polling (watch forbidden): first relist delay and cap, as client-go's reflector. 800 ms / 30 s. */
  pollInitialMs?: number;
  pollMaxMs?: number;
  signal?: AbortSignal;
  random?: () => number;
}

interface List<T> {
  metadata?: { resourceVersion?: string };
  items?: T[];
}

type Settings = Required<
  Omit<WaitForRolloutsOptions, 'onProgress' | 'onResult' | 'onNotice' | 'signal' | 'targets'>
> &
  Pick<WaitForRolloutsOptions, 'onProgress' | 'onResult' | 'onNotice'>;

const trimMessage = (m: string) => m.replace(/\s+$/, '');

/** The reflector's backoff: 0.8 s, 1.6 s, ... capped at 30 s, with up to 100 % jitter (capped too). */
export function pollDelay(
  attempt: number,
  o: { pollInitialMs: number; pollMaxMs: number },
  random: () => number = Math.random,
): number {
  const base = Math.min(o.pollMaxMs, o.pollInitialMs * 2 ** Math.max(0, attempt - 1));
  return Math.min(o.pollMaxMs, Math.round(base * (1 + random())));
}

/** What a collection's watch hands each of its targets. */
export interface Follower {
  readonly ref: { name: string; namespace: string };
  readonly isFinished: boolean;
  readonly finished: Promise<unknown>;
  consider(obj: never): void;
  deleted(): void;
  notFound(namespaceMissing: boolean): void;
  failOn(err: KubeApiError): void;
}

/** Follows one workload's views (from its collection's watch) until done, failed or timed out. */
class RolloutFollower implements Follower {
  private readonly started: number;
  object?: Workload;
  private message = 'Waiting for the workload to be read...';
  result?: RolloutResult;
  private lastReported?: { message: string; at: number };
  private resolveFinished!: (r: RolloutResult) => void;
  readonly finished = new Promise<RolloutResult>((resolve) => (this.resolveFinished = resolve));
  /** Set when a fresh view wants its pods looked at soon. */
  onViewed?: () => void;
  /** The pod template does not carry the expected images yet: nothing of it to judge. */
  awaitingTemplate = false;

  constructor(
    readonly ref: WorkloadRef,
    private readonly o: Settings,
  ) {
    this.started = o.clock.now();
  }

  get isFinished(): boolean {
    return this.result !== undefined;
  }

  finish(outcome: RolloutOutcome, message: string, reason?: string, failingPod?: PodProblem) {
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
    this.o.onResult?.(this.result);
    this.resolveFinished(this.result);
  }

  /** The shared deadline passed (or the caller aborted); `lastError` says why nothing came. */
  timeOut(lastError?: string): void {
    this.finish('timed-out', withLastError(this.message, lastError), 'Timeout');
  }

  report(): void {
    if (!this.o.onProgress || this.isFinished) return;
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
  consider(obj: Workload): void {
    if (this.isFinished) return;
    this.object = obj;
    if (this.o.images.length) {
      const missing = missingImages(obj, this.o.images);
      this.awaitingTemplate = missing.length > 0;
      if (this.awaitingTemplate) {
        this.message = `Waiting for the pod template of ${formatWorkloadRef(this.ref)} to carry ${missing.join(', ')}...`;
        return this.report();
      }
    }
    const status = rolloutStatus(this.ref.kind, obj);
    if (status.error) {
      // kubectl's status viewer returns the error and kubectl stops, whatever its flags:
      // ProgressDeadlineExceeded fails with or without fail-fast.
      this.message = status.error;
      return this.finish('failed', status.error, status.reason);
    }
    this.message = trimMessage(status.message);
    if (status.done) return this.finish('ready', status.message);
    this.report();
    this.onViewed?.();
  }

  deleted(): void {
    this.finish(
      'failed',
      `${formatWorkloadRef(this.ref)} was deleted while waiting for its rollout`,
      'Deleted',
    );
  }

  notFound(namespaceMissing: boolean): void {
    if (namespaceMissing)
      return this.finish(
        'failed',
        `namespaces "${this.ref.namespace}" not found`,
        'NamespaceNotFound',
      );
    this.finish(
      'failed',
      `${workloadResourceName(this.ref.kind)} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`,
      'NotFound',
    );
  }

  failOn(err: KubeApiError): void {
    const reason = err.status === 404 ? 'NotFound' : (err.reason ?? `HTTP${err.status ?? ''}`);
    this.finish('failed', err.message, reason);
  }
}

/** The settings a collection's watch needs. */
export type WatchSettings = Pick<
  Settings,
  | 'api'
  | 'clock'
  | 'deadline'
  | 'backstopMs'
  | 'watchIdleMs'
  | 'maxBackoffMs'
  | 'pollInitialMs'
  | 'pollMaxMs'
  | 'random'
  | 'onNotice'
>;

/** What the watchers of one wait share: settings, the stop signal, the namespace look-ups. */
export class Shared<S extends WatchSettings = Settings> {
  readonly stop = new AbortController();
  private readonly namespaces = new Map<string, Promise<boolean>>();
  private noticed = new Set<string>();

  /**
   * The last error of a request that will be retried (a refused connection, a proxy's refusal,
   * a 5xx), cleared by a successful list: what a wait that times out says about why.
   */
  lastError?: string;

  constructor(readonly o: S) {}

  noteError(err: unknown): void {
    if (err instanceof KubeApiError && err.code !== 'ABORTED') this.lastError = err.message;
  }

  get pastDeadline(): boolean {
    return this.o.clock.now() >= this.o.deadline;
  }

  /** Never past the deadline, and never 0 ms: a loop must yield to the timers, the deadline's included. */
  async sleep(ms: number, signal: AbortSignal = this.stop.signal): Promise<void> {
    await this.o.clock.sleep(
      Math.max(1, Math.min(ms, this.o.deadline - this.o.clock.now())),
      signal,
    );
  }

  /** Whether the namespace is known to be missing (a 404 on it); asked once per namespace. */
  namespaceMissing(namespace: string): Promise<boolean> {
    let answer = this.namespaces.get(namespace);
    if (!answer) {
      answer = this.o.api
        .get(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, undefined, {
          signal: this.stop.signal,
        })
        .then(
          () => false,
          // A 403 (a namespaced account may not read namespaces) says nothing: keep kubectl's
          // answer about the workload then.
          (err: unknown) => err instanceof KubeApiError && err.status === 404,
        );
      this.namespaces.set(namespace, answer);
    }
    return answer;
  }

  notice(key: string, line: string): void {
    if (this.noticed.has(key)) return;
    this.noticed.add(key);
    this.o.onNotice?.(line);
  }
}

/** A timed-out wait's message, with the last connection error when there was one. */
export const withLastError = (message: string, lastError: string | undefined): string =>
  lastError ? `${message.replace(/\s+$/, '')} (last error: ${lastError})` : message;

/** Client errors that will not change by asking again (but 410 is handled by relisting). */
const isFinal = (err: unknown): err is KubeApiError =>
  err instanceof KubeApiError && !err.retryable && err.code !== 'ABORTED' && err.status !== 410;

/** One LIST+WATCH of a collection (kind, namespace), dispatching to every target in it. */
export class CollectionWatch {
  private readonly followers = new Map<string, Follower>();
  private readonly done = new AbortController();
  private polling = false;

  /**
   * @param path the collection, e.g. /apis/apps/v1/namespaces/x/deployments
   * @param resource how the server names the resource in messages (`deployments.apps`)
   */
  constructor(
    private readonly s: Shared<WatchSettings>,
    private readonly path: string,
    private readonly resource: string,
    readonly namespace: string,
  ) {}

  /** How many followers have not finished (counted down: 200 finishing must not scan 200 × 200). */
  private unfinished = 0;

  /** Targets come deduplicated (inputs.ts), so a name is added once. */
  add(f: Follower): void {
    this.followers.set(f.ref.name, f);
    this.unfinished++;
    void f.finished.then(() => {
      if (--this.unfinished === 0) this.done.abort();
    });
  }

  private get open(): Follower[] {
    return [...this.followers.values()].filter((f) => !f.isFinished);
  }

  private get signal(): AbortSignal {
    return AbortSignal.any([this.s.stop.signal, this.done.signal]);
  }

  private get finished(): boolean {
    return this.done.signal.aborted || this.s.stop.signal.aborted;
  }

  /** One object: the server filters by name; several: the whole collection, filtered here. */
  private get fieldSelector(): string | undefined {
    return this.followers.size === 1 ? `metadata.name=${[...this.followers.keys()][0]}` : undefined;
  }

  private failAll(err: KubeApiError): void {
    for (const f of this.open) f.failOn(err);
  }

  /** Lists, hands every target its object, and answers the resourceVersion to watch from. */
  private async list(): Promise<string | undefined> {
    const list = await this.s.o.api.get<List<Workload>>(
      this.path,
      { fieldSelector: this.fieldSelector },
      { signal: this.signal },
    );
    const byName = new Map<string, Workload>();
    for (const item of list.items ?? [])
      if (item.metadata?.name) byName.set(item.metadata.name, item);
    const missing: Follower[] = [];
    for (const f of this.open) {
      const obj = byName.get(f.ref.name);
      if (obj) f.consider(obj as never);
      else missing.push(f);
    }
    if (missing.length) {
      const nsMissing = byName.size === 0 && (await this.s.namespaceMissing(this.namespace));
      for (const f of missing) f.notFound(nsMissing);
    }
    return list.metadata?.resourceVersion;
  }

  private onEvent(
    event: WatchEvent<Workload | ApiStatus>,
    watchStop: AbortController,
    state: { needList: boolean; rv?: string; received: boolean },
  ) {
    if (event.type === 'ERROR') {
      const status = event.object as ApiStatus;
      // 410 Gone / Expired: our resourceVersion is too old to resume from; list again.
      if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
        state.needList = true;
      watchStop.abort();
      return;
    }
    state.received = true;
    const obj = event.object as Workload;
    if (obj.metadata?.resourceVersion) state.rv = obj.metadata.resourceVersion;
    if (event.type === 'BOOKMARK') return;
    const f = this.followers.get(obj.metadata?.name ?? '');
    if (!f) return;
    if (event.type === 'DELETED') return f.deleted();
    f.consider(obj as never);
  }

  private watchForbidden(err: KubeApiError): void {
    this.polling = true;
    this.s.notice(
      `poll:${this.path}`,
      `Watching ${this.resource} in namespace ${this.namespace} is not allowed (${err.status} ${err.reason ?? ''}: ${err.message}); ` +
        `polling instead, as kubectl does: relisting with backoff from ${this.s.o.pollInitialMs / 1000} s to ${this.s.o.pollMaxMs / 1000} s`,
    );
  }

  /** list → watch → (rewatch | relist) until every target here is finished. */
  async run(): Promise<void> {
    const state: { needList: boolean; rv?: string; received: boolean } = {
      needList: true,
      received: false,
    };
    let failures = 0;
    let polls = 0;
    void this.backstop();
    while (!this.finished) {
      try {
        if (state.needList) {
          state.rv = await this.list();
          this.s.lastError = undefined;
          state.needList = false;
          if (this.finished) return;
        }
        const watchStop = new AbortController();
        const signal = AbortSignal.any([this.signal, watchStop.signal]);
        state.received = false;
        const remainingS = Math.max(
          1,
          Math.ceil((this.s.o.deadline - this.s.o.clock.now()) / 1000),
        );
        try {
          await this.s.o.api.watch<Workload | ApiStatus>(
            this.path,
            {
              fieldSelector: this.fieldSelector,
              resourceVersion: state.rv,
              allowWatchBookmarks: 'true',
              timeoutSeconds: String(Math.min(remainingS + 5, 600)),
            },
            (event) => {
              if (!this.finished) this.onEvent(event, watchStop, state);
            },
            { signal, idleTimeoutMs: this.s.o.watchIdleMs },
          );
        } catch (err) {
          if (err instanceof KubeApiError && (err.status === 403 || err.status === 405)) {
            // Allowed to list but not to watch: poll by relisting with the reflector's backoff,
            // trying the watch again each round (RBAC may change), as client-go does.
            if (this.finished) return;
            this.watchForbidden(err);
            polls++;
            await this.s.sleep(pollDelay(polls, this.s.o, this.s.o.random), this.signal);
            state.needList = true;
            continue;
          }
          throw err;
        }
        if (this.polling && state.received) {
          this.polling = false;
          polls = 0;
        }
        if (this.finished) return;
        if (state.needList) continue;
        // The server ended the watch (its timeout, a restart): resume from where we were.
        failures = state.received ? 0 : failures + 1;
        if (failures > 0)
          await this.s.sleep(
            backoffDelay(
              failures,
              { initialMs: 100, maxMs: this.s.o.maxBackoffMs, jitter: true },
              this.s.o.random,
            ),
            this.signal,
          );
      } catch (err) {
        if (this.finished) return;
        if (err instanceof KubeApiError && err.status === 410) {
          state.needList = true;
          continue;
        }
        if (isFinal(err)) return this.failAll(err);
        this.s.noteError(err);
        failures++;
        await this.s.sleep(
          backoffDelay(
            failures,
            { initialMs: 100, maxMs: this.s.o.maxBackoffMs, jitter: true },
            this.s.o.random,
          ),
          this.signal,
        );
      }
    }
  }

  /** Against a watch that stays open but says nothing: relist now and then. */
  private async backstop(): Promise<void> {
    while (!this.finished && !this.s.pastDeadline) {
      await this.s.sleep(this.s.o.backstopMs, this.signal);
      if (this.finished || this.s.pastDeadline) return;
      try {
        await this.list();
      } catch {
        // Anything else is the watch loop's to handle.
      }
    }
  }
}

/** Fail-fast's look at the pods: one LIST of a namespace's pods (and ReplicaSets) for all its targets. */
class PodChecker {
  private readonly followers: RolloutFollower[] = [];
  private running = false;
  private lastCheck = -Infinity;
  /** `pod/container/reason` → when first seen, for the transient reasons' grace. */
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly s: Shared,
    readonly namespace: string,
  ) {}

  add(f: RolloutFollower): void {
    this.followers.push(f);
    // A busy rollout sends many events; looking at its pods twice a second is enough.
    f.onViewed = () => {
      if (this.s.o.clock.now() - this.lastCheck >= Math.min(500, this.s.o.podCheckMs))
        void this.check();
    };
  }

  private get waiting(): RolloutFollower[] {
    // Until the controller has observed the current template, the "new revision" on record is
    // the previous one (a rollback right after a bad release would be judged by the bad pods).
    return this.followers.filter(
      (f) =>
        !f.isFinished &&
        f.object &&
        !f.awaitingTemplate &&
        (f.object.status?.observedGeneration ?? 0) >= (f.object.metadata?.generation ?? 0),
    );
  }

  /** One target: its selector narrows the list; several: the namespace's pods, matched here. */
  private selector(of: RolloutFollower[]): string | undefined {
    if (of.length !== 1) return undefined;
    const sel = of[0].object?.spec?.selector;
    return sel ? labelSelectorString(sel) || undefined : undefined;
  }

  async check(): Promise<void> {
    const waiting = this.waiting;
    if (this.running || !waiting.length) return;
    this.running = true;
    this.lastCheck = this.s.o.clock.now();
    const ns = encodeURIComponent(this.namespace);
    try {
      const deployments = waiting.filter((f) => f.ref.kind === 'Deployment');
      const [pods, replicaSets] = await Promise.all([
        this.s.o.api.get<List<Pod>>(
          `/api/v1/namespaces/${ns}/pods`,
          { labelSelector: this.selector(waiting) },
          { signal: this.s.stop.signal },
        ),
        deployments.length
          ? this.s.o.api.get<List<ReplicaSet>>(
              `/apis/apps/v1/namespaces/${ns}/replicasets`,
              { labelSelector: this.selector(deployments) },
              { signal: this.s.stop.signal },
            )
          : Promise.resolve({ items: [] } as List<ReplicaSet>),
      ]);
      const now = this.s.o.clock.now();
      const seen = new Set<string>();
      for (const f of waiting) {
        if (f.isFinished || !f.object) continue;
        const { pods: mine } = newRevisionPodsIn(
          f.ref,
          f.object,
          pods.items ?? [],
          replicaSets.items ?? [],
        );
        for (const pod of mine) {
          const problem = podProblem(pod, this.s.o.crashLoopRestarts);
          if (!problem) continue;
          if (problem.transient) {
            const key = `${problem.pod}/${problem.container}/${problem.reason}`;
            seen.add(key);
            const first = this.firstSeen.get(key) ?? now;
            this.firstSeen.set(key, first);
            if (now - first < this.s.o.transientGraceMs) continue;
            problem.persistedMs = now - first;
          }
          const restarts =
            problem.reason === 'CrashLoopBackOff' ? ` after ${problem.restarts} restarts` : '';
          const persisted =
            problem.persistedMs !== undefined
              ? ` for ${Math.round(problem.persistedMs / 1000)} s`
              : '';
          f.finish(
            'failed',
            `pod ${problem.pod} of the new revision: container ${problem.container} is in ${problem.reason}${persisted}${restarts}${problem.message ? ` (${problem.message})` : ''}`,
            problem.reason,
            problem,
          );
          break;
        }
      }
      // A transient reason that went away starts its grace again if it comes back.
      for (const key of [...this.firstSeen.keys()]) if (!seen.has(key)) this.firstSeen.delete(key);
    } catch {
      // A failed look at the pods is retried on the next tick; it never fails the rollout.
    } finally {
      this.running = false;
    }
  }

  async run(): Promise<void> {
    while (!this.s.stop.signal.aborted && !this.s.pastDeadline) {
      await this.s.sleep(this.s.o.podCheckMs);
      if (this.s.stop.signal.aborted) return;
      if (this.followers.every((f) => f.isFinished)) return;
      await this.check();
    }
  }
}

/**
 * Waits for every target's rollout, concurrently, until all are done or failed or the deadline
 * passes. Results are in the order of `targets`; it never throws for a workload's failure.
 * Targets in the same collection (kind and namespace) share one LIST+WATCH.
 */
export async function waitForRollouts(options: WaitForRolloutsOptions): Promise<RolloutResult[]> {
  const o: Settings = {
    clock: systemClock,
    failFast: true,
    images: [],
    crashLoopRestarts: 2,
    transientGraceMs: TRANSIENT_GRACE_MS,
    progressIntervalMs: 5_000,
    backstopMs: 20_000,
    podCheckMs: 2_000,
    watchIdleMs: 60_000,
    maxBackoffMs: 5_000,
    pollInitialMs: 800,
    pollMaxMs: 30_000,
    random: Math.random,
    ...options,
  };
  const shared = new Shared(o);
  const followers: RolloutFollower[] = [];
  const collections = new Map<string, CollectionWatch>();
  const checkers = new Map<string, PodChecker>();
  for (const t of options.targets) {
    const f = new RolloutFollower(t, o);
    followers.push(f);
    const key = `${t.kind}/${t.namespace}`;
    let c = collections.get(key);
    if (!c)
      collections.set(
        key,
        (c = new CollectionWatch(
          shared,
          workloadCollectionPath(t.kind, t.namespace),
          workloadResourceName(t.kind),
          t.namespace,
        )),
      );
    c.add(f);
    if (o.failFast) {
      let p = checkers.get(t.namespace);
      if (!p) checkers.set(t.namespace, (p = new PodChecker(shared, t.namespace)));
      p.add(f);
    }
  }
  const timer = new AbortController();
  const timeOutAll = () => followers.forEach((f) => f.timeOut(shared.lastError));
  options.signal?.addEventListener('abort', timeOutAll, { once: true });
  void o.clock.sleep(Math.max(0, o.deadline - o.clock.now()), timer.signal).then(() => {
    if (!timer.signal.aborted) timeOutAll();
  });
  const heartbeat = async () => {
    while (!shared.stop.signal.aborted && !shared.pastDeadline) {
      await shared.sleep(o.progressIntervalMs);
      if (shared.stop.signal.aborted || shared.pastDeadline) return;
      for (const f of followers) f.report();
    }
  };
  for (const c of collections.values()) void c.run();
  for (const p of checkers.values()) void p.run();
  void heartbeat();
  try {
    return await Promise.all(followers.map((f) => f.finished));
  } finally {
    shared.stop.abort();
    timer.abort();
    options.signal?.removeEventListener('abort', timeOutAll);
  }
}
