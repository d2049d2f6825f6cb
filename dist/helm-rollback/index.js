import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 291:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cicd_actions_core_clock__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(143);
/* harmony import */ var _cicd_actions_core_errors__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7638);
/* harmony import */ var _cicd_actions_core_runner__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8643);
/* harmony import */ var _main__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6823);
// Core modules are imported one by one, not through its index: the index also loads core's HTTP
// client (node:http/https, ~6 ms of startup) that this action never uses.




const runner = new _cicd_actions_core_runner__WEBPACK_IMPORTED_MODULE_2__/* .Runner */ .by();
await (0,_cicd_actions_core_errors__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)(runner, () => (0,_main__WEBPACK_IMPORTED_MODULE_3__/* .main */ .i)(runner, { clock: _cicd_actions_core_clock__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m }));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6823:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: readInputs

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./packages/core/src/clock.ts
var clock = __nccwpck_require__(143);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __nccwpck_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/inputs.ts
var src_inputs = __nccwpck_require__(7276);
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

;// CONCATENATED MODULE: ./actions/helm-rollback/src/helm-version.ts
// What `helm version` says, as a number we can choose flags by.
// Helm 3 and 4 print `version.BuildInfo{Version:"v3.17.3", GitCommit:...}` (Helm 4 adds
// KubeClientVersion); `--short` prints `v3.17.3+ge4da497`; Helm 2 printed `SemVer:"v2.17.0"`.
const BUILD_INFO = /\b(?:Version|SemVer):"v?(\d+)\.(\d+)\.(\d+)([^"]*)"/;
const SHORT = /^v?(\d+)\.(\d+)\.(\d+)([-+][^\s]*)?$/;
/** Parses the output of `helm version` (either form); undefined when it is not Helm's. */
function parseHelmVersion(output) {
    const text = output.trim();
    const m = BUILD_INFO.exec(text) ?? SHORT.exec(text.split(/\r?\n/)[0]?.trim() ?? '');
    if (!m)
        return undefined;
    const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const prerelease = (m[4] ?? '').split('+')[0];
    return { major, minor, patch, text: `v${major}.${minor}.${patch}${prerelease}` };
}

;// CONCATENATED MODULE: ./actions/helm-rollback/src/release-history.ts
// A release's history as `helm history -o json` prints it, and the choice of the revision to
// roll back to.

/** The statuses Helm stores (pkg/release status.go). */
const RELEASE_STATUSES = (/* unused pure expression or super */ null && ([
    'unknown',
    'deployed',
    'uninstalled',
    'superseded',
    'failed',
    'uninstalling',
    'pending-install',
    'pending-upgrade',
    'pending-rollback',
]));
/** A revision that ran to completion: what Helm's own auto-rollback (`--atomic`) goes back to. */
const GOOD_STATUSES = ['deployed', 'superseded'];
/** An operation that never finished (the client died or timed out); a rollback clears it. */
const PENDING_STATUSES = [
    'pending-install',
    'pending-upgrade',
    'pending-rollback',
];
/** Parses `helm history -o json`; sorted by revision, oldest first. */
function parseHistory(json) {
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        throw new errors/* ActionError */.lZ(`helm history printed something that is not JSON: ${json.trim().slice(0, 120)}`);
    }
    if (!Array.isArray(data))
        throw new errors/* ActionError */.lZ('helm history -o json did not print a JSON array');
    const entries = data.map((raw, i) => {
        const r = (raw ?? {});
        const revision = Number(r.revision);
        if (!Number.isSafeInteger(revision) || revision < 1)
            throw new errors/* ActionError */.lZ(`helm history entry ${i + 1} has no valid revision`);
        return {
            revision,
            updated: release_history_text(r.updated),
            status: release_history_text(r.status) || 'unknown',
            chart: release_history_text(r.chart),
            app_version: release_history_text(r.app_version),
            description: release_history_text(r.description),
        };
    });
    return entries.sort((a, b) => a.revision - b.revision);
}
function release_history_text(v) {
    return v === undefined || v === null ? '' : String(v);
}
/**
 * The revision to roll back to. Without `explicit`: the newest revision older than the current
 * one whose status is deployed or superseded. Never 0: Helm's "previous" is N-1 even when N-1 failed.
 */
