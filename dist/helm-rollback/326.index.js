export const id = 326;
export const ids = [326];
export const modules = {

/***/ 9326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyWorkloads: () => (/* binding */ verifyWorkloads)
/* harmony export */ });
/* harmony import */ var _cicd_actions_core_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7638);
/* harmony import */ var _cicd_actions_core_inputs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7276);
// Verification after a rollback: the workloads of the rolled-back manifest are waited for with
// the wait-rollout logic (packages/kube), under the action's one deadline.


const verifyWorkloads = async (refs, { deadline, kubeconfig, context, env, runner, signal, userAgent, onResult }) => {
    const kube = await __webpack_require__.e(/* import() */ 670).then(__webpack_require__.bind(__webpack_require__, 6670));
    // One cluster session (packages/kube): input errors name the input, secrets are masked.
    const session = await kube.connectCluster({
        kubeconfig,
        context,
        env,
        deadline: deadline.at,
        signal,
        onSecret: (s) => runner.setSecret(s),
        userAgent: userAgent ?? 'cicd-actions/helm-rollback',
    });
    const api = session.api;
    try {
        const results = await runner.group(`Waiting for ${refs.length} workload(s) to roll out (${(0,_cicd_actions_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(deadline.remaining())} left)`, () => kube.waitForRollouts({
            api,
            targets: refs,
            deadline: session.waitDeadline,
            signal,
            onProgress: (p) => {
                if (p.changed)
                    runner.info(`${kube.formatWorkloadRef(p.ref)}: ${p.message.trim()} (${(0,_cicd_actions_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(p.elapsedMs)})`);
            },
        }));
        const reports = [];
        for (const r of results) {
            onResult?.(r);
            const name = `${r.kind}/${r.name}`;
            if (!r.done) {
                await runner.group(`Why ${name} is not ready (${r.reason ?? r.outcome})`, async () => {
                    try {
                        const diag = await kube.collectDiagnostics(api, r, r.object);
                        for (const line of kube.formatDiagnostics(diag))
                            runner.info(line);
                    }
                    catch (err) {
                        runner.info(`(diagnostics unavailable: ${(0,_cicd_actions_core_errors__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)})`);
                    }
                });
            }
            const c = r.replicas;
            runner.info(`${name}: ${r.done ? `ready in ${(0,_cicd_actions_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.elapsedMs)}` : `NOT ready (${r.outcome}${r.reason ? `, ${r.reason}` : ''})`} — ${r.message}`);
            reports.push({
                workload: name,
                namespace: r.namespace,
                ready: r.done,
                replicas: c
                    ? `${c.ready}/${c.desired} ready, ${c.updated} updated, ${c.available} available`
                    : '',
                revision: r.revision ?? '',
                message: r.done
                    ? `ready in ${(0,_cicd_actions_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(r.elapsedMs)}`
                    : `${r.outcome}${r.reason ? ` (${r.reason})` : ''}: ${r.message}`,
            });
        }
        return reports;
    }
    finally {
        session.close();
    }
};


/***/ })

};
