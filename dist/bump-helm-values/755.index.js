export const id = 755;
export const ids = [755,34];
export const modules = {

/***/ 3034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apiFailure: () => (/* binding */ apiFailure),
/* harmony export */   commitOnBranch: () => (/* binding */ commitOnBranch),
/* harmony export */   coreFetch: () => (/* binding */ coreFetch),
/* harmony export */   createBranch: () => (/* binding */ createBranch),
/* harmony export */   octokitFor: () => (/* binding */ octokitFor),
/* harmony export */   readBranch: () => (/* binding */ readBranch)
/* harmony export */ });
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(870);
// GitHub's API for commit-via: api and PR mode. Octokit sends through core's HTTP transport (its
// `request.fetch`), so HTTPS_PROXY/NO_PROXY follow core's proxy rules like every other request of
// the suite (not @actions/http-client's), and every call is bounded by the timeout and stopped on
// cancel. @actions/github is loaded only when the API is used.

/** A fetch for Octokit on core's transport: proxy rules, deadline and cancellation of core's httpRequest. */
function coreFetch(session) {
    return (async (input, init = {}) => {
        const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
        const headers = {};
        new Headers(init.headers).forEach((v, k) => (headers[k] = v));
        const signals = [session.signal, init.signal ?? undefined].filter((s) => s !== undefined);
        try {
            const res = await (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj)({
                url,
                method: init.method ?? 'GET',
                headers,
                body: typeof init.body === 'string' ? init.body : undefined,
                timeoutMs: Math.max(1, (session.deadline ?? Date.now() + 300_000) - Date.now()),
                deadline: session.deadline,
                signal: signals.length ? AbortSignal.any(signals) : undefined,
                env: session.env,
                maxBodyBytes: 64 * 1024 * 1024,
            });
            const empty = res.status === 204 || res.status === 304;
            return new Response(empty ? null : new Uint8Array(res.body), {
                status: res.status,
                statusText: res.statusText,
                headers: res.headers,
            });
        }
        catch (err) {
            if (err instanceof _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ && (err.code === 'TIMEOUT' || err.code === 'ABORTED')) {
                const stopped = new Error(`the request was stopped (${err.message})`);
                stopped.name = 'AbortError';
                throw stopped;
            }
            throw err;
        }
    });
}
async function octokitFor(session) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return getOctokit(session.token, {
        baseUrl: session.apiUrl.replace(/\/+$/, ''),
        request: { fetch: coreFetch(session) },
    });
}
/** One line for a failed API call: what was being done, the HTTP status and GitHub's message. */
function apiFailure(what, err) {
    const e = err;
    if (e.name === 'AbortError' ||
        e.name === 'TimeoutError' ||
        /aborted|stopped/i.test(e.message ?? ''))
        return new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`GitHub API: ${what} was stopped: the timeout passed or the job is being cancelled`);
    const status = e.status ? `HTTP ${e.status}: ` : '';
    return new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`GitHub API: ${what} failed: ${status}${(e.message ?? String(err)).split('\n')[0]}`);
}
/** The head of a branch and the files at exactly that commit, in one GraphQL query. */
async function readBranch(octokit, owner, repo, branch, paths) {
    const fields = paths
        .map((_p, i) => `f${i}: file(path: $p${i}) { object { ... on Blob { text isBinary } } }`)
        .join('\n');
    const params = paths.map((_p, i) => `, $p${i}: String!`).join('');
    const query = `query ReadBranch($owner: String!, $name: String!, $ref: String!${params}) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) { target { oid ... on Commit { ${fields} } } }
  }
}`;
    const vars = { owner, name: repo, ref: `refs/heads/${branch}` };
    paths.forEach((p, i) => (vars[`p${i}`] = p));
    let data;
    try {
        data = await octokit.graphql(query, vars);
    }
    catch (err) {
        throw apiFailure(`reading ${branch} of ${owner}/${repo}`, err);
    }
    if (!data.repository)
        throw new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`GitHub API: no repository ${owner}/${repo}`);
    const target = data.repository.ref?.target;
    const files = new Map();
    paths.forEach((p, i) => {
        const entry = target?.[`f${i}`];
        if (entry?.object?.isBinary)
            throw new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`GitHub API: ${p} on ${branch} is binary`);
        files.set(p, entry?.object?.text ?? undefined);
    });
    return { oid: target?.oid, files };
}
/**
 * createCommitOnBranch with expectedHeadOid: GitHub makes (and signs) the commit only when the
 * branch is still at that commit; otherwise `stale` (someone pushed first).
 */