function selectRollbackTarget(history, release, explicit) {
    if (history.length === 0)
        throw new errors/* ActionError */.lZ(`Release '${release}' not found: it has no history`);
    const sorted = [...history].sort((a, b) => a.revision - b.revision);
    const current = sorted[sorted.length - 1];
    const notes = [];
    if (PENDING_STATUSES.includes(current.status)) {
        notes.push(`Release '${release}' is stuck in ${current.status} at revision ${current.revision} (an operation that never finished); rolling back is the standard way out.`);
    }
    if (explicit !== undefined) {
        if (explicit === current.revision)
            throw new errors/* ActionError */.lZ(`Revision ${explicit} is the current revision of '${release}'; nothing to roll back to`);
        if (explicit > current.revision)
            throw new errors/* ActionError */.lZ(`Revision ${explicit} is newer than the current revision ${current.revision} of '${release}'`);
        const target = sorted.find((e) => e.revision === explicit);
        if (!target) {
            throw new errors/* ActionError */.lZ(`Revision ${explicit} of '${release}' is not in its history (kept: ${sorted.map((e) => e.revision).join(', ')}); Helm prunes old revisions beyond --history-max`);
        }
        if (!GOOD_STATUSES.includes(target.status))
            notes.push(`Revision ${explicit} was requested explicitly although its status is ${target.status}.`);
        return { current, target, reason: `revision ${explicit} was requested`, notes };
    }
    const candidates = sorted.filter((e) => e.revision < current.revision && GOOD_STATUSES.includes(e.status));
    const target = candidates[candidates.length - 1];
    if (!target) {
        const seen = sorted.map((e) => `${e.revision} ${e.status}`).join(', ');
        // A first install that never finished has no past to return to; Helm's way out is uninstalling it.
        const hint = current.status === 'pending-install' || (current.status === 'failed' && sorted.length === 1)
            ? `; it was never installed successfully — 'helm uninstall ${release}' clears it`
            : '';
        throw new errors/* ActionError */.lZ(`No earlier good revision of '${release}' to roll back to: no revision before ${current.revision} is deployed or superseded (history: ${seen})${hint}`);
    }
    const skipped = sorted.filter((e) => e.revision > target.revision && e.revision < current.revision);
    const reason = skipped.length
        ? `newest good revision before ${current.revision}; skipped ${skipped.map((e) => `${e.revision} (${e.status})`).join(', ')}`
        : `newest good revision before ${current.revision}`;
    return { current, target, reason, notes };
}

;// CONCATENATED MODULE: ./actions/helm-rollback/src/helm-cli.ts
// The helm command line: run as a program with an argument array (never a shell), with a
// time limit, and its failures turned into one clear line.



/** The process implementation of RunProgram: spawn without a shell, collect output, kill on overrun. */
const spawnProgram = async (file, args, opts) => {
    // Loaded on first use: ~7 ms of startup that a run refused for bad input never needs.
    const { spawn } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
    return new Promise((resolve, reject) => {
        const child = spawn(file, args, {
            env: opts.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: false,
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            // Helm traps SIGTERM to record the release state; give it a moment before forcing.
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }, Math.max(1, opts.timeoutMs));
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(err);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut)
                stderr += `\nError: killed after ${Math.round(opts.timeoutMs / 1000)}s (the action's timeout)`;
            resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
        });
    });
};
/** Helm's own last `Error:` line (what it prints before exiting non-zero), else its last line. */
function lastHelmError(stderr) {
    const lines = stderr
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    const errorLine = [...lines].reverse().find((l) => /^Error:/.test(l));
    const line = errorLine ?? lines[lines.length - 1] ?? '';
    return line.replace(/^Error:\s*/, '') || 'no error message';
}
/** Errors worth another try: the API server or the network hiccuped; nothing was changed. */
function isTransientHelmError(stderr) {
    // Helm prints the API server's Status message, not its code, so these are the messages
    // apiserver and etcd send for passing trouble (503 ServiceUnavailable, 429, leader elections).
    return /connection refused|connection reset|i\/o timeout|TLS handshake timeout|unexpected EOF|the server is currently unable|Too Many Requests|rate limiter|etcdserver: (leader changed|request timed out|too many requests)|http2: client connection lost|\b50[234]\b/i.test(stderr);
}
class HelmCommandError extends errors/* ActionError */.lZ {
    command;
    result;
    constructor(command, result) {
        super(`helm ${command} failed (exit code ${result.code}): ${lastHelmError(result.stderr)}`, result.stderr);
        this.command = command;
        this.result = result;
    }
}
class HelmCli {
    o;
    run;
    constructor(o) {
        this.o = o;
        this.run = o.run ?? spawnProgram;
    }
    /** Flags every cluster command takes: the namespace and, when chosen, the kubeconfig context. */
    scope() {
        return [
            '--namespace',
            this.o.namespace,
            ...(this.o.kubeContext ? ['--kube-context', this.o.kubeContext] : []),
        ];
    }
    /** Runs helm; a missing binary becomes one clear error. */
    async exec(args, timeoutMs) {
        try {
            return await this.run(this.o.helm, args, { env: this.o.env, timeoutMs });
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT')
                throw new errors/* ActionError */.lZ(`helm not found: '${this.o.helm}' is not an executable on PATH; install Helm (e.g. azure/setup-helm) or set the 'helm' input to its path`);
            if (code === 'EACCES')
                throw new errors/* ActionError */.lZ(`helm is not executable: '${this.o.helm}' (permission denied)`);
            throw err;
        }
    }
    async checked(command, args, timeoutMs) {
        const result = await this.exec(args, timeoutMs);
        if (result.code !== 0)
            throw new HelmCommandError(command, result);
        return result.stdout;
    }
    async version(timeoutMs) {
        const out = await this.checked('version', ['version'], timeoutMs);
        const v = parseHelmVersion(out);
        if (!v)
            throw new errors/* ActionError */.lZ(`'${this.o.helm}' does not look like Helm: 'helm version' printed ${JSON.stringify(out.trim().slice(0, 80))}`);
        return v;
    }
    async history(release, timeoutMs) {
        const result = await this.exec(['history', release, ...this.scope(), '--output', 'json', '--max', '256'], timeoutMs);
        if (result.code !== 0) {
            if (/release: not found/i.test(result.stderr))
                throw new errors/* ActionError */.lZ(`Release '${release}' not found in namespace '${this.o.namespace}'`);
            throw new HelmCommandError('history', result);
        }
        return parseHistory(result.stdout);
    }
    async manifest(release, revision, timeoutMs) {
        return this.checked('get manifest', ['get', 'manifest', release, ...this.scope(), '--revision', String(revision)], timeoutMs);
    }
    /** `helm rollback` with the arguments rollbackArgs built; never retried (it must happen once). */
    async rollback(args, timeoutMs) {
        return this.exec(args, timeoutMs);
    }
}

