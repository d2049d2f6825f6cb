export const id = 968;
export const ids = [968];
export const modules = {

/***/ 6968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pluginCredentials: () => (/* binding */ pluginCredentials)
/* harmony export */ });
// Credential plugins (exec: aws eks get-token, gke-gcloud-auth-plugin, kubelogin...; legacy
// auth-providers: oidc, azure, gcp) are where @kubernetes/client-node earns its place: it knows
// their protocols and caching. It costs ~250 ms and ~75 MiB to load, so it is imported only here,
// and this module only when the kubeconfig's user needs a plugin.
const toBuffer = (v) => (v === undefined || v === null ? undefined : Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'));
/** Runs the plugin of a one-context kubeconfig (JSON) and returns what it produced. */
async function pluginCredentials(kubeconfig) {
    const { KubeConfig } = await __webpack_require__.e(/* import() */ 178).then(__webpack_require__.bind(__webpack_require__, 6178));
    const kc = new KubeConfig();
    kc.loadFromString(kubeconfig);
    const opts = {};
    await kc.applyToHTTPSOptions(opts);
    const authorization = opts.headers?.Authorization ?? opts.headers?.authorization;
    return { authorization: authorization || undefined, clientCert: toBuffer(opts.cert), clientKey: toBuffer(opts.key) };
}


/***/ })

};
