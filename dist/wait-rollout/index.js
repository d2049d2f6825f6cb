import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9159:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4735);
/* harmony import */ var _wait_rollout__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3515);


const runner = new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .Runner */ .by();
await (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(runner, () => (0,_wait_rollout__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i)(runner, { env: process.env }));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3515:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 8 modules
var src = __nccwpck_require__(4735);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./packages/kube/src/kubeconfig.ts
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
    const { parse } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
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
        const abs = (p) => (p && !external_node_path_default().isAbsolute(p) ? external_node_path_default().join(baseDir, p) : p);
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
            if (command && command.includes('/') && !external_node_path_default().isAbsolute(command))
                u.user.exec.command = external_node_path_default().join(baseDir, command);
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
    const tokenFile = external_node_path_default().join(dir, 'token');
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
        ca = Buffer.from(readFile(external_node_path_default().join(dir, 'ca.crt')), 'utf8');
    }
    catch {
        throw new KubeconfigError(`in-cluster service account: ${external_node_path_default().join(dir, 'ca.crt')} is missing`);
    }
    let namespace;
    try {
        namespace = readFile(external_node_path_default().join(dir, 'namespace')).trim() || undefined;
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
    const readFile = sources.readFile ?? ((f) => (0,external_node_fs_.readFileSync)(f, 'utf8'));
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
                configs.push(await parseKubeconfig(text, external_node_path_default().dirname(file)));
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
    const list = sources.env.KUBECONFIG?.split((external_node_path_default()).delimiter).filter(Boolean) ?? [];
    if (list.length) {
        const conn = await fromFiles(list, '$KUBECONFIG');
        if (conn)
            return conn;
        throw new KubeconfigError(`KUBECONFIG is set but none of its files exists (${list.join(', ')})`);
    }
    const home = sources.homeDir ?? sources.env.HOME;
    if (home) {
        const conn = await fromFiles([external_node_path_default().join(home, '.kube', 'config')], '~/.kube/config');
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(4708);
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_);
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
    const plugins = await __nccwpck_require__.e(/* import() */ 968).then(__nccwpck_require__.bind(__nccwpck_require__, 6968));
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

;// CONCATENATED MODULE: ./packages/kube/src/workload-ref.ts
// Which workload to wait for: `kind/name` as kubectl writes it, resolved to the API path it
// lives under. Only the apps/v1 workloads that have a rollout (what `kubectl rollout status` knows).
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
const PLURAL = {
    Deployment: 'deployments',
    StatefulSet: 'statefulsets',
    DaemonSet: 'daemonsets',
};
// Singular, plural and short names, as `kubectl api-resources` lists them.
const KIND_ALIASES = {
    deployment: 'Deployment',
    deployments: 'Deployment',
    deploy: 'Deployment',
    statefulset: 'StatefulSet',
    statefulsets: 'StatefulSet',
    sts: 'StatefulSet',
    daemonset: 'DaemonSet',
    daemonsets: 'DaemonSet',
    ds: 'DaemonSet',
};
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A namespace name: an RFC 1123 label of at most 63 characters. */
function isDns1123Label(text) {
    return text.length <= 63 && DNS1123_LABEL.test(text);
}
/** A workload name: an RFC 1123 subdomain of at most 253 characters. */
function isDns1123Subdomain(text) {
    return text.length <= 253 && DNS1123_SUBDOMAIN.test(text);
}
/**
 * `deploy`, `deployments`, `Deployment`, `deployment.apps`, `deployments.v1.apps` → Deployment;
 * undefined for anything that is not an apps/v1 workload with a rollout.
 */
function parseWorkloadKind(text) {
    const parts = text.trim().toLowerCase().split('.');
    const [resource, ...group] = parts;
    if (group.length === 1 && group[0] !== 'apps')
        return undefined;
    if (group.length === 2 && (group[0] !== 'v1' || group[1] !== 'apps'))
        return undefined;
    if (group.length > 2)
        return undefined;
    return Object.hasOwn(KIND_ALIASES, resource) ? KIND_ALIASES[resource] : undefined;
}
/** `kind/name` in the given namespace; the reason says what is wrong in words a user can act on. */
function parseWorkloadRef(text, namespace) {
    const item = text.trim();
    const slash = item.indexOf('/');
    if (slash <= 0 || slash === item.length - 1 || item.indexOf('/', slash + 1) !== -1) {
        return {
            ok: false,
            reason: `'${item}' is not kind/name (e.g. deployment/api, sts/db, ds/agent)`,
        };
    }
    const kindText = item.slice(0, slash);
    const name = item.slice(slash + 1);
    const kind = parseWorkloadKind(kindText);
    if (!kind)
        return {
            ok: false,
            reason: `'${item}': unknown kind '${kindText}' (expected deployment, statefulset or daemonset, or deploy, sts, ds)`,
        };
    if (!isDns1123Subdomain(name))
        return {
            ok: false,
            reason: `'${item}': '${name}' is not a valid object name (lowercase letters, digits, '-' and '.')`,
        };
    return { ok: true, ref: { kind, name, namespace } };
}
/** The collection a workload lives in, e.g. /apis/apps/v1/namespaces/default/deployments. */
function workloadCollectionPath(kind, namespace) {
    return `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${PLURAL[kind]}`;
}
/** `deployments.apps` — the resource as the API server names it in its errors. */
function workloadResourceName(kind) {
    return `${PLURAL[kind]}.apps`;
}
/** `deployment/api` — how kubectl and the logs name one workload. */
function formatWorkloadRef(ref) {
    return `${ref.kind.toLowerCase()}/${ref.name}`;
}

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
        this.path = workloadCollectionPath(ref.kind, ref.namespace);
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
        this.finish('failed', `${workloadResourceName(this.ref.kind)} "${this.ref.name}" not found in namespace "${this.ref.namespace}"`, 'NotFound');
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
                            return this.finish('failed', `${formatWorkloadRef(this.ref)} was deleted while waiting for its rollout`, 'Deleted');
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
                    await this.sleep((0,src/* backoffDelay */.EY)(failures, { initialMs: 100, maxMs: this.o.maxBackoffMs, jitter: true }, this.o.random));
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
                await this.sleep((0,src/* backoffDelay */.EY)(failures, { initialMs: 100, maxMs: this.o.maxBackoffMs, jitter: true }, this.o.random));
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
        clock: src/* systemClock */.ml,
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

;// CONCATENATED MODULE: ./actions/wait-rollout/src/inputs.ts
// The action's inputs, validated before anything else happens (no API call, nothing logged).


// Label selector syntax: requirements of `key`, `!key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`, `key notin (a,b)`.
const LABEL_KEY = String.raw `([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?`;
const LABEL_VALUE = String.raw `([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?`;
const REQUIREMENT = new RegExp(String.raw `^\s*(!\s*${LABEL_KEY}|${LABEL_KEY}(\s*(=|==|!=)\s*${LABEL_VALUE}|\s+(in|notin)\s*\(\s*${LABEL_VALUE}(\s*,\s*${LABEL_VALUE})*\s*\))?)\s*$`);
/** Splits a selector at the commas that are not inside `( )`. */
function selectorRequirements(selector) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of selector) {
        if (ch === '(')
            depth++;
        if (ch === ')')
            depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
        }
        else
            current += ch;
    }
    parts.push(current);
    return parts;
}
function isLabelSelector(selector) {
    return selectorRequirements(selector).every((r) => REQUIREMENT.test(r));
}
function readInputs(runner) {
    const inputs = new src/* Inputs */.G0(runner);
    const namespace = inputs.string('namespace', 'default');
    if (!isDns1123Label(namespace))
        throw new src/* InputError */.dz('namespace', `'${namespace}' is not a valid namespace name (lowercase letters, digits and '-', at most 63 characters)`);
    const items = inputs.list('resources');
    const targets = [];
    for (const item of items) {
        const parsed = parseWorkloadRef(item, namespace);
        if (!parsed.ok)
            throw new src/* InputError */.dz('resources', parsed.reason);
        if (!targets.some((t) => t.kind === parsed.ref.kind && t.name === parsed.ref.name))
            targets.push(parsed.ref);
    }
    const selector = inputs.string('selector') || undefined;
    if (selector !== undefined && !isLabelSelector(selector))
        throw new src/* InputError */.dz('selector', `'${selector}' is not a label selector (e.g. app=api,tier in (web,worker))`);
    if (!targets.length && !selector)
        throw new src/* InputError */.dz('resources', "is empty: name at least one workload (e.g. deployment/api), or give a 'selector'");
    const kinds = [];
    const kindItems = inputs.list('kinds');
    for (const k of kindItems.length ? kindItems : WORKLOAD_KINDS) {
        const kind = parseWorkloadKind(k);
        if (!kind)
            throw new src/* InputError */.dz('kinds', `unknown kind '${k}' (expected deployment, statefulset, daemonset)`);
        if (!kinds.includes(kind))
            kinds.push(kind);
    }
    const timeoutMs = inputs.duration('timeout', '5m', { min: 1000, max: 6 * 3_600_000 });
    const failFast = inputs.boolean('fail-fast', true);
    const kubeconfig = inputs.raw('kubeconfig').trim();
    const context = inputs.string('context') || undefined;
    return { targets, selector, kinds, namespace, timeoutMs, kubeconfig, context, failFast };
}

