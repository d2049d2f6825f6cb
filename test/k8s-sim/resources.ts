// The resource types the simulated API server serves, described once so that routing, discovery
// documents and error messages all come from the same table.

export interface ResourceType {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** URL segment and the name used in error messages ("deployments"). */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  /** Whether spec changes bump metadata.generation (workload controllers watch it). */
  tracksGeneration: boolean;
  /** Subresources served (status is writable separately from the main resource). */
  subresources: string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCE_TYPES: ResourceType[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false, shortNames: ['ns'], tracksGeneration: false, subresources: ['status'] },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true, shortNames: ['po'], tracksGeneration: false, subresources: ['status'] },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', namespaced: true, shortNames: ['ev'], tracksGeneration: false, subresources: [] },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true, shortNames: [], tracksGeneration: false, subresources: [] },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', namespaced: true, shortNames: ['cm'], tracksGeneration: false, subresources: [] },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', namespaced: true, shortNames: ['svc'], tracksGeneration: false, subresources: ['status'] },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', namespaced: true, shortNames: ['sa'], tracksGeneration: false, subresources: [] },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', namespaced: true, shortNames: ['deploy'], tracksGeneration: true, subresources: ['status', 'scale'] },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', namespaced: true, shortNames: ['sts'], tracksGeneration: true, subresources: ['status', 'scale'] },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', namespaced: true, shortNames: ['ds'], tracksGeneration: true, subresources: ['status'] },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', namespaced: true, shortNames: ['rs'], tracksGeneration: true, subresources: ['status', 'scale'] },
  { group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision', namespaced: true, shortNames: [], tracksGeneration: false, subresources: [] },
];

export const RESOURCE_VERBS = VERBS;

export function groupVersion(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** "deployments.apps" / "pods": how the API server names a resource in its messages. */
export function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

export function findByPath(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

/**
 * Accepts what a test would naturally write: a kind ("Deployment"), a plural ("deployments"),
 * a singular or a short name ("deploy"), case-insensitive.
 */
export function resolveResourceType(name: string): ResourceType {
  const lower = name.toLowerCase();
  const type = RESOURCE_TYPES.find(
    (t) => t.kind.toLowerCase() === lower || t.plural === lower || t.singular === lower || t.shortNames.includes(lower),
  );
  if (!type) throw new Error(`k8s-sim: unknown resource type '${name}'`);
  return type;
}
