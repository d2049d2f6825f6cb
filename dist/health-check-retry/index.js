import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 962:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(206);
/* harmony import */ var _main__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(898);


const runner = new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .Runner */ .by();
await (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(runner, () => (0,_main__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i)(runner, {
    clock: _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml,
    request: _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj,
    random: Math.random,
    rootCertificates: async () => (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23))).rootCertificates,
}));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 898:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 11 modules
var src = __nccwpck_require__(206);
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./actions/health-check-retry/src/expected-status.ts
// Which HTTP statuses count as healthy: `200-299,304`, `2xx`, `200`.
const MIN = 100;
const MAX = 599;
/** Parses a status list; returns a problem description instead when an item is malformed. */
function parseExpectedStatus(text) {
    const items = text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    if (items.length === 0)
        return { problem: 'expected status codes or ranges like 200-299,304' };
    const ranges = [];
    for (const item of items) {
        const cls = /^([1-5])xx$/i.exec(item);
        const range = /^(\d{3})-(\d{3})$/.exec(item);
        const single = /^\d{3}$/.exec(item);
        let lo;
        let hi;
        if (cls)
            [lo, hi] = [Number(cls[1]) * 100, Number(cls[1]) * 100 + 99];
        else if (range)
            [lo, hi] = [Number(range[1]), Number(range[2])];
        else if (single)
            lo = hi = Number(item);
        else
            return {
                problem: `'${item}' is not a status code (e.g. 200), range (200-299) or class (2xx)`,
            };
        if (lo < MIN || hi > MAX)
            return { problem: `'${item}' is outside the HTTP status codes ${MIN}-${MAX}` };
        if (lo > hi)
            return { problem: `'${item}' is an empty range (start after end)` };
        ranges.push([lo, hi]);
    }
    return { ranges, text: items.join(',') };
}
function statusExpected(set, status) {
    return set.ranges.some(([lo, hi]) => status >= lo && status <= hi);
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/expected-json.ts
// `path=value` checks on a JSON body: `status=UP`, `checks[0].ok=true`, `["odd.key"].x=1`.
// A path is a first key or index, then `.key`, `[index]` or `["quoted key"]` segments.
const SEGMENT = /\.([^.[\]"]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
const FIRST_KEY = /[^.[\]"]+/y;
/** The segments of a path, or undefined when it is malformed. */
function parseJsonPath(path) {
    const segments = [];
    let at = 0;
    FIRST_KEY.lastIndex = 0;
    const first = FIRST_KEY.exec(path);
    if (first) {
        segments.push(first[0]);
        at = FIRST_KEY.lastIndex;
    }
    while (at < path.length) {
        SEGMENT.lastIndex = at;
        const m = SEGMENT.exec(path);
        if (!m)
            return undefined;
        if (m[1] !== undefined)
            segments.push(m[1]);
        else if (m[2] !== undefined)
            segments.push(Number(m[2]));
        else {
            try {
                segments.push(JSON.parse(`"${m[3]}"`));
            }
            catch {
                return undefined;
            }
        }
        at = SEGMENT.lastIndex;
    }
    return segments.length ? segments : undefined;
}
/** The value at a path; `found` is false when a segment is missing or the wrong kind. */
function evaluateJsonPath(doc, path) {
    let cur = doc;
    for (const seg of path) {
        if (typeof seg === 'number') {
            if (!Array.isArray(cur) || seg >= cur.length)
                return { found: false };
            cur = cur[seg];
        }
        else {
            if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, seg))
                return { found: false };
            cur = cur[seg];
        }
    }
    return { found: true, value: cur };
}
/**
 * Whether a JSON value equals the expected text. Strings compare as written (`status=UP`) or
 * JSON-quoted (`status="UP"`); numbers, booleans and null by their JSON text (`ok=true`,
 * `count=3`, `3.0` = `3`); objects and arrays by their JSON.
 */
function jsonValueMatches(actual, expected) {
    if (typeof actual === 'string')
        return actual === expected || JSON.stringify(actual) === expected;
    if (typeof actual === 'number')
        return String(actual) === expected || (expected.trim() !== '' && Number(expected) === actual);
    if (typeof actual === 'boolean' || actual === null)
        return String(actual) === expected;
    let parsed;
    try {
        parsed = JSON.parse(expected);
    }
    catch {
        return false;
    }
    return canonicalJson(parsed) === canonicalJson(actual);
}
/** JSON with object keys sorted, so `{"a":1,"b":2}` equals `{"b":2,"a":1}`. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
        return `{${entries.join(',')}}`;
    }
    return JSON.stringify(value);
}
/** Parses `path=value` lines; returns the 1-based line and problem of the first bad one instead. */
function parseJsonChecks(text) {
    const checks = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq < 0)
            return { line: i + 1, problem: `'${line}' is not path=value` };
        const path = line.slice(0, eq).trim();
        const segments = parseJsonPath(path);
        if (!segments)
            return { line: i + 1, problem: `'${path}' is not a path like status or checks[0].ok` };
        checks.push({ path, segments, expected: line.slice(eq + 1).trim() });
    }
    return checks;
}
/** Describes a JSON value shortly, for attempt errors. */
function describeJsonValue(value) {
    const text = value === undefined ? 'undefined' : JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/config.ts
// Reads and validates every input before anything is requested; a bad one throws InputError.




// RFC 9110 token characters, for header names and methods.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Control characters other than tab cannot be sent in a header value.
const BAD_HEADER_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** `Name: value` lines; credential values are masked at once, before anything else is logged. */
function readHeaders(inputs, runner) {
    const pairs = inputs.pairs('headers', ':', 'Name: value');
    const headers = {};
    for (const [name, value] of pairs) {
        if ((0,src/* isSensitiveHeader */.yx)(name))
            (0,src/* maskHeaders */.Zw)(runner, { [name]: value });
    }
    for (const [i, [name, value]] of pairs.entries()) {
        // Neither name nor value is echoed: a mistyped line may hold the credential in its name.
        if (!TOKEN.test(name))
            throw new src/* InputError */.dz('headers', `header ${i + 1} does not have a valid name (letters, digits and -_.!#$%&'*+^\`|~)`);
        if (BAD_HEADER_VALUE.test(value))
            throw new src/* InputError */.dz('headers', `the value of header ${i + 1} contains control characters`);
        const key = name.toLowerCase();
        headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
    }
    return headers;
}
/** The URLs to check; credentials and secret-looking query values in them are masked. */
function readUrls(inputs, runner) {
    const items = inputs.list('url');
    if (items.length === 0)
        throw new src/* InputError */.dz('url', 'is required and was empty');
    return items.map((text, i) => {
        let url;
        try {
            url = new URL(text);
        }
        catch {
            // The text is not echoed: it may hold credentials.
            throw new src/* InputError */.dz('url', `item ${i + 1} is not an absolute URL like https://example.com/health`);
        }
        if (url.password)
            runner.setSecret(decodeURIComponent(url.password));
        for (const [key, value] of url.searchParams)
            if ((0,src/* isSensitiveHeader */.yx)(key))
                runner.setSecret(value);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new src/* InputError */.dz('url', `item ${i + 1} must start with http:// or https://`);
        }
        if (!url.hostname)
            throw new src/* InputError */.dz('url', `item ${i + 1} has no host`);
        return url;
    });
}
function readRegex(inputs) {
    const source = inputs.raw('expected-body').trim();
    if (source === '')
        return undefined;
    try {
        return new RegExp(source);
    }
    catch (err) {
        throw new src/* InputError */.dz('expected-body', `is not a valid regular expression (${err.message.replace(/^Invalid regular expression: /, '')})`);
    }
}
function readCaCert(inputs) {
    const pem = inputs.string('ca-cert');
    if (pem === '')
        return undefined;
    const blocks = pem.match(PEM_BLOCK) ?? [];
    if (blocks.length === 0)
        throw new src/* InputError */.dz('ca-cert', 'expected PEM text starting with -----BEGIN CERTIFICATE-----');
    blocks.forEach((block, i) => {
        try {
            new external_node_crypto_namespaceObject.X509Certificate(block);
        }
        catch {
            throw new src/* InputError */.dz('ca-cert', `certificate ${i + 1} is not a valid PEM certificate`);
        }
    });
    return blocks.join('\n');
}
function readConfig(runner) {
    const inputs = new src/* Inputs */.G0(runner);
    const headers = readHeaders(inputs, runner);
    const urls = readUrls(inputs, runner);
    const method = inputs.string('method', 'GET').toUpperCase();
    if (!TOKEN.test(method))
        throw new src/* InputError */.dz('method', `'${method}' is not an HTTP method`);
    const status = parseExpectedStatus(inputs.string('expected-status', '200-399'));
    if ('problem' in status)
        throw new src/* InputError */.dz('expected-status', status.problem);
    const bodyPattern = readRegex(inputs);
    const json = parseJsonChecks(inputs.string('expected-json'));
    if (!Array.isArray(json))
        throw new src/* InputError */.dz('expected-json', `line ${json.line}: ${json.problem}`);
    if (method === 'HEAD' && (bodyPattern || json.length)) {
        throw new src/* InputError */.dz(bodyPattern ? 'expected-body' : 'expected-json', 'needs a response body, which a HEAD request never has');
    }
    const maxAttempts = inputs.integer('max-attempts', 10, { min: 1, max: 1000 });
    const successThreshold = inputs.integer('success-threshold', 1, { min: 1, max: 1000 });
    if (successThreshold > maxAttempts) {
        throw new src/* InputError */.dz('success-threshold', `${successThreshold} consecutive successes can never happen within max-attempts ${maxAttempts}`);
    }
    const retryDelayMs = inputs.duration('retry-delay', '2s');
    const maxDelayMs = inputs.duration('max-delay', '30s');
    if (maxDelayMs < retryDelayMs)
        throw new src/* InputError */.dz('max-delay', `must be at least retry-delay (${inputs.string('retry-delay')})`);
    const attemptTimeoutMs = inputs.duration('attempt-timeout', '10s', { min: 1 });
    const timeoutMs = inputs.duration('timeout', '5m', { min: 1 });
    const initialDelayMs = inputs.duration('initial-delay', '0s');
    if (initialDelayMs >= timeoutMs)
        throw new src/* InputError */.dz('initial-delay', `must be shorter than timeout (${inputs.string('timeout', '5m')})`);
    const body = inputs.raw('body');
    return {
        urls,
        method,
        headers,
        body: body === '' ? undefined : body,
        expect: { status, bodyPattern, json },
        maxAttempts,
        retryDelayMs,
        backoff: inputs.oneOf('backoff', ['exponential', 'fixed'], 'exponential'),
        maxDelayMs,
        jitter: inputs.boolean('jitter', true),
        attemptTimeoutMs,
        timeoutMs,
        initialDelayMs,
        successThreshold,
        followRedirects: inputs.boolean('follow-redirects', true),
        insecure: inputs.boolean('insecure', false),
        caCert: readCaCert(inputs),
    };
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/format.ts
/** Short human durations for progress lines: `250ms`, `4.0s`, `4m51s`, `1h0m5s`; never rounds up past the value. */
function formatWait(ms) {
    if (ms < 1000)
        return `${Math.max(0, Math.round(ms))}ms`;
    if (ms < 60_000)
        return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
    const total = Math.floor(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/classify-attempt.ts
// Turns one request's response (or network fault) into a verdict: healthy or why not.




const MAX_BODY_BYTES = 1024 * 1024;
/** Statuses whose Retry-After header says when to come back (RFC 9110 §10.2.3). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);
function classifyResponse(res, expect, now) {
    const status = res.status;
    const short = String(status);
    if (!statusExpected(expect.status, status)) {
        const retryAfterMs = RETRY_AFTER_STATUSES.has(status)
            ? (0,src/* parseRetryAfter */.mu)(res.headers['retry-after'], now)
            : undefined;
        return {
            ok: false,
            status,
            short,
            error: `status ${status}, expected ${expect.status.text}`,
            retryAfterMs,
        };
    }
    if (res.truncated)
        return {
            ok: false,
            status,
            short: 'too large',
            error: 'body larger than 1 MiB (reading stopped); a health response should be small',
        };
    if (!expect.bodyPattern && expect.json.length === 0)
        return { ok: true, status, short };
    const text = res.body.toString('utf8');
    if (expect.bodyPattern && !expect.bodyPattern.test(text)) {
        return {
            ok: false,
            status,
            short: `${status}, body`,
            error: `body does not match expected-body /${expect.bodyPattern.source}/`,
        };
    }
    if (expect.json.length) {
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch {
            return { ok: false, status, short: `${status}, not JSON`, error: 'body is not JSON' };
        }
        for (const check of expect.json) {
            const found = evaluateJsonPath(doc, check.segments);
            if (!found.found)
                return { ok: false, status, short: `${status}, JSON`, error: `JSON has no ${check.path}` };
            if (!jsonValueMatches(found.value, check.expected)) {
                return {
                    ok: false,
                    status,
                    short: `${status}, JSON`,
                    error: `JSON ${check.path} is ${describeJsonValue(found.value)}, expected ${check.expected}`,
                };
            }
        }
    }
    return { ok: true, status, short };
}
const SHORT_BY_CODE = {
    TIMEOUT: 'timeout',
    ABORTED: 'aborted',
    REDIRECT_LOOP: 'redirect loop',
    TOO_MANY_REDIRECTS: 'redirects',
    BAD_REDIRECT: 'bad redirect',
    CONNECTION_REFUSED: 'refused',
    CONNECTION_RESET: 'reset',
    DNS: 'DNS',
    TLS: 'TLS',
    NETWORK: 'network',
};
/**
 * A network fault as a failed attempt. `deadlineCutMs` is set when the attempt's time limit was
 * shortened to the time left, so a timeout is reported as the overall deadline.
 */