;// CONCATENATED MODULE: ./actions/wait-rollout/src/report.ts
// What the next step and the person reading the run see: the `resources` output, the job
// summary tables, and the one-line error.


/** The `resources` output: one object per resource, stable field names. */
function resultsJson(results) {
    return JSON.stringify(results.map((r) => ({
        kind: r.kind,
        name: r.name,
        namespace: r.namespace,
        done: r.done,
        outcome: r.outcome,
        message: r.message,
        reason: r.reason ?? null,
        replicas: r.replicas
            ? {
                desired: r.replicas.desired,
                updated: r.replicas.updated,
                ready: r.replicas.ready,
                available: r.replicas.available,
            }
            : null,
        revision: r.revision ?? null,
        seconds: Math.round(r.elapsedMs / 100) / 10,
    })));
}
function whyNot(r, timeoutMs) {
    if (r.outcome === 'timed-out')
        return `timed out after ${(0,src/* formatDuration */.a3)(timeoutMs)}: ${r.message}`;
    return r.reason && !r.message.includes(r.reason) ? `${r.reason}: ${r.message}` : r.message;
}
/** One line naming every resource that did not finish and why. */
function failureLine(results, timeoutMs) {
    const failed = results.filter((r) => !r.done);
    const parts = failed.map((r) => `${formatWorkloadRef(r)}: ${whyNot(r, timeoutMs)}`);
    if (failed.length === 1)
        return parts[0];
    return `${failed.length} of ${results.length} rollouts did not finish — ${parts.join('; ')}`;
}
const OUTCOME = {
    ready: '✅ ready',
    failed: '❌ failed',
    'timed-out': '⏱️ timed out',
};
function summaryMarkdown(namespace, timeoutMs, results, diagnostics, extra = {}) {
    const ready = results.filter((r) => r.done).length;
    const out = [];
    out.push((0,src/* heading */.R_)(`Rollout: ${ready} of ${results.length} ready in namespace ${(0,src/* code */.aY)(namespace)}`));
    if (extra.selector)
        out.push(`Selected by ${(0,src/* code */.aY)(extra.selector)}.\n`);
    out.push((0,src/* table */.tp)([
        'Resource',
        'Result',
        'Ready / desired',
        'Updated',
        'Available',
        'Revision',
        'Time',
        'Detail',
    ], results.map((r) => [
        (0,src/* code */.aY)(formatWorkloadRef(r)),
        OUTCOME[r.outcome],
        r.replicas ? `${r.replicas.ready} / ${r.replicas.desired}` : '',
        r.replicas?.updated ?? '',
        r.replicas?.available ?? '',
        r.revision ?? '',
        (0,src/* formatDuration */.a3)(r.elapsedMs),
        r.done ? '' : whyNot(r, timeoutMs),
    ])));
    for (const r of results) {
        const diag = diagnostics.get(r);
        if (!diag)
            continue;
        const parts = [];
        if (diag.revision || diag.replicaSet)
            parts.push(`Revision ${diag.revision ?? '?'}${diag.replicaSet ? `, ReplicaSet ${(0,src/* code */.aY)(diag.replicaSet)}` : ''}.\n`);
        if (diag.conditions.length)
            parts.push((0,src/* table */.tp)(['Condition', 'Status', 'Reason', 'Message'], diag.conditions.map((c) => [c.type, c.status ?? '', c.reason ?? '', c.message ?? ''])));
        const podRows = diag.pods.flatMap((p) => (p.containers.length
            ? p.containers
            : [
                {
                    name: '',
                    state: p.reason ?? p.phase,
                    restarts: 0,
                    message: undefined,
                    lastTermination: undefined,
                },
            ]).map((c) => [
            (0,src/* code */.aY)(p.name),
            p.phase,
            c.name,
            c.state,
            c.restarts,
            [c.lastTermination ? `last ended ${c.lastTermination}` : '', c.message ?? '']
                .filter(Boolean)
                .join('; '),
        ]));
        parts.push(podRows.length
            ? (0,src/* table */.tp)(['Pod (not ready)', 'Phase', 'Container', 'State', 'Restarts', 'Detail'], podRows)
            : 'No pod of the new revision is waiting to become ready.\n');
        parts.push(diag.events.length
            ? (0,src/* table */.tp)(['Last seen', 'Object', 'Reason', 'Count', 'Message'], diag.events.map((e) => [e.lastSeen ?? '', e.object, e.reason, e.count, e.message]))
            : 'No Warning events.\n');
        for (const e of diag.errors)
            parts.push(`(could not read ${e})\n`);
        out.push((0,src/* details */.zH)(`Why ${formatWorkloadRef(r)} is not ready`, parts.join('\n')));
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./actions/wait-rollout/src/wait-rollout.ts
// wait-rollout: validate, find the cluster, wait for every rollout under one deadline, explain
// what did not finish, and report (outputs, summary, one ::error:: line).








/** Budget for reading diagnostics once the deadline has passed. */
const DIAGNOSTICS_BUDGET_MS = 5_000;
async function connect(runner, inputs, deps) {
    try {
        return await loadKubeConnection({
            content: inputs.kubeconfig,
            context: inputs.context,
            env: deps.env,
            serviceAccountDir: deps.serviceAccountDir,
            readFile: deps.readFile,
            onSecret: (s) => runner.setSecret(s),
        });
    }
    catch (err) {
        if (!(err instanceof KubeconfigError))
            throw err;
        // A problem in what the workflow gave us is an input error; one in the runner's files is not.
        if (inputs.kubeconfig || err.about === 'context')
            throw new src/* InputError */.dz(err.about, err.message);
        throw new src/* ActionError */.lZ(err.message);
    }
}
/** The workloads a selector names, in the order kinds were given, then by name. */
async function selectTargets(api, inputs, deadline) {
    const found = [];
    for (const kind of inputs.kinds) {
        const list = await api.get(workloadCollectionPath(kind, inputs.namespace), { labelSelector: inputs.selector }, { timeoutMs: Math.max(1000, deadline.cap(15_000)) });
        const names = (list.items ?? [])
            .map((i) => i.metadata?.name ?? '')
            .filter(Boolean)
            .sort();
        for (const name of names)
            found.push({ kind, name, namespace: inputs.namespace });
    }
    return found;
}
async function main(runner, deps) {
    // Masked before anything else can print it, even an error about it.
    runner.setSecret(runner.env['INPUT_KUBECONFIG']?.trim());
    const inputs = readInputs(runner);
    const clock = deps.clock ?? src/* systemClock */.ml;
    const deadline = new src/* Deadline */.B2(clock, inputs.timeoutMs);
    const conn = await connect(runner, inputs, deps);
    let api;
    try {
        api = await (deps.createApi ??
            ((c) => createKubeApi(c, {
                onSecret: (s) => runner.setSecret(s),
                userAgent: 'cicd-actions/wait-rollout',
                env: deps.env,
                pluginTimeoutMs: Math.max(1000, deadline.cap(60_000)),
            })))(conn);
    }
    catch (err) {
        throw new src/* ActionError */.lZ(`cannot get credentials for context '${conn.context}' from ${conn.source}: ${(0,src/* errorMessage */.gJ)(err)}`);
    }
    try {
        const targets = [...inputs.targets];
        if (inputs.selector) {
            let selected;
            try {
                selected = await selectTargets(api, inputs, deadline);
            }
            catch (err) {
                throw new src/* ActionError */.lZ(`cannot list workloads matching selector '${inputs.selector}' in namespace '${inputs.namespace}': ${(0,src/* errorMessage */.gJ)(err)}`);
            }
            if (!selected.length)
                throw new src/* ActionError */.lZ(`no ${inputs.kinds.map((k) => k.toLowerCase()).join(', ')} matches selector '${inputs.selector}' in namespace '${inputs.namespace}'`);
            for (const t of selected)
                if (!targets.some((x) => x.kind === t.kind && x.name === t.name))
                    targets.push(t);
        }
        runner.info(`Waiting for ${targets.map(formatWorkloadRef).join(', ')} in namespace ${inputs.namespace} on ${conn.server} ` +
            `(context ${conn.context} from ${conn.source}); timeout ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)}, fail-fast ${inputs.failFast ? 'on' : 'off'}`);
        const results = await waitForRollouts({
            api,
            targets,
            deadline: deadline.at,
            clock,
            failFast: inputs.failFast,
            ...deps.wait,
            onProgress: (p) => runner.info(`${formatWorkloadRef(p.ref)}: ${p.message} [${(0,src/* formatDuration */.a3)(p.elapsedMs)}]`),
        });
        const diagnostics = new Map();
        for (const r of results) {
            const name = formatWorkloadRef(r);
            if (r.done) {
                runner.info(`${name}: ${r.message} (${(0,src/* formatDuration */.a3)(r.elapsedMs)})`);
                continue;
            }
            await runner.group(`${name}: ${r.outcome === 'timed-out' ? 'timed out' : 'failed'} (${r.reason ?? r.outcome}) — diagnostics`, async () => {
                runner.info(r.message);
                if (!r.object)
                    return;
                const budget = AbortSignal.timeout(DIAGNOSTICS_BUDGET_MS);
                const diag = await collectDiagnostics(api, r, r.object, { signal: budget });
                diagnostics.set(r, diag);
                for (const line of formatDiagnostics(diag))
                    runner.info(line);
            });
        }
        const failed = results.filter((r) => !r.done);
        runner.setOutput('ready', failed.length === 0);
        runner.setOutput('resources', runner.redact(resultsJson(results)));
        runner.setOutput('failed', failed.map(formatWorkloadRef).join(','));
        runner.appendSummary(summaryMarkdown(inputs.namespace, inputs.timeoutMs, results, diagnostics, {
            selector: inputs.selector,
        }));
        if (failed.length)
            throw new src/* ActionError */.lZ(failureLine(results, inputs.timeoutMs));
    }
    finally {
        api.close();
    }
}


/***/ }),

