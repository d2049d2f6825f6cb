export const id = 670;
export const ids = [670,724];
export const modules = {

/***/ 6670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ARGO_REFRESH_ANNOTATION: () => (/* reexport */ ARGO_REFRESH_ANNOTATION),
  CollectionWatch: () => (/* reexport */ CollectionWatch),
  CredentialPluginError: () => (/* reexport */ CredentialPluginError),
  FATAL_WAITING_REASONS: () => (/* reexport */ FATAL_WAITING_REASONS),
  KubeApiClient: () => (/* reexport */ KubeApiClient),
  KubeApiError: () => (/* reexport */ KubeApiError),
  KubeconfigError: () => (/* reexport */ kubeconfig.KubeconfigError),
  RESOURCE_KINDS: () => (/* reexport */ RESOURCE_KINDS),
  REVISION_ANNOTATION: () => (/* reexport */ REVISION_ANNOTATION),
  SERVICE_ACCOUNT_DIR: () => (/* reexport */ kubeconfig/* SERVICE_ACCOUNT_DIR */.Id),
  Shared: () => (/* reexport */ Shared),
  TRANSIENT_GRACE_MS: () => (/* reexport */ TRANSIENT_GRACE_MS),
  TRANSIENT_WAITING_REASONS: () => (/* reexport */ TRANSIENT_WAITING_REASONS),
  WORKLOAD_KINDS: () => (/* reexport */ workload_ref/* WORKLOAD_KINDS */.i6),
  applicationStatus: () => (/* reexport */ applicationStatus),
  authProviderCredentials: () => (/* reexport */ authProviderCredentials),
  collectDiagnostics: () => (/* reexport */ collectDiagnostics),
  connectCluster: () => (/* reexport */ connectCluster),
  connectionCredentials: () => (/* reexport */ connectionCredentials),
  connectionFromKubeconfig: () => (/* reexport */ kubeconfig.connectionFromKubeconfig),
  createKubeApi: () => (/* reexport */ createKubeApi),
  daemonSetStatus: () => (/* reexport */ daemonSetStatus),
  decodeKubeconfigContent: () => (/* reexport */ kubeconfig.decodeKubeconfigContent),
  defaultPluginRunner: () => (/* reexport */ defaultPluginRunner),
  deploymentStatus: () => (/* reexport */ deploymentStatus),
  diagnosePod: () => (/* reexport */ diagnosePod),
  discoverResource: () => (/* reexport */ discoverResource),
  execCredentials: () => (/* reexport */ execCredentials),
  fluxStatus: () => (/* reexport */ fluxStatus),
  formatDiagnostics: () => (/* reexport */ formatDiagnostics),
  formatResourceRef: () => (/* reexport */ formatResourceRef),
  formatWorkloadRef: () => (/* reexport */ workload_ref/* formatWorkloadRef */.Ab),
  imageRepository: () => (/* reexport */ imageRepository),
  inClusterConnection: () => (/* reexport */ kubeconfig/* inClusterConnection */.YL),
  isDns1123Label: () => (/* reexport */ workload_ref/* isDns1123Label */.z3),
  isDns1123Subdomain: () => (/* reexport */ workload_ref/* isDns1123Subdomain */.Pz),
  jobStatus: () => (/* reexport */ jobStatus),
  kubeconfigSecrets: () => (/* reexport */ kubeconfig.kubeconfigSecrets),
  labelSelectorString: () => (/* reexport */ labelSelectorString),
  loadKubeConnection: () => (/* reexport */ kubeconfig/* loadKubeConnection */.ic),
  mergeKubeconfigs: () => (/* reexport */ kubeconfig/* mergeKubeconfigs */.nN),
  missingImages: () => (/* reexport */ missingImages),
  newReplicaSet: () => (/* reexport */ newReplicaSet),
  newReplicaSetIn: () => (/* reexport */ newReplicaSetIn),
  newRevisionPods: () => (/* reexport */ newRevisionPods),
  newRevisionPodsIn: () => (/* reexport */ newRevisionPodsIn),
  parseExpectedImage: () => (/* reexport */ parseExpectedImage),
  parseKubeconfig: () => (/* reexport */ kubeconfig.parseKubeconfig),
  parseResourceKind: () => (/* reexport */ parseResourceKind),
  parseWorkloadKind: () => (/* reexport */ workload_ref/* parseWorkloadKind */.Nl),
  parseWorkloadRef: () => (/* reexport */ workload_ref/* parseWorkloadRef */.iD),
  podProblem: () => (/* reexport */ podProblem),
  pollDelay: () => (/* reexport */ pollDelay),
  renewalMarginMs: () => (/* reexport */ renewalMarginMs),
  replicaCounts: () => (/* reexport */ replicaCounts),
  resourceStatus: () => (/* reexport */ resourceStatus),
  revisionMatches: () => (/* reexport */ revisionMatches),
  rolloutCrStatus: () => (/* reexport */ rolloutCrStatus),
  rolloutStatus: () => (/* reexport */ rolloutStatus),
  runExecPlugin: () => (/* reexport */ runExecPlugin),
  secretArgs: () => (/* reexport */ kubeconfig/* secretArgs */.s9),
  serverUrlSecrets: () => (/* reexport */ kubeconfig/* serverUrlSecrets */.ms),
  statefulSetStatus: () => (/* reexport */ statefulSetStatus),
  staticCredentials: () => (/* reexport */ staticCredentials),
  statusError: () => (/* reexport */ statusError),
  tokenFileCredentials: () => (/* reexport */ tokenFileCredentials),
  waitForResources: () => (/* reexport */ waitForResources),
  waitForRollouts: () => (/* reexport */ waitForRollouts),
  withLastError: () => (/* reexport */ withLastError),
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
// EXTERNAL MODULE: ./packages/core/src/secrets.ts
var secrets = __webpack_require__(7620);
// EXTERNAL MODULE: ./packages/core/src/proxy.ts
var src_proxy = __webpack_require__(609);
;// CONCATENATED MODULE: ./packages/core/src/http.ts


let httpLib;
let httpsLibs;
async function loadLibs(tlsNeeded) {
    const h = await (httpLib ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23)).then((m) => m.default));
    if (!tlsNeeded)
        return { http: h };
    const s = await (httpsLibs ??= Promise.all([Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)), Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1692, 23))]).then(([a, b]) => ({ https: a.default, tls: b.default })));
    return { http: h, ...s };
}
const DEFAULT_PHASE = {
    DNS: 'connect',
    CONNECTION_REFUSED: 'connect',
    PROXY: 'connect',
    TLS: 'tls',
};
class HttpError extends Error {
    code;
    /** How far the request got; see HttpPhase. */
    phase;
    constructor(code, message, phase) {
        super(message);
        this.code = code;
        this.name = 'HttpError';
        // Unknown is treated as sent: never assume a request did not arrive without knowing it.
        this.phase = phase ?? DEFAULT_PHASE[code] ?? 'sent';
    }
    /** Whether the request may have reached the server (false: nothing was sent, retry is safe). */
    get sent() {
        return this.phase === 'sent' || this.phase === 'response';
    }
}
const DEFAULT_MAX_BODY = 1024 * 1024;
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
/** Connection options for a host: both address families, and loopback for `localhost` names. */
function connectOptions(hostname) {
    return isLocalhostName(hostname)
        ? { autoSelectFamily: true, lookup: loopbackLookup }
        : { autoSelectFamily: true };
}
const hostOf = (url) => url.hostname.replace(/^\[|\]$/g, '');
/** A node error as an HttpError; `via` names the proxy when the failure was talking to it. */
function classify(err, phase, via) {
    if (err instanceof HttpError)
        return err;
    const code = err.code ?? '';
    const proxy = via ? ` (proxy ${(0,src_proxy/* displayProxy */.ri)(via)})` : '';
    if (code === 'ECONNREFUSED')
        return new HttpError('CONNECTION_REFUSED', `connection refused${proxy}`, 'connect');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
        return new HttpError('DNS', `DNS lookup failed (${code})${proxy}`, 'connect');
    if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO|ERR_TLS|HOSTNAME/i.test(code) ||
        /certificate|ssl|tls/i.test(err.message)) {
        // A handshake failure means nothing was sent; a TLS error after it is a cut connection.
        return new HttpError('TLS', `TLS error: ${code || err.message.split('\n')[0]}${proxy}`, phase === 'sent' || phase === 'response' ? phase : 'tls');
    }
    if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up')
        return new HttpError('CONNECTION_RESET', `connection reset by peer${proxy}`, phase);
    if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
        return new HttpError('NETWORK', `network error (${code})${proxy}`, phase);
    return new HttpError('NETWORK', `network error: ${code || err.message.split('\n')[0]}${proxy}`, phase);
}
/** A socket handed over by the tunnel already connected and through its TLS handshake. */
const READY = Symbol('cicd-actions.ready');
/**
 * A TCP stream to `host:port` through an HTTP(S) proxy (CONNECT with the host name: the proxy
 * resolves it, not us). Fails with phase `connect`: nothing reached the target.
 */
function openTunnel(libs, proxy, host, port, signal) {
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const headers = { host: authority };
    const auth = (0,src_proxy/* proxyAuthorization */.YB)(proxy);
    if (auth)
        headers['proxy-authorization'] = auth;
    const viaTls = proxy.protocol === 'https:';
    const lib = viaTls ? libs.https : libs.http;
    return new Promise((resolve, reject) => {
        const req = lib.request({
            host: hostOf(proxy),
            port: Number(proxy.port) || (viaTls ? 443 : 80),
            method: 'CONNECT',
            path: authority,
            headers,
            agent: false,
            ...connectOptions(proxy.hostname),
        });
        const stop = () => req.destroy();
        if (signal?.aborted)
            stop();
        else
            signal?.addEventListener('abort', stop, { once: true });
        req.once('close', () => signal?.removeEventListener('abort', stop));
        req.once('connect', (res, socket, head) => {
            if (res.statusCode !== 200) {
                socket.destroy();
                const why = res.statusCode === 407
                    ? `asks for credentials (407 Proxy Authentication Required)${auth ? ' and rejected the ones in the proxy URL' : ''}`
                    : `refused the tunnel (${res.statusCode} ${res.statusMessage ?? ''})`.replace(' )', ')');
                return reject(new HttpError('PROXY', `the proxy ${(0,src_proxy/* displayProxy */.ri)(proxy)} ${why} to ${authority}`));
            }
            if (head.length)
                socket.unshift(head);
            resolve(socket);
        });
        req.once('error', (err) => reject(classify(err, 'connect', proxy)));
        req.end();
    });
}
/** An https.Agent whose connections go through a proxy tunnel, then TLS to the target. */
function tunnelAgent(libs, proxy, options) {
    const { https: h, tls: t } = libs;
    class TunnelAgent extends h.Agent {
        // Node's agents accept an asynchronous createConnection: return nothing, call back later.
        createConnection(options, callback) {
            const opts = options;
            const done = (err, socket) => callback?.(err, socket);
            openTunnel(libs, proxy, opts.host ?? 'localhost', Number(opts.port) || 443, opts.tunnelSignal)
                .then((raw) => {
                const socket = t.connect({ ...opts, socket: raw });
                // A request given up during the handshake takes its half-open socket with it.
                const onAbort = () => socket.destroy();
                opts.tunnelSignal?.addEventListener('abort', onAbort, { once: true });
                const onError = (err) => {
                    opts.tunnelSignal?.removeEventListener('abort', onAbort);
                    done(classify(err, 'tls'));
                };
                socket.once('error', onError);
                socket.once('secureConnect', () => {
                    opts.tunnelSignal?.removeEventListener('abort', onAbort);
                    socket.removeListener('error', onError);
                    socket[READY] = true;
                    done(null, socket);
                });
            })
                .catch((err) => done(err));
            return undefined;
        }
    }
    return new TunnelAgent(options);
}
function flatHeaders(headers) {
    const flat = {};
    for (const [k, v] of Object.entries(headers))
        if (v !== undefined)
            flat[k] = Array.isArray(v) ? v.join(', ') : v;
    return flat;
}
/** A limit that fires once: the earlier of a duration and a deadline, plus an outer signal. */
class Limit {
    outer;
    controller = new AbortController();
    timedOut = false;
    timer;
    onOuter = () => this.controller.abort();
    constructor(timeoutMs, deadline, outer) {
        this.outer = outer;
        const ms = Math.max(1, Math.min(timeoutMs, deadline === undefined ? Infinity : deadline - Date.now()));
        this.timer = setTimeout(() => {
            this.timedOut = true;
            this.controller.abort();
        }, ms);
        // A signal aborted before the call never fires 'abort' again: honour it now.
        if (outer?.aborted)
            this.controller.abort();
        else
            outer?.addEventListener('abort', this.onOuter, { once: true });
    }
    get signal() {
        return this.controller.signal;
    }
    /** Stops the clock (the caller watches the body itself from here on). */
    disarm() {
        clearTimeout(this.timer);
        this.timer = undefined;
    }
    dispose() {
        this.disarm();
        this.outer?.removeEventListener('abort', this.onOuter);
    }
}
/**
 * HTTP(S) to one kind of server: its TLS settings, keep-alive pool and proxy. `request` buffers
 * the body (capped); `stream` hands it over as it arrives. Network faults throw HttpError; any
 * HTTP status resolves.
 */
