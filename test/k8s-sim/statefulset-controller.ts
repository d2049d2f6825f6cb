// The StatefulSet controller: ordinal pods (name-0, name-1 ...) created in order, updated from the
// highest ordinal down to the RollingUpdate partition, or only when deleted (OnDelete), with
// currentRevision/updateRevision as the real controller reports them.
import type { ControllerContext } from './controller';
import { intOrPercent } from './deployment-controller';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { dropZeros, templateHash } from './store';

const STATEFULSETS = resolveResourceType('statefulsets');
const REVISION_LABEL = 'controller-revision-hash';

export interface StatefulSetSimState {
  /** Pod templates by revision name, so pods below the partition are recreated at their old revision. */
  templates?: Map<string, any>;
}

function ordinalOf(sts: KubeObject, pod: KubeObject): number {
  const suffix = pod.metadata.name.slice(sts.metadata.name.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : -1;
}

export function syncStatefulSet(
  ctx: ControllerContext,
  sts: KubeObject,
  state: StatefulSetSimState,
  now: number,
): void {
  const name = sts.metadata.name;
  const namespace = sts.metadata.namespace!;
  const desired: number = sts.spec?.replicas ?? 1;
  const updateRevision = `${name}-${templateHash(sts.spec?.template)}`;
  const currentRevision: string = sts.status?.currentRevision ?? updateRevision;
  state.templates ??= new Map();
  state.templates.set(updateRevision, sts.spec?.template);
  const strategy = sts.spec?.updateStrategy?.type ?? 'RollingUpdate';
  const partition: number =
    strategy === 'RollingUpdate' ? (sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
  const parallel = sts.spec?.podManagementPolicy === 'Parallel';
  const minReady = sts.spec?.minReadySeconds ?? 0;
  const controller = { component: 'statefulset-controller' };
  const behaviour = ctx.behaviourFor(sts);

  const pods = () => ctx.podsOwnedBy(sts).filter((p) => ordinalOf(sts, p) >= 0);
  const byOrdinal = new Map(pods().map((p) => [ordinalOf(sts, p), p]));
  const revisionFor = (ordinal: number) =>
    strategy === 'RollingUpdate' && ordinal < partition ? currentRevision : updateRevision;

  // Create missing ordinals: all at once (Parallel) or the lowest one once every lower pod is Ready (OrderedReady).
  for (let ordinal = 0; ordinal < desired; ordinal++) {
    const existing = byOrdinal.get(ordinal);
    if (existing) {
      if (!parallel && (existing.metadata.deletionTimestamp || !ctx.kubelet.isReady(existing)))
        break;
      continue;
    }
    const revision = revisionFor(ordinal);
    const template = state.templates.get(revision) ?? sts.spec.template;
    const podName = `${name}-${ordinal}`;
    ctx.kubelet.createPod({
      name: podName,
      namespace,
      template,
      owner: sts,
      nodeName: ctx.nodes[ordinal % ctx.nodes.length],
      extraLabels: {
        [REVISION_LABEL]: revision,
        'statefulset.kubernetes.io/pod-name': podName,
        'apps.kubernetes.io/pod-index': String(ordinal),
      },
      behaviour,
    });
    ctx.events.record(
      sts,
      'Normal',
      'SuccessfulCreate',
      `create Pod ${podName} in StatefulSet ${name} successful`,
      controller,
    );
    if (!parallel) break;
  }

  const live = pods().filter((p) => !p.metadata.deletionTimestamp);
  const allReady = live.length >= desired && live.every((p) => ctx.kubelet.isReady(p));
  // Scale down from the highest ordinal, one at a time unless Parallel.
  const surplus = live
    .filter((p) => ordinalOf(sts, p) >= desired)
    .sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
  for (const pod of parallel ? surplus : surplus.slice(0, 1)) {
    ctx.kubelet.terminate(pod);
    ctx.events.record(
      sts,
      'Normal',
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
      controller,
    );
  }
  // RollingUpdate: replace the highest outdated ordinal at or above the partition, once all pods are Ready.
  if (strategy === 'RollingUpdate' && surplus.length === 0 && allReady) {
    const maxUnavailable = parallel
      ? Math.max(
          1,
          intOrPercent(
            sts.spec?.updateStrategy?.rollingUpdate?.maxUnavailable,
            desired,
            false,
            '1',
          ),
        )
      : 1;
    const outdated = live
      .filter(
        (p) =>
          ordinalOf(sts, p) >= partition &&
          ordinalOf(sts, p) < desired &&
          p.metadata.labels?.[REVISION_LABEL] !== updateRevision,
      )
      .sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a))
      .slice(0, maxUnavailable);
    for (const pod of outdated) {
      ctx.kubelet.terminate(pod);
      ctx.events.record(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name} in StatefulSet ${name} successful`,
        controller,
      );
    }
  }

  const counted = pods().filter((p) => !p.metadata.deletionTimestamp);
  const status: Record<string, any> = {
    observedGeneration: sts.metadata.generation,
    replicas: counted.length,
    readyReplicas: counted.filter((p) => ctx.kubelet.isReady(p)).length,
    currentReplicas: counted.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision)
      .length,
    updatedReplicas: counted.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision)
      .length,
    availableReplicas: counted.filter((p) => ctx.kubelet.isAvailable(p, minReady, now)).length,
    currentRevision,
    updateRevision,
    collisionCount: 0,
  };
  // Once every pod runs the update revision and is ready, it becomes the current revision.
  if (
    strategy === 'RollingUpdate' &&
    status.updatedReplicas === status.replicas &&
    status.readyReplicas === status.replicas &&
    status.replicas === desired
  ) {
    status.currentRevision = updateRevision;
    status.currentReplicas = status.updatedReplicas;
  }
  ctx.store.update(
    STATEFULSETS,
    { ...sts, status: dropZeros(status, ['readyReplicas', 'currentReplicas', 'updatedReplicas']) },
    'status',
  );
}
