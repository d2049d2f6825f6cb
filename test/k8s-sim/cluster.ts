// startCluster(): the simulated cluster as a test uses it — an HTTPS API server on 127.0.0.1,
// its object store, the scripted controller, fault injection, the request log and a kubeconfig.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { stringify as toYaml } from 'yaml';
import type { Behaviour } from './behaviour';
import { namespace as namespaceObject } from './builders';
import { Controller, type ControllerOptions } from './controller';
import { EventRecorder } from './events';
import { Faults } from './faults';
import { resolveResourceType } from './resources';
import { parseFieldSelector, parseLabelSelector, type KubeObject } from './selectors';
import { createApiServer, type RequestRecord } from './server';
import { ObjectStore, type ChangeEvent } from './store';
import { loadTls } from './tls';
import { WatchHub } from './watch';

export interface ClusterOptions {
  /** Bearer token the server accepts; random by default. */
  token?: string;
  /** Options of the scripted controller, or false for none (status then only changes through the API). */
  controller?: ControllerOptions | false;
  /** Default behaviour of every workload, e.g. `{ stepMs: 10 }`. */
  behaviour?: Partial<Behaviour>;
  /** Changes kept for watch replay; older resourceVersions get 410 Gone. Default 5000. */
  historySize?: number;
  /** BOOKMARK interval for watches with allowWatchBookmarks=true; default 1000 ms, 0 = never. */
  bookmarkIntervalMs?: number;
  /** Namespaces that exist from the start (besides default, kube-system, kube-public, kube-node-lease). */
  namespaces?: string[];
  /** Loopback address to listen on: '127.0.0.1' (default) or '::1' (the certificate covers both). */
  host?: '127.0.0.1' | '::1';
}

export interface KubeconfigOptions {
  /** Token written into the kubeconfig; default the cluster's token. */
  token?: string;
  /** Default namespace of the context. */
  namespace?: string;
  /** Context name (and current-context); default 'k8s-sim'. */
  context?: string;
  /** Server URL; default the cluster's URL (set another to test unreachable clusters). */
  server?: string;
  /** The kubeconfig's `user` entry instead of `{ token }`, e.g. `{ exec: {...} }` for a credential plugin. */
  user?: Record<string, unknown>;
  /** Refer to the CA by file path (`certificate-authority`) instead of inline data. */
  caFile?: string;
  /** Leave the CA out and set `insecure-skip-tls-verify: true`. */
  insecure?: boolean;
}