// EXTERNAL MODULE: ./packages/kube/src/workload-ref.ts
var workload_ref = __nccwpck_require__(9102);
;// CONCATENATED MODULE: ./actions/helm-rollback/src/release-names.ts
// Names are checked before anything runs: Helm's own rules for release names, DNS-1123 labels
// for namespaces. A name that passes cannot carry shell or flag syntax (no spaces, `;`, leading `-`).


// Helm's release name rule (chartutil.ValidateReleaseName): a DNS-1123 subdomain of at most 53
// characters, because Helm builds Secret names and labels from it.
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RELEASE_NAME_MAX = 53;
/** Why `name` is not a valid Helm release name, or undefined when it is. */
function releaseNameProblem(name) {
    if (name.length > RELEASE_NAME_MAX)
        return `at most ${RELEASE_NAME_MAX} characters (got ${name.length})`;
    if (!RELEASE_NAME.test(name))
        return 'lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
    return undefined;
}
/** Why `name` is not a valid namespace (DNS-1123 label), or undefined when it is. */
function namespaceProblem(name) {
    if (name.length > 63)
        return `at most 63 characters (got ${name.length})`;
    if (!(0,workload_ref/* isDns1123Label */.z3)(name))
        return 'a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
    return undefined;
}
/** Shows a user's value in an error without letting it span lines or run on. */
function shown(value) {
    const oneLine = value.replace(/[\r\n]+/g, ' ');
    return oneLine.length > 70 ? `${oneLine.slice(0, 70)}…` : oneLine;
}
function validateReleaseName(input, value) {
    const problem = releaseNameProblem(value);
    if (problem)
        throw new errors/* InputError */.dz(input, `expected a Helm release name (${problem}), got '${shown(value)}'`);
    return value;
}
function validateNamespace(input, value) {
    const problem = namespaceProblem(value);
    if (problem)
        throw new errors/* InputError */.dz(input, `expected a namespace name (${problem}), got '${shown(value)}'`);
    return value;
}

;// CONCATENATED MODULE: ./actions/helm-rollback/src/rollback-flags.ts
// The `helm rollback` command line for one Helm major. Helm 4 renamed or changed several flags
// (`helm rollback --help` of 3.17.3 and 4.1.4): --force became --force-replace, --wait takes a
// strategy, --dry-run takes a mode and --recreate-pods is gone.

