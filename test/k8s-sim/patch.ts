// PATCH bodies. Merge patch follows RFC 7386. Strategic merge patch merges the lists the core
// and apps types declare `patchStrategy: merge` on by their merge key (containers by name, ...)
// and honours `$patch: delete|replace`; server-side apply is still treated as a merge patch.
import { parse as parseYaml } from 'yaml';
import { badRequest, unsupportedMediaType } from './status';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
    return structuredClone(patch);
  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (
      key === '$patch' ||
      key.startsWith('$setElementOrder/') ||
      key.startsWith('$deleteFromPrimitiveList/') ||
      key === '$retainKeys'
    )
      continue;
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * The lists merged by key under strategic merge patch, by field name (the merge keys of
 * k8s.io/api core/v1 and apps/v1). Lists not named here are replaced, as the server does for
 * lists without a patch strategy.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    return strategicMergePatch({}, rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const result: Record<string, unknown> = isMap(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const mergeKey = MERGE_KEYS[key];
    if (value === null) delete result[key];
    else if (mergeKey && Array.isArray(value) && value.every(isMap))
      result[key] = mergeList(result[key], value, mergeKey);
    else if (isMap(value)) {
      const merged = strategicMergePatch(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else result[key] = structuredClone(value);
  }
  return result;
}

function mergeList(
  target: unknown,
  patch: Record<string, unknown>[],
  mergeKey: string,
): Record<string, unknown>[] {
  if (patch.some((item) => item.$patch === 'replace'))
    return patch.filter((item) => item.$patch !== 'replace').map((i) => structuredClone(i));
  const result = Array.isArray(target) ? target.map((i) => structuredClone(i)) : [];
  for (const item of patch) {
    const at = result.findIndex(
      (existing) => isMap(existing) && existing[mergeKey] === item[mergeKey],
    );
    if (item.$patch === 'delete') {
      if (at >= 0) result.splice(at, 1);
    } else if (at >= 0) result[at] = strategicMergePatch(result[at], item);
    else result.push(strategicMergePatch({}, item));
  }
  return result;
}

interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: unknown;
  from?: string;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locate(doc: any, parts: string[]): { parent: any; key: string } {
  let parent = doc;
  for (const part of parts.slice(0, -1)) {
    parent = Array.isArray(parent) ? parent[Number(part)] : parent?.[part];
    if (parent === undefined || parent === null)
      throw badRequest(
        `the server rejected our request due to an error in our request: missing path ${parts.join('/')}`,
      );
  }
  return { parent, key: parts[parts.length - 1] };
}

export function jsonPatch(target: unknown, ops: JsonPatchOp[]): unknown {
  if (!Array.isArray(ops)) throw badRequest('json patch must be an array of operations');
  let doc: any = structuredClone(target);
  for (const op of ops) {
    const parts = pointer(op.path);
    if (parts.length === 0) {
      if (op.op === 'add' || op.op === 'replace') doc = structuredClone(op.value);
      continue;
    }
    const { parent, key } = locate(doc, parts);
    const read = () => (Array.isArray(parent) ? parent[Number(key)] : parent[key]);
    switch (op.op) {
      case 'add':
        if (Array.isArray(parent))
          parent.splice(key === '-' ? parent.length : Number(key), 0, structuredClone(op.value));
        else parent[key] = structuredClone(op.value);
        break;
      case 'replace':
        if (read() === undefined)
          throw badRequest(`replace operation does not apply: doc is missing key: ${op.path}`);
        if (Array.isArray(parent)) parent[Number(key)] = structuredClone(op.value);
        else parent[key] = structuredClone(op.value);
        break;
      case 'remove':
        if (read() === undefined)
          throw badRequest(`remove operation does not apply: doc is missing path: ${op.path}`);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case 'test':
        if (JSON.stringify(read()) !== JSON.stringify(op.value))
          throw badRequest(`testing value ${op.path} failed`);
        break;
      default:
        throw badRequest(`json patch operation ${op.op} is not supported by k8s-sim`);
    }
  }
  return doc;
}

export type PatchKind = 'merge' | 'strategic' | 'json' | 'apply';

export function patchKind(contentType: string | undefined): PatchKind {
  const type = (contentType ?? '').split(';')[0].trim();
  switch (type) {
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/json-patch+json':
      return 'json';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
    default:
      throw unsupportedMediaType(type);
  }
}

export function applyPatch(kind: PatchKind, target: unknown, body: string): unknown {
  let patch: unknown;
  try {
    patch = kind === 'apply' ? parseYaml(body) : JSON.parse(body);
  } catch (err) {
    throw badRequest(`error decoding patch: ${(err as Error).message}`);
  }
  if (kind === 'json') return jsonPatch(target, patch as JsonPatchOp[]);
  return kind === 'strategic' ? strategicMergePatch(target, patch) : mergePatch(target, patch);
}