function classifyFault(err, deadlineCutMs) {
    if (err instanceof src/* HttpError */.j$) {
        if (err.code === 'TIMEOUT' && deadlineCutMs !== undefined) {
            return {
                ok: false,
                short: 'timeout',
                error: `no answer before the overall timeout (${formatWait(deadlineCutMs)} were left)`,
            };
        }
        return { ok: false, short: SHORT_BY_CODE[err.code] ?? 'error', error: err.message };
    }
    return { ok: false, short: 'error', error: (0,src/* errorMessage */.gJ)(err) };
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/check-url.ts
// The per-URL loop: request, judge, wait (backoff or Retry-After), until healthy `success-threshold`
// times in a row, attempts run out, or the overall deadline leaves no room for another wait.



/** Long waits report progress this often, so a log never looks stuck. */
const HEARTBEAT_MS = 30_000;
/** Sleeps `ms`, logging the time still to wait every HEARTBEAT_MS. */
async function sleepWithProgress(clock, ms, onTick) {
    const end = clock.now() + ms;
    for (;;) {
        const left = end - clock.now();
        if (left <= 0)
            return;
        await clock.sleep(Math.min(left, HEARTBEAT_MS));
        const after = end - clock.now();
        if (after > 0)
            onTick(after);
    }
}
async function checkUrl(url, cfg, deps) {
    const { clock, deadline, log } = deps;
    const max = cfg.maxAttempts;
    const attempts = [];
    let okStreak = 0;
    let failStreak = 0;
    let last;
    const attempt = async (n) => {
        const limit = Math.min(cfg.attemptTimeoutMs, deadline.remaining());
        const started = clock.now();
        let verdict;
        try {
            const res = await deps.request({
                url,
                method: cfg.method,
                headers: cfg.headers,
                body: cfg.body,
                timeoutMs: limit,
                maxBodyBytes: MAX_BODY_BYTES,
                followRedirects: cfg.followRedirects,
                maxRedirects: 10,
                insecure: cfg.insecure,
                ca: deps.ca,
            });
            verdict = classifyResponse(res, cfg.expect, clock.now());
        }
        catch (err) {
            verdict = classifyFault(err, limit < cfg.attemptTimeoutMs ? limit : undefined);
        }
        const latencyMs = Math.max(0, clock.now() - started);
        last = verdict;
        const record = {
            n,
            offsetMs: started - deps.startedAt,
            latencyMs,
            ok: verdict.ok,
            status: verdict.status,
            error: verdict.error,
        };
        attempts.push(record);
        const what = verdict.status !== undefined ? `HTTP ${verdict.status}` : 'no response';
        log(`attempt ${n}/${max}: ${what} in ${formatWait(latencyMs)}${verdict.ok ? ', healthy' : ` - ${verdict.error}`}`);
        if (verdict.ok) {
            okStreak++;
            failStreak = 0;
            if (okStreak >= cfg.successThreshold)
                return { done: true, value: record };
        }
        else {
            okStreak = 0;
            failStreak++;
        }
        // The wait is decided here (streaks, Retry-After, backoff); retry() enforces attempts and the deadline.
        // Stop early when the attempts left cannot give the consecutive successes still needed.
        if (n < max && max - n < cfg.successThreshold - okStreak)
            return { done: false, fatal: true, value: record };
        const wait = verdict.ok
            ? cfg.retryDelayMs
            : (verdict.retryAfterMs ??
                (0,src/* backoffDelay */.EY)(failStreak, {
                    initialMs: cfg.retryDelayMs,
                    maxMs: cfg.maxDelayMs,
                    strategy: cfg.backoff,
                    jitter: cfg.jitter,
                }, deps.random));
        return { done: false, retryAfterMs: wait, value: record };
    };
    const progressClock = {
        now: () => clock.now(),
        sleep: (ms) => sleepWithProgress(clock, ms, (left) => log(`still waiting: next attempt in ${formatWait(left)}, ${formatWait(deadline.remaining())} left`)),
    };
    const outcome = await (0,src/* retry */.L5)(attempt, {
        initialMs: cfg.retryDelayMs,
        maxMs: cfg.maxDelayMs,
        strategy: cfg.backoff,
        jitter: cfg.jitter,
        maxAttempts: max,
        deadline: deadline.at,
        clock: progressClock,
        random: deps.random,
        onWait: (ms, n) => {
            const state = last?.ok
                ? `ok (${last.short}), ${okStreak}/${cfg.successThreshold} consecutive`
                : `failed (${last?.short ?? 'error'})`;
            log(`attempt ${n}/${max} ${state}; next in ${formatWait(ms)}, ${formatWait(deadline.remaining())} left`);
        },
    });
    const result = { url: (0,src/* safeUrl */.Pl)(url), healthy: outcome.done, attempts };
    if (!outcome.done)
        result.gaveUp = gaveUpReason(outcome.stopped, attempts.length, cfg, last);
    return result;
}
function gaveUpReason(stopped, count, cfg, last) {
    const tries = `${count} attempt${count === 1 ? '' : 's'}`;
    switch (stopped) {
        case 'fatal':
            return `${cfg.successThreshold} consecutive successes are no longer possible within max-attempts ${cfg.maxAttempts} (after ${tries})`;
        case 'deadline':
            if (last?.retryAfterMs !== undefined)
                return `the server asked to retry after ${formatWait(last.retryAfterMs)} (Retry-After), past the timeout of ${formatWait(cfg.timeoutMs)} (after ${tries})`;
            return `timeout of ${formatWait(cfg.timeoutMs)} reached after ${tries}`;
        default:
            return cfg.successThreshold > 1
                ? `no ${cfg.successThreshold} consecutive successes in ${tries}`
                : `all ${tries} failed`;
    }
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/report.ts
// What the step hands on: outputs for the next step, a job summary for people.


/** Attempt tables longer than this are folded in the summary. */
const FOLD_AFTER = 20;
function lastStatus(result) {
    for (let i = result.attempts.length - 1; i >= 0; i--)
        if (result.attempts[i].status !== undefined)
            return result.attempts[i].status;
    return undefined;
}
function resultJson(result) {
    const last = result.attempts.at(-1);
    return {
        url: result.url,
        healthy: result.healthy,
        attempts: result.attempts.length,
        status: lastStatus(result) ?? null,
        error: result.healthy ? null : (last?.error ?? result.gaveUp ?? null),
        latencies: result.attempts.map((a) => Math.round(a.latencyMs)),
    };
}
/** The `status` output: the first unhealthy URL's last status, else the first URL's. */
function statusOutput(results) {
    const pick = results.find((r) => !r.healthy) ?? results[0];
    const status = pick ? lastStatus(pick) : undefined;
    return status === undefined ? '' : String(status);
}
function verdictText(r) {
    const n = r.attempts.length;
    return r.healthy
        ? `healthy after ${n} attempt${n === 1 ? '' : 's'}`
        : `not healthy: ${r.gaveUp ?? 'failed'}`;
}
/** One log line per attempt, for the per-URL log group written at the end. */
function attemptLines(r) {
    return r.attempts.map((a) => `#${a.n} at +${formatWait(a.offsetMs)}: ${a.status ?? 'no response'} in ${formatWait(a.latencyMs)}, ${a.ok ? 'ok' : a.error}`);
}
function summaryMarkdown(results, cfg, elapsedMs) {
    const healthy = results.every((r) => r.healthy);
    const out = [];
    out.push((0,src/* heading */.R_)(`${healthy ? '✅' : '❌'} Health check ${healthy ? 'passed' : 'failed'} in ${formatWait(elapsedMs)}`));
    const expectations = [`status ${cfg.expect.status.text}`];
    if (cfg.expect.bodyPattern)
        expectations.push(`body matches \`${(0,src/* cell */.Hn)(cfg.expect.bodyPattern.source)}\``);
    for (const c of cfg.expect.json)
        expectations.push(`\`${(0,src/* cell */.Hn)(c.path)}\` = \`${(0,src/* cell */.Hn)(c.expected)}\``);
    out.push(`${cfg.method}, expecting ${expectations.join(', ')}; up to ${cfg.maxAttempts} attempts per URL` +
        `${cfg.successThreshold > 1 ? ` (${cfg.successThreshold} consecutive successes needed)` : ''}, timeout ${formatWait(cfg.timeoutMs)}` +
        `${cfg.initialDelayMs ? `, after an initial delay of ${formatWait(cfg.initialDelayMs)}` : ''}.\n`);
    out.push((0,src/* table */.tp)(['URL', 'Result', 'Attempts', 'Last status'], results.map((r) => [
        r.url,
        `${r.healthy ? '✅' : '❌'} ${verdictText(r)}`,
        r.attempts.length,
        lastStatus(r) ?? '—',
    ])));
    for (const r of results) {
        out.push((0,src/* heading */.R_)(`${r.healthy ? '✅' : '❌'} ${r.url}`, 4));
        const attempts = (0,src/* table */.tp)(['#', 'Time', 'Status', 'Latency', 'Result'], r.attempts.map((a) => [
            a.n,
            `+${formatWait(a.offsetMs)}`,
            a.status ?? '—',
            formatWait(a.latencyMs),
            a.ok ? 'ok' : a.error,
        ]));
        // A long run of attempts would push the other URLs off the page: fold it.
        out.push(r.attempts.length > FOLD_AFTER
            ? (0,src/* details */.zH)(`${r.attempts.length} attempts`, attempts)
            : attempts);
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./actions/health-check-retry/src/main.ts
// Wires inputs → concurrent per-URL checks → outputs, summary and the verdict.





/** Log labels: the safe URL, numbered when two URLs differ only in what is hidden. */
function labels(urls) {
    const safe = urls.map((u) => (0,src/* safeUrl */.Pl)(u));
    return safe.map((s, i) => (safe.indexOf(s) !== safe.lastIndexOf(s) ? `${s} #${i + 1}` : s));
}
async function main(runner, deps) {
    const { clock } = deps;
    const startedAt = clock.now();
    const cfg = readConfig(runner);
    const deadline = new src/* Deadline */.B2(clock, cfg.timeoutMs - (clock.now() - startedAt));
    const ca = cfg.caCert ? [...(await deps.rootCertificates()), cfg.caCert].join('\n') : undefined;
    const names = labels(cfg.urls);
    if (cfg.insecure)
        runner.warning('insecure is true: TLS certificates are not verified');
    for (const name of names) {
        runner.info(`Checking ${cfg.method} ${name}: up to ${cfg.maxAttempts} attempts, timeout ${formatWait(cfg.timeoutMs)}, expecting status ${cfg.expect.status.text}`);
    }
    if (cfg.initialDelayMs > 0) {
        runner.info(`Waiting ${formatWait(cfg.initialDelayMs)} (initial-delay) before the first attempt, ${formatWait(deadline.remaining())} left`);
        await sleepWithProgress(clock, cfg.initialDelayMs, (left) => runner.info(`still waiting: first attempt in ${formatWait(left)}, ${formatWait(deadline.remaining())} left`));
    }
    const results = await Promise.all(cfg.urls.map((url, i) => {
        const prefix = cfg.urls.length > 1 ? `[${names[i]}] ` : '';
        return checkUrl(url, cfg, {
            clock,
            request: deps.request,
            random: deps.random,
            deadline,
            startedAt,
            ca,
            log: (line) => runner.info(runner.redact(prefix + line)),
        });
    }));
    const elapsedMs = clock.now() - startedAt;
    const healthy = results.every((r) => r.healthy);
    // Live lines of concurrent URLs interleave; each URL's attempts are also gathered in one group.
    for (const r of results) {
        runner.startGroup(`${r.healthy ? '✅' : '❌'} ${r.url}: ${verdictText(r)}`);
        for (const line of attemptLines(r))
            runner.info(runner.redact(line));
        runner.endGroup();
    }
    runner.setOutput('healthy', healthy);
    runner.setOutput('attempts', results.reduce((sum, r) => sum + r.attempts.length, 0));
    runner.setOutput('status', statusOutput(results));
    runner.setOutput('elapsed-ms', Math.round(elapsedMs));
    runner.setOutput('results', runner.redact(JSON.stringify(results.map(resultJson))));
    runner.appendSummary(summaryMarkdown(results, cfg, elapsedMs));
    const failed = results.filter((r) => !r.healthy);
    if (failed.length === 0) {
        runner.info(`All ${results.length} URL${results.length === 1 ? '' : 's'} healthy in ${formatWait(elapsedMs)}`);
        return;
    }
    const why = failed
        .map((r) => `${r.url}: ${r.gaveUp}; last: ${r.attempts.at(-1)?.error ?? 'no attempt'}`)
        .join('; ');
    const scope = results.length === 1 ? 'Not healthy' : `${failed.length} of ${results.length} URLs not healthy`;
    throw new src/* ActionError */.lZ(`${scope}: ${why}`);
}


/***/ }),

/***/ 206:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lZ: () => (/* reexport */ ActionError),
  B2: () => (/* reexport */ Deadline),
  j$: () => (/* reexport */ HttpError),
  dz: () => (/* reexport */ InputError),
  G0: () => (/* reexport */ Inputs),
  by: () => (/* reexport */ Runner),
  EY: () => (/* reexport */ backoffDelay),
  Hn: () => (/* reexport */ cell),
  zH: () => (/* reexport */ details),
  gJ: () => (/* reexport */ errorMessage),
  R_: () => (/* reexport */ heading),
  aj: () => (/* reexport */ httpRequest),
  yx: () => (/* reexport */ isSensitiveHeader),
  Zw: () => (/* reexport */ maskHeaders),
  mu: () => (/* reexport */ parseRetryAfter),
  L5: () => (/* reexport */ retry),
  Cs: () => (/* reexport */ runAction),
  Pl: () => (/* reexport */ safeUrl),
  ml: () => (/* reexport */ systemClock),
  tp: () => (/* reexport */ table)
});

