export const id = 582;
export const ids = [582,118];
export const modules = {

/***/ 1118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ imagesFromManifest),
/* harmony export */   workloadsFromManifest: () => (/* binding */ workloadsFromManifest)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _cicd_actions_kube_workload_ref__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9102);
// The workloads a release manifest (`helm get manifest`) creates, to wait for after a rollback.


/**
 * Deployments, StatefulSets and DaemonSets (apps/v1) in a multi-document manifest, in order,
 * each once. Objects without a namespace live in the release's namespace, as Helm applies them.
 */
function workloadsFromManifest(manifest, releaseNamespace) {
    const found = [];
    const seen = new Set();
    const visit = (obj) => {
        if (!obj || typeof obj !== 'object')
            return;
        const o = obj;
        if (o.kind === 'List' && Array.isArray(o.items))
            return o.items.forEach(visit);
        if (typeof o.kind !== 'string' || !_cicd_actions_kube_workload_ref__WEBPACK_IMPORTED_MODULE_1__/* .WORKLOAD_KINDS */ .i6.includes(o.kind))
            return;
        if (o.apiVersion !== 'apps/v1')
            return;
        const name = typeof o.metadata?.name === 'string' ? o.metadata.name : '';
        if (!name)
            return;
        const namespace = typeof o.metadata?.namespace === 'string' && o.metadata.namespace
            ? o.metadata.namespace
            : releaseNamespace;
        const key = `${o.kind}/${namespace}/${name}`;
        if (seen.has(key))
            return;
        seen.add(key);
        found.push({ kind: o.kind, name, namespace });
    };
    for (const doc of (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(manifest)) {
        if ('errors' in doc && doc.errors.length)
            throw new Error(`the release manifest is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
        visit(doc.toJS());
    }
    return found;
}
/** The container images (init containers included) of a manifest's workloads, each once, in order. */
function imagesFromManifest(manifest) {
    const images = [];
    const add = (containers) => {
        if (!Array.isArray(containers))
            return;
        for (const c of containers) {
            const image = c?.image;
            if (typeof image === 'string' && image && !images.includes(image))
                images.push(image);
        }
    };
    const visit = (obj) => {
        if (!obj || typeof obj !== 'object')
            return;
        const o = obj;
        if (o.kind === 'List' && Array.isArray(o.items))
            return o.items.forEach(visit);
        // Pods, and every kind with a pod template (workloads, Jobs, CronJobs' jobTemplate).
        const specs = [o.spec];
        const template = o.spec?.template?.spec;
        const jobTemplate = o.spec?.jobTemplate?.spec
            ?.template?.spec;
        specs.push(template, jobTemplate);
        for (const spec of specs) {
            const s = spec;
            add(s?.initContainers);
            add(s?.containers);
        }
    };
    for (const doc of (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(manifest)) {
        if ('errors' in doc && doc.errors.length)
            continue;
        visit(doc.toJS());
    }
    return images;
}


/***/ }),

/***/ 8582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revisionImages: () => (/* binding */ revisionImages)
/* harmony export */ });
/* unused harmony export IMAGE_REVISIONS */
/* harmony import */ var _manifest_workloads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1118);

/** How many of the newest revisions get their images read (one helm call each, four at a time). */
const IMAGE_REVISIONS = 10;
/** Best effort: a revision whose manifest cannot be read within `timeoutMs` has no images shown. */
async function revisionImages(cli, release, history, timeoutMs, known = {}) {
    const out = { ...known };
    const wanted = history
        .slice(-IMAGE_REVISIONS)
        .map((e) => e.revision)
        .filter((r) => out[r] === undefined);
    const started = Date.now();
    const next = async () => {
        const revision = wanted.shift();
        if (revision === undefined)
            return;
        const left = timeoutMs - (Date.now() - started);
        if (left < 500)
            return;
        try {
            out[revision] = (0,_manifest_workloads__WEBPACK_IMPORTED_MODULE_0__/* .imagesFromManifest */ .m)(await cli.manifest(release, revision, left));
        }
        catch {
            // Shown without images: the history is still worth reading.
        }
        return next();
    };
    await Promise.all([next(), next(), next(), next()]);
    return out;
}


/***/ })

};
