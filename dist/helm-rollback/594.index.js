export const id = 594;
export const ids = [594,724];
export const modules = {

/***/ 8594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FATAL_WAITING_REASONS: () => (/* reexport */ FATAL_WAITING_REASONS),
  KubeApiClient: () => (/* reexport */ KubeApiClient),
  KubeApiError: () => (/* reexport */ KubeApiError),
  KubeconfigError: () => (/* reexport */ kubeconfig/* KubeconfigError */.C2),
  REVISION_ANNOTATION: () => (/* reexport */ REVISION_ANNOTATION),
  SERVICE_ACCOUNT_DIR: () => (/* reexport */ kubeconfig/* SERVICE_ACCOUNT_DIR */.Id),
  WORKLOAD_KINDS: () => (/* reexport */ workload_ref/* WORKLOAD_KINDS */.i6),
  collectDiagnostics: () => (/* reexport */ collectDiagnostics),
  connectionFromKubeconfig: () => (/* reexport */ kubeconfig/* connectionFromKubeconfig */.Q6),
  createKubeApi: () => (/* reexport */ createKubeApi),
  daemonSetStatus: () => (/* reexport */ daemonSetStatus),
  decodeKubeconfigContent: () => (/* reexport */ kubeconfig.decodeKubeconfigContent),
  deploymentStatus: () => (/* reexport */ deploymentStatus),
  diagnosePod: () => (/* reexport */ diagnosePod),
  formatDiagnostics: () => (/* reexport */ formatDiagnostics),
  formatWorkloadRef: () => (/* reexport */ workload_ref/* formatWorkloadRef */.Ab),
  inClusterConnection: () => (/* reexport */ kubeconfig/* inClusterConnection */.YL),
  isDns1123Label: () => (/* reexport */ workload_ref/* isDns1123Label */.z3),
  isDns1123Subdomain: () => (/* reexport */ workload_ref/* isDns1123Subdomain */.Pz),
  kubeconfigSecrets: () => (/* reexport */ kubeconfig.kubeconfigSecrets),
  labelSelectorString: () => (/* reexport */ labelSelectorString),
  loadKubeConnection: () => (/* reexport */ kubeconfig/* loadKubeConnection */.ic),
  mergeKubeconfigs: () => (/* reexport */ kubeconfig/* mergeKubeconfigs */.nN),
  newReplicaSet: () => (/* reexport */ newReplicaSet),
  newRevisionPods: () => (/* reexport */ newRevisionPods),
  parseKubeconfig: () => (/* reexport */ kubeconfig.parseKubeconfig),
  parseWorkloadKind: () => (/* reexport */ workload_ref/* parseWorkloadKind */.Nl),
  parseWorkloadRef: () => (/* reexport */ workload_ref/* parseWorkloadRef */.iD),
  podProblem: () => (/* reexport */ podProblem),
  replicaCounts: () => (/* reexport */ replicaCounts),
  rolloutStatus: () => (/* reexport */ rolloutStatus),
  statefulSetStatus: () => (/* reexport */ statefulSetStatus),
  statusError: () => (/* reexport */ statusError),
  waitForRollouts: () => (/* reexport */ waitForRollouts),
  workloadCollectionPath: () => (/* reexport */ workload_ref/* workloadCollectionPath */.J7),
  workloadResourceName: () => (/* reexport */ workload_ref/* workloadResourceName */.L2),
  workloadRevision: () => (/* reexport */ workloadRevision)
});

// EXTERNAL MODULE: ./packages/kube/src/workload-ref.ts
var workload_ref = __webpack_require__(9102);
;// CONCATENATED MODULE: ./packages/kube/src/rollout-status.ts
/** Go's %q for a Kubernetes name (printable ASCII only, so JSON quoting is the same). */
function quote(text) {
    return JSON.stringify(text);
}
const n = (v) => v ?? 0;
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
function deploymentStatus(d) {
    const name = d.metadata?.name ?? '';
    const status = d.status ?? {};
    if (n(d.metadata?.generation) <= n(status.observedGeneration)) {
        const progressing = status.conditions?.find((c) => c.type === 'Progressing');
        if (progressing?.reason === 'ProgressDeadlineExceeded') {
            return {
                message: '',
                done: false,
                error: `deployment ${quote(name)} exceeded its progress deadline`,
                reason: 'ProgressDeadlineExceeded',
            };
        }
        const desired = d.spec?.replicas;
        if (desired !== undefined && n(status.updatedReplicas) < desired) {
            return {
                message: `Waiting for deployment ${quote(name)} rollout to finish: ${n(status.updatedReplicas)} out of ${desired} new replicas have been updated...\n`,
                done: false,
            };
        }
        if (n(status.replicas) > n(status.updatedReplicas)) {
            return {
                message: `Waiting for deployment ${quote(name)} rollout to finish: ${n(status.replicas) - n(status.updatedReplicas)} old replicas are pending termination...\n`,
                done: false,
            };
        }
        if (n(status.availableReplicas) < n(status.updatedReplicas)) {
            return {
                message: `Waiting for deployment ${quote(name)} rollout to finish: ${n(status.availableReplicas)} of ${n(status.updatedReplicas)} updated replicas are available...\n`,
                done: false,
            };
        }
        return { message: `deployment ${quote(name)} successfully rolled out\n`, done: true };
    }
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}
function daemonSetStatus(ds) {
    const name = ds.metadata?.name ?? '';
    const status = ds.status ?? {};
    if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') {
        // kubectl reports done together with this error: there is no rollout to wait for.
        return {
            message: '',
            done: true,
            error: 'rollout status is only available for RollingUpdate strategy type',
            reason: 'UnsupportedStrategy',
        };
    }
    if (n(ds.metadata?.generation) <= n(status.observedGeneration)) {
        if (n(status.updatedNumberScheduled) < n(status.desiredNumberScheduled)) {
            return {
                message: `Waiting for daemon set ${quote(name)} rollout to finish: ${n(status.updatedNumberScheduled)} out of ${n(status.desiredNumberScheduled)} new pods have been updated...\n`,
                done: false,
            };
        }
        if (n(status.numberAvailable) < n(status.desiredNumberScheduled)) {
            return {
                message: `Waiting for daemon set ${quote(name)} rollout to finish: ${n(status.numberAvailable)} of ${n(status.desiredNumberScheduled)} updated pods are available...\n`,
                done: false,
            };
        }
        return { message: `daemon set ${quote(name)} successfully rolled out\n`, done: true };
    }
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}
function statefulSetStatus(sts) {
    const status = sts.status ?? {};
    const strategy = sts.spec?.updateStrategy;
    if (strategy?.type !== 'RollingUpdate') {
        return {
            message: '',
            done: true,
            error: 'rollout status is only available for RollingUpdate strategy type',
            reason: 'UnsupportedStrategy',
        };
    }
    if (n(status.observedGeneration) === 0 ||
        n(sts.metadata?.generation) > n(status.observedGeneration)) {
        return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
    }
    const desired = sts.spec?.replicas;
    if (desired !== undefined && n(status.readyReplicas) < desired) {
        return {
            message: `Waiting for ${desired - n(status.readyReplicas)} pods to be ready...\n`,
            done: false,
        };
    }
    if (strategy.rollingUpdate) {
        const partition = strategy.rollingUpdate.partition;
        if (desired !== undefined && partition !== undefined && partition !== null) {
            if (n(status.updatedReplicas) < desired - partition) {
                return {
                    message: `Waiting for partitioned roll out to finish: ${n(status.updatedReplicas)} out of ${desired - partition} new pods have been updated...\n`,
                    done: false,
                };
            }
        }
        return {
            message: `partitioned roll out complete: ${n(status.updatedReplicas)} new pods have been updated...\n`,
            done: true,
        };
    }
    if (status.updateRevision !== status.currentRevision) {
        return {
            message: `waiting for statefulset rolling update to complete ${n(status.updatedReplicas)} pods at revision ${status.updateRevision ?? ''}...\n`,
            done: false,
        };
    }
    return {
        message: `statefulset rolling update complete ${n(status.currentReplicas)} pods at revision ${status.currentRevision ?? ''}...\n`,
        done: true,
    };
}
/** The status viewer for a kind, as kubectl's StatusViewerFor picks it. */
function rolloutStatus(kind, obj) {
    switch (kind) {
        case 'Deployment':
            return deploymentStatus(obj);
        case 'DaemonSet':
            return daemonSetStatus(obj);
        case 'StatefulSet':
            return statefulSetStatus(obj);
    }
}
function replicaCounts(kind, obj) {
    const s = obj.status ?? {};
    if (kind === 'DaemonSet') {
        return {
            desired: n(s.desiredNumberScheduled),
            updated: n(s.updatedNumberScheduled),
            ready: n(s.numberReady),
            available: n(s.numberAvailable),
            total: n(s.currentNumberScheduled),
        };
    }
    const available = kind === 'StatefulSet' ? (s.availableReplicas ?? s.readyReplicas) : s.availableReplicas;
    return {
        desired: obj.spec?.replicas ?? 1,
        updated: n(s.updatedReplicas),
        ready: n(s.readyReplicas),
        available: n(available),
        total: n(s.replicas),
    };
}
/**
 * The revision being rolled out: the Deployment's revision annotation, the StatefulSet's update
 * revision, the DaemonSet's generation (its pods carry it as pod-template-generation).
 */
