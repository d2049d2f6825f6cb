// Custom resources the simulator can serve on demand, as a cluster with Argo CD, Argo Rollouts and
// Flux installed serves their CRDs: stored objects with a status subresource and generation, in
// discovery under their own group/version — and no controller: a test writes their status (as the
// CD tool would) with `cluster.setStatus`. Also batch/v1 Jobs (no Job controller either).
// Call `installCustomResources()` before `startCluster` in a test file (jest gives each file its
// own module registry, so other files keep the built-in set).
import { RESOURCE_TYPES, type ResourceType } from './resources';

function crd(
  group: string,
  version: string,
  kind: string,
  plural: string,
  shortNames: string[] = [],
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: true,
    shortNames,
    tracksGeneration: true,
    subresources: ['status'],
  };
}

export const CUSTOM_RESOURCE_TYPES: ResourceType[] = [
  crd('argoproj.io', 'v1alpha1', 'Application', 'applications', ['app']),
  crd('argoproj.io', 'v1alpha1', 'Rollout', 'rollouts', ['ro']),
  crd('helm.toolkit.fluxcd.io', 'v2', 'HelmRelease', 'helmreleases', ['hr']),
  crd('kustomize.toolkit.fluxcd.io', 'v1', 'Kustomization', 'kustomizations', ['ks']),
  crd('batch', 'v1', 'Job', 'jobs'),
];

/** Adds the custom resource types to this module registry's simulator (idempotent). */
export function installCustomResources(types: ResourceType[] = CUSTOM_RESOURCE_TYPES): void {
  for (const t of types)
    if (!RESOURCE_TYPES.some((r) => r.group === t.group && r.plural === t.plural))
      RESOURCE_TYPES.push(t);
}
