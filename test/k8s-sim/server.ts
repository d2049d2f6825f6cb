// The HTTPS API server: authentication, fault injection, request log and REST routing onto the
// object store. One request handler, routed by path segments as the real server lays them out.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  openApiV3Document,
  openApiV3Root,
  SERVER_VERSION,
} from './discovery';
import type { Faults, RequestInfo } from './faults';
import { applyPatch, patchKind } from './patch';
import { decodeKubeProtobuf, PROTOBUF_CONTENT_TYPE } from './protobuf';
import { findByPath, groupVersion, resolveResourceType, type ResourceType } from './resources';
import { parseFieldSelector, parseLabelSelector, type KubeObject } from './selectors';
import {
  badRequest,
  deleted,
  methodNotAllowed,
  notFound,
  pathNotFound,
  serverError,
  StatusError,
  tooLarge,
  unauthorized,
} from './status';
import type { ObjectStore } from './store';
import type { WatchHub } from './watch';

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Date.now() when the request arrived. */
  time: number;
  watch: boolean;
  /** HTTP status answered; 0 until the headers are sent (or when the socket was cut before). */
  readonly status: number;
  userAgent?: string;
  /** Content-Type of the request body (e.g. which patch type a client sent). */
  contentType?: string;
}

export interface ApiServerContext {
  tls: { cert: string; key: string };
  /** Bearer tokens accepted. */
  tokens: Set<string>;
  store: ObjectStore;
  faults: Faults;
  hub: WatchHub;
  requests: RequestRecord[];
  /** host:port for /api's serverAddressByClientCIDRs. */
  address: () => string;
  /** Called with each request's record right after it is logged (before auth and faults). */
  onRequest?: (record: RequestRecord) => void;
}

const ANONYMOUS_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);
const MAX_BODY = 8 * 1024 * 1024;

export function createApiServer(ctx: ApiServerContext): Server {
  return createServer({ cert: ctx.tls.cert, key: ctx.tls.key }, (req, res) => {
    handle(ctx, req, res).catch((err) => writeError(res, err));
  });
}

async function handle(
  ctx: ApiServerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://k8s-sim');
  const query = Object.fromEntries(url.searchParams);
  const method = (req.method ?? 'GET').toUpperCase();
  const watch = method === 'GET' && (query.watch === 'true' || query.watch === '1');
  const record = {
    method,
    path: url.pathname,
    query,
    time: Date.now(),
    watch,
    userAgent: req.headers['user-agent'],
    contentType: req.headers['content-type'],
  } as RequestRecord;
  // Read when asked, so an open watch already shows its 200.
  Object.defineProperty(record, 'status', {
    enumerable: true,
    get: () => (res.headersSent ? res.statusCode : 0),
  });
  ctx.requests.push(record);
  ctx.onRequest?.(record);
  const info: RequestInfo = { method, path: url.pathname, watch };

  const delay = ctx.faults.takeDelay(info);
  // Unref'd: a slow answer still pending when the cluster closes must not hold the process open.
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay).unref());

  const auth = req.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
  const anonymousAllowed = token === undefined && ANONYMOUS_PATHS.has(url.pathname);
  if (
    (!anonymousAllowed && (token === undefined || !ctx.tokens.has(token))) ||
    ctx.faults.takeUnauthorized(info)
  )
    throw unauthorized();

  const fault = ctx.faults.takeError(info);
  if (fault) throw serverError(fault.status, fault.message, fault.retryAfterSeconds);

  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [root, ...rest] = segments;
  if (segments.length === 1 && root === 'version') return writeJson(res, 200, SERVER_VERSION);
  if (segments.length === 1 && ['healthz', 'livez', 'readyz'].includes(root)) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    return void res.end('ok');
  }
  if (root === 'api') {
    if (rest.length === 0) return writeJson(res, 200, apiVersions(ctx.address()));
    if (rest[0] !== 'v1') throw pathNotFound();
    return routeGroupVersion(ctx, req, res, '', 'v1', rest.slice(1), query, watch);
  }
  if (root === 'apis') {
    if (rest.length === 0) return writeJson(res, 200, apiGroupList());
    if (rest.length === 1) {
      const doc = apiGroupDocument(rest[0]);
      if (!doc) throw pathNotFound();
      return writeJson(res, 200, doc);
    }
    return routeGroupVersion(ctx, req, res, rest[0], rest[1], rest.slice(2), query, watch);
  }
  if (root === 'openapi' && rest[0] === 'v3') {
    const doc = rest.length === 1 ? openApiV3Root() : openApiV3Document(rest.slice(1).join('/'));
    if (!doc) throw pathNotFound();
    return writeJson(res, 200, doc);
  }
  throw pathNotFound();
}