// UNUSED EXPORTS: HttpTransport, code, formatCommand, formatDuration, formatFileCommand, inputEnvName, isLocalhostName, maskUrl, parseBoolean, parseDuration, parseInteger, parseLines, parseList, parsePairs, processIO

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
    appendFile: (path, text) => (0,external_node_fs_namespaceObject.appendFileSync)(path, text, { encoding: 'utf8' }),
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

;// CONCATENATED MODULE: ./packages/core/src/secrets.ts
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api[-_]?key|password|auth|session|signature/i;
/** Whether a header's value carries a credential and must be masked. */
function isSensitiveHeader(name) {
    return SENSITIVE_HEADER.test(name.trim());
}
/** Masks the credential-carrying values of headers; for `Bearer x`/`Basic x`, the token too. */
function maskHeaders(runner, headers) {
    for (const [name, value] of Object.entries(headers)) {
        if (!isSensitiveHeader(name))
            continue;
        runner.setSecret(value);
        const scheme = /^\s*\S+\s+(\S+)\s*$/.exec(value);
        if (scheme)
            runner.setSecret(scheme[1]);
    }
}
/** Masks a URL and the parts of it that identify a secret (userinfo, path, query). */
function maskUrl(runner, url) {
    runner.setSecret(url);
    try {
        const u = new URL(url);
        if (u.password)
            runner.setSecret(decodeURIComponent(u.password));
        if (u.username && u.password)
            runner.setSecret(decodeURIComponent(u.username));
        if (u.pathname.length > 1)
            runner.setSecret(u.pathname);
        if (u.search)
            runner.setSecret(u.search);
    }
    catch {
        // An unparseable URL is masked whole above.
    }
}

