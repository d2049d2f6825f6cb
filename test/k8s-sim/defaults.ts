// Server-side defaulting of the workload fields rollouts read, as the real API server applies it
// (k8s.io/kubernetes/pkg/apis/apps/v1/defaults.go) on create and update. Without it a Deployment
// written without `strategy` stays without one, and kubectl's status viewers misread it.
import type { KubeObject } from './selectors';

type Spec = Record<string, any>;

function rollingDefaults(spec: Spec, key: 'strategy' | 'updateStrategy', rolling: Spec): void {
  spec[key] = { type: 'RollingUpdate', ...(spec[key] ?? {}) };
  if (spec[key].type === 'RollingUpdate')
    spec[key].rollingUpdate = { ...rolling, ...(spec[key].rollingUpdate ?? {}) };
}

/** Fills in what the API server would; returns the same object for chaining. */
export function applyWorkloadDefaults(obj: KubeObject): KubeObject {
  const spec: Spec | undefined = obj.spec;
  if (!spec || typeof spec !== 'object') return obj;
  switch (obj.kind) {
    case 'Deployment':
      spec.replicas ??= 1;
      rollingDefaults(spec, 'strategy', { maxUnavailable: '25%', maxSurge: '25%' });
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      break;
    case 'StatefulSet':
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      rollingDefaults(spec, 'updateStrategy', { partition: 0 });
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      break;
    case 'DaemonSet':
      rollingDefaults(spec, 'updateStrategy', { maxUnavailable: 1, maxSurge: 0 });
      spec.revisionHistoryLimit ??= 10;
      break;
  }
  return obj;
}
