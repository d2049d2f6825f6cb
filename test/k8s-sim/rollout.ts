// A plain "has this workload finished rolling out" check for the simulator's own tests and for
// waitFor(); the action implements kubectl's exact semantics itself and must not borrow this.
import type { KubeObject } from './selectors';

export function rolloutComplete(obj: KubeObject): boolean {
  const s = obj.status ?? {};
  if ((s.observedGeneration ?? 0) < (obj.metadata.generation ?? 1)) return false;
  switch (obj.kind) {
    case 'Deployment': {
      const want = obj.spec?.replicas ?? 1;
      return (
        (s.updatedReplicas ?? 0) === want &&
        (s.replicas ?? 0) === want &&
        (s.availableReplicas ?? 0) === want
      );
    }
    case 'StatefulSet': {
      const want = obj.spec?.replicas ?? 1;
      const partition = obj.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
      if ((s.readyReplicas ?? 0) < want) return false;
      if (partition > 0) return (s.updatedReplicas ?? 0) >= want - partition;
      return s.currentRevision === s.updateRevision && (s.updatedReplicas ?? 0) === want;
    }
    case 'DaemonSet': {
      const want = s.desiredNumberScheduled ?? 0;
      return (
        want > 0 && (s.updatedNumberScheduled ?? 0) === want && (s.numberAvailable ?? 0) === want
      );
    }
    default:
      throw new Error(`k8s-sim: rolloutComplete does not know ${obj.kind}`);
  }
}