function workloadRevision(kind, obj) {
    if (kind === 'Deployment')
        return obj.metadata?.annotations?.[REVISION_ANNOTATION];
    if (kind === 'StatefulSet')
        return obj.status?.updateRevision || undefined;
    return obj.metadata?.generation !== undefined ? String(obj.metadata.generation) : undefined;
}

// EXTERNAL MODULE: ./packages/kube/src/kubeconfig.ts
var kubeconfig = __webpack_require__(5724);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/kube/src/kube-api.ts
// A small Kubernetes REST and watch client on node:https: GET and LIST as JSON, WATCH as a
// stream of newline-delimited JSON events. Written here instead of using client-node, whose
// import alone costs ~250 ms and ~130 MiB RSS at startup (its config module pulls in the whole
// generated API); what a rollout wait needs is a few GETs and a watch.



class KubeApiError extends Error {
    code;
    status;
    reason;
    constructor(code, message, 
    /** The HTTP status, for code HTTP. */
    status, 
    /** The Status object's reason (NotFound, Forbidden, Expired, ...), when the server sent one. */
    reason) {
        super(message);
        this.code = code;
        this.status = status;
        this.reason = reason;
        this.name = 'KubeApiError';
    }
    /** Worth trying again: the network, a timeout, throttling or a server-side error. */
    get retryable() {
        if (this.code === 'NETWORK' || this.code === 'TIMEOUT')
            return true;
        return (this.code === 'HTTP' &&
            (this.status === 429 || (this.status !== undefined && this.status >= 500)));
    }
}
function queryString(query = {}) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
        if (v !== undefined)
            params.set(k, v);
    const s = params.toString();
    return s ? `?${s}` : '';
}
function networkError(err, server) {
    const code = err.code ?? '';
    if (code === 'ECONNREFUSED')
        return new KubeApiError('NETWORK', `cannot connect to the API server at ${server}: connection refused`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return new KubeApiError('NETWORK', `cannot resolve the API server's host ${server} (${code})`);
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/i.test(code) ||
        /certificate/i.test(err.message)) {
        return new KubeApiError('HTTP', `TLS verification of the API server ${server} failed (${code || err.message.split('\n')[0]}): check the kubeconfig's certificate-authority`, undefined, 'TLS');
    }
    if (code === 'ECONNRESET' || err.message === 'socket hang up')
        return new KubeApiError('NETWORK', `the connection to ${server} was reset`);
    return new KubeApiError('NETWORK', `network error talking to ${server}: ${code || err.message.split('\n')[0]}`);
}
/** The one-line error for a non-2xx answer; the server's Status message when it sent one. */
function statusError(status, body, connection) {
    let parsed;
    try {
        const json = JSON.parse(body);
        if (json && json.kind === 'Status')
            parsed = json;
    }
    catch {
        parsed = undefined;
    }
    if (status === 401) {
        return new KubeApiError('HTTP', `the API server rejected the credentials (401 Unauthorized) of context '${connection.context}' from ${connection.source}: the token or client certificate is wrong or expired`, 401, 'Unauthorized');
    }
    const message = parsed?.message
        ? parsed.message
        : `HTTP ${status} ${(external_node_http_default()).STATUS_CODES[status] ?? ''}`.trim();
    return new KubeApiError('HTTP', message, status, parsed?.reason || (external_node_http_default()).STATUS_CODES[status]?.replace(/\s+/g, ''));
}
/** The real client, over node:https with a keep-alive agent (close() ends it). */
class KubeApiClient {
    conn;
    options;
    /** GETs share a few warm connections; each watch holds its own socket for minutes. */
    restAgent;
    watchAgent;
    base;
    sent = 0;
    constructor(conn, options = {}) {
        this.conn = conn;
        this.options = options;
        this.base = new URL(conn.server);
        const tls = {
            keepAlive: true,
            ca: conn.ca,
            cert: conn.clientCert,
            key: conn.clientKey,
            rejectUnauthorized: !conn.insecureSkipTlsVerify,
            servername: conn.tlsServerName,
        };
        const agent = (maxSockets) => this.base.protocol === 'https:'
            ? new (external_node_https_default()).Agent({ ...tls, maxSockets })
            : new (external_node_http_default()).Agent({ keepAlive: true, maxSockets });
        // Twenty workloads start with twenty LISTs at once: four connections serve them faster than
        // twenty TLS handshakes. Watches get an unbounded pool so they never starve the GETs.
        this.restAgent = agent(4);
        this.watchAgent = agent(Infinity);
    }
    get requests() {
        return this.sent;
    }
    close() {
        this.restAgent.destroy();
        this.watchAgent.destroy();
    }
    headers() {
        const h = {
            accept: 'application/json',
            'user-agent': this.options.userAgent ?? 'cicd-actions/kube',
        };
        if (this.options.authorization)
            h.authorization = this.options.authorization;
        else if (this.conn.token)
            h.authorization = `Bearer ${this.conn.token}`;
        else if (this.conn.tokenFile)
            h.authorization = `Bearer ${(0,external_node_fs_.readFileSync)(this.conn.tokenFile, 'utf8').trim()}`;
        else if (this.conn.username && this.conn.password)
            h.authorization = `Basic ${Buffer.from(`${this.conn.username}:${this.conn.password}`).toString('base64')}`;
        if (this.conn.impersonate)
            h['impersonate-user'] = this.conn.impersonate;
        return h;
    }
    open(path, query, signal, agent) {
        const url = new URL(this.base.pathname.replace(/\/$/, '') + path + queryString(query), this.base);
        this.sent++;
        return new Promise((resolve, reject) => {
            const lib = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
            const req = lib.request(url, { method: 'GET', headers: this.headers(), agent, signal }, resolve);
            req.on('error', (err) => {
                if (signal?.aborted)
                    reject(new KubeApiError('ABORTED', 'request aborted'));
                else
                    reject(networkError(err, this.conn.server));
            });
            req.end();
        });
    }
    async get(path, query, opts = {}) {
        const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs ?? 15_000;
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, timeoutMs);
        const onAbort = () => controller.abort();
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        try {
            const res = await this.open(path, query, controller.signal, this.restAgent);
            const chunks = [];
            await new Promise((resolve, reject) => {
                res.on('data', (c) => chunks.push(c));
                res.on('end', resolve);
                res.on('error', reject);
                res.on('aborted', () => reject(new KubeApiError('NETWORK', 'the connection closed before the response was complete')));
            });
            const body = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299)
                throw statusError(status, body, this.conn);
            try {
                return JSON.parse(body);
            }
            catch {
                throw new KubeApiError('HTTP', `the API server answered ${path} with something that is not JSON`, status);
            }
        }
        catch (err) {
            if (timedOut)
                throw new KubeApiError('TIMEOUT', `request to the API server timed out after ${timeoutMs} ms`);
            if (opts.signal?.aborted)
                throw new KubeApiError('ABORTED', 'request aborted');
            if (err instanceof KubeApiError)
                throw err;
            throw networkError(err, this.conn.server);
        }
        finally {
            clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
        }
    }
    async watch(path, query, onEvent, opts = {}) {
        const controller = new AbortController();
        const idleMs = opts.idleTimeoutMs ?? 60_000;
        let timedOut = false;
        let timer;
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                timedOut = true;
                controller.abort();
            }, idleMs);
        };
        const onAbort = () => controller.abort();
        if (opts.signal?.aborted)
            return;
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        arm();
        try {
            const res = await this.open(path, { ...query, watch: 'true' }, controller.signal, this.watchAgent);
            const status = res.statusCode ?? 0;
            if (status !== 200) {
                const chunks = [];
                for await (const c of res)
                    chunks.push(c);
                throw statusError(status, Buffer.concat(chunks).toString('utf8'), this.conn);
            }
            arm();
            let buffered = '';
            await new Promise((resolve, reject) => {
                res.setEncoding('utf8');
                res.on('data', (chunk) => {
                    arm();
                    buffered += chunk;
                    let nl;
                    while ((nl = buffered.indexOf('\n')) >= 0) {
                        const line = buffered.slice(0, nl).trim();
                        buffered = buffered.slice(nl + 1);
                        if (!line)
                            continue;
                        let event;
                        try {
                            event = JSON.parse(line);
                        }
                        catch {
                            continue;
                        }
                        onEvent(event);
                    }
                });
                res.on('end', resolve);
                res.on('error', reject);
                res.on('aborted', () => reject(new KubeApiError('NETWORK', 'the watch connection was cut')));
                res.on('close', () => res.complete
                    ? resolve()
                    : reject(new KubeApiError('NETWORK', 'the watch connection was cut')));
            });
        }
        catch (err) {
            if (opts.signal?.aborted)
                return;
            if (timedOut)
                throw new KubeApiError('TIMEOUT', `the watch was silent for ${idleMs} ms`);
            if (err instanceof KubeApiError)
                throw err;
            throw networkError(err, this.conn.server);
        }
        finally {
            clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
        }
    }
}
/** A client for a connection, running its credential plugin first if it has one. */
async function createKubeApi(conn, options = {}) {
    if (!conn.exec && conn.plugin?.type !== 'auth-provider')
        return new KubeApiClient(conn, options);
    const plugins = await __webpack_require__.e(/* import() */ 968).then(__webpack_require__.bind(__webpack_require__, 6968));
    const creds = conn.exec
        ? await plugins.runExecPlugin(conn.exec, {
            env: options.env ?? process.env,
            cluster: {
                server: conn.server,
                caData: conn.ca?.toString('base64'),
                insecureSkipTlsVerify: conn.insecureSkipTlsVerify,
            },
            timeoutMs: options.pluginTimeoutMs,
            onSecret: options.onSecret,
        })
        : await plugins.authProviderCredentials(conn.plugin.kubeconfig);
    if (creds.authorization) {
        options.onSecret?.(creds.authorization);
        options.onSecret?.(creds.authorization.replace(/^\S+\s+/, ''));
    }
    if (creds.clientKey)
        options.onSecret?.(creds.clientKey.toString('utf8'));
    const withPlugin = {
        ...conn,
        clientCert: creds.clientCert ?? conn.clientCert,
        clientKey: creds.clientKey ?? conn.clientKey,
    };
    return new KubeApiClient(withPlugin, { ...options, authorization: creds.authorization });
}

