export const id = 724;
export const ids = [724];
export const modules = {

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
    const { parse } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
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