/***/ 4735:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lZ: () => (/* reexport */ ActionError),
  B2: () => (/* reexport */ Deadline),
  dz: () => (/* reexport */ InputError),
  G0: () => (/* reexport */ Inputs),
  by: () => (/* reexport */ Runner),
  EY: () => (/* reexport */ backoffDelay),
  aY: () => (/* reexport */ code),
  zH: () => (/* reexport */ details),
  gJ: () => (/* reexport */ errorMessage),
  a3: () => (/* reexport */ formatDuration),
  R_: () => (/* reexport */ heading),
  Cs: () => (/* reexport */ runAction),
  ml: () => (/* reexport */ systemClock),
  tp: () => (/* reexport */ table)
});

// UNUSED EXPORTS: HttpError, cell, formatCommand, formatFileCommand, httpRequest, inputEnvName, isLocalhostName, isSensitiveHeader, maskHeaders, maskUrl, parseBoolean, parseDuration, parseInteger, parseLines, parseList, parsePairs, parseRetryAfter, processIO, retry, safeUrl

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./packages/core/src/runner.ts
// The GitHub runner's protocol for JavaScript actions: inputs from INPUT_* variables,
// workflow commands on stdout, and file commands (GITHUB_OUTPUT, GITHUB_STATE, ...).
// Written here instead of importing @actions/core: its bundle costs ~40 ms of startup on
// every workflow run (it carries an HTTP client for OIDC), and the protocol is a few lines.


