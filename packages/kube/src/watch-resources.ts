// Waiting for GitOps and batch resources — Argo CD Applications, Argo Rollouts, Flux HelmReleases
// and Kustomizations, Jobs — with the same engine as rollouts: one LIST+WATCH per collection,
// polling when the watch is forbidden, one deadline. Where they live is found by discovery (the
// group's preferred version that serves the resource), not hard-coded; the done/failed rule of
// each kind is in resource-status.ts.
import { systemClock, type Clock } from '@cicd-actions/core';
import { KubeApiError, type KubeApi } from './kube-api';
import { diagnosePod, type Pod } from './diagnostics';
import {
  RESOURCE_KINDS,
  resourceStatus,
  type CustomObject,
  type JudgeOptions,
  type ResourceKind,
} from './resource-status';
import {
  CollectionWatch,
  Shared,
  withLastError,
  type Follower,
  type WatchSettings,
} from './watch-rollout';

export interface ResourceRef {
  kind: ResourceKind;
  name: string;
  namespace: string;
}

export interface ResourceResult extends ResourceRef {
  done: boolean;
  outcome: 'ready' | 'failed' | 'timed-out';
  message: string;
  reason?: string;
  /** Failing sub-resources, pod reasons: for the error and the summary. */
  details: string[];
  /** The revision the resource was last seen at (Argo CD sync revision, Flux applied revision). */
  revision?: string;
  elapsedMs: number;
  object?: CustomObject;
}

export interface WaitForResourcesOptions {
  api: KubeApi;
  targets: ResourceRef[];
  deadline: number;
  clock?: Clock;
  /** A commit SHA (or prefix ≥ 7) Applications and Flux objects must have reached. */
  revision?: string;
  /** Argo Rollouts: a canary paused at a pause step counts as done. */
  acceptPaused?: boolean;
  /** Argo CD: ask for a refresh first (annotation argocd.argoproj.io/refresh=normal). */
  refresh?: boolean;
  onProgress?: (p: { ref: ResourceRef; message: string; elapsedMs: number }) => void;
  onResult?: (r: ResourceResult) => void;
  onNotice?: (line: string) => void;
  progressIntervalMs?: number;
  backstopMs?: number;
  watchIdleMs?: number;
  maxBackoffMs?: number;
  pollInitialMs?: number;
  pollMaxMs?: number;
  signal?: AbortSignal;
  random?: () => number;
}

/** `application/shop`, as the logs name it. */
export const formatResourceRef = (r: { kind: string; name: string }) =>
  `${r.kind.toLowerCase()}/${r.name}`;

/** Where a resource lives: `/apis/<group>/<version>` serving `<plural>`, found by discovery. */
export async function discoverResource(
  api: KubeApi,
  kind: ResourceKind,
  signal?: AbortSignal,
): Promise<{ groupVersion: string; namespaced: boolean }> {
  const info = RESOURCE_KINDS[kind];
  const qualified = `${info.plural}.${info.group}`;
  let group: { preferredVersion?: { version?: string }; versions?: Array<{ version?: string }> };
  try {
    group = await api.get(`/apis/${info.group}`, undefined, { signal });
  } catch (err) {
    if (err instanceof KubeApiError && err.status === 404)
      throw new KubeApiError(
        'HTTP',
        `the server does not serve ${qualified} (API group ${info.group} not found): is ${kindProduct(kind)} installed?`,
        404,
        'NotServed',
      );
    throw err;
  }
  const versions = [
    group.preferredVersion?.version,
    ...(group.versions ?? []).map((v) => v.version),
  ].filter((v, i, all): v is string => !!v && all.indexOf(v) === i);
  for (const version of versions) {
    const list = await api.get<{ resources?: Array<{ name?: string; namespaced?: boolean }> }>(
      `/apis/${info.group}/${version}`,
      undefined,
      { signal },
    );
    const res = list.resources?.find((r) => r.name === info.plural);
    if (res)
      return { groupVersion: `${info.group}/${version}`, namespaced: res.namespaced !== false };
  }
  throw new KubeApiError(
    'HTTP',
    `the server does not serve ${qualified} in API group ${info.group} (${versions.join(', ')}): is ${kindProduct(kind)} installed?`,
    404,
    'NotServed',
  );
}

