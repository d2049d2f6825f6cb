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

function resource(
  group: string,
  kind: string,
  plural: string,
  o: {
    shortNames?: string[];
    clusterScoped?: boolean;
    tracksGeneration?: boolean;
    subresources?: string[];
  } = {},
): ResourceType {
  return {
    group,
    version: 'v1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: !o.clusterScoped,
    shortNames: o.shortNames ?? [],
    tracksGeneration: o.tracksGeneration ?? false,
    subresources: o.subresources ?? [],
  };
}

const WORKLOAD = { tracksGeneration: true, subresources: ['status', 'scale'] };

export const RESOURCE_TYPES: ResourceType[] = [
  resource('', 'Namespace', 'namespaces', {
    shortNames: ['ns'],
    clusterScoped: true,
    subresources: ['status'],
  }),
  resource('', 'Pod', 'pods', { shortNames: ['po'], subresources: ['status'] }),
  resource('', 'Event', 'events', { shortNames: ['ev'] }),
  resource('', 'Secret', 'secrets'),
  resource('', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  resource('', 'Service', 'services', { shortNames: ['svc'], subresources: ['status'] }),
  resource('', 'ServiceAccount', 'serviceaccounts', { shortNames: ['sa'] }),
  resource('apps', 'Deployment', 'deployments', { shortNames: ['deploy'], ...WORKLOAD }),
  resource('apps', 'StatefulSet', 'statefulsets', { shortNames: ['sts'], ...WORKLOAD }),
  resource('apps', 'DaemonSet', 'daemonsets', {
    shortNames: ['ds'],
    tracksGeneration: true,
    subresources: ['status'],
  }),
  resource('apps', 'ReplicaSet', 'replicasets', { shortNames: ['rs'], ...WORKLOAD }),
  resource('apps', 'ControllerRevision', 'controllerrevisions'),
];

export const RESOURCE_VERBS = VERBS;

export function groupVersion(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** "deployments.apps" / "pods": how the API server names a resource in its messages. */
export function qualifiedResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

export function findByPath(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    (t) => t.group === group && t.version === version && t.plural === plural,
  );
}

/**
 * Accepts what a test would naturally write: a kind ("Deployment"), a plural ("deployments"),
 * a singular or a short name ("deploy"), case-insensitive.
 */
export function resolveResourceType(name: string): ResourceType {
  const lower = name.toLowerCase();
  const type = RESOURCE_TYPES.find(
    (t) =>
      t.kind.toLowerCase() === lower ||
      t.plural === lower ||
      t.singular === lower ||
      t.shortNames.includes(lower),
  );
  if (!type) throw new Error(`k8s-sim: unknown resource type '${name}'`);
  return type;
}