const processIO = {
    env: process.env,
    write: (text) => void process.stdout.write(text),
    appendFile: (path, text) => (0,external_node_fs_.appendFileSync)(path, text, { encoding: 'utf8' }),
};
/** INPUT_<NAME>: upper-cased, spaces to underscores, hyphens kept — as the runner sets it. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function formatCommand(command, message, props = {}) {
    const parts = Object.entries(props)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
    const head = parts.length ? `::${command} ${parts.join(',')}::` : `::${command}::`;
    return `${head}${escapeData(message)}${external_node_os_namespaceObject.EOL}`;
}
/** A key/value in the heredoc form that file commands accept for any value. */
function formatFileCommand(key, value) {
    // The delimiter only has to be absent from the value, which the loop guarantees; Math.random
    // avoids loading node:crypto (measurable startup cost) for randomUUID.
    const fresh = () => `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    let delimiter = fresh();
    while (key.includes(delimiter) || value.includes(delimiter))
        delimiter = fresh();
    return `${key}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
// 8+ characters without spaces that are not a YAML key (`users:`): a line of key material.
const KEY_MATERIAL_LINE = /^\S{7,}[^\s:]$/;
class Runner {
    io;
    secrets = new Set();
    constructor(io = processIO) {
        this.io = io;
    }
    get env() {
        return this.io.env;
    }
    /** The raw input string ('' when unset); surrounding whitespace trimmed. */
    input(name) {
        return (this.io.env[inputEnvName(name)] ?? '').trim();
    }
    /** True when the workflow (or action.yml default) gave the input a non-empty value. */
    hasInput(name) {
        return this.input(name) !== '';
    }
    isDebug() {
        return this.io.env.RUNNER_DEBUG === '1';
    }
    /**
     * Registers a value with the runner's log masker. The log is masked line by line, so a
     * multi-line value (a PEM key, a raw kubeconfig) is registered by its unbroken key-material
     * lines only: registering structural lines like `users:` or `kind: Config` would blank those
     * words everywhere in the log. Credentials inside structured text must be masked one by one.
     */
    setSecret(value) {
        const v = value?.trim();
        if (!v)
            return;
        const parts = /[\r\n]/.test(v)
            ? v
                .split(/\r?\n/)
                .map((l) => l.trim())
                .filter((l) => KEY_MATERIAL_LINE.test(l))
            : [v];
        for (const part of parts) {
            if (part.length < 3 || this.secrets.has(part))
                continue;
            this.secrets.add(part);
            this.io.write(formatCommand('add-mask', part));
        }
    }
    /** Replaces every registered secret in a text, for messages we build ourselves (summaries, outputs). */
    redact(text) {
        let out = text;
        const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
        for (const s of sorted)
            out = out.split(s).join('***');
        return out;
    }
    setOutput(name, value) {
        this.fileCommand('GITHUB_OUTPUT', 'set-output', name, String(value));
    }
    saveState(name, value) {
        this.fileCommand('GITHUB_STATE', 'save-state', name, value);
    }
    getState(name) {
        return this.io.env[`STATE_${name}`] ?? '';
    }
    exportVariable(name, value) {
        this.io.env[name] = value;
        this.fileCommand('GITHUB_ENV', 'set-env', name, value);
    }
    fileCommand(fileVar, legacy, key, value) {
        const file = this.io.env[fileVar];
        if (file)
            this.io.appendFile(file, formatFileCommand(key, value));
        else
            this.io.write(formatCommand(legacy, value, { name: key }));
    }
    info(message) {
        this.io.write(`${message}${external_node_os_namespaceObject.EOL}`);
    }
    debug(message) {
        this.io.write(formatCommand('debug', message));
    }
    notice(message, props = {}) {
        this.io.write(formatCommand('notice', message, annotation(props)));
    }
    warning(message, props = {}) {
        this.io.write(formatCommand('warning', message, annotation(props)));
    }
    error(message, props = {}) {
        this.io.write(formatCommand('error', message, annotation(props)));
    }
    startGroup(name) {
        this.io.write(formatCommand('group', name));
    }
    endGroup() {
        this.io.write(formatCommand('endgroup', ''));
    }
    async group(name, fn) {
        this.startGroup(name);
        try {
            return await fn();
        }
        finally {
            this.endGroup();
        }
    }
    /** Appends Markdown to the job summary (a no-op outside the runner). */
    appendSummary(markdown) {
        const file = this.io.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return;
        this.io.appendFile(file, this.redact(markdown.endsWith('\n') ? markdown : `${markdown}\n`));
    }
}
function annotation(p) {
    return { title: p.title, file: p.file, line: p.line, col: p.col };
}

;// CONCATENATED MODULE: ./packages/core/src/errors.ts
/** A bad input: names the input and what was expected. Raised before any side effect. */
class InputError extends Error {
    input;
    constructor(input, expected) {
        super(`Input '${input}': ${expected}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A failure the action explains itself; the message is shown as it is. */
class ActionError extends Error {
    details;
    constructor(message, details) {
        super(message);
        this.details = details;
        this.name = 'ActionError';
    }
}
/** Anything thrown, as one clean line. */
function errorMessage(err) {
    let text;
    if (err instanceof Error)
        text = err.message || err.name;
    else if (typeof err === 'string')
        text = err;
    else {
        try {
            text = JSON.stringify(err) ?? String(err);
        }
        catch {
            text = String(err);
        }
    }
    const line = text.replace(/\s*\r?\n\s*/g, ' ').trim();
    return line || 'unknown error';
}
/**
 * The one error path of every action: an exception becomes a one-line ::error:: and exit code 1.
 * The stack trace is shown only with RUNNER_DEBUG=1; secrets are redacted from the message.
 */
async function runAction(runner, main) {
    try {
        await main();
    }
    catch (err) {
        runner.error(runner.redact(errorMessage(err)));
        if (runner.isDebug() && err instanceof Error && err.stack)
            runner.debug(runner.redact(err.stack));
        process.exitCode = 1;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/clock.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted)
            return resolve();
        const onAbort = () => {
            clearTimeout(timer);
            resolve();
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** One overall deadline shared by everything an action does. */
class Deadline {
    clock;
    at;
    constructor(clock, timeoutMs) {
        this.clock = clock;
        this.at = clock.now() + timeoutMs;
    }
    remaining() {
        return Math.max(0, this.at - this.clock.now());
    }
    expired() {
        return this.remaining() <= 0;
    }
    /** The smaller of a wanted duration and the time left. */
    cap(ms) {
        return Math.min(ms, this.remaining());
    }
}

;// CONCATENATED MODULE: ./packages/core/src/inputs.ts
// Parsing of action inputs. Every input arrives as a string; every parser either returns a
// typed value or throws an InputError that names the input and what was expected.


const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** `90s`, `5m`, `1h30m`, `250ms`, `1.5s`; a bare number is seconds. Returns milliseconds. */
function parseDuration(text) {
    const s = text.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(s))
        return Math.round(Number(s) * 1000);
    if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s))
        return undefined;
    let total = 0;
    for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g))
        total += Number(m[1]) * UNIT_MS[m[2]];
    return Math.round(total);
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 59_950)
        return `${Number((ms / 1000).toFixed(1))}s`;
    // Round once, before splitting, so 239.6 s reads 4m and not 3m60s.
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const sec = totalSeconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', sec ? `${sec}s` : ''].join('') || '0s';
}
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
/** true/false (and yes/no, on/off, 1/0), case-insensitive; anything else is undefined. */
function parseBoolean(text) {
    const s = text.trim().toLowerCase();
    if (TRUE.has(s))
        return true;
    if (FALSE.has(s))
        return false;
    return undefined;
}
function parseInteger(text) {
    const s = text.trim();
    if (!/^[+-]?\d+$/.test(s))
        return undefined;
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : undefined;
}
/** Items separated by newlines and/or commas, trimmed, empties dropped. */
function parseList(text) {
    return text
        .split(/[\r\n,]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/** Items separated by newlines only (for values that may contain commas). */
function parseLines(text) {
    return text
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
/**
 * Lines of `key<sep>value` (e.g. `Name: value` or `path=value`), split at the first separator.
 * Returns the pairs in order, or the 1-based number of the first malformed line.
 */
function parsePairs(text, separator) {
    const pairs = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const at = line.indexOf(separator);
        if (at <= 0)
            return { badLine: i + 1 };
        pairs.push([line.slice(0, at).trim(), line.slice(at + separator.length).trim()]);
    }
    return { pairs };
}
/** Typed access to a runner's inputs; every failure names the input. */
class Inputs {
    runner;
    constructor(runner) {
        this.runner = runner;
    }
    /** The trimmed string, or `fallback` when the input is empty. */
    string(name, fallback = '') {
        const v = this.runner.input(name);
        return v === '' ? fallback : v;
    }
    /** The string without trimming inner content (only for free text like bodies and messages). */
    raw(name) {
        return this.runner.env[inputEnvName(name)] ?? '';
    }
    required(name) {
        const v = this.runner.input(name);
        if (v === '')
            throw new InputError(name, 'is required and was empty');
        return v;
    }
    boolean(name, fallback) {
        const v = this.runner.input(name);
        if (v === '')
            return fallback;
        const b = parseBoolean(v);
        if (b === undefined)
            throw new InputError(name, `expected true or false, got '${v}'`);
        return b;
    }
    integer(name, fallback, bounds = {}) {
        const v = this.runner.input(name);
        if (v === '')
            return fallback;
        const n = parseInteger(v);
        const { min, max } = bounds;
        const range = min !== undefined && max !== undefined
            ? ` from ${min} to ${max}`
            : min !== undefined
                ? ` >= ${min}`
                : max !== undefined
                    ? ` <= ${max}`
                    : '';
        if (n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max)) {
            throw new InputError(name, `expected a whole number${range}, got '${v}'`);
        }
        return n;
    }
    /** A duration in milliseconds. */
    duration(name, fallback, bounds = {}) {
        const v = this.runner.input(name) || fallback;
        const ms = parseDuration(v);
        if (ms === undefined)
            throw new InputError(name, `expected a duration like 30s, 5m or 1h30m, got '${v}'`);
        if (bounds.min !== undefined && ms < bounds.min)
            throw new InputError(name, `must be at least ${formatDuration(bounds.min)}, got '${v}'`);
        if (bounds.max !== undefined && ms > bounds.max)
            throw new InputError(name, `must be at most ${formatDuration(bounds.max)}, got '${v}'`);
        return ms;
    }
    list(name) {
        return parseList(this.runner.input(name));
    }
    lines(name) {
        return parseLines(this.runner.input(name));
    }
    oneOf(name, allowed, fallback) {
        const v = this.runner.input(name).toLowerCase();
        if (v === '')
            return fallback;
        if (!allowed.includes(v))
            throw new InputError(name, `expected one of ${allowed.join(', ')}, got '${v}'`);
        return v;
    }
    /** Multiline `key<sep>value` pairs. */
    pairs(name, separator, shape) {
        const result = parsePairs(this.runner.input(name), separator);
        if ('badLine' in result)
            throw new InputError(name, `line ${result.badLine} is not ${shape}`);
        return result.pairs;
    }
}

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

;// CONCATENATED MODULE: ./packages/core/src/http.ts
const libs = {};
function requestLib(protocol) {
    return (libs[protocol] ??=
        protocol === 'https:'
            ? Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)).then((m) => m.default)
            : Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23)).then((m) => m.default));
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

;// CONCATENATED MODULE: ./packages/core/src/summary.ts
// Building blocks for job summaries: Markdown a person reads in the run's page.
/** A table cell: pipes escaped, newlines as <br>, so user text cannot break the table. */
function cell(value) {
    const s = value === undefined || value === null ? '' : String(value);
    return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(cell).join(' | ')} |`;
    const sep = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((r) => `| ${headers.map((_, i) => cell(r[i])).join(' | ')} |`);
    return [head, sep, ...body].join('\n') + '\n';
}
function heading(text, level = 3) {
    return `${'#'.repeat(level)} ${text}\n`;
}
/** A collapsible section. */
function details(summary, markdown) {
    return `<details><summary>${cell(summary)}</summary>\n\n${markdown}\n</details>\n`;
}
/** Inline code that survives backticks in the text. */
function code(text) {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.replace(/\r?\n/g, ' ')}${fence}`;
}

;// CONCATENATED MODULE: ./packages/core/src/index.ts










/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9154:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("vm");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9159);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
