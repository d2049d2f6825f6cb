export const id = 968;
export const ids = [968];
export const modules = {

/***/ 6968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CredentialPluginError: () => (/* binding */ CredentialPluginError),
/* harmony export */   authProviderCredentials: () => (/* binding */ authProviderCredentials),
/* harmony export */   runExecPlugin: () => (/* binding */ runExecPlugin)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
// Credential plugins. `exec` plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) are
// run here directly, as client-go runs them: the command with its args (no shell), its env added,
// KUBERNETES_EXEC_INFO set, and the ExecCredential it prints read back. The legacy
// `auth-provider` entries (oidc, azure, gcp) are left to @kubernetes/client-node, which knows their
// token refresh: it costs ~250 ms and ~80 MiB to load, so it is imported only for them.

class CredentialPluginError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialPluginError';
    }
}
const lastLine = (text) => text.trim().split(/\r?\n/).filter(Boolean).pop()?.slice(0, 300) ?? '';
/** Runs an exec credential plugin and returns the token or client certificate it printed. */
function runExecPlugin(exec, opts) {
    const command = exec.command;
    if (!command)
        return Promise.reject(new CredentialPluginError('the exec credential plugin has no command'));
    const apiVersion = exec.apiVersion || 'client.authentication.k8s.io/v1';
    const spec = { interactive: false };
    if (exec.provideClusterInfo && opts.cluster) {
        spec.cluster = {
            server: opts.cluster.server,
            'certificate-authority-data': opts.cluster.caData,
            'insecure-skip-tls-verify': opts.cluster.insecureSkipTlsVerify || undefined,
        };
    }
    const env = {};
    for (const [k, v] of Object.entries(opts.env))
        if (v !== undefined)
            env[k] = v;
    for (const e of exec.env ?? [])
        if (e?.name)
            env[e.name] = String(e.value ?? '');
    env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
    const timeoutMs = opts.timeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(command, exec.args ?? [], { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
            if (err) {
                const code = err.code;
                if (code === 'ENOENT') {
                    return reject(new CredentialPluginError(`the exec credential plugin '${command}' was not found${exec.installHint ? ` (${lastLine(exec.installHint)})` : ' on PATH'}`));
                }
                if (err.killed)
                    return reject(new CredentialPluginError(`the exec credential plugin '${command}' did not finish within ${timeoutMs} ms`));
                const detail = lastLine(String(stderr));
                return reject(new CredentialPluginError(`the exec credential plugin '${command}' failed (exit code ${typeof code === 'number' ? code : (err.code ?? '?')})${detail ? `: ${detail}` : ''}`));
            }
            let credential;
            try {
                credential = JSON.parse(String(stdout));
            }
            catch {
                return reject(new CredentialPluginError(`the exec credential plugin '${command}' printed something that is not an ExecCredential (JSON)`));
            }
            const status = credential?.status;
            if (credential?.kind !== 'ExecCredential' || !status)
                return reject(new CredentialPluginError(`the exec credential plugin '${command}' printed no ExecCredential status`));
            if (credential.apiVersion && credential.apiVersion !== apiVersion) {
                return reject(new CredentialPluginError(`the exec credential plugin '${command}' answered ${credential.apiVersion}, but the kubeconfig asked for ${apiVersion}`));
            }
            if (status.token) {
                opts.onSecret?.(status.token);
                return resolve({ authorization: `Bearer ${status.token}` });
            }
            if (status.clientCertificateData && status.clientKeyData) {
                opts.onSecret?.(status.clientKeyData);
                return resolve({
                    clientCert: Buffer.from(status.clientCertificateData, 'utf8'),
                    clientKey: Buffer.from(status.clientKeyData, 'utf8'),
                });
            }
            reject(new CredentialPluginError(`the exec credential plugin '${command}' returned neither a token nor a client certificate and key`));
        });
    });
}
const toBuffer = (v) => v === undefined || v === null
    ? undefined
    : Buffer.isBuffer(v)
        ? v
        : Buffer.from(String(v), 'utf8');
/** A legacy auth-provider user, through client-node (one-context kubeconfig, JSON). */
async function authProviderCredentials(kubeconfig) {
    const { KubeConfig } = await __webpack_require__.e(/* import() */ 178).then(__webpack_require__.bind(__webpack_require__, 6178));
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    const opts = {};
    await kc.applyToHTTPSOptions(opts);
    const authorization = opts.headers?.Authorization ?? opts.headers?.authorization;
    return {
        authorization: authorization || undefined,
        clientCert: toBuffer(opts.cert),
        clientKey: toBuffer(opts.key),
    };
}


/***/ })

};
