// Whether a workload's rollout is done, decided exactly as `kubectl rollout status` decides it
// (the status viewers of k8s.io/kubectl/pkg/polymorphichelpers), with its messages word for word
// — trailing newline included — so that users see what they saw from kubectl.
import type { WorkloadKind } from './workload-ref';

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  resourceVersion?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ kind?: string; name?: string; uid?: string; controller?: boolean }>;
  creationTimestamp?: string;
}

export interface Condition {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** The fields of a Deployment, StatefulSet or DaemonSet that rollouts read; absent ones are zero, as in Go. */
export interface Workload {
  kind?: string;
  metadata?: ObjectMeta;
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    strategy?: { type?: string };
    updateStrategy?: {
      type?: string;
      rollingUpdate?: { partition?: number; maxUnavailable?: number | string } | null;
    };
    progressDeadlineSeconds?: number;
    template?: {
      spec?: {
        containers?: Array<{ name: string; image?: string }>;
        initContainers?: Array<{ name: string; image?: string }>;
      };
    };
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    currentReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    numberReady?: number;
    numberUnavailable?: number;
    conditions?: Condition[];
  };
}

/**
 * kubectl's (message, done, err): `error` set means kubectl stops with that error (a rollout
 * that cannot be waited for, or one that has failed); otherwise `done` says whether it finished.
 */
export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
  /** A short machine-readable cause when `error` is set. */
  reason?: 'ProgressDeadlineExceeded' | 'UnsupportedStrategy';
}

/** Go's %q for a Kubernetes name (printable ASCII only, so JSON quoting is the same). */
function quote(text: string): string {
  return JSON.stringify(text);
}

const n = (v: number | undefined): number => v ?? 0;

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export function deploymentStatus(d: Workload): RolloutStatus {
  const name = d.metadata?.name ?? '';
  const status = d.status ?? {};
  if (n(d.metadata?.generation) <= n(status.observedGeneration)) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return {
        message: '',
        done: false,
        error: `deployment ${quote(name)} exceeded its progress deadline`,
        reason: 'ProgressDeadlineExceeded',
      };
    }
    const desired = d.spec?.replicas;
    if (desired !== undefined && n(status.updatedReplicas) < desired) {
      return {
        message: `Waiting for deployment ${quote(name)} rollout to finish: ${n(status.updatedReplicas)} out of ${desired} new replicas have been updated...\n`,
        done: false,
      };
    }
    if (n(status.replicas) > n(status.updatedReplicas)) {
      return {
        message: `Waiting for deployment ${quote(name)} rollout to finish: ${n(status.replicas) - n(status.updatedReplicas)} old replicas are pending termination...\n`,
        done: false,
      };
    }
    if (n(status.availableReplicas) < n(status.updatedReplicas)) {
      return {
        message: `Waiting for deployment ${quote(name)} rollout to finish: ${n(status.availableReplicas)} of ${n(status.updatedReplicas)} updated replicas are available...\n`,
        done: false,
      };
    }
    return { message: `deployment ${quote(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

export function daemonSetStatus(ds: Workload): RolloutStatus {
  const name = ds.metadata?.name ?? '';
  const status = ds.status ?? {};
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') {
    // kubectl reports done together with this error: there is no rollout to wait for.
    return {
      message: '',
      done: true,
      error: 'rollout status is only available for RollingUpdate strategy type',
      reason: 'UnsupportedStrategy',
    };
  }
  if (n(ds.metadata?.generation) <= n(status.observedGeneration)) {
    if (n(status.updatedNumberScheduled) < n(status.desiredNumberScheduled)) {
      return {
        message: `Waiting for daemon set ${quote(name)} rollout to finish: ${n(status.updatedNumberScheduled)} out of ${n(status.desiredNumberScheduled)} new pods have been updated...\n`,
        done: false,
      };
    }
    if (n(status.numberAvailable) < n(status.desiredNumberScheduled)) {
      return {
        message: `Waiting for daemon set ${quote(name)} rollout to finish: ${n(status.numberAvailable)} of ${n(status.desiredNumberScheduled)} updated pods are available...\n`,
        done: false,
      };
    }
    return { message: `daemon set ${quote(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

export function statefulSetStatus(sts: Workload): RolloutStatus {
  const status = sts.status ?? {};
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') {
    return {
      message: '',
      done: true,
      error: 'rollout status is only available for RollingUpdate strategy type',
      reason: 'UnsupportedStrategy',
    };
  }
  if (
    n(status.observedGeneration) === 0 ||
    n(sts.metadata?.generation) > n(status.observedGeneration)
  ) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const desired = sts.spec?.replicas;
  if (desired !== undefined && n(status.readyReplicas) < desired) {
    return {
      message: `Waiting for ${desired - n(status.readyReplicas)} pods to be ready...\n`,
      done: false,
    };
  }
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (desired !== undefined && partition !== undefined && partition !== null) {
      if (n(status.updatedReplicas) < desired - partition) {
        return {
          message: `Waiting for partitioned roll out to finish: ${n(status.updatedReplicas)} out of ${desired - partition} new pods have been updated...\n`,
          done: false,
        };
      }
    }
    return {
      message: `partitioned roll out complete: ${n(status.updatedReplicas)} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${n(status.updatedReplicas)} pods at revision ${status.updateRevision ?? ''}...\n`,
      done: false,
    };
  }
  return {
    message: `statefulset rolling update complete ${n(status.currentReplicas)} pods at revision ${status.currentRevision ?? ''}...\n`,
    done: true,
  };
}

/** The status viewer for a kind, as kubectl's StatusViewerFor picks it. */
export function rolloutStatus(kind: WorkloadKind, obj: Workload): RolloutStatus {
  switch (kind) {
    case 'Deployment':
      return deploymentStatus(obj);
    case 'DaemonSet':
      return daemonSetStatus(obj);
    case 'StatefulSet':
      return statefulSetStatus(obj);
  }
}

/** The replica figures a person wants to see for a workload. */
export interface ReplicaCounts {
  desired: number;
  updated: number;
  ready: number;
  available: number;
  /** Replicas of any revision that exist (old ones still terminating included). */
  total: number;
}

export function replicaCounts(kind: WorkloadKind, obj: Workload): ReplicaCounts {
  const s = obj.status ?? {};
  if (kind === 'DaemonSet') {
    return {
      desired: n(s.desiredNumberScheduled),
      updated: n(s.updatedNumberScheduled),
      ready: n(s.numberReady),
      available: n(s.numberAvailable),
      total: n(s.currentNumberScheduled),
    };
  }
  const available =
    kind === 'StatefulSet' ? (s.availableReplicas ?? s.readyReplicas) : s.availableReplicas;
  return {
    desired: obj.spec?.replicas ?? 1,
    updated: n(s.updatedReplicas),
    ready: n(s.readyReplicas),
    available: n(available),
    total: n(s.replicas),
  };
}

/**
 * The revision being rolled out: the Deployment's revision annotation, the StatefulSet's update
 * revision, the DaemonSet's generation (its pods carry it as pod-template-generation).
 */
export function workloadRevision(kind: WorkloadKind, obj: Workload): string | undefined {
  if (kind === 'Deployment') return obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (kind === 'StatefulSet') return obj.status?.updateRevision || undefined;
  return obj.metadata?.generation !== undefined ? String(obj.metadata.generation) : undefined;
}