function kindProduct(kind: ResourceKind): string {
  if (kind === 'Application') return 'Argo CD';
  if (kind === 'Rollout') return 'Argo Rollouts';
  if (kind === 'Job') return 'the batch API';
  return 'Flux';
}

class ResourceFollower implements Follower {
  private readonly started: number;
  object?: CustomObject;
  private message = 'Waiting for the resource to be read...';
  private revision?: string;
  result?: ResourceResult;
  private lastReported?: { message: string; at: number };
  private resolveFinished!: (r: ResourceResult) => void;
  readonly finished = new Promise<ResourceResult>((r) => (this.resolveFinished = r));
  /** Jobs: a look at the failed pods before the failure is reported. */
  onFailed?: (f: ResourceFollower, details: string[]) => Promise<string[]>;

  constructor(
    readonly ref: ResourceRef,
    private readonly o: Required<Pick<WaitForResourcesOptions, 'clock' | 'progressIntervalMs'>> &
      WaitForResourcesOptions,
    private readonly judge: JudgeOptions,
  ) {
    this.started = o.clock.now();
  }

  get isFinished(): boolean {
    return this.result !== undefined;
  }

  finish(
    outcome: ResourceResult['outcome'],
    message: string,
    reason?: string,
    details: string[] = [],
  ) {
    if (this.result) return;
    this.result = {
      ...this.ref,
      done: outcome === 'ready',
      outcome,
      message,
      reason,
      details,
      revision: this.revision,
      elapsedMs: this.o.clock.now() - this.started,
      object: this.object,
    };
    this.o.onResult?.(this.result);
    this.resolveFinished(this.result);
  }

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
    this.o.onProgress({ ref: this.ref, message: this.message, elapsedMs: now - this.started });
  }

  private failing = false;

  consider(obj: CustomObject): void {
    if (this.isFinished || this.failing) return;
    this.object = obj;
    const j = resourceStatus(this.ref.kind, obj, this.judge);
    this.message = j.message;
    this.revision = j.revision ?? this.revision;
    if (j.done) return this.finish('ready', j.message);
    if (j.failed) {
      if (!this.onFailed) return this.finish('failed', j.message, j.reason, j.details);
      this.failing = true;
      void this.onFailed(this, j.details ?? []).then(
        (details) => this.finish('failed', j.message, j.reason, details),
        () => this.finish('failed', j.message, j.reason, j.details),
      );
      return;
    }
    this.report();
  }

  deleted(): void {
    this.finish(
      'failed',
      `${formatResourceRef(this.ref)} was deleted while waiting for it`,
      'Deleted',
    );
  }

  notFound(namespaceMissing: boolean): void {
    const info = RESOURCE_KINDS[this.ref.kind];
    if (namespaceMissing)
      return this.finish(
        'failed',
        `namespaces "${this.ref.namespace}" not found`,
        'NamespaceNotFound',
      );
    this.finish(
      'failed',
      `${info.plural}.${info.group} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`,
      'NotFound',
    );
  }

  failOn(err: KubeApiError): void {
    const reason =
      err.status === 404 ? (err.reason ?? 'NotFound') : (err.reason ?? `HTTP${err.status ?? ''}`);
    this.finish('failed', err.message, reason);
  }
}

/** A failed Job's pods: their containers' terminated or waiting reasons, newest first. */
async function jobPodReasons(
  api: KubeApi,
  ref: ResourceRef,
  signal: AbortSignal,
): Promise<string[]> {
  const list = await api.get<{ items?: Pod[] }>(
    `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/pods`,
    { labelSelector: `batch.kubernetes.io/job-name=${ref.name}` },
    { signal, timeoutMs: 5_000 },
  );
  const lines: string[] = [];
  for (const pod of (list.items ?? []).slice(-5)) {
    const d = diagnosePod(pod);
    const bad = d.containers.filter((c) => !/^running|terminated: Completed/.test(c.state));
    for (const c of bad)
      lines.push(
        `pod ${d.name}: container ${c.name} ${c.state}${c.message ? ` — ${c.message}` : ''}${c.lastTermination ? ` (last ended ${c.lastTermination})` : ''}`,
      );
    if (!bad.length && d.phase === 'Failed')
      lines.push(`pod ${d.name}: Failed${d.reason ? ` (${d.reason})` : ''}`);
  }
  return lines;
}