;// CONCATENATED MODULE: ./packages/core/src/proxy.ts
// Which proxy a request goes through, by the rules Go's net/http applies (golang.org/x/net/http/
// httpproxy) — the rules helm, kubectl and the credential plugins in the same job follow, so one
// set of HTTPS_PROXY/HTTP_PROXY/NO_PROXY means the same to every tool a workflow runs:
// - HTTPS_PROXY for https:// targets, HTTP_PROXY for http:// (upper case first, then lower case);
//   a proxy without a scheme is http://; http:// and https:// proxies are supported.
// - NO_PROXY: `*`; `example.com` (the name and its subdomains); `.example.com` and `*.example.com`
//   (subdomains only); any of those with `:port`; an IP (`10.0.0.1`, `[::1]:8443`); a CIDR block.
// - localhost and loopback addresses never go through a proxy.
// No module is imported here: the decision costs nothing at start-up.
class ProxyConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ProxyConfigError';
    }
}
/** The first of the names that is set (and not blank). */
function envAny(env, ...names) {
    for (const name of names) {
        const v = env[name]?.trim();
        if (v)
            return v;
    }
    return undefined;
}
/**
 * A proxy URL as Go parses it: no scheme means http://. `what` names where it came from
 * (`HTTPS_PROXY`, `kubeconfig cluster 'prod' proxy-url`) for the error; the value itself is never
 * quoted, since it may hold a password.
 */
