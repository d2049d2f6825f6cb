// Why a rollout is not finishing: the pods of the new revision and their containers' states
// (for fail-fast), and, when it fails or times out, the conditions, the new ReplicaSet, the pods
// that are not ready and the last Warning events — what someone would otherwise go and kubectl for.
import type { KubeApi } from './kube-api';
import {
  REVISION_ANNOTATION,
  type Condition,
  type LabelSelector,
  type ObjectMeta,
  type Workload,
} from './rollout-status';
import type { WorkloadRef } from './workload-ref';

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string };
    terminated?: { reason?: string; message?: string; exitCode?: number };
  };
  lastState?: ContainerStatus['state'];
}

export interface Pod {
  metadata?: ObjectMeta;
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface ReplicaSet {
  metadata?: ObjectMeta;
}

export interface KubeEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  series?: { count?: number; lastObservedTime?: string };
}

interface List<T> {
  metadata?: { resourceVersion?: string };
  items?: T[];
}

/**
 * Container waiting reasons that make a pod broken. The back-off states (`ImagePullBackOff`, and
 * `CrashLoopBackOff` past its restart count) and `InvalidImageName` mean the kubelet already
 * retried or cannot: fail at once. `ErrImagePull` and `CreateContainerConfigError` often heal in
 * seconds (a registry's 429, a Secret created a moment later): they count only once they have
 * persisted for TRANSIENT_GRACE_MS (see TRANSIENT_WAITING_REASONS).
 */
export const FATAL_WAITING_REASONS = [
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'InvalidImageName',
] as const;

/** Reasons that fail only after persisting for the grace (`PodProblem.transient`). */
export const TRANSIENT_WAITING_REASONS = ['ErrImagePull', 'CreateContainerConfigError'] as const;

/** How long ErrImagePull / CreateContainerConfigError must persist before fail-fast counts them. */
export const TRANSIENT_GRACE_MS = 10_000;

export interface PodProblem {
  pod: string;
  container: string;
  reason: string;
  message?: string;
  restarts: number;
  /** A reason that may heal by itself: the caller fails only once it has persisted (the grace). */
  transient?: boolean;
  /** How long a transient reason had persisted when it was counted. */
  persistedMs?: number;
}

/**
 * Whether a pod is broken: a container waiting for a reason in FATAL_WAITING_REASONS (the
 * transient ones marked `transient`), or crash-looping with at least `crashLoopRestarts` restarts
 * (one crash can be a fluke).
 */
export function podProblem(pod: Pod, crashLoopRestarts = 2): PodProblem | undefined {
  const containers = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const c of containers) {
    const waiting = c.state?.waiting;
    if (!waiting?.reason) continue;
    const restarts = c.restartCount ?? 0;
    const fatal =
      (FATAL_WAITING_REASONS as readonly string[]).includes(waiting.reason) ||
      (waiting.reason === 'CrashLoopBackOff' && restarts >= crashLoopRestarts);
    if (fatal)
      return {
        pod: pod.metadata?.name ?? '',
        container: c.name,
        reason: waiting.reason,
        message: waiting.message,
        restarts,
        ...((TRANSIENT_WAITING_REASONS as readonly string[]).includes(waiting.reason)
          ? { transient: true }
          : {}),
      };
  }
  return undefined;
}