;// CONCATENATED MODULE: ./packages/kube/src/diagnostics.ts

/** Container waiting reasons that do not fix themselves: fail at once. */
const FATAL_WAITING_REASONS = [
    'ImagePullBackOff',
    'ErrImagePull',
    'CreateContainerConfigError',
    'InvalidImageName',
];
/**
 * Whether a pod is clearly broken: a container waiting for a reason that will not go away, or
 * crash-looping with at least `crashLoopRestarts` restarts (one crash can be a fluke).
 */
function podProblem(pod, crashLoopRestarts = 2) {
    const containers = [
        ...(pod.status?.initContainerStatuses ?? []),
        ...(pod.status?.containerStatuses ?? []),
    ];
    for (const c of containers) {
        const waiting = c.state?.waiting;
        if (!waiting?.reason)
            continue;
        const restarts = c.restartCount ?? 0;
        const fatal = FATAL_WAITING_REASONS.includes(waiting.reason) ||
            (waiting.reason === 'CrashLoopBackOff' && restarts >= crashLoopRestarts);
        if (fatal)
            return {
                pod: pod.metadata?.name ?? '',
                container: c.name,
                reason: waiting.reason,
                message: waiting.message,
                restarts,
            };
    }
    return undefined;
}
/** A label selector as the `labelSelector` query parameter writes it. */
function labelSelectorString(selector) {
    const parts = [];
    for (const [k, v] of Object.entries(selector?.matchLabels ?? {}))
        parts.push(`${k}=${v}`);
    for (const e of selector?.matchExpressions ?? []) {
        const values = (e.values ?? []).join(',');
        if (e.operator === 'In')
            parts.push(`${e.key} in (${values})`);
        else if (e.operator === 'NotIn')
            parts.push(`${e.key} notin (${values})`);
        else if (e.operator === 'Exists')
            parts.push(e.key);
        else if (e.operator === 'DoesNotExist')
            parts.push(`!${e.key}`);
    }
    return parts.join(',');
}
const ownedBy = (meta, owner) => !!owner &&
    (meta?.ownerReferences ?? []).some((r) => owner.uid && r.uid ? r.uid === owner.uid : r.name === owner.name);