function parseProxyUrl(value, what) {
    let url;
    try {
        url = new URL(value);
        // `proxy.corp:3128` parses with the scheme `proxy.corp:`; Go re-reads it as http://.
        if (!url.host || !/^(https?|socks5h?|socks4a?):$/.test(url.protocol))
            url = undefined;
    }
    catch {
        url = undefined;
    }
    if (!url) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^(https?|socks5h?|socks4a?):/i.test(value))
            throw new ProxyConfigError(`${what} is not an http:// or https:// proxy URL`);
        if (value.includes('://'))
            throw new ProxyConfigError(`${what} is not a valid proxy URL`);
        try {
            url = new URL(`http://${value}`);
        }
        catch {
            throw new ProxyConfigError(`${what} is not a valid proxy URL`);
        }
    }
    if (url.protocol.startsWith('socks'))
        throw new ProxyConfigError(`${what} is a ${url.protocol.replace(/:$/, '')}:// proxy; only http:// and https:// proxies are supported`);
    if (!url.hostname)
        throw new ProxyConfigError(`${what} has no host`);
    return url;
}
/** A proxy URL safe to print: scheme, host and port, never the credentials. */
function displayProxy(proxy) {
    return `${proxy.protocol}//${proxy.host}`;
}
/** `Basic …` for a proxy URL with credentials, as Go sends it. */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return undefined;
    const user = decodeURIComponent(proxy.username);
    const pass = decodeURIComponent(proxy.password);
    return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}
