// Discovery documents (/version, /api, /apis, resource lists) in the shapes client-go and
// client-node decode, built from the resource table.
import { RESOURCE_TYPES, RESOURCE_VERBS, groupVersion } from './resources';

export const SERVER_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T00:00:00Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groups(): string[] {
  return [...new Set(RESOURCE_TYPES.filter((t) => t.group !== '').map((t) => t.group))];
}

function apiGroup(name: string) {
  // The versions the group's types have (v1 for every built-in one; custom resources may differ).
  const versions = [
    ...new Set(RESOURCE_TYPES.filter((t) => t.group === name).map((t) => t.version)),
  ].map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups().map(apiGroup) };
}

export function apiGroupDocument(name: string) {
  return groups().includes(name)
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name) }
    : undefined;
}

export function apiResourceList(group: string, version: string) {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => [
    {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: RESOURCE_VERBS,
      ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      ...(t.group === 'apps' ? { categories: ['all'] } : {}),
    },
    ...t.subresources.map((sub) => ({
      name: `${t.plural}/${sub}`,
      singularName: '',
      namespaced: t.namespaced,
      ...(sub === 'scale'
        ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
        : { kind: t.kind }),
      verbs: ['get', 'patch', 'update'],
    })),
  ]);
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(types[0]),
    resources,
  };
}

// OpenAPI v3, just enough for client-go's field-validation check (helm install/upgrade, kubectl
// apply): each kind's PATCH operation declares the `fieldValidation` query parameter, so clients
// leave validation to the server instead of validating against schemas (which are open objects).
function openApiPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES)
    seen.set(`${t.group}/${t.version}`, { group: t.group, version: t.version });
  return [...seen.values()];
}

export function openApiV3Root() {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of groupVersions()) {
    const p = openApiPath(group, version);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${p.replace(/\W/g, '').toUpperCase()}` };
  }
  return { paths };
}

export function openApiV3Document(pathAfterV3: string) {
  const gv = groupVersions().find(
    ({ group, version }) => openApiPath(group, version) === pathAfterV3,
  );
  if (!gv) return undefined;
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (const t of RESOURCE_TYPES.filter((r) => r.group === gv.group && r.version === gv.version)) {
    const collection = t.namespaced
      ? `/${pathAfterV3}/namespaces/{namespace}/${t.plural}`
      : `/${pathAfterV3}/${t.plural}`;
    paths[`${collection}/{name}`] = {
      patch: {
        operationId: `patch${t.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: t.group, version: t.version, kind: t.kind },
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
        })),
        responses: { '200': { description: 'OK' } },
      },
    };
    const pkg = t.group === '' ? 'core' : t.group;
    schemas[`io.k8s.api.${pkg}.${t.version}.${t.kind}`] = {
      type: 'object',
      description: `${t.kind} (k8s-sim: fields are not validated)`,
      'x-kubernetes-group-version-kind': [{ group: t.group, kind: t.kind, version: t.version }],
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths,
    components: { schemas },
  };
}