const ns = (ref) => encodeURIComponent(ref.namespace);
/** The Deployment's ReplicaSet for its current revision, if the controller has made it. */
async function newReplicaSet(api, ref, deployment, signal) {
    const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
    const list = await api.get(`/apis/apps/v1/namespaces/${ns(ref)}/replicasets`, { labelSelector: labelSelectorString(deployment.spec?.selector) || undefined }, { signal });
    const owned = (list.items ?? []).filter((rs) => ownedBy(rs.metadata, deployment.metadata));
    if (revision) {
        const match = owned.find((rs) => rs.metadata?.annotations?.[REVISION_ANNOTATION] === revision);
        if (match)
            return match;
    }
    // Without revision annotations, the newest owned ReplicaSet is the new one.
    return owned.sort((a, b) => String(b.metadata?.creationTimestamp ?? '').localeCompare(String(a.metadata?.creationTimestamp ?? '')))[0];
}
/** The pods of the revision being rolled out (and, for a Deployment, the new ReplicaSet's name). */
async function newRevisionPods(api, ref, workload, signal) {
    const selector = labelSelectorString(workload.spec?.selector) || undefined;
    const list = await api.get(`/api/v1/namespaces/${ns(ref)}/pods`, { labelSelector: selector }, { signal });
    const pods = list.items ?? [];
    if (ref.kind === 'Deployment') {
        const rs = await newReplicaSet(api, ref, workload, signal);
        if (!rs)
            return { pods: [] };
        return {
            pods: pods.filter((p) => ownedBy(p.metadata, rs.metadata)),
            replicaSet: rs.metadata?.name,
        };
    }
    const owned = pods.filter((p) => ownedBy(p.metadata, workload.metadata));
    if (ref.kind === 'StatefulSet') {
        const revision = workload.status?.updateRevision;
        return {
            pods: revision
                ? owned.filter((p) => (p.metadata?.labels?.['controller-revision-hash'] ?? revision) === revision)
                : owned,
        };
    }
    const generation = workload.metadata?.generation;
    return {
        pods: generation === undefined
            ? owned
            : owned.filter((p) => (p.metadata?.labels?.['pod-template-generation'] ?? String(generation)) ===
                String(generation)),
    };
}
function describeState(state) {
    if (state?.waiting)
        return {
            state: `waiting: ${state.waiting.reason ?? 'unknown'}`,
            message: state.waiting.message,
        };
    if (state?.terminated) {
        const t = state.terminated;
        return {
            state: `terminated: ${t.reason ?? 'unknown'}${t.exitCode !== undefined ? ` (exit ${t.exitCode})` : ''}`,
            message: t.message,
        };
    }
    if (state?.running)
        return { state: 'running' };
    return { state: 'unknown' };
}
const podReady = (pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
function diagnosePod(pod) {
    const containers = [
        ...(pod.status?.initContainerStatuses ?? []),
        ...(pod.status?.containerStatuses ?? []),
    ].map((c) => {
        const { state, message } = describeState(c.state);
        const last = c.lastState?.terminated
            ? describeState(c.lastState).state.replace(/^terminated: /, '')
            : undefined;
        return { name: c.name, state, message, restarts: c.restartCount ?? 0, lastTermination: last };
    });
    return {
        name: pod.metadata?.name ?? '',
        phase: pod.status?.phase ?? 'Unknown',
        ready: podReady(pod),
        node: pod.spec?.nodeName,
        reason: pod.status?.reason,
        containers,
    };
}
const eventTime = (e) => e.lastTimestamp ??
    e.series?.lastObservedTime ??
    e.eventTime ??
    e.firstTimestamp ??
    e.metadata?.creationTimestamp ??
    '';
/** Gathers everything worth showing for a workload whose rollout failed or timed out. */
async function collectDiagnostics(api, ref, workload, opts = {}) {
    const diag = {
        conditions: workload?.status?.conditions ?? [],
        pods: [],
        events: [],
        errors: [],
    };
    if (!workload)
        return diag;
    diag.revision =
        ref.kind === 'Deployment'
            ? workload.metadata?.annotations?.[REVISION_ANNOTATION]
            : ref.kind === 'StatefulSet'
                ? workload.status?.updateRevision
                : workload.metadata?.generation?.toString();
    const involved = new Set([`${ref.kind}/${ref.name}`]);
    try {
        const { pods, replicaSet } = await newRevisionPods(api, ref, workload, opts.signal);
        diag.replicaSet = replicaSet;
        if (replicaSet)
            involved.add(`ReplicaSet/${replicaSet}`);
        for (const pod of pods) {
            involved.add(`Pod/${pod.metadata?.name}`);
            if (!podReady(pod))
                diag.pods.push(diagnosePod(pod));
        }
    }
    catch (err) {
        diag.errors.push(`pods: ${err.message}`);
    }
    try {
        const list = await api.get(`/api/v1/namespaces/${ns(ref)}/events`, { fieldSelector: 'type=Warning' }, { signal: opts.signal });
        diag.events = (list.items ?? [])
            .filter((e) => e.type === 'Warning' &&
            involved.has(`${e.involvedObject?.kind}/${e.involvedObject?.name}`))
            .sort((a, b) => eventTime(a).localeCompare(eventTime(b)))
            .slice(-(opts.maxEvents ?? 10))
            .map((e) => ({
            object: `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
            reason: e.reason ?? '',
            message: e.message ?? '',
            count: e.series?.count ?? e.count ?? 1,
            lastSeen: eventTime(e) || undefined,
        }));
    }
    catch (err) {
        diag.errors.push(`events: ${err.message}`);
    }
    return diag;
}
/** The diagnostics as log lines (for a log group). */
function formatDiagnostics(diag) {
    const lines = [];
    if (diag.revision || diag.replicaSet)
        lines.push(`Revision: ${diag.revision ?? '?'}${diag.replicaSet ? ` (ReplicaSet ${diag.replicaSet})` : ''}`);
    if (diag.conditions.length) {
        lines.push('Conditions:');
        for (const c of diag.conditions)
            lines.push(`  ${c.type}=${c.status ?? ''}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`);
    }
    if (diag.pods.length) {
        lines.push('Pods not ready:');
        for (const p of diag.pods) {
            lines.push(`  ${p.name} (${p.phase}${p.reason ? `, ${p.reason}` : ''}${p.node ? ` on ${p.node}` : ''})`);
            for (const c of p.containers) {
                lines.push(`    ${c.name}: ${c.state}, ${c.restarts} restart${c.restarts === 1 ? '' : 's'}${c.lastTermination ? `, last ended ${c.lastTermination}` : ''}${c.message ? ` — ${c.message}` : ''}`);
            }
        }
    }
    else
        lines.push('Pods not ready: none found for the new revision');
    if (diag.events.length) {
        lines.push('Warning events:');
        for (const e of diag.events)
            lines.push(`  ${e.lastSeen ?? ''} ${e.object} ${e.reason}${e.count > 1 ? ` (x${e.count})` : ''}: ${e.message}`.trimEnd());
    }
    else
        lines.push('Warning events: none');
    for (const e of diag.errors)
        lines.push(`(could not read ${e})`);
    return lines;
}

// EXTERNAL MODULE: ./packages/core/src/runner.ts + 18 modules
var runner = __webpack_require__(1766);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/action.ts
var action = __webpack_require__(5171);
// EXTERNAL MODULE: ./packages/core/src/process.ts
var src_process = __webpack_require__(7332);
// EXTERNAL MODULE: ./packages/core/src/paths.ts
var paths = __webpack_require__(2109);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var clock = __webpack_require__(143);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var inputs = __webpack_require__(7276);
;// CONCATENATED MODULE: ./packages/core/src/retry.ts
/**
 * The delay before retry number `retry` (1 = the first retry): exponential with a cap, and
 * "full jitter" (AWS architecture blog) so that many clients retrying at once spread out.
 */
function backoffDelay(retry, opts, random = Math.random) {
    const base = opts.strategy === 'fixed' ? opts.initialMs : opts.initialMs * 2 ** Math.max(0, retry - 1);
    const capped = Math.min(opts.maxMs, base);
    return opts.jitter ? Math.floor(random() * capped) : capped;
}
/** `Retry-After`: delay-seconds or an HTTP date. Returns milliseconds, or undefined when unparseable. */
function parseRetryAfter(value, now) {
    if (value === undefined || value === null)
        return undefined;
    const v = value.trim();
    if (v === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(v))
        return Math.round(Number(v) * 1000);
    // Every HTTP-date form starts with a day name; Date.parse alone would take '-5' for a date.
    if (!/^[A-Za-z]{3}/.test(v))
        return undefined;
    const at = Date.parse(v);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now);
}
/**
 * Runs `attempt` until it reports done, attempts run out, or the deadline passes. A wait that
 * would end after the deadline is not started: the last attempt is the last one that fits.
 */
async function retry(attempt, opts) {
    const { clock } = opts;
    let last;
    for (let n = 1;; n++) {
        if (opts.signal?.aborted)
            return { value: last, done: false, attempts: n - 1, stopped: 'aborted' };
        const outcome = await attempt(n);
        if (outcome.value !== undefined)
            last = outcome.value;
        if (outcome.done)
            return { value: outcome.value, done: true, attempts: n };
        if (outcome.fatal)
            return { value: last, done: false, attempts: n, stopped: 'fatal' };
        if (n >= opts.maxAttempts)
            return { value: last, done: false, attempts: n, stopped: 'attempts' };
        const wait = outcome.retryAfterMs ?? backoffDelay(n, opts, opts.random);
        if (clock.now() + wait >= opts.deadline)
            return { value: last, done: false, attempts: n, stopped: 'deadline' };
        opts.onWait?.(wait, n);
        await clock.sleep(wait, opts.signal);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/secrets.ts
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api[-_]?key|password|auth|session|signature/i;
/** Whether a header's value carries a credential and must be masked. */
function secrets_isSensitiveHeader(name) {
    return SENSITIVE_HEADER.test(name.trim());
}
/** Masks the credential-carrying values of headers; for `Bearer x`/`Basic x`, the token too. */
function maskHeaders(runner, headers) {
    for (const [name, value] of Object.entries(headers)) {
        if (!secrets_isSensitiveHeader(name))
            continue;
        runner.setSecret(value);
        const scheme = /^\s*\S+\s+(\S+)\s*$/.exec(value);
        if (scheme)
            runner.setSecret(scheme[1]);
    }
}
/** Masks a URL and the parts of it that identify a secret (userinfo, path, query). */
function maskUrl(runner, url) {
    runner.setSecret(url);
    try {
        const u = new URL(url);
        if (u.password)
            runner.setSecret(decodeURIComponent(u.password));
        if (u.username && u.password)
            runner.setSecret(decodeURIComponent(u.username));
        if (u.pathname.length > 1)
            runner.setSecret(u.pathname);
        if (u.search)
            runner.setSecret(u.search);
    }
    catch {
        // An unparseable URL is masked whole above.
    }
}
const SECRET_WORDS = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE.?KEY|API.?KEY|SIGNATURE|COOKIE|AUTHORIZATION/;
const SECRET_SEGMENTS = new Set(['KEY', 'AUTH', 'PASS', 'PWD', 'SESSION', 'CREDS', 'SAS', 'OTP']);
/**
 * Whether a name (an environment variable, a header, a flag) says its value is a secret:
 * `AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`, `X-Api-Key` — but not `AWS_PROFILE`,
 * `AWS_REGION` or `GIT_AUTHOR_NAME`, whose values are ordinary words that masking would blank
 * everywhere in the log.
 */
function isSecretName(name) {
    const upper = name.toUpperCase();
    if (SECRET_WORDS.test(upper))
        return true;
    return upper.split(/[^A-Z0-9]+/).some((segment) => SECRET_SEGMENTS.has(segment));
}
/**
 * Redacts, then cuts to `max` characters: a cut must never come first, or a secret cut in half
 * (the part the masker no longer recognises) would survive.
 */
function redactThenCut(text, redact, max) {
    const clean = redact(text);
    if (clean.length <= max)
        return clean;
    return `${[...clean].slice(0, max).join('')}…`;
}

;// CONCATENATED MODULE: ./packages/core/src/http.ts
const libs = {};
function requestLib(protocol) {
    return (libs[protocol] ??=
        protocol === 'https:'
            ? Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)).then((m) => m.default)
            : Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23)).then((m) => m.default));
}

class HttpError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'HttpError';
    }
}
const DEFAULT_MAX_BODY = (/* unused pure expression or super */ null && (1024 * 1024));
/** Origin and path without credentials, query or fragment: safe to log. */
function safeUrl(url) {
    try {
        const u = new URL(String(url));
        return `${u.protocol}//${u.host}${u.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
/** RFC 6761: `localhost` names are loopback; try both families so a server on 127.0.0.1 or ::1 answers, whatever /etc/hosts says. */
function isLocalhostName(hostname) {
    const h = hostname.toLowerCase().replace(/\.$/, '');
    return h === 'localhost' || h.endsWith('.localhost');
}
const loopbackLookup = (_hostname, options, callback) => {
    const addresses = [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
    ].filter((a) => !options.family || options.family === a.family);
    if (options.all)
        callback(null, addresses);
    else
        callback(null, addresses[0].address, addresses[0].family);
};
function classify(err) {
    const code = err.code ?? '';
    if (code === 'ECONNREFUSED')
        return new HttpError('CONNECTION_REFUSED', 'connection refused');
    if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up')
        return new HttpError('CONNECTION_RESET', 'connection reset by peer');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
        return new HttpError('DNS', `DNS lookup failed (${code})`);
    if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME/i.test(code) ||
        /certificate|ssl|tls/i.test(err.message)) {
        return new HttpError('TLS', `TLS error: ${code || err.message.split('\n')[0]}`);
    }
    if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
        return new HttpError('NETWORK', `network error (${code})`);
    return new HttpError('NETWORK', `network error: ${code || err.message.split('\n')[0]}`);
}
async function once(req, url, headers, method, body, signal, maxBody) {
    const isHttps = url.protocol === 'https:';
    const lib = await requestLib(isHttps ? 'https:' : 'http:');
    return new Promise((resolve, reject) => {
        // autoSelectFamily: try every address of a name (so `localhost` works on 127.0.0.1 or ::1).
        const options = {
            method,
            headers: { 'user-agent': 'cicd-actions', ...headers },
            agent: false,
            autoSelectFamily: true,
            signal,
        };
        if (isLocalhostName(url.hostname))
            options.lookup = loopbackLookup;
        if (body !== undefined)
            options.headers['content-length'] =
                Buffer.byteLength(body);
        if (isHttps) {
            options.rejectUnauthorized = !req.insecure;
            if (req.ca)
                options.ca = req.ca;
        }
        const request = lib.request(url, options, (res) => {
            const chunks = [];
            let size = 0;
            let truncated = false;
            const finish = () => {
                const flat = {};
                for (const [k, v] of Object.entries(res.headers))
                    if (v !== undefined)
                        flat[k] = Array.isArray(v) ? v.join(', ') : v;
                resolve({
                    status: res.statusCode ?? 0,
                    statusText: res.statusMessage ?? '',
                    headers: flat,
                    body: Buffer.concat(chunks),
                    truncated,
                });
            };
            res.on('data', (chunk) => {
                if (truncated)
                    return;
                const room = maxBody - size;
                if (chunk.length > room) {
                    chunks.push(chunk.subarray(0, room));
                    size = maxBody;
                    truncated = true;
                    // Resolve before stopping the transfer: destroying emits 'aborted', which must not win.
                    finish();
                    res.destroy();
                    return;
                }
                chunks.push(chunk);
                size += chunk.length;
            });
            res.on('end', finish);
            res.on('error', (err) => (truncated ? undefined : reject(err)));
            res.on('aborted', () => truncated
                ? undefined
                : reject(new HttpError('CONNECTION_RESET', 'connection closed before the response was complete')));
        });
        request.on('error', reject);
        if (body !== undefined)
            request.write(body);
        request.end();
    });
}
/** Sends one request (following redirects if asked). Network faults throw HttpError; any HTTP status resolves. */
async function httpRequest(req) {
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, Math.max(1, req.timeoutMs));
    const onOuterAbort = () => controller.abort();
    // A signal aborted before the call never fires 'abort' again: honour it now.
    if (req.signal?.aborted)
        controller.abort();
    else
        req.signal?.addEventListener('abort', onOuterAbort, { once: true });
    let url = new URL(String(req.url));
    let method = (req.method ?? 'GET').toUpperCase();
    let body = req.body;
    let headers = { ...(req.headers ?? {}) };
    const maxRedirects = req.maxRedirects ?? 10;
    const seen = new Set([url.href]);
    let redirects = 0;
    try {
        for (;;) {
            let res;
            try {
                res = await once(req, url, headers, method, body, controller.signal, req.maxBodyBytes ?? DEFAULT_MAX_BODY);
            }
            catch (err) {
                if (timedOut)
                    throw new HttpError('TIMEOUT', `timed out after ${req.timeoutMs} ms`);
                if (controller.signal.aborted)
                    throw new HttpError('ABORTED', 'request aborted');
                if (err instanceof HttpError)
                    throw err;
                throw classify(err);
            }
            const location = res.headers.location;
            if (!req.followRedirects ||
                res.status < 300 ||
                res.status > 399 ||
                res.status === 304 ||
                !location) {
                return { ...res, url: safeUrl(url), redirects, timeMs: performance.now() - started };
            }
            let next;
            try {
                next = new URL(location, url);
            }
            catch {
                throw new HttpError('BAD_REDIRECT', `redirect to an invalid location`);
            }
            if (next.protocol !== 'http:' && next.protocol !== 'https:')
                throw new HttpError('BAD_REDIRECT', `redirect to unsupported scheme ${next.protocol}`);
            if (seen.has(next.href))
                throw new HttpError('REDIRECT_LOOP', `redirect loop at ${safeUrl(next)}`);
            if (++redirects > maxRedirects)
                throw new HttpError('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
            seen.add(next.href);
            // As fetch does: 303 always, and 301/302 after a POST, continue as GET without a body.
            if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
                method = method === 'HEAD' ? 'HEAD' : 'GET';
                body = undefined;
                headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-/i.test(k)));
            }
            // Credentials (Authorization, but also X-Api-Key and the like) stay with the origin they were meant for.
            if (next.origin !== url.origin)
                headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !isSensitiveHeader(k)));
            url = next;
        }
    }
    finally {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onOuterAbort);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts













;// CONCATENATED MODULE: ./packages/kube/src/watch-rollout.ts
// Waiting for several workloads' rollouts at once under one deadline, as `kubectl rollout status`
// decides each: list, then watch from the list's resourceVersion (relist on 410 Gone, rewatch with
// backoff when the stream ends or breaks), a re-GET every ~20 s in case a watch goes silent, and
// — with fail-fast — a look at the new revision's pods for failures that will not heal.





const trimMessage = (m) => m.replace(/\s+$/, '');
/** Follows one workload until its rollout is done, fails, or the shared deadline passes. */
class RolloutFollower {
    ref;
    o;
    stop = new AbortController();
    started;
    object;
    message = 'Waiting for the workload to be read...';
    result;
    lastReported;
    podCheckRunning = false;
    lastPodCheck = -Infinity;
    resolveFinished;
    finished = new Promise((resolve) => (this.resolveFinished = resolve));
    path;
    fieldSelector;
    constructor(ref, o) {
        this.ref = ref;
        this.o = o;
        this.started = o.clock.now();
        this.path = (0,workload_ref/* workloadCollectionPath */.J7)(ref.kind, ref.namespace);
        this.fieldSelector = `metadata.name=${ref.name}`;
    }
    get isFinished() {
        return this.result !== undefined;
    }
    finish(outcome, message, reason, failingPod) {
        if (this.result)
            return;
        const obj = this.object;
        this.result = {
            ...this.ref,
            done: outcome === 'ready',
            outcome,
            message: trimMessage(message),
            reason,
            replicas: obj ? replicaCounts(this.ref.kind, obj) : undefined,
            revision: obj ? workloadRevision(this.ref.kind, obj) : undefined,
            elapsedMs: this.o.clock.now() - this.started,
            failingPod,
            object: obj,
        };
        this.stop.abort();
        this.resolveFinished(this.result);
    }
    /** The shared deadline passed (or the caller aborted). */
    timeOut() {
        this.finish('timed-out', this.message, 'Timeout');
    }
    report() {
        if (!this.o.onProgress)
            return;
        const now = this.o.clock.now();
        const changed = this.lastReported?.message !== this.message;
        if (!changed && this.lastReported && now - this.lastReported.at < this.o.progressIntervalMs)
            return;
        this.lastReported = { message: this.message, at: now };
        this.o.onProgress({
            ref: this.ref,
            message: this.message,
            replicas: this.object ? replicaCounts(this.ref.kind, this.object) : undefined,
            elapsedMs: now - this.started,
            changed,
        });
    }
    /** A fresh view of the workload: decide as kubectl does. */
    consider(obj) {
        if (this.isFinished)
            return;
        this.object = obj;
        const status = rolloutStatus(this.ref.kind, obj);
        if (status.error) {
            this.message = status.error;
            if (status.reason !== 'ProgressDeadlineExceeded' || this.o.failFast)
                return this.finish('failed', status.error, status.reason);
            this.report();
            return;
        }
        this.message = trimMessage(status.message);
        if (status.done)
            return this.finish('ready', status.message);
        this.report();
        // A busy rollout sends many events; looking at its pods twice a second is enough.
        if (this.o.failFast &&
            this.o.clock.now() - this.lastPodCheck >= Math.min(500, this.o.podCheckMs))
            void this.checkPods();
    }
    failOnApiError(err) {
        if (!(err instanceof KubeApiError) || err.retryable || err.code === 'ABORTED')
            return false;
        if (err.status === 410)
            return false;
        const reason = err.status === 404 ? 'NotFound' : (err.reason ?? `HTTP${err.status ?? ''}`);
        this.finish('failed', err.message, reason);
        return true;
    }
    notFound() {
        this.finish('failed', `${(0,workload_ref/* workloadResourceName */.L2)(this.ref.kind)} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`, 'NotFound');
    }
    /** Never past the deadline, and never 0 ms: a loop must yield to the timers, the deadline's included. */
    async sleep(ms) {
        await this.o.clock.sleep(Math.max(1, Math.min(ms, this.o.deadline - this.o.clock.now())), this.stop.signal);
    }
    get pastDeadline() {
        return this.o.clock.now() >= this.o.deadline;
    }
    /** list → watch → (rewatch | relist) until finished. */
    async follow() {
        let resourceVersion;
        let needList = true;
        let failures = 0;
        while (!this.isFinished) {
            try {
                if (needList) {
                    const list = await this.o.api.get(this.path, { fieldSelector: this.fieldSelector }, { signal: this.stop.signal });
                    const obj = list.items?.find((i) => i.metadata?.name === this.ref.name);
                    if (!obj)
                        return this.notFound();
                    resourceVersion = list.metadata?.resourceVersion ?? obj.metadata?.resourceVersion;
                    needList = false;
                    this.consider(obj);
                    if (this.isFinished)
                        return;
                }
                const watchStop = new AbortController();
                const onStop = () => watchStop.abort();
                this.stop.signal.addEventListener('abort', onStop, { once: true });
                let received = false;
                const remainingS = Math.max(1, Math.ceil((this.o.deadline - this.o.clock.now()) / 1000));
                try {
                    await this.o.api.watch(this.path, {
                        fieldSelector: this.fieldSelector,
                        resourceVersion,
                        allowWatchBookmarks: 'true',
                        timeoutSeconds: String(Math.min(remainingS + 5, 600)),
                    }, (event) => {
                        if (this.isFinished)
                            return;
                        if (event.type === 'ERROR') {
                            const status = event.object;
                            // 410 Gone / Expired: our resourceVersion is too old to resume from; list again.
                            if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
                                needList = true;
                            watchStop.abort();
                            return;
                        }
                        received = true;
                        const obj = event.object;
                        if (obj.metadata?.resourceVersion)
                            resourceVersion = obj.metadata.resourceVersion;
                        if (event.type === 'BOOKMARK')
                            return;
                        if (event.type === 'DELETED')
                            return this.finish('failed', `${(0,workload_ref/* formatWorkloadRef */.Ab)(this.ref)} was deleted while waiting for its rollout`, 'Deleted');
                        this.consider(obj);
                    }, { signal: watchStop.signal, idleTimeoutMs: this.o.watchIdleMs });
                }
                finally {
                    this.stop.signal.removeEventListener('abort', onStop);
                }
                if (this.isFinished)
                    return;
                if (needList)
                    continue;
                // The server ended the watch (its timeout, a restart): resume from where we were.
                failures = received ? 0 : failures + 1;
                if (failures > 0)
                    await this.sleep(backoffDelay(failures, { initialMs: 100, maxMs: this.o.maxBackoffMs, jitter: true }, this.o.random));
            }
            catch (err) {
                if (this.isFinished)
                    return;
                if (err instanceof KubeApiError && err.status === 410) {
                    needList = true;
                    continue;
                }
                if (this.failOnApiError(err))
                    return;
                failures++;
                await this.sleep(backoffDelay(failures, { initialMs: 100, maxMs: this.o.maxBackoffMs, jitter: true }, this.o.random));
            }
        }
    }
    /** Against a watch that stays open but says nothing: read the object now and then. */
    async backstop() {
        while (!this.isFinished && !this.pastDeadline) {
            await this.sleep(this.o.backstopMs);
            if (this.isFinished || this.pastDeadline)
                return;
            try {
                const obj = await this.o.api.get(`${this.path}/${encodeURIComponent(this.ref.name)}`, undefined, { signal: this.stop.signal });
                this.consider(obj);
            }
            catch (err) {
                if (err instanceof KubeApiError && err.status === 404)
                    return this.notFound();
                // Anything else is the watch loop's to handle.
            }
        }
    }
    async checkPods() {
        if (this.podCheckRunning || this.isFinished || !this.object)
            return;
        this.podCheckRunning = true;
        this.lastPodCheck = this.o.clock.now();
        try {
            const { pods } = await newRevisionPods(this.o.api, this.ref, this.object, this.stop.signal);
            for (const pod of pods) {
                const problem = podProblem(pod, this.o.crashLoopRestarts);
                if (problem) {
                    const restarts = problem.reason === 'CrashLoopBackOff' ? ` after ${problem.restarts} restarts` : '';
                    return this.finish('failed', `pod ${problem.pod} of the new revision: container ${problem.container} is in ${problem.reason}${restarts}${problem.message ? ` (${problem.message})` : ''}`, problem.reason, problem);
                }
            }
        }
        catch {
            // A failed look at the pods is retried on the next tick; it never fails the rollout.
        }
        finally {
            this.podCheckRunning = false;
        }
    }
    async podLoop() {
        while (!this.isFinished && !this.pastDeadline) {
            await this.sleep(this.o.podCheckMs);
            if (this.isFinished)
                return;
            await this.checkPods();
        }
    }
    async heartbeat() {
        while (!this.isFinished && !this.pastDeadline) {
            await this.sleep(this.o.progressIntervalMs);
            if (!this.isFinished && !this.pastDeadline)
                this.report();
        }
    }
    run() {
        void this.follow();
        void this.backstop();
        void this.heartbeat();
        if (this.o.failFast)
            void this.podLoop();
        return this.finished;
    }
}
/**
 * Waits for every target's rollout, concurrently, until all are done or failed or the deadline
 * passes. Results are in the order of `targets`; it never throws for a workload's failure.
 */
async function waitForRollouts(options) {
    const o = {
        clock: clock/* systemClock */.m,
        failFast: true,
        crashLoopRestarts: 2,
        progressIntervalMs: 5_000,
        backstopMs: 20_000,
        podCheckMs: 2_000,
        watchIdleMs: 60_000,
        maxBackoffMs: 5_000,
        random: Math.random,
        ...options,
    };
    const followers = options.targets.map((t) => new RolloutFollower(t, o));
    const timer = new AbortController();
    const onAbort = () => followers.forEach((f) => f.timeOut());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    void o.clock.sleep(Math.max(0, o.deadline - o.clock.now()), timer.signal).then(() => {
        if (!timer.signal.aborted)
            followers.forEach((f) => f.timeOut());
    });
    try {
        return await Promise.all(followers.map((f) => f.run()));
    }
    finally {
        timer.abort();
        options.signal?.removeEventListener('abort', onAbort);
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/index.ts








/***/ }),

/***/ 5724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ KubeconfigError),
/* harmony export */   Id: () => (/* binding */ SERVICE_ACCOUNT_DIR),
/* harmony export */   Q6: () => (/* binding */ connectionFromKubeconfig),
/* harmony export */   YL: () => (/* binding */ inClusterConnection),
/* harmony export */   decodeKubeconfigContent: () => (/* binding */ decodeKubeconfigContent),
/* harmony export */   ic: () => (/* binding */ loadKubeConnection),
/* harmony export */   kubeconfigSecrets: () => (/* binding */ kubeconfigSecrets),
/* harmony export */   nN: () => (/* binding */ mergeKubeconfigs),
/* harmony export */   parseKubeconfig: () => (/* binding */ parseKubeconfig)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Finding the cluster and the credentials, as kubectl does: kubeconfig content given as an input
// (raw YAML or base64), else $KUBECONFIG, else ~/.kube/config, else the pod's service account.
// Unlike client-node's loadFromDefault, nothing found is an error — never a silent
// http://localhost:8080. Every secret read is handed to `onSecret` before it can reach a message.


