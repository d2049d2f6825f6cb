export const id = 755;
export const ids = [755];
export const modules = {

/***/ 7755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPullRequest: () => (/* binding */ openPullRequest)
/* harmony export */ });
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(870);
// Opening (or reusing) the pull request in PR mode. @actions/github is loaded only here, and
// only when create-pr is true: it is most of the bundle's weight and cold start.

function apiFailure(what, err) {
    const e = err;
    if (e.name === 'AbortError' || e.name === 'TimeoutError' || /aborted/i.test(e.message ?? ''))
        return new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`GitHub API: ${what} was stopped: the timeout passed or the job is being cancelled`);
    const status = e.status ? `HTTP ${e.status}: ` : '';
    return new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`GitHub API: ${what} failed: ${status}${(e.message ?? String(err)).split('\n')[0]}`);
}
async function openPullRequest(req) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const signals = [
        req.signal,
        req.deadline ? AbortSignal.timeout(Math.max(1, req.deadline - Date.now())) : undefined,
    ];
    const signal = AbortSignal.any(signals.filter((s) => s !== undefined));
    const octokit = getOctokit(req.token, {
        baseUrl: req.apiUrl.replace(/\/+$/, ''),
        request: { signal },
    });
    const { owner, repo, head, base } = req;
    const findOpen = async () => {
        try {
            const { data } = await octokit.rest.pulls.list({
                owner,
                repo,
                state: 'open',
                head: `${owner}:${head}`,
                base,
                per_page: 10,
            });
            const pr = data.find((p) => p.head?.ref === head) ?? data[0];
            return pr ? { url: pr.html_url, number: pr.number, reused: true } : undefined;
        }
        catch (err) {
            throw apiFailure(`listing open pull requests from ${head}`, err);
        }
    };
    const open = await findOpen();
    if (open)
        return open;
    try {
        const { data } = await octokit.rest.pulls.create({
            owner,
            repo,
            head,
            base,
            title: req.title,
            body: req.body,
        });
        return { url: data.html_url, number: data.number, reused: false };
    }
    catch (err) {
        // Another run may have opened it between our list and create: GitHub answers 422.
        if (err.status === 422) {
            const raced = await findOpen();
            if (raced)
                return raced;
        }
        throw apiFailure(`creating the pull request ${head} → ${base}`, err);
    }
}


/***/ })

};
