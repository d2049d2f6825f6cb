// An in-memory KubeApi for unit tests of the wait logic: objects by path, watches that receive
// what `update` changes, and switches to end, break or expire the watches.
import {
  KubeApiError,
  type KubeApi,
  type RequestOptions,
  type WatchEvent,
  type WatchOptions,
} from '../src/kube-api';

interface Obj {
  metadata: { name: string; resourceVersion?: string; [k: string]: unknown };
  [k: string]: unknown;
}

interface OpenWatch {
  collection: string;
  name?: string;
  onEvent: (e: WatchEvent<unknown>) => void;
  end: (err?: Error) => void;
}

export class FakeKube implements KubeApi {
  private rv = 100;
  /** collection path → name → object */
  readonly objects = new Map<string, Map<string, Obj>>();
  readonly log: string[] = [];
  private watches: OpenWatch[] = [];
  /** Errors to throw from the next calls of get (FIFO). */
  getFailures: KubeApiError[] = [];
  watchFailures: KubeApiError[] = [];
  closed = false;
  /** Namespaces that exist (GET /api/v1/namespaces/<name> answers them, else 404). */
  readonly namespaces = new Set(['default']);

  get requests(): number {
    return this.log.length;
  }

  put(collection: string, obj: Obj, type: 'ADDED' | 'MODIFIED' = 'MODIFIED'): void {
    const items = this.objects.get(collection) ?? new Map<string, Obj>();
    this.objects.set(collection, items);
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    const existed = items.has(obj.metadata.name);
    items.set(obj.metadata.name, stored);
    for (const w of this.watches) {
      if (w.collection === collection && (!w.name || w.name === obj.metadata.name))
        w.onEvent({ type: existed ? type : 'ADDED', object: structuredClone(stored) });
    }
  }

  remove(collection: string, name: string): void {
    const obj = this.objects.get(collection)?.get(name);
    if (!obj) return;
    this.objects.get(collection)!.delete(name);
    for (const w of this.watches)
      if (w.collection === collection && (!w.name || w.name === name))
        w.onEvent({ type: 'DELETED', object: obj });
  }

  /** Ends every open watch: cleanly, with an error, or with a 410 ERROR event first. */
  endWatches(how: 'clean' | 'cut' | 'expired' = 'clean'): void {
    const open = this.watches;
    this.watches = [];
    for (const w of open) {
      if (how === 'expired')
        w.onEvent({
          type: 'ERROR',
          object: {
            kind: 'Status',
            code: 410,
            reason: 'Expired',
            message: 'too old resource version',
          },
        });
      w.end(
        how === 'cut' ? new KubeApiError('NETWORK', 'the watch connection was cut') : undefined,
      );
    }
  }

  /** Sends every open watch an ERROR event with this Status (the server then ends the stream). */
  endWatchesWithError(status: Record<string, unknown>): void {
    const open = this.watches;
    this.watches = [];
    for (const w of open) {
      w.onEvent({ type: 'ERROR', object: status });
      w.end();
    }
  }

  get openWatches(): number {
    return this.watches.length;
  }

  async get<T>(
    path: string,
    query: Record<string, string | undefined> = {},
    _opts?: RequestOptions,
  ): Promise<T> {
    this.log.push(
      `GET ${path}${query.fieldSelector ? `?fieldSelector=${query.fieldSelector}` : ''}`,
    );
    await Promise.resolve();
    const failure = this.getFailures.shift();
    if (failure) throw failure;
    if (this.objects.has(path)) {
      const name = /^metadata\.name=(.+)$/.exec(query.fieldSelector ?? '')?.[1];
      const items = [...this.objects.get(path)!.values()].filter(
        (o) => !name || o.metadata.name === name,
      );
      return structuredClone({ metadata: { resourceVersion: String(this.rv) }, items }) as T;
    }
    const nsMatch = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path);
    if (nsMatch) {
      const name = decodeURIComponent(nsMatch[1]);
      if (this.namespaces.has(name)) return { metadata: { name } } as T;
      throw new KubeApiError('HTTP', `namespaces "${name}" not found`, 404, 'NotFound');
    }
    const at = path.lastIndexOf('/');
    const obj = this.objects.get(path.slice(0, at))?.get(decodeURIComponent(path.slice(at + 1)));
    if (obj) return structuredClone(obj) as T;
    // A collection lists empty, in a namespace that does not exist too (as the real server).
    if (/\/(pods|replicasets|events|deployments|statefulsets|daemonsets)$/.test(path))
      return { metadata: { resourceVersion: String(this.rv) }, items: [] } as T;
    throw new KubeApiError('HTTP', `not found: ${path}`, 404, 'NotFound');
  }

  watch<T>(
    path: string,
    query: Record<string, string | undefined>,
    onEvent: (event: WatchEvent<T>) => void,
    opts: WatchOptions = {},
  ): Promise<void> {
    this.log.push(`WATCH ${path} rv=${query.resourceVersion}`);
    const failure = this.watchFailures.shift();
    if (failure) return Promise.reject(failure);
    return new Promise<void>((resolve, reject) => {
      const name = /^metadata\.name=(.+)$/.exec(query.fieldSelector ?? '')?.[1];
      const w: OpenWatch = {
        collection: path,
        name,
        onEvent: onEvent as (e: WatchEvent<unknown>) => void,
        end: (err) => {
          this.watches = this.watches.filter((x) => x !== w);
          if (err) reject(err);
          else resolve();
        },
      };
      if (opts.signal?.aborted) return resolve();
      opts.signal?.addEventListener('abort', () => w.end(), { once: true });
      this.watches.push(w);
    });
  }

  close(): void {
    this.closed = true;
  }
}

export const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
export const STATEFULSETS = '/apis/apps/v1/namespaces/default/statefulsets';

export function deploymentObject(
  name: string,
  generation: number,
  observed: number,
  replicas: number,
  status: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      generation,
      annotations: { 'deployment.kubernetes.io/revision': '2' },
    },
    spec: { replicas, selector: { matchLabels: { app: name } } },
    status: { observedGeneration: observed, ...status },
    ...extra,
  };
}