class KubeconfigError extends Error {
    about;
    /** Which action input the problem is about. */
    constructor(message, about = 'kubeconfig') {
        super(message);
        this.about = about;
        this.name = 'KubeconfigError';
    }
}
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const looksLikeKubeconfig = (text) => /^\s*\{/.test(text) ||
    /^\s*(apiVersion|kind|clusters|contexts|users|current-context|preferences)\s*:/m.test(text);
/** The `kubeconfig` input as YAML text: given raw, or base64 (the usual way it is stored in a secret). */
function decodeKubeconfigContent(content) {
    if (looksLikeKubeconfig(content))
        return content;
    const compact = content.replace(/\s+/g, '');
    if (compact && /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
        const decoded = Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64').toString('utf8');
        if (!decoded.includes('\uFFFD') && looksLikeKubeconfig(decoded))
            return decoded;
    }
    throw new KubeconfigError('is neither a kubeconfig (YAML with clusters, users and contexts) nor base64 of one');
}
/** Values in a kubeconfig that must be masked: tokens, keys, passwords, plugin secrets. */
function kubeconfigSecrets(config) {
    const out = [];
    for (const { user } of config.users) {
        if (!user)
            continue;
        for (const v of [user.token, user['client-key-data'], user.password])
            if (v)
                out.push(v);
        if (user['client-key-data']) {
            // The key also travels decoded (PEM) inside the process.
            out.push(Buffer.from(user['client-key-data'], 'base64').toString('utf8'));
        }
        for (const [k, v] of Object.entries(user['auth-provider']?.config ?? {}))
            if (/token|secret|password|key/i.test(k) && v)
                out.push(String(v));
        for (const e of user.exec?.env ?? [])
            if (e?.value)
                out.push(String(e.value));
    }
    return out;
}
async function parseYaml(text) {
    // JSON is YAML; parsing it natively spares loading the YAML parser.
    if (/^\s*\{/.test(text)) {
        try {
            return JSON.parse(text);
        }
        catch {
            // Fall through: YAML flow style may still parse.
        }
    }
    const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    try {
        return parse(text);
    }
    catch (err) {
        // The parser quotes the offending text; a kubeconfig's text is secret, so keep only the position.
        const line = err.linePos?.[0]?.line;
        throw new KubeconfigError(`is not valid YAML${line ? ` (line ${line})` : ''}`);
    }
}
function asArray(value, what) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw new KubeconfigError(`'${what}' is not a list`);
    return value.filter((x) => x && typeof x === 'object' && typeof x.name === 'string');
}
/** One kubeconfig document; file paths in it are made absolute against `baseDir`. */
async function parseKubeconfig(text, baseDir) {
    const doc = await parseYaml(text);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw new KubeconfigError('is not a kubeconfig (expected a mapping with clusters, users and contexts)');
    const d = doc;
    const config = {
        clusters: asArray(d.clusters, 'clusters'),
        users: asArray(d.users, 'users'),
        contexts: asArray(d.contexts, 'contexts'),
        currentContext: typeof d['current-context'] === 'string' && d['current-context']
            ? d['current-context']
            : undefined,
    };
    if (baseDir) {
        const abs = (p) => (p && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(p) ? node_path__WEBPACK_IMPORTED_MODULE_1___default().join(baseDir, p) : p);
        for (const c of config.clusters)
            if (c.cluster?.['certificate-authority'])
                c.cluster['certificate-authority'] = abs(c.cluster['certificate-authority']);
        for (const u of config.users) {
            if (!u.user)
                continue;
            for (const key of ['client-certificate', 'client-key', 'tokenFile'])
                if (u.user[key])
                    u.user[key] = abs(u.user[key]);
            // As client-go: a plugin command with a path in it is relative to the kubeconfig's directory.
            const command = u.user.exec?.command;
            if (command && command.includes('/') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(command))
                u.user.exec.command = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(baseDir, command);
        }
    }
    return config;
}
/** $KUBECONFIG's files merged as kubectl merges them: the first definition of a name wins. */
function mergeKubeconfigs(configs) {
    const merged = { clusters: [], users: [], contexts: [] };
    const add = (into, items) => {
        for (const item of items)
            if (!into.some((x) => x.name === item.name))
                into.push(item);
    };
    for (const c of configs) {
        add(merged.clusters, c.clusters);
        add(merged.users, c.users);
        add(merged.contexts, c.contexts);
        merged.currentContext ??= c.currentContext;
    }
    return merged;
}
function names(items) {
    return items.length ? items.map((i) => i.name).join(', ') : 'none';
}
/** The connection for one context of a kubeconfig. `readFile` reads the files it refers to. */
function connectionFromKubeconfig(config, source, contextName, readFile, onSecret = () => { }) {
    const wanted = contextName || config.currentContext;
    if (!wanted)
        throw new KubeconfigError(`${source} has no current-context; set the 'context' input (it has: ${names(config.contexts)})`);
    const ctx = config.contexts.find((c) => c.name === wanted);
    if (!ctx)
        throw new KubeconfigError(`context '${wanted}' is not in ${source} (it has: ${names(config.contexts)})`, contextName ? 'context' : 'kubeconfig');
    const clusterName = ctx.context?.cluster;
    const cluster = config.clusters.find((c) => c.name === clusterName)?.cluster;
    if (!cluster)
        throw new KubeconfigError(`context '${wanted}' in ${source} refers to cluster '${clusterName ?? ''}', which is not defined`);
    if (!cluster.server)
        throw new KubeconfigError(`cluster '${clusterName}' in ${source} has no server`);
    let server;
    try {
        server = new URL(cluster.server);
        if (server.protocol !== 'https:' && server.protocol !== 'http:')
            throw new Error();
    }
    catch {
        throw new KubeconfigError(`cluster '${clusterName}' in ${source} has a server that is not an http(s) URL`);
    }
    const userName = ctx.context?.user;
    const named = userName ? config.users.find((u) => u.name === userName) : undefined;
    if (userName && !named)
        throw new KubeconfigError(`context '${wanted}' in ${source} refers to user '${userName}', which is not defined`);
    const user = named?.user ?? {};
    const read = (file, what) => {
        try {
            return Buffer.from(readFile(file), 'utf8');
        }
        catch {
            throw new KubeconfigError(`cannot read the ${what} file ${file} named in ${source}`);
        }
    };
    const conn = {
        source,
        context: wanted,
        namespace: ctx.context?.namespace || undefined,
        server: server.href.replace(/\/$/, ''),
        insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
        tlsServerName: cluster['tls-server-name'] || undefined,
    };
    if (cluster['certificate-authority-data'])
        conn.ca = Buffer.from(cluster['certificate-authority-data'], 'base64');
    else if (cluster['certificate-authority'])
        conn.ca = read(cluster['certificate-authority'], 'certificate-authority');
    if (user['client-certificate-data'])
        conn.clientCert = Buffer.from(user['client-certificate-data'], 'base64');
    else if (user['client-certificate'])
        conn.clientCert = read(user['client-certificate'], 'client-certificate');
    if (user['client-key-data'])
        conn.clientKey = Buffer.from(user['client-key-data'], 'base64');
    else if (user['client-key']) {
        conn.clientKey = read(user['client-key'], 'client-key');
        onSecret(conn.clientKey.toString('utf8'));
    }
    if (user.token)
        conn.token = user.token;
    else if (user.tokenFile)
        conn.tokenFile = user.tokenFile;
    if (user.username && user.password) {
        conn.username = user.username;
        conn.password = user.password;
    }
    if (user.as)
        conn.impersonate = user.as;
    const pluginType = user.exec ? 'exec' : user['auth-provider'] ? 'auth-provider' : undefined;
    if (user.exec)
        conn.exec = user.exec;
    if (pluginType) {
        // client-node runs the plugin from a kubeconfig of this one context.
        conn.plugin = {
            type: pluginType,
            kubeconfig: JSON.stringify({
                apiVersion: 'v1',
                kind: 'Config',
                clusters: [{ name: clusterName, cluster }],
                users: [{ name: userName, user }],
                contexts: [{ name: wanted, context: { cluster: clusterName, user: userName } }],
                'current-context': wanted,
            }),
        };
    }
    return conn;
}
/** The pod's service account, when running inside Kubernetes (self-hosted runners on ARC). */
function inClusterConnection(env, dir, readFile, onSecret = () => { }) {
    const host = env.KUBERNETES_SERVICE_HOST;
    const port = env.KUBERNETES_SERVICE_PORT || '443';
    if (!host)
        return undefined;
    const tokenFile = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'token');
    let token;
    try {
        token = readFile(tokenFile).trim();
    }
    catch {
        return undefined;
    }
    onSecret(token);
    let ca;
    try {
        ca = Buffer.from(readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'ca.crt')), 'utf8');
    }
    catch {
        throw new KubeconfigError(`in-cluster service account: ${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'ca.crt')} is missing`);
    }
    let namespace;
    try {
        namespace = readFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'namespace')).trim() || undefined;
    }
    catch {
        namespace = undefined;
    }
    const hostPart = host.includes(':') ? `[${host}]` : host;
    return {
        source: 'in-cluster service account',
        context: 'in-cluster',
        namespace,
        server: `https://${hostPart}:${port}`,
        ca,
        insecureSkipTlsVerify: false,
        tokenFile,
    };
}
/**
 * The connection to use, from the first source that exists: the `content` (input), $KUBECONFIG,
 * ~/.kube/config, the in-cluster service account. Throws KubeconfigError when none does.
 */
