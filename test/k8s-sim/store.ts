// The object store: every object the simulated cluster holds, one global resourceVersion counter
// (as etcd's revision), and a bounded history of changes that watches replay from.
import { randomBytes, randomUUID } from 'node:crypto';
import { groupVersion, type ResourceType } from './resources';
import { applyWorkloadDefaults } from './defaults';
import type { KubeObject } from './selectors';
import { alreadyExists, conflict, invalid, notFound, StatusError } from './status';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ChangeEvent {
  type: ChangeType;
  resourceVersion: number;
  resource: ResourceType;
  object: KubeObject;
  /** The object before this change (MODIFIED/DELETED), so selector watches can tell ADDED/DELETED apart. */
  previous?: KubeObject;
}

export interface StoreOptions {
  /** How many changes are kept for watches to replay; older resourceVersions get 410 Gone. */
  historySize?: number;
}

/** JSON with sorted keys: two specs are equal when their canonical forms are. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Kubernetes writes timestamps in RFC 3339 with second precision. */
export function kubeTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Five lowercase alphanumerics, like the suffix of generated names. */
export function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from(randomBytes(5), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Removes the listed fields when they are 0: Kubernetes marks most status counts `omitempty`,
 * so a client must cope with them missing, and the simulator makes sure it does.
 */
export function dropZeros<T extends Record<string, unknown>>(
  status: T,
  keys: string[],
): Partial<T> {
  const out: Record<string, unknown> = { ...status };
  for (const key of keys) if (out[key] === 0 || out[key] === undefined) delete out[key];
  return out as Partial<T>;
}

/** FNV-1a over the canonical template, encoded like the pod-template-hash label. */
export function templateHash(template: unknown): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(canonicalJson(template))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let text = '';
  for (let n = hash; n > 0; n = Math.floor(n / alphabet.length))
    text += alphabet[n % alphabet.length];
  return text || alphabet[0];
}