interface Target {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Maps the segments after /api/v1 or /apis/<g>/<v> onto a resource type, namespace, name. */
function resolveTarget(group: string, version: string, rest: string[]): Target | undefined {
  const inNamespace =
    rest[0] === 'namespaces' && rest.length >= 3 ? findByPath(group, version, rest[2]) : undefined;
  if (inNamespace) {
    if (!inNamespace.namespaced || rest.length > 5) return undefined;
    return { type: inNamespace, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  // All namespaces (`/apis/apps/v1/deployments`) or a cluster-scoped object (`/api/v1/namespaces/x/status`).
  const type = findByPath(group, version, rest[0]);
  if (!type || rest.length > 3) return undefined;
  if (type.namespaced && rest.length > 1) return undefined;
  return { type, name: rest[1], subresource: rest[2] };
}

async function routeGroupVersion(
  ctx: ApiServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  group: string,
  version: string,
  rest: string[],
  query: Record<string, string>,
  watch: boolean,
): Promise<void> {
  if (rest.length === 0) {
    const list = apiResourceList(group, version);
    if (!list) throw pathNotFound();
    return writeJson(res, 200, list);
  }
  const target = resolveTarget(group, version, rest);
  if (!target) throw pathNotFound();
  const { type, namespace, name, subresource } = target;
  if (subresource && !type.subresources.includes(subresource)) throw pathNotFound();
  const method = (req.method ?? 'GET').toUpperCase();
  // dryRun=All: everything a write does (defaults, validation, the answer) but nothing is stored.
  const dry = <T>(write: () => T): T => ctx.store.withDryRun(query.dryRun === 'All', write);
  const predicate = (() => {
    const labels = parseLabelSelector(query.labelSelector);
    const fields = parseFieldSelector(query.fieldSelector, type.plural);
    return (o: KubeObject) => labels(o) && fields(o);
  })();

  if (name === undefined) {
    switch (method) {
      case 'GET':
        if (watch) {
          const timeoutSeconds =
            query.timeoutSeconds !== undefined ? Number(query.timeoutSeconds) : undefined;
          const info = {
            method,
            path: new URL(req.url ?? '/', 'https://k8s-sim').pathname,
            watch: true,
          };
          const drop = ctx.faults.takeDrop(info);
          const gone = ctx.faults.takeGone(info);
          const params = {
            type,
            namespace,
            predicate,
            resourceVersion: query.resourceVersion,
            timeoutSeconds,
            allowBookmarks: query.allowWatchBookmarks === 'true',
            sendInitialEvents: query.sendInitialEvents === 'true',
          };
          return ctx.hub.serve(req, res, params, {
            drop,
            gone,
            staleAnswer: ctx.faults.staleWatchAnswer,
          });
        }
        return writeJson(
          res,
          200,
          listBody(type, ctx.store.resourceVersion, ctx.store.list(type, namespace, predicate)),
        );
      case 'POST': {
        const body = await readObject(req);
        if (type.namespaced) {
          if (body.metadata?.namespace && body.metadata.namespace !== namespace) {
            throw badRequest(
              'the namespace of the provided object does not match the namespace sent on the request',
            );
          }
          if (!ctx.store.get(resolveResourceType('namespaces'), undefined, namespace!))
            throw notFound(resolveResourceType('namespaces'), namespace!);
          body.metadata = { ...body.metadata, namespace: namespace! };
        }
        return writeJson(
          res,
          201,
          dry(() => ctx.store.create(type, body)),
        );
      }
      case 'DELETE': {
        const victims = ctx.store.list(type, namespace, predicate);
        dry(() => {
          for (const v of victims) ctx.store.delete(type, v.metadata.namespace, v.metadata.name);
        });
        return writeJson(res, 200, listBody(type, ctx.store.resourceVersion, victims));
      }
      default:
        throw methodNotAllowed(method);
    }
  }

  const part = subresource === 'status' ? 'status' : 'main';
  switch (method) {
    case 'GET': {
      const obj = ctx.store.mustGet(type, namespace, name);
      return writeJson(res, 200, subresource === 'scale' ? scaleOf(obj) : obj);
    }
    case 'PUT': {
      const body = await readObject(req);
      if (body.metadata?.name !== undefined && body.metadata.name !== name) {
        throw badRequest(
          `the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`,
        );
      }
      if (subresource === 'scale')
        return writeJson(
          res,
          200,
          scaleOf(dry(() => scale(ctx.store, type, namespace, name, body.spec?.replicas))),
        );
      return writeJson(
        res,
        200,
        dry(() =>
          ctx.store.update(
            type,
            { ...body, metadata: { ...body.metadata, name, namespace } },
            part,
          ),
        ),
      );
    }
    case 'PATCH': {
      const kind = patchKind(req.headers['content-type']);
      const raw = await readBody(req);
      const current = ctx.store.get(type, namespace, name);
      if (!current) {
        // Server-side apply creates what does not exist yet; every other patch needs an object.
        if (kind !== 'apply') throw notFound(type, name);
        const created = applyPatch(kind, {}, raw) as KubeObject;
        return writeJson(
          res,
          201,
          dry(() =>
            ctx.store.create(type, {
              ...created,
              metadata: { ...created.metadata, name, namespace },
            }),
          ),
        );
      }
      if (subresource === 'scale') {
        const patched = applyPatch(kind, scaleOf(current), raw) as { spec?: { replicas?: number } };
        return writeJson(
          res,
          200,
          scaleOf(dry(() => scale(ctx.store, type, namespace, name, patched.spec?.replicas))),
        );
      }
      const patched = applyPatch(kind, current, raw) as KubeObject;
      return writeJson(
        res,
        200,
        dry(() =>
          ctx.store.update(
            type,
            { ...patched, metadata: { ...patched.metadata, name, namespace } },
            part,
          ),
        ),
      );
    }
    case 'DELETE': {
      const gone = dry(() => ctx.store.delete(type, namespace, name));
      return writeJson(res, 200, deleted(type, name, gone.metadata.uid!));
    }
    default:
      throw methodNotAllowed(method);
  }
}

function scale(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  replicas: unknown,
): KubeObject {
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    throw badRequest('spec.replicas must be a non-negative integer');
  const current = store.mustGet(type, namespace, name);
  return store.update(type, { ...current, spec: { ...current.spec, replicas } }, 'main');
}

function scaleOf(obj: KubeObject) {
  const selector = obj.spec?.selector?.matchLabels ?? {};
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: {
      replicas: obj.status?.replicas ?? 0,
      selector: Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}

/** Items of a list carry no apiVersion/kind on the wire; the list itself does. */
function listBody(type: ResourceType, resourceVersion: string, items: KubeObject[]) {
  return {
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata: { resourceVersion },
    items: items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return readBytes(req).then((b) => b.toString('utf8'));
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(tooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readObject(req: IncomingMessage): Promise<KubeObject> {
  const bytes = await readBytes(req);
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith(PROTOBUF_CONTENT_TYPE)) return decodeKubeProtobuf(bytes);
  const raw = bytes.toString('utf8');
  let body: unknown;
  try {
    body = contentType.includes('yaml') ? parseYaml(raw) : JSON.parse(raw);
  } catch (err) {
    throw badRequest(`error decoding request body: ${(err as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the request body must be an object');
  const obj = body as KubeObject;
  obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
  return obj;
}

function writeJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

function writeError(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status =
    err instanceof StatusError
      ? err
      : serverError(
          500,
          `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`,
        );
  for (const [k, v] of Object.entries(status.headers)) res.setHeader(k, v);
  writeJson(res, status.code, status.body);
}