export interface ServiceAccountFiles {
  /** The directory written: token, ca.crt, namespace (as mounted at /var/run/secrets/kubernetes.io/serviceaccount). */
  dir: string;
  /** KUBERNETES_SERVICE_HOST / KUBERNETES_SERVICE_PORT as the kubelet sets them in a pod. */
  env: { KUBERNETES_SERVICE_HOST: string; KUBERNETES_SERVICE_PORT: string };
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface SimCluster {
  /** https://127.0.0.1:<port> (or https://[::1]:<port>) */
  readonly url: string;
  readonly port: number;
  /** PEM of the CA that signed the server certificate. */
  readonly caPem: string;
  /** The accepted bearer token. */
  readonly token: string;
  readonly store: ObjectStore;
  /** Undefined when started with `controller: false`. */
  readonly controller: Controller | undefined;
  readonly faults: Faults;
  /** Every HTTP request received, oldest first (live array). */
  readonly requests: RequestRecord[];
  clearRequests(): void;
  /** Watches currently open. */
  readonly openWatches: number;
  kubeconfig(options?: KubeconfigOptions): string;
  /** Writes a pod's service-account files into `dir` (for in-cluster configuration tests). */
  writeServiceAccount(
    dir: string,
    options?: { namespace?: string; token?: string },
  ): ServiceAccountFiles;
  /** Creates the object, or replaces its spec/data/labels/annotations if it exists (status is kept). */
  apply(obj: KubeObject): KubeObject;
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  list(kind: string, options?: ListOptions): KubeObject[];
  delete(kind: string, name: string, namespace?: string): void;
  /** Writes status directly (through the status subresource), e.g. with the controller off. */
  setStatus(kind: string, name: string, status: unknown, namespace?: string): KubeObject;
  /** Changes a workload's container image (first container unless named): starts a rollout. */
  setImage(
    kind: string,
    name: string,
    image: string,
    options?: { namespace?: string; container?: string },
  ): KubeObject;
  /**
   * Resolves with the first request (already logged or still to come) for which `predicate` holds,
   * e.g. to act the moment a client opened its watch.
   */
  waitForRequest(
    predicate: (request: RequestRecord) => boolean,
    options?: { timeoutMs?: number },
  ): Promise<RequestRecord>;
  /** Resolves with the object once `predicate` holds for it (checked now and on every change). */
  waitFor(
    kind: string,
    name: string,
    predicate: (obj: KubeObject) => boolean,
    options?: { namespace?: string; timeoutMs?: number },
  ): Promise<KubeObject>;
  /** Forgets the watch history: every resourceVersion before now answers 410 Gone. */
  compact(): void;
  /** Ends every watch, stops the controller and closes the server and all its connections. */
  close(): Promise<void>;
}

const NAMESPACES = resolveResourceType('namespaces');

export async function startCluster(options: ClusterOptions = {}): Promise<SimCluster> {
  const tls = loadTls();
  const token = options.token ?? randomBytes(24).toString('hex');
  const store = new ObjectStore({ historySize: options.historySize });
  for (const ns of [
    'default',
    'kube-system',
    'kube-public',
    'kube-node-lease',
    ...(options.namespaces ?? []),
  ]) {
    store.create(NAMESPACES, { ...namespaceObject(ns), status: { phase: 'Active' } });
  }
  const faults = new Faults();
  const hub = new WatchHub(store, { bookmarkIntervalMs: options.bookmarkIntervalMs ?? 1000 });
  const requests: RequestRecord[] = [];
  const events = new EventRecorder(store);
  const controller =
    options.controller === false
      ? undefined
      : new Controller(store, events, options.controller ?? {});
  if (controller && options.behaviour) controller.setDefaults(options.behaviour);

  let port = 0;
  const host = options.host ?? '127.0.0.1';
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const requestListeners = new Set<(record: RequestRecord) => void>();
  const server = createApiServer({
    tls,
    tokens: new Set([token]),
    store,
    faults,
    hub,
    requests,
    address: () => `${hostInUrl}:${port}`,
    onRequest: (record) => {
      for (const listener of [...requestListeners]) listener(record);
    },
  });
  // Every TCP connection, from its first byte: closeAllConnections() only knows those that got
  // through the TLS handshake, so one cut mid-handshake (a client that gave up) stayed open as a
  // TLSWRAP handle after close() and kept jest from exiting.
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  // The raw TCP socket, and the TLS socket wrapping it (which owns the handle once wrapped).
  server.on('connection', track);
  server.on('secureConnection', track);
  server.on('tlsClientError', (_err: Error, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `https://${hostInUrl}:${port}`;

  const typeOf = (kind: string) => resolveResourceType(kind);
  const waiters = new Set<() => void>();
  const nsOf = (kind: string, namespace?: string) =>
    typeOf(kind).namespaced ? (namespace ?? 'default') : undefined;

  const cluster: SimCluster = {
    url,
    port,
    caPem: tls.caPem,
    token,
    store,
    controller,
    faults,
    requests,
    clearRequests: () => void (requests.length = 0),
    get openWatches() {
      return hub.openCount;
    },
    kubeconfig(o: KubeconfigOptions = {}) {
      const context = o.context ?? 'k8s-sim';
      const trust = o.insecure
        ? { 'insecure-skip-tls-verify': true }
        : o.caFile
          ? { 'certificate-authority': o.caFile }
          : { 'certificate-authority-data': Buffer.from(tls.caPem).toString('base64') };
      return toYaml({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'k8s-sim', cluster: { server: o.server ?? url, ...trust } }],
        users: [{ name: 'k8s-sim-user', user: o.user ?? { token: o.token ?? token } }],
        contexts: [
          {
            name: context,
            context: {
              cluster: 'k8s-sim',
              user: 'k8s-sim-user',
              ...(o.namespace ? { namespace: o.namespace } : {}),
            },
          },
        ],
        'current-context': context,
        preferences: {},
      });
    },
    writeServiceAccount(dir, o = {}) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'token'), o.token ?? token, { mode: 0o600 });
      writeFileSync(path.join(dir, 'ca.crt'), tls.caPem);
      writeFileSync(path.join(dir, 'namespace'), o.namespace ?? 'default');
      return { dir, env: { KUBERNETES_SERVICE_HOST: host, KUBERNETES_SERVICE_PORT: String(port) } };
    },
    apply(obj) {
      const type = typeOf(obj.kind ?? '');
      const namespace = type.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
      if (namespace && !store.get(NAMESPACES, undefined, namespace))
        store.create(NAMESPACES, { ...namespaceObject(namespace), status: { phase: 'Active' } });
      const existing = store.get(type, namespace, obj.metadata.name);
      if (!existing)
        return store.create(type, { ...obj, metadata: { ...obj.metadata, namespace } });
      const { status: _ignored, ...desired } = obj;
      // Annotations merge (controllers own some, e.g. the revision); labels are replaced as given.
      const annotations = {
        ...(existing.metadata.annotations ?? {}),
        ...(obj.metadata.annotations ?? {}),
      };
      const metadata = {
        ...existing.metadata,
        ...obj.metadata,
        namespace,
        resourceVersion: undefined,
        ...(Object.keys(annotations).length ? { annotations } : {}),
      };
      return store.update(type, { ...existing, ...desired, metadata }, 'main');
    },
    get: (kind, name, namespace) => store.get(typeOf(kind), nsOf(kind, namespace), name),
    list(kind, o = {}) {
      const labels = parseLabelSelector(o.labelSelector);
      const fields = parseFieldSelector(o.fieldSelector);
      return store.list(typeOf(kind), o.namespace, (obj) => labels(obj) && fields(obj));
    },
    delete(kind, name, namespace) {
      store.delete(typeOf(kind), nsOf(kind, namespace), name);
    },
    setStatus(kind, name, status, namespace) {
      const type = typeOf(kind);
      const current = store.mustGet(type, nsOf(kind, namespace), name);
      return store.update(type, { ...current, status }, 'status');
    },
    setImage(kind, name, image, o = {}) {
      const type = typeOf(kind);
      const current = store.mustGet(type, nsOf(kind, o.namespace), name);
      const containers: { name: string; image: string }[] = current.spec.template.spec.containers;
      const target = o.container ? containers.find((c) => c.name === o.container) : containers[0];
      if (!target) throw new Error(`k8s-sim: no container '${o.container}' in ${kind}/${name}`);
      target.image = image;
      return store.update(type, current, 'main');
    },
    waitForRequest(predicate, o = {}) {
      const timeoutMs = o.timeoutMs ?? 10_000;
      return new Promise((resolve, reject) => {
        const seen = requests.find(predicate);
        if (seen) return resolve(seen);
        const settle = () => {
          clearTimeout(timer);
          requestListeners.delete(listener);
          waiters.delete(abandon);
        };
        const abandon = () => {
          settle();
          reject(new Error('k8s-sim: the cluster closed while waiting for a request'));
        };
        const listener = (record: RequestRecord) => {
          if (!predicate(record)) return;
          settle();
          resolve(record);
        };
        const timer = setTimeout(() => {
          settle();
          reject(
            new Error(
              `k8s-sim: no matching request within ${timeoutMs} ms (${requests.length} received)`,
            ),
          );
        }, timeoutMs);
        requestListeners.add(listener);
        waiters.add(abandon);
      });
    },
    waitFor(kind, name, predicate, o = {}) {
      const type = typeOf(kind);
      const namespace = nsOf(kind, o.namespace);
      const timeoutMs = o.timeoutMs ?? 10_000;
      return new Promise((resolve, reject) => {
        const settle = () => {
          clearTimeout(timer);
          unsubscribe();
          waiters.delete(abandon);
        };
        // close() rejects waits still pending, so a forgotten wait cannot hold the test open.
        const abandon = () => {
          settle();
          reject(new Error(`k8s-sim: the cluster closed while waiting for ${kind}/${name}`));
        };
        const check = () => {
          const obj = store.get(type, namespace, name);
          return obj && predicate(obj) ? obj : undefined;
        };
        const now = check();
        if (now) return resolve(now);
        const timer = setTimeout(() => {
          settle();
          const last = store.get(type, namespace, name);
          reject(
            new Error(
              `k8s-sim: ${kind}/${name} did not reach the expected state within ${timeoutMs} ms; last status: ${JSON.stringify(last?.status)}`,
            ),
          );
        }, timeoutMs);
        const unsubscribe = store.subscribe((change: ChangeEvent) => {
          if (change.resource !== type || change.object.metadata.name !== name) return;
          const obj = check();
          if (obj) {
            settle();
            resolve(obj);
          }
        });
        waiters.add(abandon);
      });
    },
    compact: () => store.compact(),
    async close() {
      for (const abandon of [...waiters]) abandon();
      controller?.close();
      hub.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
  return cluster;
}