/** What the API server rewrites on the way in: Secret stringData is merged into data. */
function normalise(type: ResourceType, obj: KubeObject): KubeObject {
  if (type.group === 'apps')
    obj = applyWorkloadDefaults({ ...structuredClone(obj), kind: type.kind });
  if (type.kind !== 'Secret' || !obj.stringData) return obj;
  const { stringData, ...rest } = obj;
  const data: Record<string, string> = { ...(rest.data ?? {}) };
  for (const [k, v] of Object.entries(stringData as Record<string, string>))
    data[k] = Buffer.from(String(v)).toString('base64');
  return { ...rest, data };
}

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: ChangeEvent[] = [];
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private readonly historySize: number;
  private revision = 1000;
  /** Watches from a resourceVersion below this are answered 410 Gone. */
  private compactedBelow = 0;

  constructor(options: StoreOptions = {}) {
    this.historySize = options.historySize ?? 5000;
  }

  private key(type: ResourceType, namespace: string | undefined, name: string): string {
    return `${type.plural}.${type.group}/${type.namespaced ? (namespace ?? '') : ''}/${name}`;
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const obj = this.objects.get(this.key(type, namespace, name));
    return obj && structuredClone(obj);
  }

  mustGet(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.get(type, namespace, name);
    if (!obj) throw notFound(type, name);
    return obj;
  }

  /** Objects of one type, in one namespace or all, ordered by namespace then name as etcd returns them. */
  list(
    type: ResourceType,
    namespace?: string,
    predicate: (o: KubeObject) => boolean = () => true,
  ): KubeObject[] {
    const prefix = `${type.plural}.${type.group}/${type.namespaced && namespace ? `${namespace}/` : ''}`;
    return [...this.objects.entries()]
      .filter(([key, obj]) => key.startsWith(prefix) && predicate(obj))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, obj]) => structuredClone(obj));
  }

  create(type: ResourceType, input: KubeObject): KubeObject {
    const obj = normalise(type, structuredClone(input));
    obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
    if (!obj.metadata.name && obj.metadata.generateName)
      obj.metadata.name = obj.metadata.generateName + randomSuffix();
    const name = obj.metadata.name;
    if (!name)
      throw invalid(type, '', 'metadata.name: Required value: name or generateName is required');
    if (!NAME_PATTERN.test(name) || name.length > 253) {
      const rule =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
      throw invalid(type, name, `metadata.name: Invalid value: "${name}": ${rule}`);
    }
    if (type.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    const key = this.key(type, obj.metadata.namespace, name);
    if (this.objects.has(key)) throw alreadyExists(type, name);
    obj.apiVersion = groupVersion(type);
    obj.kind = type.kind;
    obj.metadata.uid = randomUUID();
    obj.metadata.creationTimestamp = kubeTimestamp();
    if (type.tracksGeneration) obj.metadata.generation = 1;
    else delete obj.metadata.generation;
    delete obj.metadata.deletionTimestamp;
    return this.commit('ADDED', type, key, obj);
  }

  /**
   * Replaces an object. `part: 'main'` keeps the stored status of types with a status
   * subresource (as PUT on the main resource does); `part: 'status'` keeps everything but status.
   * A resourceVersion in the input must match the stored one (optimistic concurrency).
   */
  update(
    type: ResourceType,
    input: KubeObject,
    part: 'main' | 'status' | 'all' = 'all',
  ): KubeObject {
    const namespace = type.namespaced ? input.metadata?.namespace || 'default' : undefined;
    const name = input.metadata?.name;
    const key = this.key(type, namespace, name);
    const current = this.objects.get(key);
    if (!current) throw notFound(type, name);
    const requested = input.metadata.resourceVersion;
    if (requested && requested !== current.metadata.resourceVersion) throw conflict(type, name);
    let next: KubeObject;
    input = normalise(type, input);
    if (part === 'status') {
      next = structuredClone(current);
      next.status = structuredClone(input.status);
    } else {
      next = structuredClone(input);
      if (part === 'main' && type.subresources.includes('status'))
        next.status = structuredClone(current.status);
      // Identity and bookkeeping fields belong to the server.
      next.metadata = {
        ...next.metadata,
        name,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        generation: current.metadata.generation,
      };
      if (type.namespaced) next.metadata.namespace = namespace;
      if (current.metadata.deletionTimestamp)
        next.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
      if (!type.tracksGeneration) delete next.metadata.generation;
    }
    next.apiVersion = groupVersion(type);
    next.kind = type.kind;
    if (type.tracksGeneration && canonicalJson(next.spec) !== canonicalJson(current.spec)) {
      next.metadata.generation = (current.metadata.generation ?? 0) + 1;
    }
    const withoutVersion = (o: KubeObject) =>
      canonicalJson({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
    if (withoutVersion(next) === withoutVersion(current)) {
      // A no-op write leaves resourceVersion alone and emits no event, like the real server.
      return structuredClone(current);
    }
    return this.commit('MODIFIED', type, key, next, current);
  }

  /** Deletes an object and, like the garbage collector, everything it owns. */
  delete(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const key = this.key(type, namespace, name);
    const current = this.objects.get(key);
    if (!current) throw notFound(type, name);
    if (this.dryRuns > 0) return structuredClone(current);
    this.objects.delete(key);
    const gone = structuredClone(current);
    const result = this.commit('DELETED', type, key, gone, current);
    this.deleteDependents(current.metadata.uid!);
    return result;
  }

  private deleteDependents(ownerUid: string): void {
    for (const [key, obj] of [...this.objects.entries()]) {
      if (!obj.metadata.ownerReferences?.some((r) => r.uid === ownerUid)) continue;
      if (!this.objects.has(key)) continue;
      const type = this.typeOfKey(key);
      if (type) this.delete(type, obj.metadata.namespace, obj.metadata.name);
    }
  }

  private readonly typesByKeyPrefix = new Map<string, ResourceType>();
  private typeOfKey(key: string): ResourceType | undefined {
    return this.typesByKeyPrefix.get(key.slice(0, key.indexOf('/')));
  }

  private dryRuns = 0;

  /** Runs `write` (synchronous) so that nothing it does is stored or seen by watchers. */
  withDryRun<T>(dryRun: boolean, write: () => T): T {
    if (!dryRun) return write();
    this.dryRuns++;
    try {
      return write();
    } finally {
      this.dryRuns--;
    }
  }

  private commit(
    type: ChangeType,
    resource: ResourceType,
    key: string,
    obj: KubeObject,
    previous?: KubeObject,
  ): KubeObject {
    if (this.dryRuns > 0) {
      // What the write would return: the stored resourceVersion (none for a create).
      obj.metadata.resourceVersion = previous?.metadata.resourceVersion;
      if (obj.metadata.resourceVersion === undefined) delete obj.metadata.resourceVersion;
      return structuredClone(obj);
    }
    this.typesByKeyPrefix.set(`${resource.plural}.${resource.group}`, resource);
    this.revision++;
    obj.metadata.resourceVersion = String(this.revision);
    if (type !== 'DELETED') this.objects.set(key, obj);
    const event: ChangeEvent = {
      type,
      resourceVersion: this.revision,
      resource,
      object: structuredClone(obj),
      previous: previous && structuredClone(previous),
    };
    this.history.push(event);
    if (this.history.length > this.historySize)
      this.history.splice(0, this.history.length - this.historySize);
    for (const listener of [...this.listeners]) listener(event);
    return structuredClone(obj);
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The oldest resourceVersion a watch may still start from. */
  get oldestWatchable(): number {
    const oldestKept =
      this.history.length > 0 ? this.history[0].resourceVersion - 1 : this.revision;
    return Math.max(oldestKept, this.compactedBelow);
  }

  /** Changes after `resourceVersion`, or undefined when that version is older than what is kept. */
  changesSince(resourceVersion: number): ChangeEvent[] | undefined {
    if (resourceVersion < this.oldestWatchable) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Forgets the history, as etcd compaction does: every resourceVersion before now becomes too old. */
  compact(): void {
    this.compactedBelow = this.revision;
    this.history.length = 0;
  }
}

export function isStatusError(err: unknown): err is StatusError {
  return err instanceof StatusError;
}
