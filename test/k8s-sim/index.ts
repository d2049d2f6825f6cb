// The simulated Kubernetes cluster for tests, the demo and the benchmarks. See README.md.
export {
  startCluster,
  type SimCluster,
  type ClusterOptions,
  type KubeconfigOptions,
  type ListOptions,
  type ServiceAccountFiles,
} from './cluster';
export {
  deployment,
  statefulSet,
  daemonSet,
  secret,
  namespace,
  withImage,
  type DeploymentOptions,
  type StatefulSetOptions,
  type DaemonSetOptions,
  type WorkloadOptions,
  type SecretOptions,
} from './builders';
export {
  type Behaviour,
  type BehaviourRule,
  type PodOutcome,
  DEFAULT_BEHAVIOUR,
  IMAGE_OUTCOMES,
} from './behaviour';
export { Controller, type ControllerOptions } from './controller';
export {
  Faults,
  type RequestMatch,
  type ErrorFault,
  type WatchDrop,
  type GoneMode,
} from './faults';
export { type RequestRecord } from './server';
export { type KubeObject } from './selectors';
export { ObjectStore, type ChangeEvent } from './store';
export { RESOURCE_TYPES, resolveResourceType, type ResourceType } from './resources';
export { rolloutComplete } from './rollout';