/** Helm 4's wait strategies; `hookOnly` is Helm 4's default (no waiting on resources). */
const WAIT_STRATEGIES = ['watcher', 'legacy', 'hookOnly'];
/** A Go duration Helm's --timeout accepts; never 0s, which Helm would read as "no time at all". */
function goDuration(ms) {
    return `${Math.max(1, Math.ceil(ms / 1000))}s`;
}
/** The argument array for `helm rollback` on Helm `major` (3 or 4). */
function rollbackArgs(major, o) {
    if (!Number.isSafeInteger(o.revision) || o.revision < 1)
        throw new Error(`refusing to roll back to revision ${o.revision}: it must be an explicit revision >= 1`);
    const helm4 = major >= 4;
    const args = ['rollback', o.release, String(o.revision), '--namespace', o.namespace];
    if (o.kubeContext)
        args.push('--kube-context', o.kubeContext);
    if (o.wait) {
        if (helm4)
            args.push(`--wait=${o.wait}`);
        // Helm 3 has one way to wait; its --wait is what Helm 4 calls `legacy`, and hookOnly is not waiting.
        else if (o.wait !== 'hookOnly')
            args.push('--wait');
    }
    if (o.waitForJobs)
        args.push('--wait-for-jobs');
    args.push('--timeout', goDuration(o.timeoutMs));
    if (o.cleanupOnFail)
        args.push('--cleanup-on-fail');
    if (o.noHooks)
        args.push('--no-hooks');
    if (o.force)
        args.push(helm4 ? '--force-replace' : '--force');
    if (o.recreatePods) {
        if (helm4)
            throw new errors/* InputError */.dz('recreate-pods', 'is not supported by Helm 4, which removed --recreate-pods; leave it false (a rollback that changes the pod template restarts the pods anyway)');
        args.push('--recreate-pods');
    }
    // Helm 4's bare --dry-run still works but is deprecated; `client` is what it means.
    if (o.dryRun)
        args.push(helm4 ? '--dry-run=client' : '--dry-run');
    return args;
}

;// CONCATENATED MODULE: ./actions/helm-rollback/src/rollback-summary.ts
// The job summary and log tables: history before and after, the target marked, the workloads.

