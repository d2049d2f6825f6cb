import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 962:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(466);
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

// EXTERNAL MODULE: ./packages/core/src/index.ts + 10 modules
var src = __nccwpck_require__(466);
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

/***/ 466:
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

// UNUSED EXPORTS: code, formatCommand, formatDuration, formatFileCommand, inputEnvName, isLocalhostName, maskUrl, parseBoolean, parseDuration, parseInteger, parseLines, parseList, parsePairs, processIO

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

;// CONCATENATED MODULE: ./packages/core/src/http.ts
const libs = {};
function requestLib(protocol) {
    return (libs[protocol] ??=
        protocol === 'https:'
            ? Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)).then((m) => m.default)
            : Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 67, 23)).then((m) => m.default));
}

class HttpError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'HttpError';
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