/**
 * Waits for every target until done, failed or the deadline passes; results in target order.
 * Never throws for a resource's failure (discovery failures fail that kind's targets).
 */
export async function waitForResources(
  options: WaitForResourcesOptions,
): Promise<ResourceResult[]> {
  const o = {
    clock: systemClock,
    progressIntervalMs: 5_000,
    backstopMs: 20_000,
    watchIdleMs: 60_000,
    maxBackoffMs: 5_000,
    pollInitialMs: 800,
    pollMaxMs: 30_000,
    random: Math.random,
    ...options,
  };
  const shared = new Shared<WatchSettings>(o);
  const judge: JudgeOptions = {
    revision: options.revision,
    acceptPaused: options.acceptPaused,
    startedAt: Date.now(),
  };
  const followers = options.targets.map((t) => new ResourceFollower(t, o, judge));
  const timer = new AbortController();
  const timeOutAll = () => followers.forEach((f) => f.timeOut(shared.lastError));
  options.signal?.addEventListener('abort', timeOutAll, { once: true });
  void o.clock.sleep(Math.max(0, o.deadline - o.clock.now()), timer.signal).then(() => {
    if (!timer.signal.aborted) timeOutAll();
  });
  const start = async () => {
    const byKind = new Map<ResourceKind, ResourceFollower[]>();
    for (const f of followers) byKind.set(f.ref.kind, [...(byKind.get(f.ref.kind) ?? []), f]);
    for (const [kind, list] of byKind) {
      let where: { groupVersion: string };
      try {
        where = await discoverResource(o.api, kind, shared.stop.signal);
      } catch (err) {
        const e =
          err instanceof KubeApiError ? err : new KubeApiError('NETWORK', String(err), undefined);
        for (const f of list) f.failOn(e);
        continue;
      }
      const collections = new Map<string, CollectionWatch>();
      for (const f of list) {
        if (kind === 'Job')
          f.onFailed = (x, details) =>
            jobPodReasons(o.api, x.ref, shared.stop.signal).then((l) => [...details, ...l]);
        if (kind === 'Application' && options.refresh)
          await refresh(o.api, where.groupVersion, f, o.onNotice);
        let c = collections.get(f.ref.namespace);
        if (!c) {
          const info = RESOURCE_KINDS[kind];
          c = new CollectionWatch(
            shared,
            `/apis/${where.groupVersion}/namespaces/${encodeURIComponent(f.ref.namespace)}/${info.plural}`,
            `${info.plural}.${info.group}`,
            f.ref.namespace,
          );
          collections.set(f.ref.namespace, c);
        }
        c.add(f);
      }
      for (const c of collections.values()) void c.run();
    }
  };
  const heartbeat = async () => {
    while (!shared.stop.signal.aborted && !shared.pastDeadline) {
      await shared.sleep(o.progressIntervalMs);
      if (shared.stop.signal.aborted || shared.pastDeadline) return;
      for (const f of followers) f.report();
    }
  };
  void start();
  void heartbeat();
  try {
    return await Promise.all(followers.map((f) => f.finished));
  } finally {
    shared.stop.abort();
    timer.abort();
    options.signal?.removeEventListener('abort', timeOutAll);
  }
}

/** Argo CD refreshes an Application when this annotation appears (and removes it). */
export const ARGO_REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

async function refresh(
  api: KubeApi,
  groupVersion: string,
  f: ResourceFollower,
  onNotice?: (line: string) => void,
): Promise<void> {
  const path = `/apis/${groupVersion}/namespaces/${encodeURIComponent(f.ref.namespace)}/applications/${encodeURIComponent(f.ref.name)}`;
  if (!api.patch) return;
  try {
    await api.patch(
      path,
      { metadata: { annotations: { [ARGO_REFRESH_ANNOTATION]: 'normal' } } },
      { timeoutMs: 10_000 },
    );
  } catch (err) {
    // A missing app is the watch's to report; a refused patch only loses the refresh.
    if (err instanceof KubeApiError && err.status === 404) return;
    onNotice?.(
      `could not ask Argo CD to refresh ${formatResourceRef(f.ref)} (${err instanceof Error ? err.message : String(err)}); waiting for its next poll of Git`,
    );
  }
}