/**
 * The values to mask for a proxy URL with credentials: the password, `user:password` and the
 * Basic token built from them. The user name alone is not masked: it is usually a common word.
 */
function proxyUrlSecrets(value) {
    if (!value)
        return [];
    let url;
    try {
        url = parseProxyUrl(value, 'proxy');
    }
    catch {
        return [];
    }
    const out = [];
    if (url.password) {
        out.push(url.password, decodeURIComponent(url.password));
        out.push(`${url.username}:${url.password}`);
        out.push(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`);
    }
    const auth = proxyAuthorization(url);
    if (auth && url.password)
        out.push(auth.slice('Basic '.length));
    return [...new Set(out.filter((s) => s.length >= 3))];
}
/** Every proxy secret in an environment (HTTPS_PROXY, HTTP_PROXY, both cases). */
function proxyEnvSecrets(env) {
    const out = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].flatMap((name) => proxyUrlSecrets(env[name]));
    return [...new Set(out)];
}
// --- IP addresses (parsed here so this file imports nothing) ---------------------------------
function parseIPv4(s) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
    if (!m)
        return undefined;
    const bytes = m.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? bytes : undefined;
}
/** 16 bytes for an IPv6 address (IPv4 as ::ffff:a.b.c.d), or undefined. */
function parseIP(s) {
    const v4 = parseIPv4(s);
    if (v4)
        return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
    if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s))
        return undefined;
    let tail = [];
    let text = s;
    const lastColon = s.lastIndexOf(':');
    if (s.slice(lastColon + 1).includes('.')) {
        const embedded = parseIPv4(s.slice(lastColon + 1));
        if (!embedded)
            return undefined;
        tail = embedded;
        text = `${s.slice(0, lastColon + 1)}0:0`;
    }
    const halves = text.split('::');
    if (halves.length > 2)
        return undefined;
    const groups = (part) => (part ? part.split(':') : []);
    const head = groups(halves[0]);
    const rest = halves.length === 2 ? groups(halves[1]) : [];
    const missing = 8 - head.length - rest.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1)
        return undefined;
    const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
    if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g)))
        return undefined;
    const bytes = all.flatMap((g) => {
        const n = parseInt(g, 16);
        return [n >> 8, n & 0xff];
    });
    if (tail.length)
        bytes.splice(12, 4, ...tail);
    return bytes;
}
const isV4Mapped = (ip) => ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
function isLoopbackIP(ip) {
    if (isV4Mapped(ip))
        return ip[12] === 127;
    return ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}
function inCidr(ip, base, bits) {
    for (let i = 0; i < 16; i++) {
        const take = Math.max(0, Math.min(8, bits - i * 8));
        const mask = take === 0 ? 0 : (0xff << (8 - take)) & 0xff;
        if ((ip[i] & mask) !== (base[i] & mask))
            return false;
    }
    return true;
}
/** Splits `host:port`, `[v6]:port`, `[v6]`, `host` (a bare IPv6 address has no port). */
function splitHostPort(entry) {
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracket)
        return { host: bracket[1], port: bracket[2] };
    const m = /^([^:]+):(\d+)$/.exec(entry);
    if (m)
        return { host: m[1], port: m[2] };
    return { host: entry };
}
function parseNoProxy(value) {
    const out = [];
    for (const raw of value.split(',')) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return [{ kind: 'all' }];
        const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
        if (cidr) {
            const base = parseIP(cidr[1]);
            const bits = Number(cidr[2]) + (parseIPv4(cidr[1]) ? 96 : 0);
            if (base && bits <= 128)
                out.push({ kind: 'cidr', base, bits });
            continue;
        }
        const { host, port } = splitHostPort(entry);
        if (!host)
            continue;
        const ip = parseIP(host);
        if (ip) {
            out.push({ kind: 'ip', ip, port });
            continue;
        }
        let name = host.startsWith('*.') ? host.slice(1) : host;
        const matchHost = !name.startsWith('.');
        if (matchHost)
            name = `.${name}`;
        out.push({ kind: 'domain', suffix: name.replace(/\.$/, ''), port, matchHost });
    }
    return out;
}
function bypassed(matchers, host, port) {
    const ip = parseIP(host);
    for (const m of matchers) {
        if (m.kind === 'all')
            return true;
        if (ip) {
            if (m.kind === 'cidr' && inCidr(ip, m.base, m.bits))
                return true;
            if (m.kind === 'ip' && m.ip.every((b, i) => b === ip[i]) && (!m.port || m.port === port))
                return true;
            continue;
        }
        if (m.kind !== 'domain')
            continue;
        const hit = host.endsWith(m.suffix) || (m.matchHost && host === m.suffix.slice(1));
        if (hit && (!m.port || m.port === port))
            return true;
    }
    return false;
}
/** Whether NO_PROXY (`value`) exempts `url` from the proxy. */
function noProxyMatches(value, url) {
    const host = url.hostname
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '')
        .toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return bypassed(parseNoProxy(value), host, port);
}
/** localhost and loopback addresses, which never go through a proxy. */
function isLoopbackHost(hostname) {
    const host = hostname
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '')
        .toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    const ip = parseIP(host);
    return !!ip && isLoopbackIP(ip);
}
/**
 * The proxy for `target`, or undefined for a direct connection. A fixed proxy (kubeconfig
 * `proxy-url`) applies to every request, as client-go applies it (NO_PROXY does not exempt it);
 * an environment proxy follows NO_PROXY.
 */
function proxyFor(target, setting) {
    if (setting.from === 'none')
        return undefined;
    if (setting.from === 'url')
        return setting.url;
    if (isLoopbackHost(target.hostname))
        return undefined;
    const env = setting.env;
    const value = target.protocol === 'https:'
        ? envAny(env, 'HTTPS_PROXY', 'https_proxy')
        : envAny(env, 'HTTP_PROXY', 'http_proxy');
    if (!value)
        return undefined;
    const noProxy = envAny(env, 'NO_PROXY', 'no_proxy');
    if (noProxy && noProxyMatches(noProxy, target))
        return undefined;
    return parseProxyUrl(value, target.protocol === 'https:' ? 'the HTTPS_PROXY variable' : 'the HTTP_PROXY variable');
}

;// CONCATENATED MODULE: ./packages/core/src/http.ts


let httpLib;
let httpsLibs;
async function loadLibs(tlsNeeded) {
    const h = await (httpLib ??= Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23)).then((m) => m.default));
    if (!tlsNeeded)
        return { http: h };
    const s = await (httpsLibs ??= Promise.all([Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)), Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23))]).then(([a, b]) => ({ https: a.default, tls: b.default })));
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
    const proxy = via ? ` (proxy ${displayProxy(via)})` : '';
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
    const auth = proxyAuthorization(proxy);
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
                return reject(new HttpError('PROXY', `the proxy ${displayProxy(proxy)} ${why} to ${authority}`));
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
            this.setting = { from: 'url', url: parseProxyUrl(options.proxy, what), what };
        }
        else
            this.setting = { from: 'env', env: options.env ?? process.env };
    }
    /** The proxy a request to `url` goes through (undefined: direct). Throws ProxyConfigError. */
    proxyFor(url) {
        return proxyFor(new URL(String(url)), this.setting);
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
            proxy = proxyFor(url, this.setting);
        }
        catch (err) {
            if (err instanceof ProxyConfigError)
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
            const auth = proxyAuthorization(proxy);
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

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

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
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
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
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(962);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