/** The revision column, with the roles a person looks for. */
function revisionLabel(entry, marks) {
    const mark = marks[entry.revision];
    return mark ? `${entry.revision} ← ${mark}` : String(entry.revision);
}
function historyTable(entries, marks) {
    return table(['Revision', 'Status', 'Chart', 'App version', 'Updated', 'Description'], entries.map((e) => [
        revisionLabel(e, marks),
        e.status,
        e.chart,
        e.app_version,
        e.updated,
        e.description,
    ]));
}
/** Plain-text history for the log: one aligned line per revision. */
function historyLines(entries, marks) {
    const rows = [
        ['REVISION', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'],
        ...entries.map((e) => [
            revisionLabel(e, marks),
            e.status,
            e.chart,
            e.app_version,
            e.description,
        ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd());
}
const STATUS_ICON = {
    verified: '✅',
    'rolled-back': '↩️',
    skipped: '⏭️',
    failed: '❌',
};
function rollbackSummary(r) {
    const parts = [];
    parts.push(heading(`${STATUS_ICON[r.status]} Helm rollback of ${r.release} (namespace ${r.namespace}): ${r.status}`));
    parts.push(`${r.headline}\n\nHelm ${r.helmVersion}${r.dryRun ? ' — dry run, nothing was changed' : ''}.\n`);
    const beforeMarks = {};
    if (r.from !== undefined)
        beforeMarks[r.from] = 'current';
    if (r.to !== undefined)
        beforeMarks[r.to] = 'target';
    parts.push(heading('History before', 4));
    parts.push(historyTable(r.before, beforeMarks));
    if (r.after) {
        const afterMarks = {};
        if (r.to !== undefined)
            afterMarks[r.to] = 'target';
        if (r.newRevision !== undefined)
            afterMarks[r.newRevision] = `new (copy of ${r.to})`;
        parts.push(heading('History after', 4));
        parts.push(historyTable(r.after, afterMarks));
    }
    if (r.workloads) {
        parts.push(heading('Verified workloads', 4));
        if (r.workloads.length) {
            parts.push(table(['Workload', 'Namespace', 'Ready', 'Replicas', 'Revision', 'Message'], r.workloads.map((w) => [
                w.workload,
                w.namespace,
                w.ready ? '✅ yes' : '❌ no',
                w.replicas,
                w.revision,
                w.message,
            ])));
        }
        else {
            parts.push('The release manifest has no Deployments, StatefulSets or DaemonSets to wait for.\n');
        }
    }
    if (r.verifyNote)
        parts.push(`${r.verifyNote}\n`);
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./actions/helm-rollback/src/main.ts
// helm-rollback: roll a release back to its last good revision with the real helm CLI, then
// prove it worked by waiting for the workloads the rolled-back manifest declares.












/** Every input, parsed and checked before anything runs. */
function readInputs(runner) {
    const inputs = new src_inputs/* Inputs */.G0(runner);
    // The kubeconfig is masked before anything else can print it.
    const kubeconfig = inputs.raw('kubeconfig').trim();
    runner.setSecret(kubeconfig);
    const release = validateReleaseName('release', inputs.required('release'));
    const namespace = validateNamespace('namespace', inputs.string('namespace', 'default'));
    const revisionText = inputs.string('revision');
    const revision = revisionText === '' ? undefined : inputs.integer('revision', 0, { min: 1 });
    const waitText = inputs.string('wait', 'true');
    const strategy = WAIT_STRATEGIES.find((s) => s.toLowerCase() === waitText.toLowerCase());
    const waitSwitch = (0,src_inputs/* parseBoolean */.yG)(waitText);
    if (!strategy && waitSwitch === undefined)
        throw new errors/* InputError */.dz('wait', `expected true, false or a Helm 4 wait strategy (${WAIT_STRATEGIES.join(', ')}), got '${waitText}'`);
    // `true` is Helm 4's bare --wait (watcher); Helm 3 has a single kind of wait.
    const wait = strategy ?? (waitSwitch ? 'watcher' : false);
    const context = inputs.string('context') || undefined;
    if (context !== undefined && /[\s\x00-\x1f]/.test(context))
        throw new errors/* InputError */.dz('context', `expected a kubeconfig context name without spaces or control characters, got '${context.replace(/[\r\n]+/g, ' ')}'`);
    const helm = inputs.string('helm', 'helm');
    if (/[\r\n\x00]/.test(helm))
        throw new errors/* InputError */.dz('helm', 'expected a program name or path on one line');
    return {
        release,
        namespace,
        revision,
        wait,
        waitForJobs: inputs.boolean('wait-for-jobs', false),
        timeoutMs: inputs.duration('timeout', '5m', { min: 1000 }),
        cleanupOnFail: inputs.boolean('cleanup-on-fail', false),
        dryRun: inputs.boolean('dry-run', false),
        force: inputs.boolean('force', false),
        recreatePods: inputs.boolean('recreate-pods', false),
        noHooks: inputs.boolean('no-hooks', false),
        verify: inputs.boolean('verify', true),
        kubeconfig,
        context,
        helm,
    };
}
/** The kubeconfig input as YAML, or undefined when none was given (helm then finds its own). */
async function decodeKubeconfigInput(runner, content, context) {
    if (!content)
        return undefined;
    const { decodeKubeconfigContent, parseKubeconfig, kubeconfigSecrets } = await __nccwpck_require__.e(/* import() */ 724).then(__nccwpck_require__.bind(__nccwpck_require__, 5724));
    let text;
    try {
        text = decodeKubeconfigContent(content);
    }
    catch (err) {
        throw new errors/* InputError */.dz('kubeconfig', (0,errors/* errorMessage */.gJ)(err));
    }
    runner.setSecret(text);
    let config;
    try {
        config = await parseKubeconfig(text);
    }
    catch (err) {
        throw new errors/* InputError */.dz('kubeconfig', (0,errors/* errorMessage */.gJ)(err));
    }
    for (const secret of kubeconfigSecrets(config))
        runner.setSecret(secret);
    if (context && !config.contexts.some((c) => c.name === context)) {
        throw new errors/* InputError */.dz('context', `no context named '${context}' in the kubeconfig (it has: ${config.contexts.map((c) => c.name).join(', ') || 'none'})`);
    }
    return text;
}
/** A private copy of the kubeconfig for helm: mode 600 in a fresh directory under RUNNER_TEMP. */
function writeKubeconfigFile(env, text) {
    // mkdtemp makes a fresh directory only this user can enter (0700).
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'helm-rollback-'));
    const file = external_node_path_default().join(dir, 'kubeconfig');
    (0,external_node_fs_.writeFileSync)(file, text, { mode: 0o600 });
    return { file, remove: () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true }) };
}
const READ_ATTEMPTS = 3;
async function main(runner, deps) {
    const input = readInputs(runner);
    const kubeconfigText = await decodeKubeconfigInput(runner, input.kubeconfig, input.context);
    const deadline = new clock/* Deadline */.B(deps.clock, input.timeoutMs);
    const helmEnv = { ...runner.env };
    // Inputs are the action's business, not helm's; and a kubeconfig given as input wins.
    for (const key of Object.keys(helmEnv))
        if (key.startsWith('INPUT_'))
            delete helmEnv[key];
    const kubeconfigFile = kubeconfigText
        ? writeKubeconfigFile(runner.env, kubeconfigText)
        : undefined;
    if (kubeconfigFile)
        helmEnv.KUBECONFIG = kubeconfigFile.file;
    const cli = new HelmCli({
        helm: input.helm,
        env: helmEnv,
        namespace: input.namespace,
        kubeContext: input.context,
        run: deps.run,
    });
    const outcome = {};
    try {
        await rollback(runner, deps, input, cli, deadline, kubeconfigText, outcome);
    }
    catch (err) {
        // The next step (e.g. a notification) can still read what happened.
        if (!outcome.status)
            runner.setOutput('status', 'failed');
        if (!outcome.historySet && outcome.history)
            runner.setOutput('history', JSON.stringify(outcome.history));
        throw err;
    }
    finally {
        kubeconfigFile?.remove();
    }
}
/** Read-only helm commands are retried on network hiccups, within the deadline. */
async function readWithRetry(runner, clock, deadline, what, read) {
    for (let attempt = 1;; attempt++) {
        try {
            return await read(Math.max(1000, deadline.remaining()));
        }
        catch (err) {
            const transient = err instanceof HelmCommandError && isTransientHelmError(err.result.stderr);
            const wait = 1000 * 2 ** (attempt - 1);
            if (!transient || attempt >= READ_ATTEMPTS || deadline.remaining() <= wait)
                throw err;
            runner.warning(`${what} failed (${lastHelmError(err.result.stderr)}); retrying in ${(0,src_inputs/* formatDuration */.a3)(wait)}`);
            await clock.sleep(wait);
        }
    }
}
async function rollback(runner, deps, input, cli, deadline, kubeconfigText, outcome) {
    const { release, namespace } = input;
    const version = await cli.version(Math.max(1000, deadline.remaining()));
    if (version.major < 3)
        throw new errors/* ActionError */.lZ(`Helm ${version.text} is not supported: Helm 2 used Tiller and a different release store; use Helm 3 or 4`);
    if (version.major > 4)
        runner.warning(`Helm ${version.text} is newer than this action knows; passing Helm 4 flags`);
    // Built once with a placeholder revision so that a flag this Helm lacks fails before anything changes.
    const options = {
        release,
        namespace,
        wait: input.wait,
        waitForJobs: input.waitForJobs,
        timeoutMs: input.timeoutMs,
        cleanupOnFail: input.cleanupOnFail,
        dryRun: input.dryRun,
        force: input.force,
        recreatePods: input.recreatePods,
        noHooks: input.noHooks,
        kubeContext: input.context,
    };
    rollbackArgs(version.major, { ...options, revision: 1 });
    runner.info(`Helm ${version.text} (${input.helm}); release ${release} in namespace ${namespace}`);
    const before = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) => cli.history(release, t));
    outcome.history = before;
    const current = before[before.length - 1];
    if (current) {
        runner.startGroup(`History of ${release}: ${before.length} revision(s), current ${current.revision} (${current.status})`);
        for (const line of historyLines(before, { [current.revision]: 'current' }))
            runner.info(line);
        runner.endGroup();
    }
    let plan;
    try {
        plan = selectRollbackTarget(before, release, input.revision);
    }
    catch (err) {
        // Nothing was changed; the summary still shows the history that made the choice impossible.
        runner.appendSummary(`${heading(`❌ Helm rollback of ${release} (namespace ${namespace}): failed`)}\n${(0,errors/* errorMessage */.gJ)(err)}\n\n${historyTable(before, current ? { [current.revision]: 'current' } : {})}`);
        throw err;
    }
    for (const note of plan.notes)
        runner.notice(note);
    runner.info(`Rolling back ${release} from revision ${plan.current.revision} (${plan.current.status}) to revision ${plan.target.revision} (${plan.target.status}, ${plan.target.chart}): ${plan.reason}`);
    runner.setOutput('from-revision', plan.current.revision);
    runner.setOutput('to-revision', plan.target.revision);
    const report = {
        release,
        namespace,
        helmVersion: version.text,
        status: 'failed',
        headline: '',
        before,
        from: plan.current.revision,
        to: plan.target.revision,
        dryRun: input.dryRun,
    };
    const finish = (status, headline) => {
        report.status = status;
        report.headline = headline;
        outcome.status = status;
        outcome.historySet = true;
        runner.setOutput('status', status);
        runner.setOutput('history', JSON.stringify(report.after ?? report.before));
        runner.appendSummary(rollbackSummary(report));
    };
    const args = rollbackArgs(version.major, {
        ...options,
        revision: plan.target.revision,
        timeoutMs: Math.max(1000, deadline.remaining()),
    });
    runner.info(`Running: ${input.helm} ${args.join(' ')}`);
    const started = deps.clock.now();
    const progress = setInterval(() => {
        runner.info(`… helm rollback still running (${(0,src_inputs/* formatDuration */.a3)(deps.clock.now() - started)} elapsed, ${(0,src_inputs/* formatDuration */.a3)(deadline.remaining())} left)`);
    }, deps.progressEveryMs ?? 15_000);
    let result;
    try {
        // Killed a little after its own --timeout, so that Helm can record the outcome itself.
        result = await cli.rollback(args, deadline.remaining() + 15_000);
    }
    finally {
        clearInterval(progress);
    }
    for (const line of `${result.stdout}\n${result.stderr}`.split(/\r?\n/))
        if (line.trim())
            runner.info(`helm: ${line}`);
    if (result.code !== 0) {
        const after = await cli
            .history(release, Math.max(1000, Math.min(30_000, deadline.remaining() + 10_000)))
            .catch(() => undefined);
        if (after) {
            report.after = after;
            const latest = after[after.length - 1];
            if (latest && latest.revision > plan.current.revision) {
                report.newRevision = latest.revision;
                runner.setOutput('new-revision', latest.revision);
            }
        }
        const message = `helm rollback of ${release} to revision ${plan.target.revision} failed (exit code ${result.code}): ${lastHelmError(result.stderr)}`;
        // Helm got as far as writing the revision (typically its --wait gave up): say why the
        // workloads are not ready, with a short look rather than another wait.
        if (report.newRevision !== undefined && input.verify) {
            report.workloads = await diagnoseWorkloads(runner, deps, input, cli, report.newRevision, kubeconfigText);
        }
        finish('failed', message);
        throw new errors/* ActionError */.lZ(message);
    }
    if (input.dryRun) {
        finish('skipped', `Dry run: would roll back from revision ${plan.current.revision} to revision ${plan.target.revision}; Helm accepted the rollback and nothing was changed.`);
        runner.info(`Dry run: ${release} would be rolled back to revision ${plan.target.revision}; nothing was changed`);
        return;
    }
    const after = await readWithRetry(runner, deps.clock, deadline, 'helm history', (t) => cli.history(release, t));
    report.after = after;
    const newest = after[after.length - 1];
    if (!newest || newest.revision <= plan.current.revision) {
        finish('failed', `helm rollback exited 0 but the history shows no new revision after ${plan.current.revision}`);
        throw new errors/* ActionError */.lZ(`helm rollback of ${release} exited 0 but its history shows no new revision after ${plan.current.revision}`);
    }
    report.newRevision = newest.revision;
    runner.setOutput('new-revision', newest.revision);
    runner.startGroup(`History of ${release} after the rollback: revision ${newest.revision} is ${newest.status}`);
    for (const line of historyLines(after, {
        [plan.target.revision]: 'target',
        [newest.revision]: 'new',
    }))
        runner.info(line);
    runner.endGroup();
    const rolledBack = `Rolled back from revision ${plan.current.revision} to revision ${plan.target.revision} (${plan.target.chart}); new revision ${newest.revision} is ${newest.status}.`;
    if (!input.verify) {
        finish('rolled-back', `${rolledBack} Not verified (verify: false).`);
        return;
    }
    await verifyRollback(runner, deps, input, cli, deadline, kubeconfigText, newest.revision, report, rolledBack, finish);
}
/** The workloads' state right now (a few seconds at most), for a rollback helm reported as failed. */
async function diagnoseWorkloads(runner, deps, input, cli, revision, kubeconfigText) {
    const glance = new clock/* Deadline */.B(deps.clock, 5_000);
    try {
        const manifest = await cli.manifest(input.release, revision, glance.remaining());
        const { workloadsFromManifest } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(489)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6489));
        const refs = workloadsFromManifest(manifest, input.namespace);
        if (!refs.length)
            return undefined;
        const verify = deps.verify ?? (await __nccwpck_require__.e(/* import() */ 185).then(__nccwpck_require__.bind(__nccwpck_require__, 7185))).verifyWorkloads;
        return await verify(refs, {
            deadline: new clock/* Deadline */.B(deps.clock, Math.min(2_000, glance.remaining())),
            kubeconfig: kubeconfigText ?? '',
            context: input.context,
            env: runner.env,
            runner,
        });
    }
    catch (err) {
        runner.info(`(could not look at the workloads: ${(0,errors/* errorMessage */.gJ)(err)})`);
        return undefined;
    }
}
async function verifyRollback(runner, deps, input, cli, deadline, kubeconfigText, newRevision, report, rolledBack, finish) {
    const manifest = await readWithRetry(runner, deps.clock, deadline, 'helm get manifest', (t) => cli.manifest(input.release, newRevision, t));
    const { workloadsFromManifest } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(489)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6489));
    const refs = workloadsFromManifest(manifest, input.namespace);
    if (!refs.length) {
        report.workloads = [];
        finish('rolled-back', `${rolledBack} Nothing to verify: the manifest has no Deployments, StatefulSets or DaemonSets.`);
        return;
    }
    runner.info(`Verifying ${refs.length} workload(s) of revision ${newRevision}: ${refs.map((r) => `${r.kind}/${r.name}`).join(', ')} (${(0,src_inputs/* formatDuration */.a3)(deadline.remaining())} left)`);
    const verify = deps.verify ?? (await __nccwpck_require__.e(/* import() */ 185).then(__nccwpck_require__.bind(__nccwpck_require__, 7185))).verifyWorkloads;
    const results = await verify(refs, {
        deadline,
        kubeconfig: kubeconfigText ?? '',
        context: input.context,
        env: runner.env,
        runner,
    });
    report.workloads = results;
    const failed = results.filter((w) => !w.ready);
    if (failed.length) {
        const first = failed[0];
        const message = `Rolled back ${input.release} to revision ${report.to} (new revision ${newRevision}), but ${first.workload} did not become ready: ${first.message}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ''}`;
        finish('failed', message);
        throw new errors/* ActionError */.lZ(message);
    }
    finish('verified', `${rolledBack} All ${results.length} workload(s) are rolled out and ready.`);
}