class HttpTransport {
    options;
    agents = new Map();
    setting;
    closed = false;
    constructor(options = {}) {
        this.options = options;
        if (options.proxy === false)
            this.setting = { from: 'none' };
        else if (options.proxy) {
            const what = options.proxyName ?? 'the proxy URL';
            this.setting = { from: 'url', url: (0,src_proxy/* parseProxyUrl */.Pr)(options.proxy, what), what };
        }
        else
            this.setting = { from: 'env', env: options.env ?? process.env };
    }
    /** The proxy a request to `url` goes through (undefined: direct). Throws ProxyConfigError. */
    proxyFor(url) {
        return (0,src_proxy/* proxyFor */.iJ)(new URL(String(url)), this.setting);
    }
    close() {
        this.closed = true;
        for (const agent of this.agents.values())
            agent.destroy();
        this.agents.clear();
    }
    agent(libs, target, proxy) {
        const key = `${target.protocol}|${proxy?.href ?? ''}`;
        let agent = this.agents.get(key);
        if (agent)
            return agent;
        const base = {
            keepAlive: this.options.keepAlive ?? false,
            maxSockets: this.options.maxSockets,
        };
        const o = this.options;
        const tlsOptions = {
            ...base,
            rejectUnauthorized: !o.insecure,
            ...(o.ca ? { ca: o.ca } : {}),
            ...(o.cert ? { cert: o.cert } : {}),
            ...(o.key ? { key: o.key } : {}),
            ...(o.servername ? { servername: o.servername } : {}),
        };
        if (target.protocol === 'https:')
            agent = proxy ? tunnelAgent(libs, proxy, tlsOptions) : new libs.https.Agent(tlsOptions);
        // Plain HTTP through a proxy: the request goes to the proxy (absolute-form); an https://
        // proxy is checked against the system's CAs, not the target's.
        else if (proxy?.protocol === 'https:')
            agent = new libs.https.Agent(base);
        else
            agent = new libs.http.Agent(base);
        if (!this.closed)
            this.agents.set(key, agent);
        return agent;
    }
    /** Opens the request and resolves with the response headers; `limit` bounds it. */
    async open(req, url, limit, onPhase) {
        let proxy;
        try {
            proxy = (0,src_proxy/* proxyFor */.iJ)(url, this.setting);
        }
        catch (err) {
            if (err instanceof src_proxy/* ProxyConfigError */.Xb)
                throw new HttpError('PROXY', err.message, 'connect');
            throw err;
        }
        const isHttps = url.protocol === 'https:';
        const libs = await loadLibs(isHttps || proxy?.protocol === 'https:');
        const agent = this.agent(libs, url, proxy);
        const method = (req.method ?? 'GET').toUpperCase();
        const headers = {
            'user-agent': this.options.userAgent ?? 'cicd-actions',
            ...(req.headers ?? {}),
        };
        if (req.body !== undefined)
            headers['content-length'] = Buffer.byteLength(req.body);
        // As Node and Go do: credentials in the URL become Basic auth unless the caller sent some.
        if ((url.username || url.password) &&
            !Object.keys(headers).some((k) => /^authorization$/i.test(k)))
            headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
        const path = `${url.pathname}${url.search}`;
        let options;
        let lib;
        if (proxy && !isHttps) {
            // Absolute-form to the proxy: it resolves the target's name.
            lib = proxy.protocol === 'https:' ? libs.https : libs.http;
            headers.host = url.host;
            const auth = (0,src_proxy/* proxyAuthorization */.YB)(proxy);
            if (auth)
                headers['proxy-authorization'] = auth;
            options = {
                host: hostOf(proxy),
                port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
                path: `${url.protocol}//${url.host}${path}`,
                ...connectOptions(proxy.hostname),
            };
        }
        else {
            lib = isHttps ? libs.https : libs.http;
            options = {
                host: hostOf(url),
                port: Number(url.port) || (isHttps ? 443 : 80),
                path,
                ...(proxy ? { tunnelSignal: limit.signal } : connectOptions(url.hostname)),
            };
        }
        // Aborting destroys the request without an error object: Node then reports it on the request
        // (which we listen to), never as an 'error' on a socket that may already be back in the pool.
        Object.assign(options, { method, headers, agent });
        const viaProxy = proxy && !isHttps ? proxy : undefined;
        return new Promise((resolve, reject) => {
            let phase = 'connect';
            const set = (p) => {
                phase = p;
                onPhase(p);
            };
            const request = lib.request(options, (res) => {
                set('response');
                resolve(res);
            });
            request.on('socket', (socket) => {
                if (request.reusedSocket || socket[READY])
                    return set('sent');
                const secured = () => set('sent');
                const connected = () => {
                    if (isHttps) {
                        set('tls');
                        socket.once('secureConnect', secured);
                    }
                    else
                        set('sent');
                };
                if (socket.connecting)
                    socket.once('connect', connected);
                else
                    connected();
            });
            request.on('error', (err) => reject(classify(err, phase, viaProxy)));
            const stop = () => request.destroy();
            if (limit.signal.aborted)
                stop();
            else
                limit.signal.addEventListener('abort', stop, { once: true });
            request.once('close', () => limit.signal.removeEventListener('abort', stop));
            if (req.body !== undefined)
                request.write(req.body);
            request.end();
        });
    }
    failure(err, limit, timeoutMs, phase) {
        if (limit.timedOut)
            return new HttpError('TIMEOUT', `timed out after ${timeoutMs} ms`, phase);
        if (limit.signal.aborted)
            return new HttpError('ABORTED', 'request aborted', phase);
        if (err instanceof HttpError)
            return err;
        return classify(err, phase);
    }
    /** One request, its body read (up to maxBodyBytes) within timeoutMs. */
    async request(req) {
        const limit = new Limit(req.timeoutMs, req.deadline, req.signal);
        let phase = 'connect';
        try {
            const res = await this.open(req, new URL(String(req.url)), limit, (p) => (phase = p));
            return await readBody(res, req.maxBodyBytes ?? DEFAULT_MAX_BODY);
        }
        catch (err) {
            throw this.failure(err, limit, req.timeoutMs, phase);
        }
        finally {
            limit.dispose();
        }
    }
    /**
     * A request whose body is handed over as it arrives: resolves at the response headers
     * (timeoutMs covers getting them); from then on the caller reads, and `signal` or close() stop it.
     */
    async stream(req) {
        const limit = new Limit(req.timeoutMs, req.deadline, req.signal);
        let phase = 'connect';
        let res;
        try {
            res = await this.open(req, new URL(String(req.url)), limit, (p) => (phase = p));
        }
        catch (err) {
            limit.dispose();
            throw this.failure(err, limit, req.timeoutMs, phase);
        }
        limit.disarm();
        const fail = (err) => this.failure(err, limit, req.timeoutMs, 'response');
        return {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: flatHeaders(res.headers),
            async *chunks() {
                try {
                    for await (const chunk of res)
                        yield chunk;
                    if (!res.complete)
                        throw new HttpError('CONNECTION_RESET', 'connection closed before the response was complete', 'response');
                }
                catch (err) {
                    throw fail(err);
                }
                finally {
                    limit.dispose();
                }
            },
            close() {
                limit.dispose();
                res.destroy();
            },
        };
    }
}
function readBody(res, maxBody) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        let truncated = false;
        const finish = () => resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: flatHeaders(res.headers),
            body: Buffer.concat(chunks),
            truncated,
        });
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
            : reject(new HttpError('CONNECTION_RESET', 'connection closed before the response was complete', 'response')));
    });
}
/** Sends one request (following redirects if asked). Network faults throw HttpError; any HTTP status resolves. */
async function httpRequest(req) {
    const started = performance.now();
    // One limit for the whole chain of redirects, as before: timeoutMs is the request's budget.
    const deadline = Math.min(Date.now() + Math.max(1, req.timeoutMs), req.deadline ?? Infinity);
    const transport = new HttpTransport({
        insecure: req.insecure,
        ca: req.ca,
        proxy: req.proxy,
        env: req.env,
    });
    let url = new URL(String(req.url));
    let method = (req.method ?? 'GET').toUpperCase();
    let body = req.body;
    let headers = { ...(req.headers ?? {}) };
    const maxRedirects = req.maxRedirects ?? 10;
    const seen = new Set([url.href]);
    let redirects = 0;
    try {
        for (;;) {
            const res = await transport
                .request({
                url,
                method,
                headers,
                body,
                timeoutMs: Math.max(1, deadline - Date.now()),
                signal: req.signal,
                maxBodyBytes: req.maxBodyBytes,
            })
                .catch((err) => {
                // The message names the budget the caller gave, not what was left of it.
                if (err instanceof HttpError && err.code === 'TIMEOUT')
                    throw new HttpError('TIMEOUT', `timed out after ${req.timeoutMs} ms`, err.phase);
                throw err;
            });
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
                throw new HttpError('BAD_REDIRECT', `redirect to an invalid location`, 'response');
            }
            if (next.protocol !== 'http:' && next.protocol !== 'https:')
                throw new HttpError('BAD_REDIRECT', `redirect to unsupported scheme ${next.protocol}`, 'response');
            if (seen.has(next.href))
                throw new HttpError('REDIRECT_LOOP', `redirect loop at ${safeUrl(next)}`, 'response');
            if (++redirects > maxRedirects)
                throw new HttpError('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`, 'response');
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
        transport.close();
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/core/src/process.ts
var src_process = __webpack_require__(7332);
;// CONCATENATED MODULE: ./packages/kube/src/credential-plugin.ts
// Credentials for the API server, and how they are renewed, as client-go does it:
// - `exec` plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) are run directly: the
//   command with its args (no shell), its env added, KUBERNETES_EXEC_INFO set, and the
//   ExecCredential it prints read back. The credential is kept until a little before its
//   `expirationTimestamp`, and the plugin runs again once after a 401.
// - `tokenFile` is re-read every minute (client-go's cached file token source) and after a 401.
// - legacy `auth-provider` entries: see authProviderCredentials below.


class CredentialPluginError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialPluginError';
    }
}
/** Core's process runner: argument array, deadline, cancellation forwarded as SIGTERM, capped output. */
const defaultPluginRunner = src_process.runProcess;
const lastLine = (text) => text.trim().split(/\r?\n/).filter(Boolean).pop()?.slice(0, 300) ?? '';
/** Runs an exec credential plugin and returns the token or client certificate it printed. */
async function runExecPlugin(exec, opts) {
    const command = exec.command;
    if (!command)
        throw new CredentialPluginError('the exec credential plugin has no command');
    const apiVersion = exec.apiVersion || 'client.authentication.k8s.io/v1';
    const spec = { interactive: false };
    if (exec.provideClusterInfo && opts.cluster) {
        spec.cluster = {
            server: opts.cluster.server,
            'certificate-authority-data': opts.cluster.caData,
            'insecure-skip-tls-verify': opts.cluster.insecureSkipTlsVerify || undefined,
        };
    }
    const env = { ...opts.env };
    for (const e of exec.env ?? [])
        if (e?.name)
            env[e.name] = String(e.value ?? '');
    env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const name = `the exec credential plugin '${command}'`;
    let result;
    try {
        result = await (opts.run ?? defaultPluginRunner)(command, exec.args ?? [], {
            env,
            timeoutMs,
            signal: opts.signal,
        });
    }
    catch (err) {
        const e = err;
        if (e.code === 'ENOENT' || e.reason === 'not-found')
            throw new CredentialPluginError(`${name} was not found${exec.installHint ? ` (${lastLine(exec.installHint)})` : ' on PATH'}`);
        throw new CredentialPluginError(`${name} could not start: ${err.message}`);
    }
    if (result.cancelled)
        throw new CredentialPluginError(`${name} was cancelled`);
    if (result.timedOut)
        throw new CredentialPluginError(`${name} did not finish within ${timeoutMs} ms`);
    if (result.code !== 0) {
        const detail = lastLine(result.stderr);
        throw new CredentialPluginError(`${name} failed (exit code ${result.code ?? '?'})${detail ? `: ${detail}` : ''}`);
    }
    let credential;
    try {
        credential = JSON.parse(result.stdout);
    }
    catch {
        throw new CredentialPluginError(`${name} printed something that is not an ExecCredential (JSON)`);
    }
    const status = credential?.status;
    if (credential?.kind !== 'ExecCredential' || !status)
        throw new CredentialPluginError(`${name} printed no ExecCredential status`);
    if (credential.apiVersion && credential.apiVersion !== apiVersion)
        throw new CredentialPluginError(`${name} answered ${credential.apiVersion}, but the kubeconfig asked for ${apiVersion}`);
    const expires = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : NaN;
    const expiry = Number.isFinite(expires) ? { expiresAt: expires } : {};
    if (status.token) {
        opts.onSecret?.(status.token);
        return { authorization: `Bearer ${status.token}`, ...expiry };
    }
    if (status.clientCertificateData && status.clientKeyData) {
        opts.onSecret?.(status.clientKeyData);
        return {
            clientCert: Buffer.from(status.clientCertificateData, 'utf8'),
            clientKey: Buffer.from(status.clientKeyData, 'utf8'),
            ...expiry,
        };
    }
    throw new CredentialPluginError(`${name} returned neither a token nor a client certificate and key`);
}
/** Token, basic auth or client certificate written in the kubeconfig: nothing to renew. */
function staticCredentials(conn) {
    const creds = {};
    if (conn.token)
        creds.authorization = `Bearer ${conn.token}`;
    else if (conn.username && conn.password)
        creds.authorization = `Basic ${Buffer.from(`${conn.username}:${conn.password}`).toString('base64')}`;
    return { get: () => Promise.resolve(creds), refresh: () => Promise.resolve(false) };
}
/** A token file (projected service-account tokens rotate): re-read each minute and after a 401. */
function tokenFileCredentials(file, o = {}) {
    const read = o.readFile ?? ((f) => (0,external_node_fs_.readFileSync)(f, 'utf8'));
    const now = o.now ?? Date.now;
    const maxAge = o.maxAgeMs ?? 60_000;
    let cached;
    const load = () => {
        let token;
        try {
            token = read(file).trim();
        }
        catch {
            throw new CredentialPluginError(`cannot read the token file ${file}`);
        }
        if (!token)
            throw new CredentialPluginError(`the token file ${file} is empty`);
        o.onSecret?.(token);
        cached = { creds: { authorization: `Bearer ${token}` }, at: now() };
        return cached.creds;
    };
    return {
        renewal: 'its token file was read again',
        get: async () => (cached && now() - cached.at < maxAge ? cached.creds : load()),
        refresh: async (used) => {
            if (cached && cached.creds !== used)
                return true;
            const before = cached?.creds.authorization;
            return load().authorization !== before;
        },
    };
}
/** How long before a plugin credential's expiry it is renewed: a tenth of its life, at most 10 s. */
function renewalMarginMs(lifetimeMs) {
    return Math.max(0, Math.min(10_000, lifetimeMs / 10));
}
/** An exec plugin's credential: kept until shortly before it expires, renewed once after a 401. */
function execCredentials(exec, o) {
    const now = o.now ?? Date.now;
    let current;
    let running;
    // One run serves every request waiting for it, so only the session's signal (cancellation)
    // stops it — never one request's own signal (a watch that ended, a diagnostics budget).
    const run = () => (running ??= runExecPlugin(exec, o)
        .then((creds) => {
        const t = now();
        const renewAt = creds.expiresAt === undefined
            ? Infinity
            : creds.expiresAt - renewalMarginMs(creds.expiresAt - t);
        current = { creds, renewAt };
        return creds;
    })
        .finally(() => (running = undefined)));
    return {
        renewal: 'its exec plugin ran again',
        get: async () => (current && now() < current.renewAt ? current.creds : run()),
        refresh: async (used) => {
            // Someone else already renewed since `used` was handed out: use theirs.
            if (current && current.creds !== used)
                return true;
            await run();
            return true;
        },
    };
}
/**
 * Legacy `auth-provider` users. client-go dropped gcp and azure in 1.26 and kubectl points their
 * users to exec plugins; so do we, with the replacement named. `oidc` (still in client-go) is
 * served while its id-token is valid; an expired one names kubelogin (docs/decisions.md).
 */
function authProviderCredentials(provider, where, now = Date.now) {
    const name = provider.name;
    const fail = (why) => {
        throw new CredentialPluginError(`${where} uses the auth-provider '${name}', ${why}`);
    };
    if (name === 'gcp')
        fail("which Kubernetes removed in 1.26: install gke-gcloud-auth-plugin and run 'gcloud container clusters get-credentials' to get an exec entry (see https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl)");
    if (name === 'azure')
        fail("which Kubernetes removed in 1.26: install kubelogin and run 'kubelogin convert-kubeconfig' (see https://azure.github.io/kubelogin/)");
    if (name !== 'oidc')
        fail('which is not supported: give the user an exec credential plugin or a token');
    const token = provider.config['id-token'];
    const exp = token ? jwtExpiry(token) : undefined;
    const usable = () => token && (exp === undefined || now() < exp - 10_000);
    const expired = () => fail(`whose id-token ${token ? 'has expired' : 'is missing'} and is not refreshed here: use kubelogin (an exec plugin: 'kubectl oidc-login setup', https://github.com/int128/kubelogin) or pass a fresh id-token`);
    if (!usable())
        expired();
    const creds = { authorization: `Bearer ${token}`, ...(exp ? { expiresAt: exp } : {}) };
    return {
        get: async () => (usable() ? creds : expired()),
        refresh: async () => false,
    };
}
/** The `exp` of a JWT (epoch ms), without verifying it: only to know when to stop using it. */
function jwtExpiry(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const exp = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).exp;
        return typeof exp === 'number' ? exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/kube-api.ts
// A small Kubernetes REST and watch client on core's HTTP transport: GET and LIST as JSON, WATCH
// as a stream of newline-delimited JSON events, the kubeconfig's TLS settings and proxy, and
// credentials that renew (exec plugins, token files). Written here instead of using client-node,
// whose import alone costs ~260 ms and ~126 MiB RSS at start-up (docs/decisions.md, "Kube
// transport"); what a rollout wait needs is a few GETs and a watch.


class KubeApiError extends Error {
    code;
    status;
    reason;
    phase;
    constructor(code, message, 
    /** The HTTP status, for code HTTP. */
    status, 
    /** The Status object's reason (NotFound, Forbidden, Expired, ...), when the server sent one. */
    reason, 
    /** How far the request got (core's HttpPhase); `response` for an HTTP status. */
    phase = 'response') {
        super(message);
        this.code = code;
        this.status = status;
        this.reason = reason;
        this.phase = phase;
        this.name = 'KubeApiError';
    }
    /** Worth trying again: the network, a timeout, throttling or a server-side error. */
    get retryable() {
        if (this.code === 'NETWORK' || this.code === 'TIMEOUT')
            return true;
        return (this.code === 'HTTP' &&
            (this.status === 429 || (this.status !== undefined && this.status >= 500)));
    }
    /** A failure to reach or talk to the server (not an answer about an object). */
    get isConnectionError() {
        return (this.code === 'NETWORK' ||
            this.code === 'TIMEOUT' ||
            this.status === 401 ||
            this.status === 403 ||
            (this.code === 'HTTP' && this.status === undefined));
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
const STATUS_TEXT = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    409: 'Conflict',
    410: 'Gone',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
};
/** A transport failure as the client's error, naming the server (never its userinfo). */
function networkError(err, server) {
    if (err instanceof KubeApiError)
        return err;
    if (!(err instanceof HttpError))
        return new KubeApiError('NETWORK', `network error talking to ${server}: ${String(err)}`, undefined, undefined, 'sent');
    const p = err.phase;
    switch (err.code) {
        case 'CONNECTION_REFUSED':
            return new KubeApiError('NETWORK', `cannot connect to the API server at ${server}: ${err.message}`, undefined, undefined, p);
        case 'DNS':
            return new KubeApiError('NETWORK', `cannot resolve the API server's host ${server}: ${err.message}`, undefined, undefined, p);
        case 'TLS':
            return new KubeApiError('HTTP', `TLS verification of the API server ${server} failed (${err.message.replace(/^TLS error: /, '')}): check the kubeconfig's certificate-authority`, undefined, 'TLS', p);
        case 'CONNECTION_RESET':
            return new KubeApiError('NETWORK', `the connection to ${server} was reset`, undefined, undefined, p);
        case 'PROXY':
            // A proxy that refuses (403, 407) or a proxy setting we cannot use will not change.
            return /refused the tunnel \(5\d\d/.test(err.message)
                ? new KubeApiError('NETWORK', `cannot reach the API server at ${server}: ${err.message}`, undefined, undefined, p)
                : new KubeApiError('HTTP', `cannot reach the API server at ${server}: ${err.message}`, undefined, 'ProxyRefused', p);
        case 'ABORTED':
            return new KubeApiError('ABORTED', 'request aborted', undefined, undefined, p);
        case 'TIMEOUT':
            return new KubeApiError('TIMEOUT', `request to the API server timed out (${err.message})`, undefined, undefined, p);
        default:
            return new KubeApiError('NETWORK', `network error talking to ${server}: ${err.message}`, undefined, undefined, p);
    }
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
    const text = STATUS_TEXT[status];
    const message = parsed?.message ? parsed.message : `HTTP ${status} ${text ?? ''}`.trim();
    return new KubeApiError('HTTP', message, status, parsed?.reason || text?.replace(/\s+/g, ''));
}
/** The credential source a connection implies (exec plugin, auth-provider, token file, static). */
function connectionCredentials(conn, o = {}) {
    if (conn.exec)
        return execCredentials(conn.exec, {
            env: o.env ?? process.env,
            cluster: {
                server: conn.server,
                caData: conn.ca?.toString('base64'),
                insecureSkipTlsVerify: conn.insecureSkipTlsVerify,
            },
            timeoutMs: o.pluginTimeoutMs,
            signal: o.signal,
            onSecret: o.onSecret,
            run: o.run,
        });
    if (conn.authProvider)
        return authProviderCredentials(conn.authProvider, userWhere(conn));
    if (conn.tokenFile && !conn.token)
        return tokenFileCredentials(conn.tokenFile, { onSecret: o.onSecret, readFile: o.readFile });
    return staticCredentials(conn);
}
/** `user 'eks-admin' (context 'prod' from $KUBECONFIG)`, for messages about credentials. */
function userWhere(conn) {
    return conn.user
        ? `user '${conn.user}' (context '${conn.context}' from ${conn.source})`
        : `context '${conn.context}' from ${conn.source}`;
}
const sameCert = (a, b) => (a && b ? a.equals(b) : a === b);
/** The real client, over core's HttpTransport with keep-alive pools (close() ends them). */
class KubeApiClient {
    conn;
    options;
    base;
    credentials;
    sent = 0;
    /** GETs share a few warm connections; each watch holds its own socket for minutes. */
    pools;
    constructor(conn, options = {}) {
        this.conn = conn;
        this.options = options;
        this.base = new URL(conn.server);
        this.credentials = options.authorization
            ? { get: async () => ({ authorization: options.authorization }), refresh: async () => false }
            : (options.credentials ?? connectionCredentials(conn, { env: options.env }));
    }
    get requests() {
        return this.sent;
    }
    close() {
        this.pools?.rest.close();
        this.pools?.watch.close();
        this.pools = undefined;
    }
    /** The pools for these credentials: a new client certificate means new TLS connections. */
    transports(creds) {
        const cert = creds.clientCert ?? this.conn.clientCert;
        const key = creds.clientKey ?? this.conn.clientKey;
        if (this.pools && sameCert(this.pools.cert, cert) && sameCert(this.pools.key, key))
            return this.pools;
        this.close();
        const c = this.conn;
        const common = {
            keepAlive: true,
            ca: c.ca,
            cert,
            key,
            servername: c.tlsServerName,
            insecure: c.insecureSkipTlsVerify,
            proxy: c.proxyUrl,
            proxyName: `cluster '${c.cluster ?? ''}' in ${c.source}: proxy-url`,
            env: this.options.env,
            userAgent: this.options.userAgent ?? 'cicd-actions/kube',
        };
        // Twenty workloads start with twenty LISTs at once: four connections serve them faster than
        // twenty TLS handshakes. Watches get an unbounded pool so they never starve the GETs.
        this.pools = {
            rest: new HttpTransport({ ...common, maxSockets: 4 }),
            watch: new HttpTransport(common),
            cert,
            key,
        };
        return this.pools;
    }
    headers(creds) {
        const h = { accept: 'application/json' };
        if (creds.authorization)
            h.authorization = creds.authorization;
        if (this.conn.impersonate)
            h['impersonate-user'] = this.conn.impersonate;
        return h;
    }
    url(path, query) {
        return new URL(this.base.pathname.replace(/\/$/, '') + path + queryString(query), this.base);
    }
    outcome(err, value) {
        this.options.onOutcome?.(err);
        if (err)
            throw err;
        return value;
    }
    /** The 401 after a renewal (or with nothing to renew): name the user entry when it renewed. */
    unauthorized(body, renewed) {
        if (!renewed || !this.credentials.renewal)
            return statusError(401, body, this.conn);
        return new KubeApiError('HTTP', `the API server rejected the credentials (401 Unauthorized) of ${userWhere(this.conn)}, also after ${this.credentials.renewal}: the plugin's credentials are wrong or not allowed on this cluster`, 401, 'Unauthorized');
    }
    async credentialsFor(signal) {
        try {
            return await this.credentials.get(signal);
        }
        catch (err) {
            throw new KubeApiError('HTTP', `cannot get credentials for ${userWhere(this.conn)}: ${err.message}`, undefined, 'Credentials', 'connect');
        }
    }
    get(path, query, opts = {}) {
        return this.send('GET', path, query, undefined, opts);
    }
    patch(path, body, opts = {}) {
        return this.send('PATCH', path, undefined, JSON.stringify(body), opts);
    }
    async send(method, path, query, payload, opts) {
        const timeoutMs = opts.timeoutMs ?? this.options.requestTimeoutMs ?? 15_000;
        const url = this.url(path, query);
        let renewed = false;
        for (;;) {
            let creds;
            let res;
            try {
                if (opts.signal?.aborted)
                    throw new KubeApiError('ABORTED', 'request aborted', undefined, undefined, 'connect');
                creds = await this.credentialsFor(opts.signal);
                this.sent++;
                res = await this.transports(creds).rest.request({
                    url,
                    method,
                    body: payload,
                    headers: payload === undefined
                        ? this.headers(creds)
                        : { ...this.headers(creds), 'content-type': 'application/merge-patch+json' },
                    timeoutMs,
                    signal: opts.signal,
                    maxBodyBytes: this.options.maxBodyBytes ?? 64 * 1024 * 1024,
                });
            }
            catch (err) {
                const e = networkError(err, this.conn.displayServer);
                if (e.code === 'TIMEOUT')
                    return this.outcome(new KubeApiError('TIMEOUT', `request to the API server timed out after ${timeoutMs} ms`, undefined, undefined, e.phase));
                return this.outcome(e);
            }
            const body = res.body.toString('utf8');
            if (res.status === 401) {
                if (!renewed && (await this.renew(creds, opts.signal))) {
                    renewed = true;
                    continue;
                }
                return this.outcome(this.unauthorized(body, renewed));
            }
            if (res.status < 200 || res.status > 299)
                return this.outcome(statusError(res.status, body, this.conn));
            if (res.truncated)
                return this.outcome(new KubeApiError('HTTP', `the API server's answer to ${path} is larger than ${this.options.maxBodyBytes ?? 64 * 1024 * 1024} bytes`, res.status));
            try {
                return this.outcome(undefined, JSON.parse(body));
            }
            catch {
                return this.outcome(new KubeApiError('HTTP', `the API server answered ${path} with something that is not JSON`, res.status));
            }
        }
    }
    async renew(used, signal) {
        try {
            return await this.credentials.refresh(used, signal);
        }
        catch (err) {
            throw this.outcome(new KubeApiError('HTTP', `the API server rejected the credentials (401 Unauthorized) of ${userWhere(this.conn)}, and renewing them failed: ${err.message}`, 401, 'Unauthorized'));
        }
    }
    async watch(path, query, onEvent, opts = {}) {
        if (opts.signal?.aborted)
            return;
        const idleMs = opts.idleTimeoutMs ?? 60_000;
        const url = this.url(path, { ...query, watch: 'true' });
        let renewed = false;
        for (;;) {
            const controller = new AbortController();
            const onAbort = () => controller.abort();
            opts.signal?.addEventListener('abort', onAbort, { once: true });
            let timedOut = false;
            let timer;
            const arm = () => {
                clearTimeout(timer);
                timer = setTimeout(() => {
                    timedOut = true;
                    controller.abort();
                }, idleMs);
            };
            try {
                const creds = await this.credentialsFor(opts.signal);
                arm();
                this.sent++;
                const stream = await this.transports(creds).watch.stream({
                    url,
                    headers: this.headers(creds),
                    timeoutMs: idleMs,
                    signal: controller.signal,
                });
                try {
                    if (stream.status !== 200) {
                        const chunks = [];
                        for await (const c of stream.chunks())
                            chunks.push(c);
                        const body = Buffer.concat(chunks).toString('utf8');
                        if (stream.status === 401) {
                            if (!renewed && (await this.renew(creds, opts.signal))) {
                                renewed = true;
                                continue;
                            }
                            throw this.unauthorized(body, renewed);
                        }
                        throw statusError(stream.status, body, this.conn);
                    }
                    this.options.onOutcome?.(undefined);
                    arm();
                    // Bytes kept until their line ends (a line may span chunks, a chunk hold hundreds of
                    // lines: scan each chunk once, never re-copy what follows every line).
                    let partial = [];
                    for await (const chunk of stream.chunks()) {
                        arm();
                        let start = 0;
                        let nl;
                        while ((nl = chunk.indexOf(0x0a, start)) >= 0) {
                            const piece = chunk.subarray(start, nl);
                            start = nl + 1;
                            const bytes = partial.length ? Buffer.concat([...partial, piece]) : piece;
                            partial = [];
                            const line = bytes.toString('utf8').trim();
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
                        if (start < chunk.length)
                            partial.push(chunk.subarray(start));
                    }
                    return;
                }
                finally {
                    stream.close();
                }
            }
            catch (err) {
                if (opts.signal?.aborted)
                    return;
                if (timedOut)
                    return this.outcome(new KubeApiError('TIMEOUT', `the watch was silent for ${idleMs} ms`, undefined, undefined, 'response'));
                if (err instanceof HttpError && err.phase === 'response')
                    return this.outcome(new KubeApiError('NETWORK', 'the watch connection was cut', undefined, undefined, 'response'));
                return this.outcome(networkError(err, this.conn.displayServer));
            }
            finally {
                clearTimeout(timer);
                opts.signal?.removeEventListener('abort', onAbort);
            }
        }
    }
}
/**
 * A client for a connection, its credentials fetched once first (so a broken plugin fails here,
 * with its message) and renewed from then on.
 */
async function createKubeApi(conn, options = {}) {
    const credentials = options.credentials ??
        connectionCredentials(conn, {
            env: options.env,
            onSecret: options.onSecret,
            pluginTimeoutMs: options.pluginTimeoutMs,
            signal: options.signal,
            run: options.run,
        });
    const first = await credentials.get(options.signal);
    if (first.authorization) {
        options.onSecret?.(first.authorization);
        options.onSecret?.(first.authorization.replace(/^\S+\s+/, ''));
    }
    if (first.clientKey)
        options.onSecret?.(first.clientKey.toString('utf8'));
    return new KubeApiClient(conn, { ...options, credentials });
}

;// CONCATENATED MODULE: ./packages/kube/src/diagnostics.ts

/**
 * Container waiting reasons that make a pod broken. The back-off states (`ImagePullBackOff`, and
 * `CrashLoopBackOff` past its restart count) and `InvalidImageName` mean the kubelet already
 * retried or cannot: fail at once. `ErrImagePull` and `CreateContainerConfigError` often heal in
 * seconds (a registry's 429, a Secret created a moment later): they count only once they have
 * persisted for TRANSIENT_GRACE_MS (see TRANSIENT_WAITING_REASONS).
 */
const FATAL_WAITING_REASONS = [
    'ImagePullBackOff',
    'ErrImagePull',
    'CreateContainerConfigError',
    'InvalidImageName',
];
/** Reasons that fail only after persisting for the grace (`PodProblem.transient`). */
const TRANSIENT_WAITING_REASONS = ['ErrImagePull', 'CreateContainerConfigError'];
/** How long ErrImagePull / CreateContainerConfigError must persist before fail-fast counts them. */
const TRANSIENT_GRACE_MS = 10_000;
/**
 * Whether a pod is broken: a container waiting for a reason in FATAL_WAITING_REASONS (the
 * transient ones marked `transient`), or crash-looping with at least `crashLoopRestarts` restarts
 * (one crash can be a fluke).
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
                ...(TRANSIENT_WAITING_REASONS.includes(waiting.reason)
                    ? { transient: true }
                    : {}),
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
    const list = await api.get(`/apis/apps/v1/namespaces/${ns(ref)}/replicasets`, { labelSelector: labelSelectorString(deployment.spec?.selector) || undefined }, { signal });
    return newReplicaSetIn(deployment, list.items ?? []);
}
/** The new ReplicaSet among `replicaSets` (any in the namespace; ownership decides). */
function newReplicaSetIn(deployment, replicaSets) {
    const revision = deployment.metadata?.annotations?.[REVISION_ANNOTATION];
    const owned = replicaSets.filter((rs) => ownedBy(rs.metadata, deployment.metadata));
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
    const replicaSets = ref.kind === 'Deployment'
        ? ((await api.get(`/apis/apps/v1/namespaces/${ns(ref)}/replicasets`, { labelSelector: selector }, { signal })).items ?? [])
        : [];
    return newRevisionPodsIn(ref, workload, list.items ?? [], replicaSets);
}
/**
 * The pods of the revision being rolled out among `pods` (any in the namespace: ownership and
 * revision labels decide), with the Deployment's new ReplicaSet found among `replicaSets`.
 */
function newRevisionPodsIn(ref, workload, pods, replicaSets) {
    if (ref.kind === 'Deployment') {
        const rs = newReplicaSetIn(workload, replicaSets);
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

// EXTERNAL MODULE: ./packages/core/src/runner.ts + 22 modules
var runner = __webpack_require__(8207);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/action.ts
var action = __webpack_require__(5171);
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

;// CONCATENATED MODULE: ./packages/core/src/index.ts













// EXTERNAL MODULE: ./packages/core/src/preview.ts
var preview = __webpack_require__(6485);
;// CONCATENATED MODULE: ./packages/kube/src/expected-images.ts
// Expected images: wait until a workload's pod template carries the images a CD tool is about to
// apply (`container=image`, or a bare image matched by its repository), before judging its
// rollout — otherwise the old, fully rolled-out template passes for the new release.

const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// No whitespace, no scheme; a reference as `docker pull` takes it.
const IMAGE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;
/** `ghcr.io/acme/api:1.2.3@sha256:…` → `ghcr.io/acme/api` (the tag and digest dropped). */
function imageRepository(image) {
    const noDigest = image.split('@')[0];
    const colon = noDigest.lastIndexOf(':');
    return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}
/** One line of the `images` input. */
function parseExpectedImage(text) {
    const item = text.trim();
    const eq = item.indexOf('=');
    const container = eq >= 0 ? item.slice(0, eq).trim() : undefined;
    const image = (eq >= 0 ? item.slice(eq + 1) : item).trim();
    if (container !== undefined && !CONTAINER_NAME.test(container))
        return {
            ok: false,
            reason: `${(0,preview/* preview */.V)(item)}: ${(0,preview/* preview */.V)(container)} is not a container name (lowercase letters, digits and '-')`,
        };
    // An image reference is at most 255 characters of name plus a tag or digest (OCI distribution).
    if (!image || image.length > 512 || !IMAGE.test(image) || /:\/\/|:$|@$/.test(image))
        return {
            ok: false,
            reason: `${(0,preview/* preview */.V)(item)} is not an image reference (e.g. ghcr.io/acme/api:1.2.3, or app=ghcr.io/acme/api:1.2.3)`,
        };
    return { ok: true, value: container ? { container, image } : { image } };
}
function containers(obj) {
    const spec = obj.spec?.template?.spec;
    return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}
/**
 * What the pod template still lacks: one line per expected image it does not carry yet, saying
 * what it has instead; empty when it carries them all.
 */
function missingImages(obj, expected) {
    const have = containers(obj);
    const missing = [];
    for (const e of expected) {
        if (e.container) {
            const c = have.find((x) => x.name === e.container);
            if (c?.image !== e.image)
                missing.push(`${e.container}=${e.image} (${c ? `it has ${c.image ?? 'no image'}` : 'no such container yet'})`);
            continue;
        }
        const repo = imageRepository(e.image);
        const same = have.filter((x) => x.image && imageRepository(x.image) === repo);
        if (!same.length || same.some((x) => x.image !== e.image))
            missing.push(`${e.image} (${same.length ? `it has ${[...new Set(same.map((x) => x.image))].join(', ')}` : `no container runs ${repo} yet`})`);
    }
    return missing;
}

;// CONCATENATED MODULE: ./packages/kube/src/watch-rollout.ts
// Waiting for several workloads' rollouts at once under one deadline, as `kubectl rollout status`
// decides each. One LIST+WATCH per collection (kind and namespace) serves every target in it:
// list, then watch from the list's resourceVersion (relist on 410 Gone, rewatch with backoff when
// the stream ends or breaks), a relist every ~20 s in case a watch goes silent, and — when the
// watch itself is forbidden (403/405: RBAC with get+list but no watch) — polling by relisting
// with client-go's reflector backoff (0.8 s doubling to 30 s), as kubectl does. With fail-fast,
// one look at a namespace's pods (and ReplicaSets) serves every target in it.






const trimMessage = (m) => m.replace(/\s+$/, '');
/** The reflector's backoff: 0.8 s, 1.6 s, ... capped at 30 s, with up to 100 % jitter (capped too). */
function pollDelay(attempt, o, random = Math.random) {
    const base = Math.min(o.pollMaxMs, o.pollInitialMs * 2 ** Math.max(0, attempt - 1));
    return Math.min(o.pollMaxMs, Math.round(base * (1 + random())));
}
/** Follows one workload's views (from its collection's watch) until done, failed or timed out. */
class RolloutFollower {
    ref;
    o;
    started;
    object;
    message = 'Waiting for the workload to be read...';
    result;
    lastReported;
    resolveFinished;
    finished = new Promise((resolve) => (this.resolveFinished = resolve));
    /** Set when a fresh view wants its pods looked at soon. */
    onViewed;
    /** The pod template does not carry the expected images yet: nothing of it to judge. */
    awaitingTemplate = false;
    constructor(ref, o) {
        this.ref = ref;
        this.o = o;
        this.started = o.clock.now();
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
        this.o.onResult?.(this.result);
        this.resolveFinished(this.result);
    }
    /** The shared deadline passed (or the caller aborted); `lastError` says why nothing came. */
    timeOut(lastError) {
        this.finish('timed-out', withLastError(this.message, lastError), 'Timeout');
    }
    report() {
        if (!this.o.onProgress || this.isFinished)
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
        if (this.o.images.length) {
            const missing = missingImages(obj, this.o.images);
            this.awaitingTemplate = missing.length > 0;
            if (this.awaitingTemplate) {
                this.message = `Waiting for the pod template of ${(0,workload_ref/* formatWorkloadRef */.Ab)(this.ref)} to carry ${missing.join(', ')}...`;
                return this.report();
            }
        }
        const status = rolloutStatus(this.ref.kind, obj);
        if (status.error) {
            // kubectl's status viewer returns the error and kubectl stops, whatever its flags:
            // ProgressDeadlineExceeded fails with or without fail-fast.
            this.message = status.error;
            return this.finish('failed', status.error, status.reason);
        }
        this.message = trimMessage(status.message);
        if (status.done)
            return this.finish('ready', status.message);
        this.report();
        this.onViewed?.();
    }
    deleted() {
        this.finish('failed', `${(0,workload_ref/* formatWorkloadRef */.Ab)(this.ref)} was deleted while waiting for its rollout`, 'Deleted');
    }
    notFound(namespaceMissing) {
        if (namespaceMissing)
            return this.finish('failed', `namespaces "${this.ref.namespace}" not found`, 'NamespaceNotFound');
        this.finish('failed', `${(0,workload_ref/* workloadResourceName */.L2)(this.ref.kind)} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`, 'NotFound');
    }
    failOn(err) {
        const reason = err.status === 404 ? 'NotFound' : (err.reason ?? `HTTP${err.status ?? ''}`);
        this.finish('failed', err.message, reason);
    }
}
/** What the watchers of one wait share: settings, the stop signal, the namespace look-ups. */
class Shared {
    o;
    stop = new AbortController();
    namespaces = new Map();
    noticed = new Set();
    /**
     * The last error of a request that will be retried (a refused connection, a proxy's refusal,
     * a 5xx), cleared by a successful list: what a wait that times out says about why.
     */
    lastError;
    constructor(o) {
        this.o = o;
    }
    noteError(err) {
        if (err instanceof KubeApiError && err.code !== 'ABORTED')
            this.lastError = err.message;
    }
    get pastDeadline() {
        return this.o.clock.now() >= this.o.deadline;
    }
    /** Never past the deadline, and never 0 ms: a loop must yield to the timers, the deadline's included. */
    async sleep(ms, signal = this.stop.signal) {
        await this.o.clock.sleep(Math.max(1, Math.min(ms, this.o.deadline - this.o.clock.now())), signal);
    }
    /** Whether the namespace is known to be missing (a 404 on it); asked once per namespace. */
    namespaceMissing(namespace) {
        let answer = this.namespaces.get(namespace);
        if (!answer) {
            answer = this.o.api
                .get(`/api/v1/namespaces/${encodeURIComponent(namespace)}`, undefined, {
                signal: this.stop.signal,
            })
                .then(() => false, 
            // A 403 (a namespaced account may not read namespaces) says nothing: keep kubectl's
            // answer about the workload then.
            (err) => err instanceof KubeApiError && err.status === 404);
            this.namespaces.set(namespace, answer);
        }
        return answer;
    }
    notice(key, line) {
        if (this.noticed.has(key))
            return;
        this.noticed.add(key);
        this.o.onNotice?.(line);
    }
}
/** A timed-out wait's message, with the last connection error when there was one. */
const withLastError = (message, lastError) => lastError ? `${message.replace(/\s+$/, '')} (last error: ${lastError})` : message;
/** Client errors that will not change by asking again (but 410 is handled by relisting). */
const isFinal = (err) => err instanceof KubeApiError && !err.retryable && err.code !== 'ABORTED' && err.status !== 410;
/** One LIST+WATCH of a collection (kind, namespace), dispatching to every target in it. */
class CollectionWatch {
    s;
    path;
    resource;
    namespace;
    followers = new Map();
    done = new AbortController();
    polling = false;
    /**
     * @param path the collection, e.g. /apis/apps/v1/namespaces/x/deployments
     * @param resource how the server names the resource in messages (`deployments.apps`)
     */
    constructor(s, path, resource, namespace) {
        this.s = s;
        this.path = path;
        this.resource = resource;
        this.namespace = namespace;
    }
    /** How many followers have not finished (counted down: 200 finishing must not scan 200 × 200). */
    unfinished = 0;
    /** Targets come deduplicated (inputs.ts), so a name is added once. */
    add(f) {
        this.followers.set(f.ref.name, f);
        this.unfinished++;
        void f.finished.then(() => {
            if (--this.unfinished === 0)
                this.done.abort();
        });
    }
    get open() {
        return [...this.followers.values()].filter((f) => !f.isFinished);
    }
    get signal() {
        return AbortSignal.any([this.s.stop.signal, this.done.signal]);
    }
    get finished() {
        return this.done.signal.aborted || this.s.stop.signal.aborted;
    }
    /** One object: the server filters by name; several: the whole collection, filtered here. */
    get fieldSelector() {
        return this.followers.size === 1 ? `metadata.name=${[...this.followers.keys()][0]}` : undefined;
    }
    failAll(err) {
        for (const f of this.open)
            f.failOn(err);
    }
    /** Lists, hands every target its object, and answers the resourceVersion to watch from. */
    async list() {
        const list = await this.s.o.api.get(this.path, { fieldSelector: this.fieldSelector }, { signal: this.signal });
        const byName = new Map();
        for (const item of list.items ?? [])
            if (item.metadata?.name)
                byName.set(item.metadata.name, item);
        const missing = [];
        for (const f of this.open) {
            const obj = byName.get(f.ref.name);
            if (obj)
                f.consider(obj);
            else
                missing.push(f);
        }
        if (missing.length) {
            const nsMissing = byName.size === 0 && (await this.s.namespaceMissing(this.namespace));
            for (const f of missing)
                f.notFound(nsMissing);
        }
        return list.metadata?.resourceVersion;
    }
    onEvent(event, watchStop, state) {
        if (event.type === 'ERROR') {
            const status = event.object;
            // 410 Gone / Expired: our resourceVersion is too old to resume from; list again.
            if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
                state.needList = true;
            watchStop.abort();
            return;
        }
        state.received = true;
        const obj = event.object;
        if (obj.metadata?.resourceVersion)
            state.rv = obj.metadata.resourceVersion;
        if (event.type === 'BOOKMARK')
            return;
        const f = this.followers.get(obj.metadata?.name ?? '');
        if (!f)
            return;
        if (event.type === 'DELETED')
            return f.deleted();
        f.consider(obj);
    }
    watchForbidden(err) {
        this.polling = true;
        this.s.notice(`poll:${this.path}`, `Watching ${this.resource} in namespace ${this.namespace} is not allowed (${err.status} ${err.reason ?? ''}: ${err.message}); ` +
            `polling instead, as kubectl does: relisting with backoff from ${this.s.o.pollInitialMs / 1000} s to ${this.s.o.pollMaxMs / 1000} s`);
    }
    /** list → watch → (rewatch | relist) until every target here is finished. */
    async run() {
        const state = {
            needList: true,
            received: false,
        };
        let failures = 0;
        let polls = 0;
        void this.backstop();
        while (!this.finished) {
            try {
                if (state.needList) {
                    state.rv = await this.list();
                    this.s.lastError = undefined;
                    state.needList = false;
                    if (this.finished)
                        return;
                }
                const watchStop = new AbortController();
                const signal = AbortSignal.any([this.signal, watchStop.signal]);
                state.received = false;
                const remainingS = Math.max(1, Math.ceil((this.s.o.deadline - this.s.o.clock.now()) / 1000));
                try {
                    await this.s.o.api.watch(this.path, {
                        fieldSelector: this.fieldSelector,
                        resourceVersion: state.rv,
                        allowWatchBookmarks: 'true',
                        timeoutSeconds: String(Math.min(remainingS + 5, 600)),
                    }, (event) => {
                        if (!this.finished)
                            this.onEvent(event, watchStop, state);
                    }, { signal, idleTimeoutMs: this.s.o.watchIdleMs });
                }
                catch (err) {
                    if (err instanceof KubeApiError && (err.status === 403 || err.status === 405)) {
                        // Allowed to list but not to watch: poll by relisting with the reflector's backoff,
                        // trying the watch again each round (RBAC may change), as client-go does.
                        if (this.finished)
                            return;
                        this.watchForbidden(err);
                        polls++;
                        await this.s.sleep(pollDelay(polls, this.s.o, this.s.o.random), this.signal);
                        state.needList = true;
                        continue;
                    }
                    throw err;
                }
                if (this.polling && state.received) {
                    this.polling = false;
                    polls = 0;
                }
                if (this.finished)
                    return;
                if (state.needList)
                    continue;
                // The server ended the watch (its timeout, a restart): resume from where we were.
                failures = state.received ? 0 : failures + 1;
                if (failures > 0)
                    await this.s.sleep(backoffDelay(failures, { initialMs: 100, maxMs: this.s.o.maxBackoffMs, jitter: true }, this.s.o.random), this.signal);
            }
            catch (err) {
                if (this.finished)
                    return;
                if (err instanceof KubeApiError && err.status === 410) {
                    state.needList = true;
                    continue;
                }
                if (isFinal(err))
                    return this.failAll(err);
                this.s.noteError(err);
                failures++;
                await this.s.sleep(backoffDelay(failures, { initialMs: 100, maxMs: this.s.o.maxBackoffMs, jitter: true }, this.s.o.random), this.signal);
            }
        }
    }
    /** Against a watch that stays open but says nothing: relist now and then. */
    async backstop() {
        while (!this.finished && !this.s.pastDeadline) {
            await this.s.sleep(this.s.o.backstopMs, this.signal);
            if (this.finished || this.s.pastDeadline)
                return;
            try {
                await this.list();
            }
            catch {
                // Anything else is the watch loop's to handle.
            }
        }
    }
}
/** Fail-fast's look at the pods: one LIST of a namespace's pods (and ReplicaSets) for all its targets. */
class PodChecker {
    s;
    namespace;
    followers = [];
    running = false;
    lastCheck = -Infinity;
    /** `pod/container/reason` → when first seen, for the transient reasons' grace. */
    firstSeen = new Map();
    constructor(s, namespace) {
        this.s = s;
        this.namespace = namespace;
    }
    add(f) {
        this.followers.push(f);
        // A busy rollout sends many events; looking at its pods twice a second is enough.
        f.onViewed = () => {
            if (this.s.o.clock.now() - this.lastCheck >= Math.min(500, this.s.o.podCheckMs))
                void this.check();
        };
    }
    get waiting() {
        // Until the controller has observed the current template, the "new revision" on record is
        // the previous one (a rollback right after a bad release would be judged by the bad pods).
        return this.followers.filter((f) => !f.isFinished &&
            f.object &&
            !f.awaitingTemplate &&
            (f.object.status?.observedGeneration ?? 0) >= (f.object.metadata?.generation ?? 0));
    }
    /** One target: its selector narrows the list; several: the namespace's pods, matched here. */
    selector(of) {
        if (of.length !== 1)
            return undefined;
        const sel = of[0].object?.spec?.selector;
        return sel ? labelSelectorString(sel) || undefined : undefined;
    }
    async check() {
        const waiting = this.waiting;
        if (this.running || !waiting.length)
            return;
        this.running = true;
        this.lastCheck = this.s.o.clock.now();
        const ns = encodeURIComponent(this.namespace);
        try {
            const deployments = waiting.filter((f) => f.ref.kind === 'Deployment');
            const [pods, replicaSets] = await Promise.all([
                this.s.o.api.get(`/api/v1/namespaces/${ns}/pods`, { labelSelector: this.selector(waiting) }, { signal: this.s.stop.signal }),
                deployments.length
                    ? this.s.o.api.get(`/apis/apps/v1/namespaces/${ns}/replicasets`, { labelSelector: this.selector(deployments) }, { signal: this.s.stop.signal })
                    : Promise.resolve({ items: [] }),
            ]);
            const now = this.s.o.clock.now();
            const seen = new Set();
            for (const f of waiting) {
                if (f.isFinished || !f.object)
                    continue;
                const { pods: mine } = newRevisionPodsIn(f.ref, f.object, pods.items ?? [], replicaSets.items ?? []);
                for (const pod of mine) {
                    const problem = podProblem(pod, this.s.o.crashLoopRestarts);
                    if (!problem)
                        continue;
                    if (problem.transient) {
                        const key = `${problem.pod}/${problem.container}/${problem.reason}`;
                        seen.add(key);
                        const first = this.firstSeen.get(key) ?? now;
                        this.firstSeen.set(key, first);
                        if (now - first < this.s.o.transientGraceMs)
                            continue;
                        problem.persistedMs = now - first;
                    }
                    const restarts = problem.reason === 'CrashLoopBackOff' ? ` after ${problem.restarts} restarts` : '';
                    const persisted = problem.persistedMs !== undefined
                        ? ` for ${Math.round(problem.persistedMs / 1000)} s`
                        : '';
                    f.finish('failed', `pod ${problem.pod} of the new revision: container ${problem.container} is in ${problem.reason}${persisted}${restarts}${problem.message ? ` (${problem.message})` : ''}`, problem.reason, problem);
                    break;
                }
            }
            // A transient reason that went away starts its grace again if it comes back.
            for (const key of [...this.firstSeen.keys()])
                if (!seen.has(key))
                    this.firstSeen.delete(key);
        }
        catch {
            // A failed look at the pods is retried on the next tick; it never fails the rollout.
        }
        finally {
            this.running = false;
        }
    }
    async run() {
        while (!this.s.stop.signal.aborted && !this.s.pastDeadline) {
            await this.s.sleep(this.s.o.podCheckMs);
            if (this.s.stop.signal.aborted)
                return;
            if (this.followers.every((f) => f.isFinished))
                return;
            await this.check();
        }
    }
}
/**
 * Waits for every target's rollout, concurrently, until all are done or failed or the deadline
 * passes. Results are in the order of `targets`; it never throws for a workload's failure.
 * Targets in the same collection (kind and namespace) share one LIST+WATCH.
 */
async function waitForRollouts(options) {
    const o = {
        clock: clock/* systemClock */.m,
        failFast: true,
        images: [],
        crashLoopRestarts: 2,
        transientGraceMs: TRANSIENT_GRACE_MS,
        progressIntervalMs: 5_000,
        backstopMs: 20_000,
        podCheckMs: 2_000,
        watchIdleMs: 60_000,
        maxBackoffMs: 5_000,
        pollInitialMs: 800,
        pollMaxMs: 30_000,
        random: Math.random,
        ...options,
    };
    const shared = new Shared(o);
    const followers = [];
    const collections = new Map();
    const checkers = new Map();
    for (const t of options.targets) {
        const f = new RolloutFollower(t, o);
        followers.push(f);
        const key = `${t.kind}/${t.namespace}`;
        let c = collections.get(key);
        if (!c)
            collections.set(key, (c = new CollectionWatch(shared, (0,workload_ref/* workloadCollectionPath */.J7)(t.kind, t.namespace), (0,workload_ref/* workloadResourceName */.L2)(t.kind), t.namespace)));
        c.add(f);
        if (o.failFast) {
            let p = checkers.get(t.namespace);
            if (!p)
                checkers.set(t.namespace, (p = new PodChecker(shared, t.namespace)));
            p.add(f);
        }
    }
    const timer = new AbortController();
    const timeOutAll = () => followers.forEach((f) => f.timeOut(shared.lastError));
    options.signal?.addEventListener('abort', timeOutAll, { once: true });
    void o.clock.sleep(Math.max(0, o.deadline - o.clock.now()), timer.signal).then(() => {
        if (!timer.signal.aborted)
            timeOutAll();
    });
    const heartbeat = async () => {
        while (!shared.stop.signal.aborted && !shared.pastDeadline) {
            await shared.sleep(o.progressIntervalMs);
            if (shared.stop.signal.aborted || shared.pastDeadline)
                return;
            for (const f of followers)
                f.report();
        }
    };
    for (const c of collections.values())
        void c.run();
    for (const p of checkers.values())
        void p.run();
    void heartbeat();
    try {
        return await Promise.all(followers.map((f) => f.finished));
    }
    finally {
        shared.stop.abort();
        timer.abort();
        options.signal?.removeEventListener('abort', timeOutAll);
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/cluster-session.ts
// One cluster session for every action that talks to Kubernetes: from the kubeconfig input (or
// $KUBECONFIG, ~/.kube/config, the in-cluster service account) to a ready API client, with the
// error mapping (a bad input is an InputError naming it), credentials that renew, the proxy,
// masking, a printable server, cancellation, the time kept for diagnostics inside the deadline,
// and the last connection error for a wait that timed out. See README.md, "One cluster session".





/** A signal that aborts when any of them does; an absent one is ignored. */
function anySignal(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return AbortSignal.any([a, b]);
}
/** Failures that say nothing about the server's health: answers about objects, and our own aborts. */
const isObjectAnswer = (err) => err.code === 'ABORTED' || err.status === 404 || err.status === 409 || err.status === 410;
class Session {
    deadline;
    waitDeadline;
    signal;
    now;
    lastError;
    api;
    context;
    source;
    namespace;
    displayServer;
    proxy;
    constructor(conn, inner, deadline, waitDeadline, signal, now, env) {
        this.deadline = deadline;
        this.waitDeadline = waitDeadline;
        this.signal = signal;
        this.now = now;
        this.context = conn.context;
        this.source = conn.source;
        this.namespace = conn.namespace;
        this.displayServer = conn.displayServer;
        try {
            const proxy = new HttpTransport({ proxy: conn.proxyUrl, env }).proxyFor(conn.server);
            this.proxy = proxy ? (0,src_proxy/* displayProxy */.ri)(proxy) : undefined;
        }
        catch {
            // An unusable proxy setting fails the first request, with its message.
            this.proxy = undefined;
        }
        this.api = this.wrap(inner);
    }
    wrap(inner) {
        const cancel = this.signal;
        const ok = () => (this.lastError = undefined);
        const failed = (err) => {
            if (!(err instanceof KubeApiError))
                return;
            // An answer about an object (404 ...) still proves the server is reachable.
            if (isObjectAnswer(err)) {
                if (err.code !== 'ABORTED')
                    ok();
            }
            else
                this.lastError = err;
        };
        return {
            get requests() {
                return inner.requests;
            },
            close: () => inner.close(),
            ...(inner.patch
                ? {
                    async patch(path, body, opts = {}) {
                        try {
                            const value = await inner.patch(path, body, {
                                ...opts,
                                signal: anySignal(opts.signal, cancel),
                            });
                            ok();
                            return value;
                        }
                        catch (err) {
                            failed(err);
                            throw err;
                        }
                    },
                }
                : {}),
            async get(path, query, opts = {}) {
                try {
                    const value = await inner.get(path, query, {
                        ...opts,
                        signal: anySignal(opts.signal, cancel),
                    });
                    ok();
                    return value;
                }
                catch (err) {
                    failed(err);
                    throw err;
                }
            },
            async watch(path, query, onEvent, opts = {}) {
                let seen = false;
                try {
                    await inner.watch(path, query, (e) => {
                        if (!seen)
                            ok();
                        seen = true;
                        onEvent(e);
                    }, { ...opts, signal: anySignal(opts.signal, cancel) });
                }
                catch (err) {
                    failed(err);
                    throw err;
                }
            },
        };
    }
    describe() {
        const via = this.proxy ? `, via proxy ${this.proxy}` : '';
        return `${this.displayServer} (context ${this.context} from ${this.source}${via})`;
    }
    diagnosticsBudget(maxMs = 5_000) {
        const ms = Math.max(0, Math.min(maxMs, this.deadline - this.now()));
        const controller = new AbortController();
        // An already-aborted signal never fires 'abort' again: abort now instead of subscribing.
        if (ms <= 0 || this.signal?.aborted) {
            controller.abort();
            return { signal: controller.signal, ms: 0, dispose: () => { } };
        }
        const timer = setTimeout(() => controller.abort(), ms);
        const onCancel = () => controller.abort();
        this.signal?.addEventListener('abort', onCancel, { once: true });
        return {
            signal: controller.signal,
            ms,
            dispose: () => {
                clearTimeout(timer);
                this.signal?.removeEventListener('abort', onCancel);
            },
        };
    }
    close() {
        this.api.close();
    }
}
/**
 * Connects to the cluster the inputs (or the runner's environment) name. Throws InputError for
 * a problem in the inputs, ActionError for anything else (no cluster found, a credential plugin
 * that fails). Call close() when done (a finally, or the action's onCleanup).
 */
async function connectCluster(options) {
    const now = options.now ?? Date.now;
    const names = { kubeconfig: 'kubeconfig', context: 'context', ...options.inputNames };
    const content = options.kubeconfig?.trim() ?? '';
    // Proxy credentials in HTTPS_PROXY/HTTP_PROXY are masked before anything can print them.
    (0,src_proxy/* proxyEnvSecrets */.HQ)(options.env).forEach((s) => options.onSecret(s));
    let conn;
    try {
        conn = await (0,kubeconfig/* loadKubeConnection */.ic)({
            content,
            context: options.context || undefined,
            env: options.env,
            homeDir: options.homeDir,
            serviceAccountDir: options.serviceAccountDir,
            readFile: options.readFile,
            onSecret: options.onSecret,
        });
    }
    catch (err) {
        if (!(err instanceof kubeconfig.KubeconfigError))
            throw err;
        // A problem in what the workflow gave us is an input error; one in the runner's files is not.
        if (content || err.about === 'context')
            throw new errors/* InputError */.dz(err.about === 'context' ? names.context : names.kubeconfig, err.message);
        throw new errors/* ActionError */.lZ(err.message);
    }
    const left = Math.max(0, options.deadline - now());
    const reserve = Math.min(left, options.diagnosticsReserveMs ?? Math.min(5_000, left / 10));
    let api;
    try {
        api = await (options.createApi
            ? options.createApi(conn)
            : createKubeApi(conn, {
                onSecret: options.onSecret,
                userAgent: options.userAgent,
                env: options.env,
                pluginTimeoutMs: Math.max(1000, Math.min(60_000, left)),
                signal: options.signal,
                run: options.runProcess,
            }));
    }
    catch (err) {
        throw new errors/* ActionError */.lZ(`cannot get credentials for context '${conn.context}' from ${conn.source}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    return new Session(conn, api, options.deadline, options.deadline - reserve, options.signal, now, options.env);
}

;// CONCATENATED MODULE: ./packages/kube/src/resource-status.ts
const RESOURCE_KINDS = {
    Application: {
        kind: 'Application',
        group: 'argoproj.io',
        plural: 'applications',
        versionHint: 'v1alpha1',
    },
    Rollout: { kind: 'Rollout', group: 'argoproj.io', plural: 'rollouts', versionHint: 'v1alpha1' },
    HelmRelease: {
        kind: 'HelmRelease',
        group: 'helm.toolkit.fluxcd.io',
        plural: 'helmreleases',
        versionHint: 'v2',
    },
    Kustomization: {
        kind: 'Kustomization',
        group: 'kustomize.toolkit.fluxcd.io',
        plural: 'kustomizations',
        versionHint: 'v1',
    },
    Job: { kind: 'Job', group: 'batch', plural: 'jobs', versionHint: 'v1' },
};
// Singular, plural, short and qualified names, as `kubectl api-resources` lists them.
const ALIASES = {
    application: 'Application',
    applications: 'Application',
    app: 'Application',
    rollout: 'Rollout',
    rollouts: 'Rollout',
    ro: 'Rollout',
    helmrelease: 'HelmRelease',
    helmreleases: 'HelmRelease',
    hr: 'HelmRelease',
    kustomization: 'Kustomization',
    kustomizations: 'Kustomization',
    ks: 'Kustomization',
    job: 'Job',
    jobs: 'Job',
};
/** `application`, `applications.argoproj.io`, `hr`, `jobs.batch` → the kind; undefined otherwise. */
function parseResourceKind(text) {
    const lower = text.trim().toLowerCase();
    const dot = lower.indexOf('.');
    const name = dot < 0 ? lower : lower.slice(0, dot);
    if (!Object.hasOwn(ALIASES, name))
        return undefined;
    const kind = ALIASES[name];
    if (dot >= 0) {
        // `applications.argoproj.io` or `applications.v1alpha1.argoproj.io`
        const rest = lower.slice(dot + 1);
        const group = RESOURCE_KINDS[kind].group;
        if (rest !== group && !new RegExp(`^v[0-9a-z]+\\.${group.replace(/\./g, '\\.')}$`).test(rest))
            return undefined;
    }
    return kind;
}
const resource_status_short = (rev) => rev ? (/^[0-9a-f]{40}$/i.test(rev) ? rev.slice(0, 7) : rev) : '(none)';
/**
 * Whether a revision string is at the wanted SHA: a SHA, `main@sha1:<sha>`, `main/<sha>`, or a
 * chart version with the commit appended (`1.4.2+<12 hex>`, what source-controller makes of a
 * Git chart with reconcileStrategy Revision). Either may be the shorter: a wanted prefix of 7 or
 * more matches the full SHA, and the wanted full SHA matches an appended one of 12 or more.
 */
function revisionMatches(actual, wanted) {
    if (!actual)
        return false;
    const w = wanted.toLowerCase();
    const a = actual.toLowerCase();
    if (a === w)
        return true;
    const sha = /(?:^|[^0-9a-f])([0-9a-f]{7,64})$/.exec(a.split(/[:/@]/).pop() ?? '')?.[1];
    return sha !== undefined && (sha.startsWith(w) || (sha.length >= 12 && w.startsWith(sha)));
}
const cond = (obj, type) => (obj.status?.conditions ?? []).find((c) => c.type === type);
const resource_status_quote = (s) => JSON.stringify(s);
function applicationStatus(obj, o = {}) {
    const st = (obj.status ?? {});
    const syncStatus = st.sync?.status ?? 'Unknown';
    const health = st.health?.status ?? 'Unknown';
    const revisions = [st.sync?.revision, ...(st.sync?.revisions ?? [])].filter((r) => !!r);
    // The app's source revision, or each source's of a multi-source app; in messages each SHA as 7.
    const sources = st.sync?.revision ? [st.sync.revision] : (st.sync?.revisions ?? []);
    const current = sources.join(', ') || undefined;
    const shown = sources.length ? sources.map(resource_status_short).join(', ') : resource_status_short(undefined);
    const atRevision = !o.revision || revisions.some((r) => revisionMatches(r, o.revision));
    const op = st.operationState;
    const opRevisions = [
        op?.syncResult?.revision,
        ...(op?.syncResult?.revisions ?? []),
        op?.operation?.sync?.revision,
        ...(op?.operation?.sync?.revisions ?? []),
    ].filter((r) => !!r);
    const opForUs = o.revision
        ? opRevisions.some((r) => revisionMatches(r, o.revision))
        : op?.finishedAt !== undefined && o.startedAt !== undefined
            ? Date.parse(op.finishedAt) >= o.startedAt - 1000
            : false;
    const running = obj.operation !== undefined || op?.phase === 'Running' || op?.phase === 'Terminating';
    if (!running && (op?.phase === 'Failed' || op?.phase === 'Error') && opForUs) {
        const failing = (op.syncResult?.resources ?? []).filter((r) => r.status === 'SyncFailed' || r.hookPhase === 'Failed' || r.hookPhase === 'Error');
        return {
            done: false,
            failed: true,
            reason: op.phase === 'Error' ? 'SyncError' : 'SyncFailed',
            message: `the sync of ${resource_status_short(o.revision ?? opRevisions[0])} ended ${op.phase}: ${op.message ?? '(no message)'}`,
            details: failing.map((r) => `${r.kind ?? '?'}/${r.name ?? '?'}: ${r.message ?? r.status ?? r.hookPhase ?? ''}`),
            revision: current,
        };
    }
    if (!running && syncStatus === 'Synced' && atRevision && health === 'Degraded') {
        const degraded = (st.resources ?? []).filter((r) => r.health?.status === 'Degraded');
        return {
            done: false,
            failed: true,
            reason: 'Degraded',
            message: `synced at ${shown} but Degraded${st.health?.message ? `: ${st.health.message}` : ''}`,
            details: degraded.map((r) => `${r.kind ?? '?'}/${r.name ?? '?'}: Degraded${r.health?.message ? ` (${r.health.message})` : ''}`),
            revision: current,
        };
    }
    if (!running && syncStatus === 'Synced' && atRevision && health === 'Healthy')
        return {
            done: true,
            message: `application ${resource_status_quote(obj.metadata?.name ?? '')} is Synced at ${shown} and Healthy`,
            revision: current,
        };
    let message;
    if (o.revision && !atRevision)
        message = `Argo CD is at ${shown}, waiting for ${resource_status_short(o.revision)} (sync ${syncStatus}, health ${health}${running ? `, operation ${op?.phase ?? 'requested'}` : ''})`;
    else if (running)
        message = `Argo CD is syncing ${opRevisions[0] ? resource_status_short(opRevisions[0]) : shown}: operation ${op?.phase ?? 'requested'}${op?.message ? ` (${op.message})` : ''}`;
    else
        message = `Argo CD is at ${shown}: sync ${syncStatus}, health ${health}${st.health?.message ? ` (${st.health.message})` : ''}`;
    return { done: false, message, revision: current };
}
// ---------------------------------------------------------------------------------------------
// Argo Rollouts Rollout (argoproj.io/v1alpha1). The controller writes status.phase
// (Healthy|Progressing|Paused|Degraded), status.message, status.abort (true once aborted),
// status.pauseConditions[] {reason: CanaryPauseStep|BlueGreenPause|...}, status.currentStepIndex,
// and status.observedGeneration as a string.
function rolloutCrStatus(obj, o = {}) {
    const st = (obj.status ?? {});
    const name = resource_status_quote(obj.metadata?.name ?? '');
    const observed = String(st.observedGeneration ?? '') === String(obj.metadata?.generation ?? '');
    if (!observed)
        return { done: false, message: `Waiting for rollout ${name} spec update to be observed...` };
    if (st.abort)
        return {
            done: false,
            failed: true,
            reason: 'Aborted',
            message: `rollout ${name} was aborted${st.message ? `: ${st.message}` : ''}`,
        };
    if (st.phase === 'Degraded')
        return {
            done: false,
            failed: true,
            reason: 'Degraded',
            message: `rollout ${name} is Degraded${st.message ? `: ${st.message}` : ''}`,
        };
    if (st.phase === 'Healthy')
        return { done: true, message: `rollout ${name} is Healthy` };
    if (st.phase === 'Paused') {
        const reasons = (st.pauseConditions ?? []).map((p) => p.reason).filter(Boolean);
        const at = `paused${st.currentStepIndex !== undefined ? ` at step ${st.currentStepIndex}` : ''}${reasons.length ? ` (${reasons.join(', ')})` : ''}`;
        if (o.acceptPaused && reasons.every((r) => r === 'CanaryPauseStep'))
            return { done: true, message: `rollout ${name} is ${at}: accepted as done` };
        return {
            done: false,
            message: `Waiting for rollout ${name}: ${at}${st.message ? ` — ${st.message}` : ''}`,
        };
    }
    return {
        done: false,
        message: `Waiting for rollout ${name}: ${st.phase ?? 'no phase yet'}${st.message ? ` — ${st.message}` : ''}`,
    };
}
// ---------------------------------------------------------------------------------------------
// Flux HelmRelease (helm.toolkit.fluxcd.io/v2) and Kustomization (kustomize.toolkit.fluxcd.io/v1):
// kstatus conditions. Ready=True means the last reconciliation of the observed generation
// succeeded. At which source revision: a Kustomization's status.lastAppliedRevision and
// lastAttemptedRevision (`main@sha1:<sha>`); a HelmRelease's lastAttemptedRevision and, in v2,
// status.history[] (newest first) with the chartVersion of each release — the chart version, which
// carries the commit (`1.4.2+<12 hex>`) only for a Git chart with reconcileStrategy Revision
// (older API versions had lastAppliedRevision, still read when present). Stalled=True, or
// Ready=False with a failure reason, is terminal until the object or its source changes.
const FLUX_TERMINAL = new Set([
    'InstallFailed',
    'UpgradeFailed',
    'TestFailed',
    'RollbackFailed',
    'UninstallFailed',
    'ArtifactFailed',
    'InitFailed',
    'BuildFailed',
    'HealthCheckFailed',
    'ReconciliationFailed',
    'RetriesExceeded',
]);
function fluxStatus(kind, obj, o = {}) {
    const st = (obj.status ?? {});
    const label = `${kind.toLowerCase()} ${resource_status_quote(obj.metadata?.name ?? '')}`;
    // helm.toolkit.fluxcd.io/v2 dropped lastAppliedRevision: the release in place is the newest
    // snapshot of status.history (newest first) that Helm reports deployed.
    const deployed = kind === 'HelmRelease' ? st.history?.find((h) => h.status === 'deployed') : undefined;
    const applied = st.lastAppliedRevision ?? deployed?.chartVersion;
    const attempted = st.lastAttemptedRevision;
    if ((st.observedGeneration ?? 0) < (obj.metadata?.generation ?? 0))
        return {
            done: false,
            message: `Waiting for ${label} spec update to be observed...`,
            revision: applied,
        };
    const ready = cond(obj, 'Ready');
    const stalled = cond(obj, 'Stalled');
    const attemptedOurs = !o.revision || revisionMatches(attempted, o.revision);
    if (attemptedOurs &&
        (stalled?.status === 'True' ||
            (ready?.status === 'False' && FLUX_TERMINAL.has(ready.reason ?? '')))) {
        const c = stalled?.status === 'True' ? stalled : ready;
        return {
            done: false,
            failed: true,
            reason: c.reason ?? 'ReconciliationFailed',
            message: `${label} failed at ${resource_status_short(attempted)}: ${c.message ?? c.reason ?? 'Ready=False'}`,
            revision: applied,
        };
    }
    const appliedOurs = !o.revision || revisionMatches(applied, o.revision);
    if (ready?.status === 'True' && appliedOurs)
        return { done: true, message: `${label} is Ready at ${resource_status_short(applied)}`, revision: applied };
    const waiting = o.revision && !appliedOurs ? `at ${resource_status_short(applied)}, waiting for ${resource_status_short(o.revision)}; ` : '';
    return {
        done: false,
        message: `Waiting for ${label}: ${waiting}Ready=${ready?.status ?? 'Unknown'}${ready?.reason ? ` ${ready.reason}` : ''}${ready?.message ? ` (${ready.message})` : ''}`,
        revision: applied,
    };
}
// ---------------------------------------------------------------------------------------------
// batch/v1 Job: the Job controller adds condition Complete=True when the success criteria are met,
// Failed=True (reason BackoffLimitExceeded, DeadlineExceeded, PodFailurePolicy, ...) when it gives
// up; status.succeeded / status.failed / status.active count pods.
function jobStatus(obj) {
    const st = (obj.status ?? {});
    const name = resource_status_quote(obj.metadata?.name ?? '');
    const failed = cond(obj, 'Failed');
    if (failed?.status === 'True')
        return {
            done: false,
            failed: true,
            reason: failed.reason ?? 'Failed',
            message: `job ${name} failed: ${failed.reason ?? 'Failed'}${failed.message ? ` (${failed.message})` : ''}`,
        };
    if (cond(obj, 'Complete')?.status === 'True')
        return { done: true, message: `job ${name} completed (${st.succeeded ?? 0} succeeded)` };
    return {
        done: false,
        message: `Waiting for job ${name} to complete: ${st.active ?? 0} active, ${st.succeeded ?? 0} succeeded, ${st.failed ?? 0} failed`,
    };
}
function resourceStatus(kind, obj, o = {}) {
    switch (kind) {
        case 'Application':
            return applicationStatus(obj, o);
        case 'Rollout':
            return rolloutCrStatus(obj, o);
        case 'HelmRelease':
        case 'Kustomization':
            return fluxStatus(kind, obj, o);
        case 'Job':
            return jobStatus(obj);
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/watch-resources.ts
// Waiting for GitOps and batch resources — Argo CD Applications, Argo Rollouts, Flux HelmReleases
// and Kustomizations, Jobs — with the same engine as rollouts: one LIST+WATCH per collection,
// polling when the watch is forbidden, one deadline. Where they live is found by discovery (the
// group's preferred version that serves the resource), not hard-coded; the done/failed rule of
// each kind is in resource-status.ts.





/** `application/shop`, as the logs name it. */
const formatResourceRef = (r) => `${r.kind.toLowerCase()}/${r.name}`;
/** Where a resource lives: `/apis/<group>/<version>` serving `<plural>`, found by discovery. */
async function discoverResource(api, kind, signal) {
    const info = RESOURCE_KINDS[kind];
    const qualified = `${info.plural}.${info.group}`;
    let group;
    try {
        group = await api.get(`/apis/${info.group}`, undefined, { signal });
    }
    catch (err) {
        if (err instanceof KubeApiError && err.status === 404)
            throw new KubeApiError('HTTP', `the server does not serve ${qualified} (API group ${info.group} not found): is ${kindProduct(kind)} installed?`, 404, 'NotServed');
        throw err;
    }
    const versions = [
        group.preferredVersion?.version,
        ...(group.versions ?? []).map((v) => v.version),
    ].filter((v, i, all) => !!v && all.indexOf(v) === i);
    for (const version of versions) {
        const list = await api.get(`/apis/${info.group}/${version}`, undefined, { signal });
        const res = list.resources?.find((r) => r.name === info.plural);
        if (res)
            return { groupVersion: `${info.group}/${version}`, namespaced: res.namespaced !== false };
    }
    throw new KubeApiError('HTTP', `the server does not serve ${qualified} in API group ${info.group} (${versions.join(', ')}): is ${kindProduct(kind)} installed?`, 404, 'NotServed');
}
function kindProduct(kind) {
    if (kind === 'Application')
        return 'Argo CD';
    if (kind === 'Rollout')
        return 'Argo Rollouts';
    if (kind === 'Job')
        return 'the batch API';
    return 'Flux';
}
class ResourceFollower {
    ref;
    o;
    judge;
    started;
    object;
    message = 'Waiting for the resource to be read...';
    revision;
    result;
    lastReported;
    resolveFinished;
    finished = new Promise((r) => (this.resolveFinished = r));
    /** Jobs: a look at the failed pods before the failure is reported. */
    onFailed;
    constructor(ref, o, judge) {
        this.ref = ref;
        this.o = o;
        this.judge = judge;
        this.started = o.clock.now();
    }
    get isFinished() {
        return this.result !== undefined;
    }
    finish(outcome, message, reason, details = []) {
        if (this.result)
            return;
        this.result = {
            ...this.ref,
            done: outcome === 'ready',
            outcome,
            message,
            reason,
            details,
            revision: this.revision,
            elapsedMs: this.o.clock.now() - this.started,
            object: this.object,
        };
        this.o.onResult?.(this.result);
        this.resolveFinished(this.result);
    }
    timeOut(lastError) {
        this.finish('timed-out', withLastError(this.message, lastError), 'Timeout');
    }
    report() {
        if (!this.o.onProgress || this.isFinished)
            return;
        const now = this.o.clock.now();
        const changed = this.lastReported?.message !== this.message;
        if (!changed && this.lastReported && now - this.lastReported.at < this.o.progressIntervalMs)
            return;
        this.lastReported = { message: this.message, at: now };
        this.o.onProgress({ ref: this.ref, message: this.message, elapsedMs: now - this.started });
    }
    failing = false;
    consider(obj) {
        if (this.isFinished || this.failing)
            return;
        this.object = obj;
        const j = resourceStatus(this.ref.kind, obj, this.judge);
        this.message = j.message;
        this.revision = j.revision ?? this.revision;
        if (j.done)
            return this.finish('ready', j.message);
        if (j.failed) {
            if (!this.onFailed)
                return this.finish('failed', j.message, j.reason, j.details);
            this.failing = true;
            void this.onFailed(this, j.details ?? []).then((details) => this.finish('failed', j.message, j.reason, details), () => this.finish('failed', j.message, j.reason, j.details));
            return;
        }
        this.report();
    }
    deleted() {
        this.finish('failed', `${formatResourceRef(this.ref)} was deleted while waiting for it`, 'Deleted');
    }
    notFound(namespaceMissing) {
        const info = RESOURCE_KINDS[this.ref.kind];
        if (namespaceMissing)
            return this.finish('failed', `namespaces "${this.ref.namespace}" not found`, 'NamespaceNotFound');
        this.finish('failed', `${info.plural}.${info.group} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`, 'NotFound');
    }
    failOn(err) {
        const reason = err.status === 404 ? (err.reason ?? 'NotFound') : (err.reason ?? `HTTP${err.status ?? ''}`);
        this.finish('failed', err.message, reason);
    }
}
/** A failed Job's pods: their containers' terminated or waiting reasons, newest first. */
async function jobPodReasons(api, ref, signal) {
    const list = await api.get(`/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/pods`, { labelSelector: `batch.kubernetes.io/job-name=${ref.name}` }, { signal, timeoutMs: 5_000 });
    const lines = [];
    for (const pod of (list.items ?? []).slice(-5)) {
        const d = diagnosePod(pod);
        const bad = d.containers.filter((c) => !/^running|terminated: Completed/.test(c.state));
        for (const c of bad)
            lines.push(`pod ${d.name}: container ${c.name} ${c.state}${c.message ? ` — ${c.message}` : ''}${c.lastTermination ? ` (last ended ${c.lastTermination})` : ''}`);
        if (!bad.length && d.phase === 'Failed')
            lines.push(`pod ${d.name}: Failed${d.reason ? ` (${d.reason})` : ''}`);
    }
    return lines;
}
/**
 * Waits for every target until done, failed or the deadline passes; results in target order.
 * Never throws for a resource's failure (discovery failures fail that kind's targets).
 */
async function waitForResources(options) {
    const o = {
        clock: clock/* systemClock */.m,
        progressIntervalMs: 5_000,
        backstopMs: 20_000,
        watchIdleMs: 60_000,
        maxBackoffMs: 5_000,
        pollInitialMs: 800,
        pollMaxMs: 30_000,
        random: Math.random,
        ...options,
    };
    const shared = new Shared(o);
    const judge = {
        revision: options.revision,
        acceptPaused: options.acceptPaused,
        startedAt: Date.now(),
    };
    const followers = options.targets.map((t) => new ResourceFollower(t, o, judge));
    const timer = new AbortController();
    const timeOutAll = () => followers.forEach((f) => f.timeOut(shared.lastError));
    options.signal?.addEventListener('abort', timeOutAll, { once: true });
    void o.clock.sleep(Math.max(0, o.deadline - o.clock.now()), timer.signal).then(() => {
        if (!timer.signal.aborted)
            timeOutAll();
    });
    const start = async () => {
        const byKind = new Map();
        for (const f of followers)
            byKind.set(f.ref.kind, [...(byKind.get(f.ref.kind) ?? []), f]);
        for (const [kind, list] of byKind) {
            let where;
            try {
                where = await discoverResource(o.api, kind, shared.stop.signal);
            }
            catch (err) {
                const e = err instanceof KubeApiError ? err : new KubeApiError('NETWORK', String(err), undefined);
                for (const f of list)
                    f.failOn(e);
                continue;
            }
            const collections = new Map();
            for (const f of list) {
                if (kind === 'Job')
                    f.onFailed = (x, details) => jobPodReasons(o.api, x.ref, shared.stop.signal).then((l) => [...details, ...l]);
                if (kind === 'Application' && options.refresh)
                    await refresh(o.api, where.groupVersion, f, o.onNotice);
                let c = collections.get(f.ref.namespace);
                if (!c) {
                    const info = RESOURCE_KINDS[kind];
                    c = new CollectionWatch(shared, `/apis/${where.groupVersion}/namespaces/${encodeURIComponent(f.ref.namespace)}/${info.plural}`, `${info.plural}.${info.group}`, f.ref.namespace);
                    collections.set(f.ref.namespace, c);
                }
                c.add(f);
            }
            for (const c of collections.values())
                void c.run();
        }
    };
    const heartbeat = async () => {
        while (!shared.stop.signal.aborted && !shared.pastDeadline) {
            await shared.sleep(o.progressIntervalMs);
            if (shared.stop.signal.aborted || shared.pastDeadline)
                return;
            for (const f of followers)
                f.report();
        }
    };
    void start();
    void heartbeat();
    try {
        return await Promise.all(followers.map((f) => f.finished));
    }
    finally {
        shared.stop.abort();
        timer.abort();
        options.signal?.removeEventListener('abort', timeOutAll);
    }
}
/** Argo CD refreshes an Application when this annotation appears (and removes it). */
const ARGO_REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
async function refresh(api, groupVersion, f, onNotice) {
    const path = `/apis/${groupVersion}/namespaces/${encodeURIComponent(f.ref.namespace)}/applications/${encodeURIComponent(f.ref.name)}`;
    if (!api.patch)
        return;
    try {
        await api.patch(path, { metadata: { annotations: { [ARGO_REFRESH_ANNOTATION]: 'normal' } } }, { timeoutMs: 10_000 });
    }
    catch (err) {
        // A missing app is the watch's to report; a refused patch only loses the refresh.
        if (err instanceof KubeApiError && err.status === 404)
            return;
        onNotice?.(`could not ask Argo CD to refresh ${formatResourceRef(f.ref)} (${err instanceof Error ? err.message : String(err)}); waiting for its next poll of Git`);
    }
}

;// CONCATENATED MODULE: ./packages/kube/src/index.ts













/***/ }),

/***/ 5724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Id: () => (/* binding */ SERVICE_ACCOUNT_DIR),
/* harmony export */   KubeconfigError: () => (/* binding */ KubeconfigError),
/* harmony export */   YL: () => (/* binding */ inClusterConnection),
/* harmony export */   connectionFromKubeconfig: () => (/* binding */ connectionFromKubeconfig),
/* harmony export */   decodeKubeconfigContent: () => (/* binding */ decodeKubeconfigContent),
/* harmony export */   ic: () => (/* binding */ loadKubeConnection),
/* harmony export */   kubeconfigSecrets: () => (/* binding */ kubeconfigSecrets),
/* harmony export */   ms: () => (/* binding */ serverUrlSecrets),
/* harmony export */   nN: () => (/* binding */ mergeKubeconfigs),
/* harmony export */   parseKubeconfig: () => (/* binding */ parseKubeconfig),
/* harmony export */   s9: () => (/* binding */ secretArgs)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cicd_actions_core_proxy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(609);
/* harmony import */ var _cicd_actions_core_process__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7332);
/* harmony import */ var _cicd_actions_core_secrets__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7620);
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
/**
 * The values of secret-looking flags in a plugin's arguments (`--token=X`, `--client-secret X`,
 * `--password X`): core's rule, the same one printableCommand hides.
 */
function secretArgs(args) {
    return (0,_cicd_actions_core_process__WEBPACK_IMPORTED_MODULE_3__/* .secretArgValues */ .JC)((args ?? []).map(String));
}
/** The secret parts of a server URL's userinfo: the password and `user:password`, never the user alone. */
function serverUrlSecrets(server) {
    if (!server)
        return [];
    try {
        const u = new URL(server);
        if (!u.password)
            return [];
        const user = decodeURIComponent(u.username);
        const pass = decodeURIComponent(u.password);
        return [
            ...new Set([
                u.password,
                pass,
                `${u.username}:${u.password}`,
                `${user}:${pass}`,
                Buffer.from(`${user}:${pass}`).toString('base64'),
            ]),
        ];
    }
    catch {
        return [];
    }
}
/** Values in a kubeconfig that must be masked: tokens, keys, passwords, plugin secrets. */
function kubeconfigSecrets(config) {
    const out = [];
    for (const { cluster } of config.clusters) {
        out.push(...serverUrlSecrets(cluster?.server), ...(0,_cicd_actions_core_proxy__WEBPACK_IMPORTED_MODULE_2__/* .proxyUrlSecrets */ .l)(cluster?.['proxy-url']));
    }
    for (const { user } of config.users) {
        if (!user)
            continue;
        for (const v of [user.token, user['client-key-data'], user.password])
            if (v)
                out.push(v);
        if (user.username && user.password)
            out.push(Buffer.from(`${user.username}:${user.password}`).toString('base64'));
        if (user['client-key-data']) {
            // The key also travels decoded (PEM) inside the process.
            out.push(Buffer.from(user['client-key-data'], 'base64').toString('utf8'));
        }
        for (const [k, v] of Object.entries(user['auth-provider']?.config ?? {}))
            if (/token|secret|password|key/i.test(k) && v)
                out.push(String(v));
        // Only values whose names say they are secret: masking AWS_PROFILE=prod would blank "prod"
        // (and "production", "***uction") all over the log.
        for (const e of user.exec?.env ?? [])
            if (e?.value && (0,_cicd_actions_core_secrets__WEBPACK_IMPORTED_MODULE_4__/* .isSecretName */ .eh)(String(e.name ?? '')))
                out.push(String(e.value));
        out.push(...secretArgs(user.exec?.args));
    }
    return out.filter((v) => typeof v === 'string' && v.length > 0);
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
        displayServer: `${server.protocol}//${server.host}${server.pathname}`.replace(/\/$/, ''),
        cluster: clusterName,
        user: userName,
        insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
        tlsServerName: cluster['tls-server-name'] || undefined,
    };
    if (cluster['proxy-url']) {
        const field = `cluster '${clusterName}' in ${source}: proxy-url`;
        try {
            // client-go also takes socks5://; this client speaks HTTP CONNECT only, so say so now.
            (0,_cicd_actions_core_proxy__WEBPACK_IMPORTED_MODULE_2__/* .parseProxyUrl */ .Pr)(String(cluster['proxy-url']), field);
        }
        catch (err) {
            if (err instanceof _cicd_actions_core_proxy__WEBPACK_IMPORTED_MODULE_2__/* .ProxyConfigError */ .Xb)
                throw new KubeconfigError(err.message);
            throw err;
        }
        conn.proxyUrl = String(cluster['proxy-url']);
    }
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
    const provider = user['auth-provider'];
    if (provider && !user.exec)
        conn.authProvider = {
            name: String(provider.name ?? ''),
            config: Object.fromEntries(Object.entries(provider.config ?? {}).map(([k, v]) => [k, String(v)])),
        };
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
        displayServer: `https://${hostPart}:${port}`,
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
