// The Deployment controller: one ReplicaSet per pod template (pod-template-hash label, revision
// annotation), rolling or recreating between them, and a status with the counts and conditions
// `kubectl rollout status` reads.
import type { ControllerContext } from './controller';
import { ownedBy } from './replicaset-controller';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { dropZeros, kubeTimestamp, templateHash } from './store';

const DEPLOYMENTS = resolveResourceType('deployments');
const REPLICASETS = resolveResourceType('replicasets');
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

export interface DeploymentSimState {
  /** Last time (ms) the rollout made progress; ProgressDeadlineExceeded counts from here. */
  progressAt: number;
  /** Generation first seen at seenAt (ms), for the observedGeneration lag. */
  generationSeen?: number;
  seenAt?: number;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

/** Sets a condition keeping lastTransitionTime when the status did not change, as the controllers do. */
export function setCondition(
  conditions: Condition[],
  next: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>,
  at: string,
  touch = true,
): Condition[] {
  const old = conditions.find((c) => c.type === next.type);
  if (
    old &&
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    !touch
  )
    return conditions;
  const merged: Condition = {
    ...next,
    lastUpdateTime: at,
    lastTransitionTime: old && old.status === next.status ? old.lastTransitionTime : at,
  };
  return old ? conditions.map((c) => (c.type === next.type ? merged : c)) : [...conditions, merged];
}

export function intOrPercent(
  value: unknown,
  total: number,
  roundUp: boolean,
  fallback: string,
): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const text = String(v);
  if (text.endsWith('%')) {
    const exact = (Number(text.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  return Number(text);
}

export function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);
}

export function syncDeployment(
  ctx: ControllerContext,
  input: KubeObject,
  state: DeploymentSimState,
  now: number,
): void {
  let d = input;
  const generation = d.metadata.generation ?? 1;
  const behaviour = ctx.behaviourFor(d);
  if (d.status?.observedGeneration !== generation && behaviour.observeDelayMs > 0) {
    if (state.generationSeen !== generation) {
      state.generationSeen = generation;
      state.seenAt = now;
      return;
    }
    if (now - (state.seenAt ?? now) < behaviour.observeDelayMs) return;
  }
  const at = kubeTimestamp(new Date(now));
  const namespace = d.metadata.namespace!;
  const desired: number = d.spec?.replicas ?? 1;
  const rollingUpdate = d.spec?.strategy?.rollingUpdate ?? {};
  const recreate = d.spec?.strategy?.type === 'Recreate';
  const maxSurge = recreate ? 0 : intOrPercent(rollingUpdate.maxSurge, desired, true, '25%');
  let maxUnavailable = recreate
    ? desired
    : intOrPercent(rollingUpdate.maxUnavailable, desired, false, '25%');
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  const controller = { component: 'deployment-controller' };

  const owned = ctx.store.list(REPLICASETS, namespace, (rs) => ownedBy(rs, d));
  const hash = templateHash(d.spec?.template);
  let newRS = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
  const olds = () =>
    ctx.store.list(
      REPLICASETS,
      namespace,
      (rs) => ownedBy(rs, d) && rs.metadata.uid !== newRS?.metadata.uid,
    );
  const maxOldRevision = Math.max(0, ...owned.filter((rs) => rs !== newRS).map(revisionOf));
  let conditions: Condition[] = d.status?.conditions ?? [];
  const setProgressing = (
    status: 'True' | 'False' | 'Unknown',
    reason: string,
    message: string,
  ) => {
    conditions = setCondition(conditions, { type: 'Progressing', status, reason, message }, at);
  };
  // Paused, the real controller creates no new ReplicaSet, scales nothing for a new template and
  // runs no progress deadline: it only reports (Progressing Unknown/DeploymentPaused).
  if (d.spec?.paused) {
    if (conditions.find((c) => c.type === 'Progressing')?.reason !== 'DeploymentPaused')
      setProgressing('Unknown', 'DeploymentPaused', 'Deployment is paused');
    state.progressAt = now;
    writePausedStatus(ctx, d, owned, newRS, conditions, {
      generation,
      desired,
      maxUnavailable,
      at,
    });
    return;
  }
  if (conditions.find((c) => c.type === 'Progressing')?.reason === 'DeploymentPaused')
    setProgressing('Unknown', 'DeploymentResumed', 'Deployment is resumed');
  let progressed = false;
  /** This step created or found the new ReplicaSet: the condition says so instead of "is progressing". */
  let switched = false;

  if (!newRS) {
    const template = structuredClone(d.spec.template);
    template.metadata = {
      ...(template.metadata ?? {}),
      labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash },
    };
    newRS = ctx.store.create(REPLICASETS, {
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace,
        labels: { ...(d.spec.template?.metadata?.labels ?? {}), 'pod-template-hash': hash },
        annotations: {
          [REVISION_ANNOTATION]: String(maxOldRevision + 1),
          'deployment.kubernetes.io/desired-replicas': String(desired),
          'deployment.kubernetes.io/max-replicas': String(desired + maxSurge),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...d.spec.selector?.matchLabels, 'pod-template-hash': hash },
        },
        template,
      },
      status: { replicas: 0 },
    });
    setProgressing(
      'True',
      'NewReplicaSetCreated',
      `Created new replica set "${newRS.metadata.name}"`,
    );
    progressed = switched = true;
  } else if (revisionOf(newRS) <= maxOldRevision) {
    // Going back to an older template (a rollback) makes its ReplicaSet the newest revision again.
    const annotations = {
      ...newRS.metadata.annotations,
      [REVISION_ANNOTATION]: String(maxOldRevision + 1),
    };
    newRS = ctx.store.update(
      REPLICASETS,
      { ...newRS, metadata: { ...newRS.metadata, annotations } },
      'main',
    );
    setProgressing('True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`);
    progressed = switched = true;
  }
  const revision = String(revisionOf(newRS));
  if (d.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
    d = ctx.store.update(
      DEPLOYMENTS,
      {
        ...d,
        metadata: {
          ...d.metadata,
          annotations: { ...d.metadata.annotations, [REVISION_ANNOTATION]: revision },
        },
      },
      'main',
    );
  }

  const scale = (rs: KubeObject, replicas: number): KubeObject => {
    const from = rs.spec?.replicas ?? 0;
    if (from === replicas) return rs;
    const direction = replicas > from ? 'up' : 'down';
    ctx.events.record(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled ${direction} replica set ${rs.metadata.name} to ${replicas} from ${from}`,
      controller,
    );
    return ctx.store.update(REPLICASETS, { ...rs, spec: { ...rs.spec, replicas } }, 'main');
  };

  {
    if (recreate) {
      const running = olds().filter(
        (rs) =>
          (rs.spec?.replicas ?? 0) > 0 ||
          (rs.status?.replicas ?? 0) > 0 ||
          ctx.podsOwnedBy(rs).length > 0,
      );
      for (const rs of running) scale(rs, 0);
      if (running.length === 0) newRS = scale(newRS, desired);
    } else {
      const totalSpec = () =>
        [newRS!, ...olds()].reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
      const newReplicas = newRS.spec?.replicas ?? 0;
      if (newReplicas > desired) newRS = scale(newRS, desired);
      else {
        const room = desired + maxSurge - totalSpec();
        if (room > 0) newRS = scale(newRS, newReplicas + Math.min(room, desired - newReplicas));
      }
      // Old pods may go as long as enough pods stay available, counting new pods not yet available as missing.
      const newAvailable = ctx
        .podsOwnedBy(newRS)
        .filter((p) => ctx.kubelet.isAvailable(p, d.spec.minReadySeconds ?? 0, now)).length;
      const newUnavailable = Math.max(0, (newRS.spec?.replicas ?? 0) - newAvailable);
      let budget = totalSpec() - (desired - maxUnavailable) - newUnavailable;
      for (const rs of olds().sort((a, b) => revisionOf(a) - revisionOf(b))) {
        if (budget <= 0) break;
        const current = rs.spec?.replicas ?? 0;
        const cut = Math.min(current, budget);
        if (cut > 0) scale(rs, current - cut);
        budget -= cut;
      }
    }
  }

  // Keep revisionHistoryLimit old ReplicaSets that are scaled to zero, oldest deleted first.
  const history = olds()
    .filter((rs) => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  for (const rs of history.slice(0, Math.max(0, history.length - limit)))
    ctx.store.delete(REPLICASETS, namespace, rs.metadata.name);

  const all = [newRS, ...olds()].map(
    (rs) => ctx.store.get(REPLICASETS, namespace, rs.metadata.name) ?? rs,
  );
  const sum = (pick: (rs: KubeObject) => number | undefined) =>
    all.reduce((n, rs) => n + (pick(rs) ?? 0), 0);
  const updated = ctx.store.get(REPLICASETS, namespace, newRS.metadata.name)?.status?.replicas ?? 0;
  const counts = {
    replicas: sum((rs) => rs.status?.replicas),
    updatedReplicas: updated,
    readyReplicas: sum((rs) => rs.status?.readyReplicas),
    availableReplicas: sum((rs) => rs.status?.availableReplicas),
    unavailableReplicas: Math.max(
      0,
      sum((rs) => rs.spec?.replicas) - sum((rs) => rs.status?.availableReplicas),
    ),
  };
  const before = d.status ?? {};
  if (
    counts.updatedReplicas > (before.updatedReplicas ?? 0) ||
    counts.readyReplicas > (before.readyReplicas ?? 0) ||
    counts.availableReplicas > (before.availableReplicas ?? 0) ||
    counts.replicas - counts.updatedReplicas <
      (before.replicas ?? 0) - (before.updatedReplicas ?? 0)
  ) {
    progressed = true;
  }

  const minAvailable = desired - maxUnavailable;
  conditions = setCondition(
    conditions,
    counts.availableReplicas >= minAvailable
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
    at,
    false,
  );
  const complete =
    counts.updatedReplicas === desired &&
    counts.replicas === desired &&
    counts.availableReplicas === desired;
  const deadlineMs =
    behaviour.progressDeadlineMs ??
    (d.spec?.progressDeadlineSeconds !== undefined
      ? d.spec.progressDeadlineSeconds * 1000
      : undefined);
  const progressing = conditions.find((c) => c.type === 'Progressing');
  const rsName = newRS.metadata.name;
  if (complete) {
    if (progressing?.reason !== 'NewReplicaSetAvailable')
      setProgressing(
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rsName}" has successfully progressed.`,
      );
    state.progressAt = now;
  } else if (progressed) {
    state.progressAt = now;
    if (!switched)
      setProgressing('True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`);
  } else if (
    deadlineMs !== undefined &&
    progressing?.reason !== 'ProgressDeadlineExceeded' &&
    now - state.progressAt > deadlineMs
  ) {
    setProgressing(
      'False',
      'ProgressDeadlineExceeded',
      `ReplicaSet "${rsName}" has timed out progressing.`,
    );
  }
  // Available first, then Progressing, the order the controller writes them in.
  conditions = [...conditions].sort((a, b) =>
    a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0,
  );

  const status = {
    observedGeneration: generation,
    ...dropZeros(counts, Object.keys(counts)),
    conditions,
  };
  ctx.store.update(DEPLOYMENTS, { ...d, status }, 'status');
}

/** The status of a paused Deployment: counts over its ReplicaSets, Available, no rollout. */
function writePausedStatus(
  ctx: ControllerContext,
  d: KubeObject,
  owned: KubeObject[],
  newRS: KubeObject | undefined,
  conditions: Condition[],
  o: { generation: number; desired: number; maxUnavailable: number; at: string },
): void {
  const sum = (pick: (rs: KubeObject) => number | undefined) =>
    owned.reduce((n, rs) => n + (pick(rs) ?? 0), 0);
  const counts = {
    replicas: sum((rs) => rs.status?.replicas),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum((rs) => rs.status?.readyReplicas),
    availableReplicas: sum((rs) => rs.status?.availableReplicas),
    unavailableReplicas: Math.max(
      0,
      sum((rs) => rs.spec?.replicas) - sum((rs) => rs.status?.availableReplicas),
    ),
  };
  const available = counts.availableReplicas >= o.desired - o.maxUnavailable;
  conditions = setCondition(
    conditions,
    available
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
    o.at,
    false,
  );
  conditions = [...conditions].sort((a, b) =>
    a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0,
  );
  const status = {
    observedGeneration: o.generation,
    ...dropZeros(counts, Object.keys(counts)),
    conditions,
  };
  ctx.store.update(DEPLOYMENTS, { ...d, status }, 'status');
}