/***/ }),

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ Deadline),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
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


/***/ }),

/***/ 7638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
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


/***/ }),

/***/ 7276:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports parseDuration, parseInteger, parseList, parseLines, parsePairs */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7638);
/* harmony import */ var _runner__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8643);
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
        return this.runner.env[(0,_runner__WEBPACK_IMPORTED_MODULE_1__/* .inputEnvName */ .d_)(name)] ?? '';
    }
    required(name) {
        const v = this.runner.input(name);
        if (v === '')
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required and was empty');
        return v;
    }
    boolean(name, fallback) {
        const v = this.runner.input(name);
        if (v === '')
            return fallback;
        const b = parseBoolean(v);
        if (b === undefined)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected true or false, got '${v}'`);
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
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a whole number${range}, got '${v}'`);
        }
        return n;
    }
    /** A duration in milliseconds. */
    duration(name, fallback, bounds = {}) {
        const v = this.runner.input(name) || fallback;
        const ms = parseDuration(v);
        if (ms === undefined)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a duration like 30s, 5m or 1h30m, got '${v}'`);
        if (bounds.min !== undefined && ms < bounds.min)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `must be at least ${formatDuration(bounds.min)}, got '${v}'`);
        if (bounds.max !== undefined && ms > bounds.max)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `must be at most ${formatDuration(bounds.max)}, got '${v}'`);
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
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected one of ${allowed.join(', ')}, got '${v}'`);
        return v;
    }
    /** Multiline `key<sep>value` pairs. */
    pairs(name, separator, shape) {
        const result = parsePairs(this.runner.input(name), separator);
        if ('badLine' in result)
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line ${result.badLine} is not ${shape}`);
        return result.pairs;
    }
}


/***/ }),

/***/ 8643:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   by: () => (/* binding */ Runner),
/* harmony export */   d_: () => (/* binding */ inputEnvName)
/* harmony export */ });
/* unused harmony exports processIO, formatCommand, formatFileCommand */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
// The GitHub runner's protocol for JavaScript actions: inputs from INPUT_* variables,
// workflow commands on stdout, and file commands (GITHUB_OUTPUT, GITHUB_STATE, ...).
// Written here instead of importing @actions/core: its bundle costs ~40 ms of startup on
// every workflow run (it carries an HTTP client for OIDC), and the protocol is a few lines.


const processIO = {
    env: process.env,
    write: (text) => void process.stdout.write(text),
    appendFile: (path, text) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(path, text, { encoding: 'utf8' }),
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
    return `${head}${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
}
/** A key/value in the heredoc form that file commands accept for any value. */
function formatFileCommand(key, value) {
    // The delimiter only has to be absent from the value, which the loop guarantees; Math.random
    // avoids loading node:crypto (measurable startup cost) for randomUUID.
    const fresh = () => `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    let delimiter = fresh();
    while (key.includes(delimiter) || value.includes(delimiter))
        delimiter = fresh();
    return `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
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
        this.io.write(`${message}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
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


/***/ }),

/***/ 9102:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ab: () => (/* binding */ formatWorkloadRef),
/* harmony export */   J7: () => (/* binding */ workloadCollectionPath),
/* harmony export */   L2: () => (/* binding */ workloadResourceName),
/* harmony export */   Nl: () => (/* binding */ parseWorkloadKind),
/* harmony export */   Pz: () => (/* binding */ isDns1123Subdomain),
/* harmony export */   i6: () => (/* binding */ WORKLOAD_KINDS),
/* harmony export */   iD: () => (/* binding */ parseWorkloadRef),
/* harmony export */   z3: () => (/* binding */ isDns1123Label)
/* harmony export */ });
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

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

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
/******/ var __webpack_exports__ = __nccwpck_require__(291);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
