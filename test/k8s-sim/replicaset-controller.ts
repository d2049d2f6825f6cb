// The ReplicaSet controller: keeps the number of pods equal to spec.replicas and reports how many
// are ready and available.
import type { ControllerContext } from './controller';
import { resolveResourceType } from './resources';
import type { KubeObject } from './selectors';
import { dropZeros, randomSuffix } from './store';

const REPLICASETS = resolveResourceType('replicasets');

export function ownedBy(obj: KubeObject, owner: KubeObject): boolean {
  return (
    obj.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.controller) === true
  );
}

export function syncReplicaSet(ctx: ControllerContext, rs: KubeObject, now: number): void {
  const pods = ctx.podsOwnedBy(rs);
  const active = pods.filter((p) => !p.metadata.deletionTimestamp);
  const desired = rs.spec?.replicas ?? 1;
  const controller = { component: 'replicaset-controller' };
  if (active.length < desired) {
    const behaviour = ctx.behaviourFor(rs);
    for (let i = active.length; i < desired; i++) {
      const pod = ctx.kubelet.createPod({
        name: `${rs.metadata.name}-${randomSuffix()}`,
        namespace: rs.metadata.namespace!,
        template: rs.spec.template,
        owner: rs,
        nodeName: ctx.nodes[i % ctx.nodes.length],
        behaviour,
      });
      ctx.events.record(
        rs,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${pod.metadata.name}`,
        controller,
      );
    }
  } else if (active.length > desired) {
    // Not-ready pods go first, then the youngest, as the real controller ranks them.
    const ready = (p: KubeObject) => Number(ctx.kubelet.isReady(p));
    const created = (p: KubeObject) => p.metadata.creationTimestamp ?? '';
    const victims = [...active]
      .sort((a, b) => ready(a) - ready(b) || created(b).localeCompare(created(a)))
      .slice(0, active.length - desired);
    for (const pod of victims) {
      ctx.kubelet.terminate(pod);
      ctx.events.record(
        rs,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${pod.metadata.name}`,
        controller,
      );
    }
  }
  const current = ctx.podsOwnedBy(rs).filter((p) => !p.metadata.deletionTimestamp);
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const status = {
    replicas: current.length,
    fullyLabeledReplicas: current.length,
    readyReplicas: current.filter((p) => ctx.kubelet.isReady(p)).length,
    availableReplicas: current.filter((p) => ctx.kubelet.isAvailable(p, minReady, now)).length,
    observedGeneration: rs.metadata.generation,
  };
  // Only `replicas` is always written; the other counts are omitted when zero, as on the wire.
  ctx.store.update(
    REPLICASETS,
    {
      ...rs,
      status: dropZeros(status, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']),
    },
    'status',
  );
}