async function commitOnBranch(octokit, input) {
    const [headline, ...rest] = input.message.split('\n');
    const body = rest.join('\n').replace(/^\n+/, '');
    const mutation = `mutation Commit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;
    try {
        const data = await octokit.graphql(mutation, {
            input: {
                branch: {
                    repositoryNameWithOwner: `${input.owner}/${input.repo}`,
                    branchName: input.branch,
                },
                expectedHeadOid: input.expectedHeadOid,
                message: body ? { headline, body } : { headline },
                fileChanges: {
                    additions: input.files.map((f) => ({
                        path: f.path,
                        contents: Buffer.from(f.text, 'utf8').toString('base64'),
                    })),
                },
            },
        });
        const c = data.createCommitOnBranch.commit;
        return { ok: true, oid: c.oid, url: c.url };
    }
    catch (err) {
        const errors = err.errors ?? [];
        const stale = errors.find((e) => e.type === 'STALE_DATA' || /expected branch to point to/i.test(e.message ?? ''));
        if (stale)
            return { ok: false, stale: stale.message ?? 'the branch moved' };
        throw apiFailure(`committing to ${input.branch} (createCommitOnBranch)`, err);
    }
}
/** Creates a branch at a commit (PR mode through the API). */
async function createBranch(octokit, owner, repo, branch, oid) {
    try {
        await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: oid });
    }
    catch (err) {
        // Another run created it first: fine, the commit then goes on top of its head.
        if (err.status === 422)
            return;
        throw apiFailure(`creating the branch ${branch}`, err);
    }
}


/***/ }),

/***/ 7755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPullRequest: () => (/* binding */ openPullRequest)
/* harmony export */ });
/* harmony import */ var _github_api__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3034);
// Opening (or reusing) the pull request in PR mode, then its labels, reviewers and auto-merge.
// @actions/github is loaded only here (and for commit-via: api), only when needed: it is most of
// the bundle's weight and cold start.

async function openPullRequest(req) {
    const octokit = await (0,_github_api__WEBPACK_IMPORTED_MODULE_0__.octokitFor)(req);
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
            return pr
                ? { url: pr.html_url, number: pr.number, reused: true, nodeId: pr.node_id }
                : undefined;
        }
        catch (err) {
            throw (0,_github_api__WEBPACK_IMPORTED_MODULE_0__.apiFailure)(`listing open pull requests from ${head}`, err);
        }
    };
    let pr = await findOpen();
    if (!pr) {
        try {
            const { data } = await octokit.rest.pulls.create({
                owner,
                repo,
                head,
                base,
                title: req.title,
                body: req.body,
            });
            pr = { url: data.html_url, number: data.number, reused: false, nodeId: data.node_id };
        }
        catch (err) {
            // Another run may have opened it between our list and create: GitHub answers 422.
            if (err.status === 422)
                pr = await findOpen();
            if (!pr)
                throw (0,_github_api__WEBPACK_IMPORTED_MODULE_0__.apiFailure)(`creating the pull request ${head} → ${base}`, err);
        }
    }
    const number = pr.number;
    if (req.labels?.length) {
        try {
            await octokit.rest.issues.addLabels({
                owner,
                repo,
                issue_number: number,
                labels: req.labels,
            });
        }
        catch (err) {
            throw (0,_github_api__WEBPACK_IMPORTED_MODULE_0__.apiFailure)(`adding labels to #${number}`, err);
        }
    }
    if (req.reviewers?.length) {
        const teams = req.reviewers.filter((r) => r.includes('/')).map((r) => r.split('/')[1]);
        const users = req.reviewers.filter((r) => !r.includes('/'));
        try {
            await octokit.rest.pulls.requestReviewers({
                owner,
                repo,
                pull_number: number,
                reviewers: users,
                team_reviewers: teams,
            });
        }
        catch (err) {
            throw (0,_github_api__WEBPACK_IMPORTED_MODULE_0__.apiFailure)(`requesting reviewers for #${number}`, err);
        }
    }
    if (req.autoMerge && pr.nodeId) {
        try {
            await octokit.graphql(`mutation AutoMerge($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) { clientMutationId }
}`, { id: pr.nodeId, mergeMethod: req.autoMerge.toUpperCase() });
        }
        catch (err) {
            throw (0,_github_api__WEBPACK_IMPORTED_MODULE_0__.apiFailure)(`enabling auto-merge (${req.autoMerge}) on #${number}`, err);
        }
    }
    return { url: pr.url, number: pr.number, reused: pr.reused };
}


/***/ })

};