/** A label selector as the `labelSelector` query parameter writes it. */
export function labelSelectorString(selector: LabelSelector | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

const ownedBy = (meta: ObjectMeta | undefined, owner: ObjectMeta | undefined) =>
  !!owner &&
  (meta?.ownerReferences ?? []).some((r) =>
    owner.uid && r.uid ? r.uid === owner.uid : r.name === owner.name,
  );

const ns = (ref: WorkloadRef) => encodeURIComponent(ref.namespace);

/** The Deployment's ReplicaSet for its current revision, if the controller has made it. */
export async function newReplicaSet(
  api: KubeApi,
  ref: WorkloadRef,
  deployment: Workload,
  signal?: AbortSignal,
): Promise<ReplicaSet | undefined> {
  const list = await api.get<List<ReplicaSet>>(
    `/apis/apps/v1/namespaces/${ns(ref)}/replicasets`,
    { labelSelector: labelSelectorString(deployment.spec?.selector) || undefined },
    { signal },
  );
  return newReplicaSetIn(deployment, list.items ?? []);
}

/** The new ReplicaSet among `replicaSets` (any in the namespace; ownership decides). */
export function newReplicaSetIn(
  deployment: Workload,
  replicaSets: ReplicaSet[],
): ReplicaSet | undefined {
  const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
  const owned = replicaSets.filter((rs) => ownedBy(rs.metadata, deployment.metadata));
  if (revision) {
    const match = owned.find((rs) => rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
    if (match) return match;
  }
  // Without revision annotations, the newest owned ReplicaSet is the new one.
  return owned.sort((a, b) =>
    String(b.metadata?.creationTimestamp ?? '').localeCompare(
      String(a.metadata?.creationTimestamp ?? ''),
    ),
  )[0];
}

/** The pods of the revision being rolled out (and, for a Deployment, the new ReplicaSet's name). */
export async function newRevisionPods(
  api: KubeApi,
  ref: WorkloadRef,
  workload: Workload,
  signal?: AbortSignal,
): Promise<{ pods: Pod[]; replicaSet?: string }> {
  const selector = labelSelectorString(workload.spec?.selector) || undefined;
  const list = await api.get<List<Pod>>(
    `/api/v1/namespaces/${ns(ref)}/pods`,
    { labelSelector: selector },
    { signal },
  );
  const replicaSets =
    ref.kind === 'Deployment'
      ? ((
          await api.get<List<ReplicaSet>>(
            `/apis/apps/v1/namespaces/${ns(ref)}/replicasets`,
            { labelSelector: selector },
            { signal },
          )
        ).items ?? [])
      : [];
  return newRevisionPodsIn(ref, workload, list.items ?? [], replicaSets);
}

/**
 * The pods of the revision being rolled out among `pods` (any in the namespace: ownership and
 * revision labels decide), with the Deployment's new ReplicaSet found among `replicaSets`.
 */
export function newRevisionPodsIn(
  ref: WorkloadRef,
  workload: Workload,
  pods: Pod[],
  replicaSets: ReplicaSet[],
): { pods: Pod[]; replicaSet?: string } {
  if (ref.kind === 'Deployment') {
    const rs = newReplicaSetIn(workload, replicaSets);
    if (!rs) return { pods: [] };
    return {
      pods: pods.filter((p) => ownedBy(p.metadata, rs.metadata)),
      replicaSet: rs.metadata?.name,
    };
  }
  const owned = pods.filter((p) => ownedBy(p.metadata, workload.metadata));
  if (ref.kind === 'StatefulSet') {
    const revision = workload.status?.updateRevision;
    return {
      pods: revision
        ? owned.filter(
            (p) => (p.metadata?.labels?.['controller-revision-hash'] ?? revision) === revision,
          )
        : owned,
    };
  }
  const generation = workload.metadata?.generation;
  return {
    pods:
      generation === undefined
        ? owned
        : owned.filter(
            (p) =>
              (p.metadata?.labels?.['pod-template-generation'] ?? String(generation)) ===
              String(generation),
          ),
  };
}

export interface ContainerDiagnosis {
  name: string;
  /** `running`, `waiting: CrashLoopBackOff`, `terminated: Error (exit 1)`. */
  state: string;
  message?: string;
  restarts: number;
  /** How the last run ended, for a restarting container. */
  lastTermination?: string;
}

export interface PodDiagnosis {
  name: string;
  phase: string;
  ready: boolean;
  node?: string;
  reason?: string;
  containers: ContainerDiagnosis[];
}

export interface EventDiagnosis {
  /** `Pod/api-7d9-xk2` */
  object: string;
  reason: string;
  message: string;
  count: number;
  lastSeen?: string;
}

export interface RolloutDiagnostics {
  conditions: Condition[];
  revision?: string;
  replicaSet?: string;
  /** Pods of the new revision that are not ready. */
  pods: PodDiagnosis[];
  /** The last Warning events of the workload, its new ReplicaSet and its pods, oldest first. */
  events: EventDiagnosis[];
  /** What could not be fetched (diagnostics never fail the action themselves). */
  errors: string[];
}

function describeState(state: ContainerStatus['state']): { state: string; message?: string } {
  if (state?.waiting)
    return {
      state: `waiting: ${state.waiting.reason ?? 'unknown'}`,
      message: state.waiting.message,
    };
  if (state?.terminated) {
    const t = state.terminated;
    return {
      state: `terminated: ${t.reason ?? 'unknown'}${t.exitCode !== undefined ? ` (exit ${t.exitCode})` : ''}`,
      message: t.message,
    };
  }
  if (state?.running) return { state: 'running' };
  return { state: 'unknown' };
}

const podReady = (pod: Pod) =>
  pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

export function diagnosePod(pod: Pod): PodDiagnosis {
  const containers = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ].map((c) => {
    const { state, message } = describeState(c.state);
    const last = c.lastState?.terminated
      ? describeState(c.lastState).state.replace(/^terminated: /, '')
      : undefined;
    return { name: c.name, state, message, restarts: c.restartCount ?? 0, lastTermination: last };
  });
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    ready: podReady(pod),
    node: pod.spec?.nodeName,
    reason: pod.status?.reason,
    containers,
  };
}

