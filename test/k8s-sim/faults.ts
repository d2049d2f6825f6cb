// Fault injection: each rule applies to the next N requests that match it, then retires. Rules
// are consulted in the order they were added; a request takes at most one rule of each family.

export interface RequestMatch {
  /** HTTP method, e.g. 'GET' (case-insensitive). */
  method?: string;
  /** Substring of the path, or a pattern tested against it. */
  path?: string | RegExp;
  /** true: only watch requests; false: only non-watch requests. */
  watch?: boolean;
}

export interface RequestInfo {
  method: string;
  path: string;
  watch: boolean;
}

interface CountedRule<T> {
  remaining: number;
  match: RequestMatch;
  value: T;
}

export interface ErrorFault {
  status: number;
  message?: string;
  retryAfterSeconds?: number;
}

export interface WatchDrop {
  /** Cut the stream after this many events were sent (initial ADDED events count). */
  afterEvents?: number;
  /** Cut the stream this long after it opened. */
  afterMs?: number;
  /** 'end': the server ends the chunked response cleanly; 'reset': the socket is destroyed. */
  how: 'end' | 'reset';
}

/** How a watch from a too-old resourceVersion is answered. */
export type GoneMode = 'event' | 'status';

function matches(match: RequestMatch, req: RequestInfo): boolean {
  if (match.method && match.method.toUpperCase() !== req.method) return false;
  if (match.watch !== undefined && match.watch !== req.watch) return false;
  if (typeof match.path === 'string' && !req.path.includes(match.path)) return false;
  if (match.path instanceof RegExp && !match.path.test(req.path)) return false;
  return true;
}

function take<T>(rules: CountedRule<T>[], req: RequestInfo): T | undefined {
  const rule = rules.find((r) => r.remaining > 0 && matches(r.match, req));
  if (!rule) return undefined;
  rule.remaining--;
  return rule.value;
}

export class Faults {
  private errors: CountedRule<ErrorFault>[] = [];
  private delays: CountedRule<number>[] = [];
  private drops: CountedRule<WatchDrop>[] = [];
  private gones: CountedRule<GoneMode>[] = [];
  private unauthorized: CountedRule<true>[] = [];
  /** Answer to a watch whose resourceVersion is older than the history ('event' is what the real server does). */
  staleWatchAnswer: GoneMode = 'event';
  /** Added to every response, in ms (a slow API server). */
  latencyMs = 0;

  /** The next `count` matching requests answer `status` (500, 503, 429 ...) with a Status body. */
  failNext(count: number, fault: Partial<ErrorFault> = {}, match: RequestMatch = {}): this {
    this.errors.push({ remaining: count, match, value: { status: 500, ...fault } });
    return this;
  }

  /** The next `count` matching requests are answered `ms` later. */
  delayNext(count: number, ms: number, match: RequestMatch = {}): this {
    this.delays.push({ remaining: count, match, value: ms });
    return this;
  }

  /** The next `count` watches are cut after `afterEvents` events and/or `afterMs` ms (default: at once, cleanly). */
  dropWatches(count: number, drop: Partial<WatchDrop> = {}, match: RequestMatch = {}): this {
    this.drops.push({
      remaining: count,
      match: { ...match, watch: true },
      value: { how: 'end', ...drop },
    });
    return this;
  }

  /** The next `count` watches get 410 Gone whatever their resourceVersion: an ERROR event or an HTTP 410. */
  goneOnNextWatches(count: number, mode: GoneMode = 'event', match: RequestMatch = {}): this {
    this.gones.push({ remaining: count, match: { ...match, watch: true }, value: mode });
    return this;
  }

  /** The next `count` requests are refused with 401 even with the right token (a token revoked mid-run). */
  unauthorizedNext(count: number, match: RequestMatch = {}): this {
    this.unauthorized.push({ remaining: count, match, value: true });
    return this;
  }

  /** Removes every rule and resets latency and the stale-watch answer. */
  clear(): void {
    this.errors = [];
    this.delays = [];
    this.drops = [];
    this.gones = [];
    this.unauthorized = [];
    this.staleWatchAnswer = 'event';
    this.latencyMs = 0;
  }

  /** Whether any counted rule still has requests to apply to. */
  get pending(): boolean {
    return [this.errors, this.delays, this.drops, this.gones, this.unauthorized].some((rules) =>
      rules.some((r) => r.remaining > 0),
    );
  }

  takeError(req: RequestInfo): ErrorFault | undefined {
    return take(this.errors, req);
  }
  takeDelay(req: RequestInfo): number {
    return (take(this.delays, req) ?? 0) + this.latencyMs;
  }
  takeDrop(req: RequestInfo): WatchDrop | undefined {
    return take(this.drops, req);
  }
  takeGone(req: RequestInfo): GoneMode | undefined {
    return take(this.gones, req);
  }
  takeUnauthorized(req: RequestInfo): boolean {
    return take(this.unauthorized, req) ?? false;
  }
}