async function loadKubeConnection(sources) {
    const readFile = sources.readFile ?? ((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(f, 'utf8'));
    const onSecret = sources.onSecret ?? (() => { });
    const secretsOf = (config) => kubeconfigSecrets(config).forEach(onSecret);
    if (sources.content && sources.content.trim()) {
        // The content as given is masked whole; of the decoded text only the secrets inside are
        // (masking every line of it would blank out words like `cluster:` all over the log).
        onSecret(sources.content.trim());
        const text = decodeKubeconfigContent(sources.content);
        const config = await parseKubeconfig(text);
        secretsOf(config);
        return connectionFromKubeconfig(config, "input 'kubeconfig'", sources.context, readFile, onSecret);
    }
    const fromFiles = async (files, source) => {
        const configs = [];
        for (const file of files) {
            let text;
            try {
                text = readFile(file);
            }
            catch {
                continue;
            }
            try {
                configs.push(await parseKubeconfig(text, node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file)));
            }
            catch (err) {
                throw new KubeconfigError(`${file} ${err.message}`);
            }
        }
        if (!configs.length)
            return undefined;
        const merged = mergeKubeconfigs(configs);
        secretsOf(merged);
        return connectionFromKubeconfig(merged, source, sources.context, readFile, onSecret);
    };
    const list = sources.env.KUBECONFIG?.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter)).filter(Boolean) ?? [];
    if (list.length) {
        const conn = await fromFiles(list, '$KUBECONFIG');
        if (conn)
            return conn;
        throw new KubeconfigError(`KUBECONFIG is set but none of its files exists (${list.join(', ')})`);
    }
    const home = sources.homeDir ?? sources.env.HOME;
    if (home) {
        const conn = await fromFiles([node_path__WEBPACK_IMPORTED_MODULE_1___default().join(home, '.kube', 'config')], '~/.kube/config');
        if (conn)
            return conn;
    }
    const inCluster = inClusterConnection(sources.env, sources.serviceAccountDir ?? SERVICE_ACCOUNT_DIR, readFile, onSecret);
    if (inCluster) {
        if (sources.context)
            throw new KubeconfigError(`context '${sources.context}' was asked for, but the only credentials found are the in-cluster service account`, 'context');
        return inCluster;
    }
    throw new KubeconfigError("no cluster configured: the 'kubeconfig' input is empty, KUBECONFIG is not set, ~/.kube/config does not exist, and there is no in-cluster service account (KUBERNETES_SERVICE_HOST)");
}


/***/ })

};
