// Watch streams: chunked JSON lines of {type, object}, replayed from the store's history and then
// fed live. Headers are flushed before anything else, as the real API server does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GoneMode, WatchDrop } from './faults';
import { groupVersion, type ResourceType } from './resources';
import type { KubeObject, ObjectPredicate } from './selectors';
import type { ChangeEvent, ObjectStore } from './store';
import { badRequest, expiredBody, StatusError, type StatusBody } from './status';

export interface WatchParams {
  type: ResourceType;
  namespace?: string;
  predicate: ObjectPredicate;
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
  /** sendInitialEvents=true (the WatchList protocol): ADDED for every match, then a BOOKMARK marking their end. */
  sendInitialEvents: boolean;
}

export interface WatchFaults {
  drop?: WatchDrop;
  gone?: GoneMode;
  staleAnswer: GoneMode;
}

export interface WatchOptions {
  /** Interval of BOOKMARK events when the client allows them; 0 disables them. */
  bookmarkIntervalMs: number;
}

type WireEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject | StatusBody;
};

/** Keeps every open watch so the server can end them all on close. */
export class WatchHub {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly store: ObjectStore,
    private readonly options: WatchOptions,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  closeAll(): void {
    for (const end of [...this.open]) end();
  }

  serve(req: IncomingMessage, res: ServerResponse, params: WatchParams, faults: WatchFaults): void {
    const { type, namespace, predicate } = params;
    const inScope = (o: KubeObject) =>
      !type.namespaced || !namespace || o.metadata.namespace === namespace;
    const visible = (o: KubeObject | undefined) => o !== undefined && inScope(o) && predicate(o);

    // Decide what to replay before writing anything, so a bad resourceVersion can still be a 4xx.
    let backlog: WireEvent[];
    let gone: StatusBody | undefined;
    const rv = params.resourceVersion;
    if (faults.gone) {
      gone = expiredBody(rv ?? '0', this.store.oldestWatchable);
    } else if (params.sendInitialEvents || rv === undefined || rv === '' || rv === '0') {
      backlog = this.store
        .list(type, namespace, predicate)
        .map((o) => ({ type: 'ADDED', object: withTypeMeta(o, type) }));
    } else {
      const from = Number(rv);
      if (!Number.isInteger(from) || from < 0)
        throw badRequest(`resourceVersion: Invalid value: "${rv}": must be a non-negative integer`);
      const changes = this.store.changesSince(from);
      if (!changes) gone = expiredBody(rv, this.store.oldestWatchable);
      else backlog = changes.filter((c) => c.resource === type).flatMap((c) => toWire(c, visible));
    }
    const goneMode = faults.gone ?? faults.staleAnswer;
    if (gone && goneMode === 'status') throw new StatusError(gone);

    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    if (gone) {
      res.end(line({ type: 'ERROR', object: gone }));
      return;
    }

    let sent = 0;
    let ended = false;
    const timers: NodeJS.Timeout[] = [];
    const end = (how: 'end' | 'reset' = 'end') => {
      if (ended) return;
      ended = true;
      unsubscribe();
      for (const t of timers) clearTimeout(t);
      this.open.delete(end);
      // A reset still delivers what was written before it, then cuts the response without its last chunk.
      if (how === 'reset') res.write('', () => res.destroy());
      else res.end();
    };
    const send = (event: WireEvent) => {
      if (ended) return;
      res.write(line(event));
      sent++;
      if (faults.drop?.afterEvents !== undefined && sent >= faults.drop.afterEvents)
        end(faults.drop.how);
    };
    const unsubscribe = this.store.subscribe((change) => {
      if (change.resource === type) for (const e of toWire(change, visible)) send(e);
    });
    this.open.add(end);
    req.on('close', () => end());
    res.on('close', () => end());

    if (faults.drop && faults.drop.afterEvents === undefined && faults.drop.afterMs === undefined) {
      end(faults.drop.how);
      return;
    }
    for (const e of backlog!) send(e);
    if (params.sendInitialEvents) {
      send({
        type: 'BOOKMARK',
        object: bookmark(type, this.store.resourceVersion, { 'k8s.io/initial-events-end': 'true' }),
      });
    }
    // A watch that already ended (its client left while the backlog was written, a drop after N
    // events) gets no timers: end() has run and would never clear them, and a live timeout or
    // bookmark interval kept jest's process open after the cluster closed.
    if (ended) return;
    if (faults.drop?.afterMs !== undefined)
      timers.push(setTimeout(() => end(faults.drop!.how), faults.drop.afterMs));
    if (params.timeoutSeconds !== undefined && params.timeoutSeconds > 0)
      timers.push(setTimeout(() => end(), params.timeoutSeconds * 1000));
    if (params.allowBookmarks && this.options.bookmarkIntervalMs > 0) {
      timers.push(
        setInterval(
          () => send({ type: 'BOOKMARK', object: bookmark(type, this.store.resourceVersion) }),
          this.options.bookmarkIntervalMs,
        ),
      );
    }
  }
}

/** A BOOKMARK carries only the kind and a resourceVersion (and, ending initial events, an annotation). */
function bookmark(
  type: ResourceType,
  resourceVersion: string,
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: groupVersion(type),
    kind: type.kind,
    metadata: { name: '', resourceVersion, ...(annotations ? { annotations } : {}) },
  } as KubeObject;
}

function line(event: WireEvent): string {
  return `${JSON.stringify(event)}\n`;
}

function withTypeMeta(obj: KubeObject, type: ResourceType): KubeObject {
  return { apiVersion: groupVersion(type), kind: type.kind, ...obj };
}

/** What a watcher with a selector sees: entering the selection is ADDED, leaving it is DELETED. */
function toWire(change: ChangeEvent, visible: (o: KubeObject | undefined) => boolean): WireEvent[] {
  const now = change.type !== 'DELETED' && visible(change.object);
  const before = change.type !== 'ADDED' && visible(change.previous);
  const object = withTypeMeta(change.object, change.resource);
  if (change.type === 'ADDED') return now ? [{ type: 'ADDED', object }] : [];
  if (change.type === 'DELETED') return before ? [{ type: 'DELETED', object }] : [];
  if (now && before) return [{ type: 'MODIFIED', object }];
  if (now) return [{ type: 'ADDED', object }];
  if (before) return [{ type: 'DELETED', object }];
  return [];
}