const eventTime = (e: KubeEvent) =>
  e.lastTimestamp ??
  e.series?.lastObservedTime ??
  e.eventTime ??
  e.firstTimestamp ??
  e.metadata?.creationTimestamp ??
  '';

/** Gathers everything worth showing for a workload whose rollout failed or timed out. */
export async function collectDiagnostics(
  api: KubeApi,
  ref: WorkloadRef,
  workload: Workload | undefined,
  opts: { maxEvents?: number; signal?: AbortSignal } = {},
): Promise<RolloutDiagnostics> {
  const diag: RolloutDiagnostics = {
    conditions: workload?.status?.conditions ?? [],
    pods: [],
    events: [],
    errors: [],
  };
  if (!workload) return diag;
  diag.revision =
    ref.kind === 'Deployment'
      ? workload.metadata?.annotations?.[REVISION_ANNOTATION]
      : ref.kind === 'StatefulSet'
        ? workload.status?.updateRevision
        : workload.metadata?.generation?.toString();
  const involved = new Set<string>([`${ref.kind}/${ref.name}`]);
  try {
    const { pods, replicaSet } = await newRevisionPods(api, ref, workload, opts.signal);
    diag.replicaSet = replicaSet;
    if (replicaSet) involved.add(`ReplicaSet/${replicaSet}`);
    for (const pod of pods) {
      involved.add(`Pod/${pod.metadata?.name}`);
      if (!podReady(pod)) diag.pods.push(diagnosePod(pod));
    }
  } catch (err) {
    diag.errors.push(`pods: ${(err as Error).message}`);
  }
  try {
    const list = await api.get<List<KubeEvent>>(
      `/api/v1/namespaces/${ns(ref)}/events`,
      { fieldSelector: 'type=Warning' },
      { signal: opts.signal },
    );
    diag.events = (list.items ?? [])
      .filter(
        (e) =>
          e.type === 'Warning' &&
          involved.has(`${e.involvedObject?.kind}/${e.involvedObject?.name}`),
      )
      .sort((a, b) => eventTime(a).localeCompare(eventTime(b)))
      .slice(-(opts.maxEvents ?? 10))
      .map((e) => ({
        object: `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
        reason: e.reason ?? '',
        message: e.message ?? '',
        count: e.series?.count ?? e.count ?? 1,
        lastSeen: eventTime(e) || undefined,
      }));
  } catch (err) {
    diag.errors.push(`events: ${(err as Error).message}`);
  }
  return diag;
}

/** The diagnostics as log lines (for a log group). */
export function formatDiagnostics(diag: RolloutDiagnostics): string[] {
  const lines: string[] = [];
  if (diag.revision || diag.replicaSet)
    lines.push(
      `Revision: ${diag.revision ?? '?'}${diag.replicaSet ? ` (ReplicaSet ${diag.replicaSet})` : ''}`,
    );
  if (diag.conditions.length) {
    lines.push('Conditions:');
    for (const c of diag.conditions)
      lines.push(
        `  ${c.type}=${c.status ?? ''}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`,
      );
  }
  if (diag.pods.length) {
    lines.push('Pods not ready:');
    for (const p of diag.pods) {
      lines.push(
        `  ${p.name} (${p.phase}${p.reason ? `, ${p.reason}` : ''}${p.node ? ` on ${p.node}` : ''})`,
      );
      for (const c of p.containers) {
        lines.push(
          `    ${c.name}: ${c.state}, ${c.restarts} restart${c.restarts === 1 ? '' : 's'}${c.lastTermination ? `, last ended ${c.lastTermination}` : ''}${c.message ? ` — ${c.message}` : ''}`,
        );
      }
    }
  } else lines.push('Pods not ready: none found for the new revision');
  if (diag.events.length) {
    lines.push('Warning events:');
    for (const e of diag.events)
      lines.push(
        `  ${e.lastSeen ?? ''} ${e.object} ${e.reason}${e.count > 1 ? ` (x${e.count})` : ''}: ${e.message}`.trimEnd(),
      );
  } else lines.push('Warning events: none');
  for (const e of diag.errors) lines.push(`(could not read ${e})`);
  return lines;
}
