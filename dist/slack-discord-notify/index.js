import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 175:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(466);
/* harmony import */ var _notify__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(859);


const runner = new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .Runner */ .by();
await (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(runner, () => (0,_notify__WEBPACK_IMPORTED_MODULE_1__/* .notify */ .me)(runner, { http: _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj, clock: _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml }));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 859:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  me: () => (/* binding */ notify)
});

// UNUSED EXPORTS: buildBodies, maskSecrets, readConfig, summaryMarkdown

// EXTERNAL MODULE: ./packages/core/src/index.ts + 10 modules
var src = __nccwpck_require__(466);
;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/destinations.ts
// Where the message goes. Webhook URLs are credentials: callers mask them before calling here,
// and nothing in this module puts a URL into a message — only labels like "Slack webhook #2".

const SLACK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);
const DISCORD_HOSTS = new Set([
    'discord.com',
    'discordapp.com',
    'ptb.discord.com',
    'canary.discord.com',
]);
const DISCORD_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([A-Za-z0-9_-]+)\/?$/;
const SLACK_PATH = /^\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/?$/;
function parseHttpUrl(text, input, line, allowAny) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new src/* InputError */.dz(input, `line ${line} is not a URL`);
    }
    if (url.protocol !== 'https:' && !(allowAny && url.protocol === 'http:')) {
        throw new src/* InputError */.dz(input, `line ${line} must be an https:// URL${allowAny ? ' (or http:// with allow-any-url)' : ''}`);
    }
    if (url.username || url.password)
        throw new src/* InputError */.dz(input, `line ${line} must not carry a user name or password`);
    return url;
}
function parseSlackWebhooks(lines, allowAny) {
    return lines.map((text, i) => {
        const url = parseHttpUrl(text, 'slack-webhook-url', i + 1, allowAny);
        if (!allowAny &&
            (!SLACK_HOSTS.has(url.hostname) || !SLACK_PATH.test(url.pathname) || url.port)) {
            throw new src/* InputError */.dz('slack-webhook-url', `line ${i + 1} is not a Slack incoming webhook (https://hooks.slack.com/services/…); set allow-any-url: true for a proxy`);
        }
        return { kind: 'slack-webhook', platform: 'slack', label: `Slack webhook #${i + 1}`, url };
    });
}
function parseDiscordWebhooks(lines, allowAny, messageIds) {
    if (messageIds.length && messageIds.length !== lines.length) {
        throw new src/* InputError */.dz('discord-message-id', `expected one message ID per Discord webhook (${lines.length}), got ${messageIds.length}`);
    }
    for (const id of messageIds)
        if (!/^\d{1,25}$/.test(id))
            throw new src/* InputError */.dz('discord-message-id', `expected a numeric message ID, got '${id}'`);
    return lines.map((text, i) => {
        const url = parseHttpUrl(text, 'discord-webhook-url', i + 1, allowAny);
        const path = DISCORD_PATH.exec(url.pathname);
        if (!allowAny && (!DISCORD_HOSTS.has(url.hostname) || !path || url.port)) {
            throw new src/* InputError */.dz('discord-webhook-url', `line ${i + 1} is not a Discord webhook (https://discord.com/api/webhooks/<id>/<token>); set allow-any-url: true for a proxy`);
        }
        // Behind a proxy the path may differ; the last segment is still what we treat as secret.
        const segments = url.pathname.replace(/\/+$/, '').split('/');
        const token = path ? path[2] : segments[segments.length - 1];
        const id = path ? path[1] : '';
        url.pathname = url.pathname.replace(/\/+$/, '');
        return {
            kind: 'discord-webhook',
            platform: 'discord',
            label: `Discord webhook #${i + 1}${id ? ` (id ${id})` : ''}`,
            url,
            token,
            messageId: messageIds[i],
        };
    });
}
function parseSlackApiUrl(text, allowAny) {
    const url = parseHttpUrl(text, 'slack-api-url', 1, allowAny);
    // The token goes wherever this points: only Slack itself unless the user opts out.
    if (!allowAny && !/^(.+\.)?slack(-gov)?\.com$/.test(url.hostname)) {
        throw new src/* InputError */.dz('slack-api-url', `must be Slack's Web API (https://slack.com/api); set allow-any-url: true for a proxy`);
    }
    return url.href.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/delivery.ts
// Sending one message to one destination, with retries that can never post it twice.
//
// A retry happens only when the platform did not take the message: it answered 429 (wait as
// told) or 5xx, or the connection failed before any byte of the request could reach it
// (refused, DNS, TLS, unreachable). A timeout or reset AFTER the request went out is ambiguous:
// the message may be in the channel already, and neither webhook API takes an idempotency key.
// So a new post is not retried then (reported as "may have been posted"); an edit (Discord
// PATCH, Slack chat.update) sets the message to the same content again and is retried.

const JSON_TYPE = 'application/json; charset=utf-8';
/** The HTTP request for a destination, with the platform's payload (already serialised once). */
function planRequest(d, body) {
    if (d.kind === 'slack-webhook')
        return {
            method: 'POST',
            url: d.url,
            headers: { 'content-type': JSON_TYPE },
            body,
            idempotent: false,
            action: 'post',
        };
    if (d.kind === 'slack-api') {
        const method = d.ts ? 'chat.update' : 'chat.postMessage';
        return {
            method: 'POST',
            url: new URL(`${d.apiUrl}/${method}`),
            headers: { 'content-type': JSON_TYPE, authorization: `Bearer ${d.token}` },
            body,
            idempotent: Boolean(d.ts),
            action: d.ts ? 'update' : 'post',
        };
    }
    const url = new URL(d.url.href);
    if (d.messageId) {
        url.pathname = `${url.pathname}/messages/${d.messageId}`;
        url.searchParams.delete('wait');
        return {
            method: 'PATCH',
            url,
            headers: { 'content-type': JSON_TYPE },
            body,
            idempotent: true,
            action: 'update',
        };
    }
    // wait=true: Discord answers with the message (its ID is the output) once it is saved.
    url.searchParams.set('wait', 'true');
    return {
        method: 'POST',
        url,
        headers: { 'content-type': JSON_TYPE },
        body,
        idempotent: false,
        action: 'post',
    };
}
function parseJson(body) {
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** A short, single-line excerpt of what the platform said. */
function excerpt(body) {
    const text = body.toString('utf8').replace(/\s+/g, ' ').trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
/** Discord's 50035 carries `errors: {embeds: {0: {description: {_errors: [{message}]}}}}`: the first path and message. */
function firstDiscordError(errors, path = []) {
    if (!errors || typeof errors !== 'object')
        return undefined;
    const own = errors._errors;
    if (Array.isArray(own) && own[0]?.message)
        return `${path.join('.') || 'body'}: ${own[0].message}`;
    for (const [key, value] of Object.entries(errors)) {
        if (key === '_errors')
            continue;
        const found = firstDiscordError(value, [...path, key]);
        if (found)
            return found;
    }
    return undefined;
}
function retryAfterHeader(res, now) {
    return (0,src/* parseRetryAfter */.mu)(res.headers['retry-after'], now);
}
/** What an answer means for a destination. */
function judgeResponse(d, res, now) {
    const status = res.status;
    if (status === 429) {
        let wait = retryAfterHeader(res, now);
        if (d.kind === 'discord-webhook') {
            // The JSON body's retry_after is fractional seconds; more precise than the header.
            const json = parseJson(res.body);
            if (typeof json?.retry_after === 'number' && json.retry_after >= 0)
                wait = Math.ceil(json.retry_after * 1000);
        }
        return { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: wait };
    }
    if (status >= 500)
        return {
            kind: 'retry',
            reason: `server error ${status}${res.body.length ? `: ${excerpt(res.body)}` : ''}`,
        };
    if (d.kind === 'slack-api') {
        const json = parseJson(res.body);
        if (status >= 200 && status < 300 && json?.ok === true)
            return { kind: 'accepted', messageId: json.ts, channel: json.channel };
        if (json && json.ok === false) {
            const error = String(json.error ?? 'unknown_error');
            // Slack says these may have partly succeeded: not safe to repeat a post.
            if (error === 'fatal_error' || error === 'internal_error')
                return { kind: 'unknown', reason: `Slack API error: ${error}` };
            return { kind: 'rejected', reason: `Slack API error: ${error}` };
        }
        return status >= 200 && status < 300
            ? { kind: 'unknown', reason: `HTTP ${status} without a Slack API answer` }
            : {
                kind: 'rejected',
                reason: `HTTP ${status}${res.body.length ? `: ${excerpt(res.body)}` : ''}`,
            };
    }
    if (status >= 200 && status < 300) {
        if (d.kind === 'discord-webhook') {
            const json = parseJson(res.body);
            return { kind: 'accepted', messageId: typeof json?.id === 'string' ? json.id : d.messageId };
        }
        return { kind: 'accepted' };
    }
    if (d.kind === 'discord-webhook') {
        const json = parseJson(res.body);
        if (json && (json.code !== undefined || json.message)) {
            const detail = firstDiscordError(json.errors);
            return {
                kind: 'rejected',
                reason: `HTTP ${status}: Discord error ${json.code ?? ''}${json.message ? ` ${json.message}` : ''}${detail ? ` (${detail})` : ''}`.replace(/ +/g, ' '),
            };
        }
    }
    // Slack webhooks answer in plain text: invalid_payload, no_service, channel_is_archived, ...
    return {
        kind: 'rejected',
        reason: `HTTP ${status}${res.body.length ? `: ${excerpt(res.body)}` : ''}`,
    };
}
/** Network faults that prove the request never reached the platform. */
function judgeNetworkError(err) {
    if (err instanceof src/* HttpError */.j$) {
        if (err.code === 'CONNECTION_REFUSED' ||
            err.code === 'DNS' ||
            err.code === 'TLS' ||
            /ENETUNREACH|EHOSTUNREACH/.test(err.message)) {
            return { kind: 'retry', reason: err.message };
        }
        return { kind: 'unknown', reason: err.message };
    }
    return { kind: 'unknown', reason: err instanceof Error ? err.message : String(err) };
}
function seconds(ms) {
    return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
async function deliver(d, body, opts) {
    const plan = planRequest(d, body);
    const maxAttempts = opts.retries + 1;
    // What the last attempt learned; written inside the attempt callback.
    const seen = { uncertain: false };
    const result = await (0,src/* retry */.L5)(async (n) => {
        const left = opts.deadline - opts.clock.now();
        let verdict;
        if (left <= 0) {
            verdict = { kind: 'rejected', reason: 'no time left before total-timeout' };
        }
        else {
            try {
                const res = await opts.http({
                    url: plan.url,
                    method: plan.method,
                    headers: plan.headers,
                    body: plan.body,
                    timeoutMs: Math.min(opts.timeoutMs, left),
                    maxBodyBytes: 64 * 1024,
                });
                verdict = judgeResponse(d, res, opts.clock.now());
            }
            catch (err) {
                verdict = judgeNetworkError(err);
            }
        }
        seen.last = verdict;
        if (verdict.kind === 'accepted')
            return { done: true, value: verdict };
        if (verdict.kind === 'unknown' && !plan.idempotent) {
            seen.uncertain = true;
            return { done: false, fatal: true };
        }
        if (verdict.kind === 'rejected')
            return { done: false, fatal: true };
        if (n < maxAttempts)
            opts.log(`${d.label}: attempt ${n} of ${maxAttempts}: ${verdict.reason}`);
        return {
            done: false,
            retryAfterMs: verdict.kind === 'retry' ? verdict.retryAfterMs : undefined,
        };
    }, {
        maxAttempts,
        deadline: opts.deadline,
        clock: opts.clock,
        random: opts.random,
        initialMs: 1000,
        maxMs: 10_000,
        jitter: true,
        onWait: (ms, n) => opts.log(`${d.label}: retrying in ${seconds(ms)} (attempt ${n + 1} of ${maxAttempts})`),
    });
    if (result.done && result.value?.kind === 'accepted') {
        return {
            destination: d,
            ok: true,
            action: plan.action,
            attempts: result.attempts,
            messageId: result.value.messageId,
            channel: result.value.channel,
        };
    }
    const last = seen.last;
    const reason = last && last.kind !== 'accepted' ? last.reason : 'not sent';
    let error = reason;
    if (seen.uncertain)
        error = `${reason}; the message may have been posted, so it was not sent again`;
    else if (result.stopped === 'deadline')
        error = `${reason}; gave up: the next attempt would start after total-timeout`;
    else if (result.stopped === 'attempts' && result.attempts > 1)
        error = `${reason} (after ${result.attempts} attempts)`;
    return {
        destination: d,
        ok: false,
        action: plan.action,
        attempts: result.attempts,
        error,
        uncertain: seen.uncertain || undefined,
    };
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/text-limits.ts
// Platform text limits. Discord counts Unicode code points (its API validates with Python's
// len()); Slack does not say what it counts, so we count UTF-16 code units there: never fewer
// than code points, hence safe whichever Slack uses. A cut never splits a surrogate pair nor,
// where avoidable, a grapheme (an emoji with skin tone or a ZWJ family stays whole or goes).
const ELLIPSIS = '…';
function countCodePoints(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // A high surrogate followed by a low one is one code point.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            const d = text.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff)
                i++;
        }
        n++;
    }
    return n;
}
function textLength(text, unit) {
    return unit === 'utf16' ? text.length : countCodePoints(text);
}
/** The UTF-16 index after the first `max` units of `text` (never inside a surrogate pair). */
function cutIndex(text, max, unit) {
    let i = 0;
    let used = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        const pair = c >= 0xd800 &&
            c <= 0xdbff &&
            i + 1 < text.length &&
            text.charCodeAt(i + 1) >= 0xdc00 &&
            text.charCodeAt(i + 1) <= 0xdfff;
        const width = pair ? 2 : 1;
        const cost = unit === 'utf16' ? width : 1;
        if (used + cost > max)
            break;
        used += cost;
        i += width;
    }
    return i;
}
let segmenter;
/** The last grapheme boundary at or before `index` (Intl.Segmenter is made only when a cut is needed). */
function graphemeBoundary(text, index) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Only the neighbourhood matters: a grapheme is never longer than a few dozen units.
    const from = Math.max(0, index - 64);
    let best = from;
    for (const { index: at } of segmenter.segment(text.slice(from, Math.min(text.length, index + 64)))) {
        const abs = from + at;
        if (abs > index)
            break;
        best = abs;
    }
    return best === from && from > 0 ? index : best;
}
/**
 * `text` if it fits in `max` units, otherwise its longest prefix that fits together with the
 * ellipsis. `max` of 0 gives ''.
 */
function truncateText(text, max, unit) {
    if (textLength(text, unit) <= max)
        return text;
    if (max <= 0)
        return '';
    const room = max - textLength(ELLIPSIS, unit);
    if (room <= 0)
        return ELLIPSIS.slice(0, max);
    let cut = cutIndex(text, room, unit);
    const grapheme = graphemeBoundary(text, cut);
    // Give up a grapheme boundary only if it would throw most of the text away (pathological input).
    if (grapheme > 0 || cut === 0)
        cut = grapheme;
    return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/discord-message.ts
// The Discord message: mentions in `content` (embeds never ping) and one embed coloured by status.
// Limits are counted in code points, as Discord counts them.

const DISCORD_LIMITS = {
    content: 2000,
    username: 80,
    title: 256,
    description: 4096,
    fields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    authorName: 256,
    /** Title, description, field names and values, footer and author name of all embeds together. */
    embedTotal: 6000,
};
/** The characters Discord counts towards an embed's 6000. */
function embedSize(e) {
    let n = countCodePoints(e.title ?? '') +
        countCodePoints(e.description ?? '') +
        countCodePoints(e.footer?.text ?? '') +
        countCodePoints(e.author?.name ?? '');
    for (const f of e.fields ?? [])
        n += countCodePoints(f.name) + countCodePoints(f.value);
    return n;
}
const fit = (text, max) => truncateText(text, max, 'code-points');
/**
 * Shrinks field values to one shared cap, as high as fits in `room` characters, but not below
 * `floor`: long values lose their tails evenly instead of the last fields losing everything.
 * The "N more fields" note is left alone.
 */
function capFieldValues(e, excess, floor) {
    const fields = (e.fields ?? []).filter((f) => f.name !== ELLIPSIS && countCodePoints(f.value) > floor);
    if (!fields.length || excess <= 0)
        return;
    const lengths = fields.map((f) => countCodePoints(f.value));
    const target = lengths.reduce((a, b) => a + b, 0) - excess;
    const used = (cap) => lengths.reduce((a, n) => a + Math.min(n, cap), 0);
    let lo = floor;
    let hi = Math.max(...lengths);
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (used(mid) <= target)
            lo = mid;
        else
            hi = mid - 1;
    }
    for (const f of fields)
        f.value = fit(f.value, lo);
}
/**
 * Shortens an embed to Discord's total: very long field values first (down to 200 each), then
 * the description, then field values evenly, then the footer, field names and title.
 */
function fitEmbedTotal(e, max = DISCORD_LIMITS.embedTotal) {
    const excess = () => embedSize(e) - max;
    const shrink = (text) => {
        const len = countCodePoints(text);
        return fit(text, Math.max(1, len - excess()));
    };
    capFieldValues(e, excess(), 200);
    if (excess() > 0 && e.description)
        e.description = shrink(e.description);
    capFieldValues(e, excess(), 1);
    if (excess() > 0 && e.footer)
        e.footer.text = shrink(e.footer.text);
    for (let i = (e.fields?.length ?? 0) - 1; excess() > 0 && i >= 0; i--)
        e.fields[i].name = shrink(e.fields[i].name);
    if (excess() > 0 && e.title)
        e.title = shrink(e.title);
}
/** `[text](url)`, with brackets in the text escaped so they cannot end the link. */
function maskedLink(text, url) {
    return url ? `[${text.replace(/([[\]])/g, '\\$1')}](${url.replace(/\)/g, '%29')})` : text;
}
function buildDiscordMessage(n) {
    const embed = {
        title: fit(`${n.emoji} ${n.title}`, DISCORD_LIMITS.title),
        color: n.color,
        timestamp: n.timestamp,
    };
    if (n.context.runUrl)
        embed.url = n.context.runUrl;
    if (n.message)
        embed.description = fit(n.message, DISCORD_LIMITS.description);
    let fields = n.fields.map((f) => ({
        name: fit(f.name, DISCORD_LIMITS.fieldName),
        // The link syntax is built first and the whole value cut, so a long URL cannot push it over.
        value: f.url && countCodePoints(f.value) + f.url.length + 4 <= DISCORD_LIMITS.fieldValue
            ? maskedLink(f.value, f.url)
            : fit(f.value, DISCORD_LIMITS.fieldValue),
        inline: f.inline,
    }));
    if (fields.length > DISCORD_LIMITS.fields) {
        const omitted = fields.length - (DISCORD_LIMITS.fields - 1);
        fields = fields.slice(0, DISCORD_LIMITS.fields - 1);
        fields.push({
            name: ELLIPSIS,
            value: `${omitted} more field${omitted === 1 ? '' : 's'} not shown`,
            inline: false,
        });
    }
    if (fields.length)
        embed.fields = fields;
    const footer = [n.context.repository, n.context.runNumber ? `run #${n.context.runNumber}` : '']
        .filter(Boolean)
        .join(' · ');
    if (footer)
        embed.footer = { text: fit(footer, DISCORD_LIMITS.footer) };
    fitEmbedTotal(embed);
    const message = { embeds: [embed], allowed_mentions: { parse: [] } };
    const m = n.mentions;
    if (m?.discord.length) {
        message.content = fit(m.discord.join(' '), DISCORD_LIMITS.content);
        message.allowed_mentions = { parse: m.discordAllowed.parse };
        if (m.discordAllowed.users.length)
            message.allowed_mentions.users = m.discordAllowed.users.slice(0, 100);
        if (m.discordAllowed.roles.length)
            message.allowed_mentions.roles = m.discordAllowed.roles.slice(0, 100);
    }
    if (n.username)
        message.username = fit(n.username, DISCORD_LIMITS.username);
    if (n.avatarUrl)
        message.avatar_url = n.avatarUrl;
    return message;
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/github-context.ts
function readGithubContext(env) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY ?? '';
    const repositoryUrl = repository ? `${server}/${repository}` : '';
    const sha = env.GITHUB_SHA ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    const attempt = env.GITHUB_RUN_ATTEMPT && env.GITHUB_RUN_ATTEMPT !== '1'
        ? `/attempts/${env.GITHUB_RUN_ATTEMPT}`
        : '';
    return {
        repository,
        repositoryUrl,
        ref: env.GITHUB_REF_NAME || (env.GITHUB_REF ?? '').replace(/^refs\/(heads|tags)\//, ''),
        sha,
        shortSha: sha.slice(0, 7),
        commitUrl: repositoryUrl && sha ? `${repositoryUrl}/commit/${sha}` : '',
        actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        runNumber: env.GITHUB_RUN_NUMBER ?? '',
        runUrl: repositoryUrl && runId ? `${repositoryUrl}/actions/runs/${runId}${attempt}` : '',
    };
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/mentions.ts
// Who to ping. One `mention` input serves both platforms: each item is routed by its syntax
// (Slack IDs start with a letter, Discord IDs are numeric) or by an explicit `slack:`/`discord:`.
const MENTION_FORMS = 'here, channel, everyone, a Slack user (U…/W…) or group (S…) ID, a Discord user ID or role (&ID), <@…> syntax, or slack:/discord: followed by one of these';
function slackToken(item) {
    if (/^@?here$/i.test(item))
        return '<!here>';
    if (/^@?channel$/i.test(item))
        return '<!channel>';
    if (/^@?everyone$/i.test(item))
        return '<!everyone>';
    if (/^<(@[UW][A-Z0-9]+|!subteam\^S[A-Z0-9]+|!here|!channel|!everyone)(\|[^>]*)?>$/.test(item))
        return item;
    if (/^@?[UW][A-Z0-9]{2,}$/.test(item))
        return `<@${item.replace(/^@/, '')}>`;
    if (/^@?S[A-Z0-9]{2,}$/.test(item))
        return `<!subteam^${item.replace(/^@/, '')}>`;
    return undefined;
}
function discordToken(item) {
    if (/^@?(here|everyone|channel)$/i.test(item))
        return { token: /here/i.test(item) ? '@here' : '@everyone', kind: 'everyone' };
    let m = /^<@!?(\d{5,25})>$/.exec(item) ?? /^@?(\d{5,25})$/.exec(item);
    if (m)
        return { token: `<@${m[1]}>`, kind: 'user', id: m[1] };
    m = /^<@&(\d{5,25})>$/.exec(item) ?? /^(?:&|role:)(\d{5,25})$/.exec(item);
    if (m)
        return { token: `<@&${m[1]}>`, kind: 'role', id: m[1] };
    return undefined;
}
/** Parses mention items; returns the first item that fits neither platform as `bad`. */
function parseMentions(items) {
    const out = {
        slack: [],
        discord: [],
        discordAllowed: { parse: [], users: [], roles: [] },
    };
    const addDiscord = (d) => {
        if (out.discord.includes(d.token))
            return;
        out.discord.push(d.token);
        if (d.kind === 'everyone' && !out.discordAllowed.parse.includes('everyone'))
            out.discordAllowed.parse.push('everyone');
        if (d.kind === 'user')
            out.discordAllowed.users.push(d.id);
        if (d.kind === 'role')
            out.discordAllowed.roles.push(d.id);
    };
    const addSlack = (s) => void (out.slack.includes(s) || out.slack.push(s));
    for (const raw of items) {
        const item = raw.trim();
        if (!item)
            continue;
        const explicit = /^(slack|discord):(.+)$/i.exec(item);
        if (explicit) {
            const platform = explicit[1].toLowerCase();
            const rest = explicit[2].trim();
            const token = platform === 'slack' ? slackToken(rest) : discordToken(rest);
            if (!token)
                return { bad: item };
            if (typeof token === 'string')
                addSlack(token);
            else
                addDiscord(token);
            continue;
        }
        const s = slackToken(item);
        const d = discordToken(item);
        if (!s && !d)
            return { bad: item };
        // here/channel/everyone mean something on both platforms.
        if (s)
            addSlack(s);
        if (d)
            addDiscord(d);
    }
    return { mentions: out };
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/status.ts
// Where a deploy stands, and how each state looks on both platforms.
const STATUSES = [
    'started',
    'success',
    'failure',
    'cancelled',
    'rolled-back',
    'warning',
    'info',
];
// `${{ job.status }}` gives success/failure/cancelled; the rest are spellings people type.
const ALIASES = {
    start: 'started',
    starting: 'started',
    'in-progress': 'started',
    succeeded: 'success',
    successful: 'success',
    failed: 'failure',
    error: 'failure',
    canceled: 'cancelled',
    rollback: 'rolled-back',
    rolled_back: 'rolled-back',
    rolledback: 'rolled-back',
    warn: 'warning',
};
/** The status an input names (case-insensitive, aliases allowed), or undefined. */
function parseStatus(text) {
    const s = text.trim().toLowerCase();
    if (STATUSES.includes(s))
        return s;
    return ALIASES[s];
}
const STATUS_STYLE = {
    started: { color: 0x1d9bd1, emoji: '🚀', verb: 'started' },
    success: { color: 0x2eb67d, emoji: '✅', verb: 'succeeded' },
    failure: { color: 0xe01e5a, emoji: '❌', verb: 'failed' },
    cancelled: { color: 0x868e96, emoji: '⏹️', verb: 'was cancelled' },
    'rolled-back': { color: 0xe8710a, emoji: '↩️', verb: 'failed and was rolled back' },
    warning: { color: 0xecb22e, emoji: '⚠️', verb: 'needs attention' },
    info: { color: 0x5865f2, emoji: 'ℹ️', verb: 'update' },
};
/** `#RRGGBB` for Slack attachments. */
function hexColor(color) {
    return `#${color.toString(16).padStart(6, '0').toUpperCase()}`;
}
/** The default title: "Deployment of v1.2.3 to production succeeded". */
function defaultTitle(status, environment, version) {
    const what = [
        'Deployment',
        version ? `of ${version}` : '',
        environment ? `to ${environment}` : '',
    ]
        .filter(Boolean)
        .join(' ');
    return status === 'info' ? `${what}: update` : `${what} ${STATUS_STYLE[status].verb}`;
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/notification.ts

function buildNotification(input, context, now) {
    const style = STATUS_STYLE[input.status];
    const fields = [];
    const add = (name, value, url) => value && fields.push({ name, value, url, inline: true });
    add('Environment', input.environment);
    add('Version', input.version);
    add('Repository', context.repository, context.repositoryUrl || undefined);
    add('Ref', context.ref);
    add('Commit', context.shortSha, context.commitUrl || undefined);
    add('Actor', context.actor);
    add('Workflow', context.workflow, context.runUrl || undefined);
    // An empty value would make Discord reject the embed; a dash says "nothing" on both platforms.
    for (const [name, value] of input.fields)
        fields.push({ name, value: value || '—', inline: value.length <= 40 });
    return {
        status: input.status,
        emoji: style.emoji,
        color: style.color,
        title: input.title || defaultTitle(input.status, input.environment, input.version),
        message: input.message,
        fields,
        context,
        mentions: input.mentionOn.has(input.status) ? input.mentions : undefined,
        username: input.username,
        avatarUrl: input.avatarUrl,
        timestamp: now.toISOString(),
    };
}
/** Plain text of the whole message, for Slack's notification fallback and the job summary preview. */
function plainText(n) {
    const lines = [`${n.emoji} ${n.title}`];
    if (n.message)
        lines.push(n.message);
    for (const f of n.fields)
        lines.push(`${f.name}: ${f.value}`);
    if (n.context.runUrl)
        lines.push(`Run: ${n.context.runUrl}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/slack-message.ts
// The Slack message: a one-line `text` (notification fallback, and where mentions ping) above
// a coloured attachment holding Block Kit blocks. Built as an object; serialised once by the caller.


const SLACK_LIMITS = {
    /** Top-level text we send (Slack accepts more, but a notification line should be short). */
    text: 3000,
    header: 150,
    sectionText: 3000,
    sectionFields: 10,
    fieldText: 2000,
    contextText: 2000,
    blocks: 50,
};
/** Text for mrkdwn: Slack requires &, < and > escaped so user text cannot form links or mentions. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escaped text cut to `max`, never ending in half an entity such as `&am`. */
function fitMrkdwn(text, max) {
    const escaped = escapeMrkdwn(text);
    const cut = truncateText(escaped, max, 'utf16');
    if (cut === escaped)
        return cut;
    return cut.replace(/&[a-z]{0,3}…$/, ELLIPSIS);
}
function slack_message_link(url, text) {
    // A URL we build from GITHUB_* values; `|` and `>` would end the link early.
    return url ? `<${url.replace(/[|>]/g, encodeURIComponent)}|${text}>` : text;
}
function buildSlackMessage(n) {
    const mention = n.mentions?.slack.length ? `${n.mentions.slack.join(' ')} ` : '';
    const text = mention + fitMrkdwn(`${n.emoji} ${n.title}`, SLACK_LIMITS.text - mention.length);
    const blocks = [
        {
            type: 'header',
            text: {
                type: 'plain_text',
                text: truncateText(`${n.emoji} ${n.title}`, SLACK_LIMITS.header, 'utf16'),
                emoji: true,
            },
        },
    ];
    if (n.message)
        blocks.push({
            type: 'section',
            text: { type: 'mrkdwn', text: fitMrkdwn(n.message, SLACK_LIMITS.sectionText) },
        });
    const context = n.context.runUrl
        ? [
            slack_message_link(n.context.runUrl, escapeMrkdwn(`${n.context.workflow || 'Workflow'} run #${n.context.runNumber}`)),
        ]
        : [];
    const fieldBlocks = [];
    for (let i = 0; i < n.fields.length; i += SLACK_LIMITS.sectionFields) {
        const group = n.fields.slice(i, i + SLACK_LIMITS.sectionFields).map((f) => {
            const name = `*${fitMrkdwn(f.name, 200)}*\n`;
            // The name takes room out of the field's 2000; the value (and its link) gets the rest.
            const room = SLACK_LIMITS.fieldText - name.length - (f.url ? f.url.length + 3 : 0);
            return { type: 'mrkdwn', text: name + slack_message_link(f.url, fitMrkdwn(f.value, Math.max(1, room))) };
        });
        fieldBlocks.push({ type: 'section', fields: group });
    }
    const room = SLACK_LIMITS.blocks - blocks.length - (context.length ? 1 : 0);
    if (fieldBlocks.length > room) {
        const kept = fieldBlocks.slice(0, room - 1);
        const omitted = n.fields.length - kept.length * SLACK_LIMITS.sectionFields;
        kept.push({
            type: 'context',
            elements: [
                {
                    type: 'mrkdwn',
                    text: `${ELLIPSIS} ${omitted} more field${omitted === 1 ? '' : 's'} not shown`,
                },
            ],
        });
        blocks.push(...kept);
    }
    else {
        blocks.push(...fieldBlocks);
    }
    if (context.length)
        blocks.push({
            type: 'context',
            elements: [
                {
                    type: 'mrkdwn',
                    text: truncateText(context.join(' · '), SLACK_LIMITS.contextText, 'utf16'),
                },
            ],
        });
    const message = {
        text,
        attachments: [
            {
                color: hexColor(n.color),
                fallback: fitMrkdwn(`${n.emoji} ${n.title}`, SLACK_LIMITS.text),
                blocks,
            },
        ],
        unfurl_links: false,
        unfurl_media: false,
    };
    if (n.username)
        message.username = n.username;
    if (n.avatarUrl)
        message.icon_url = n.avatarUrl;
    return message;
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/notify.ts
// The action: read and check every input (masking secrets first), build each platform's
// payload once, send to every destination at once, then report in outputs, log and summary.









/** Registers every webhook URL (and its secret path parts) and the token with the log masker. */
function maskSecrets(runner, inputs) {
    for (const name of ['slack-webhook-url', 'discord-webhook-url']) {
        for (const line of inputs.raw(name).split(/\r?\n/)) {
            const url = line.trim();
            if (!url)
                continue;
            (0,src/* maskUrl */.yP)(runner, url);
            // The last path segment is the webhook's secret on both platforms: masked on its own too.
            const last = url.split(/[?#]/)[0].replace(/\/+$/, '').split('/').pop();
            if (last && last.length >= 8)
                runner.setSecret(last);
        }
    }
    runner.setSecret(inputs.raw('slack-token').trim());
}
function parseJsonObject(text, input) {
    if (!text)
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new src/* InputError */.dz(input, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new src/* InputError */.dz(input, 'must be a JSON object ({...})');
    if (Object.keys(value).length === 0)
        throw new src/* InputError */.dz(input, 'must not be an empty object');
    return value;
}
function parseMentionOn(items) {
    const set = new Set();
    for (const item of items) {
        const s = item.toLowerCase();
        if (s === 'always')
            STATUSES.forEach((x) => set.add(x));
        else if (s === 'never')
            continue;
        else {
            const status = parseStatus(s);
            if (!status)
                throw new src/* InputError */.dz('mention-on', `expected statuses (${STATUSES.join(', ')}), always or never, got '${item}'`);
            set.add(status);
        }
    }
    return set;
}
function readConfig(runner, now) {
    const inputs = new src/* Inputs */.G0(runner);
    maskSecrets(runner, inputs);
    const allowAny = inputs.boolean('allow-any-url', false);
    const statusText = inputs.string('status', 'info');
    const status = parseStatus(statusText);
    if (!status)
        throw new src/* InputError */.dz('status', `expected one of ${STATUSES.join(', ')} (or success/failure/cancelled from job.status), got '${statusText}'`);
    const slackHooks = parseSlackWebhooks(inputs.lines('slack-webhook-url'), allowAny);
    const discordHooks = parseDiscordWebhooks(inputs.lines('discord-webhook-url'), allowAny, inputs.lines('discord-message-id'));
    if (inputs.lines('discord-message-id').length && !discordHooks.length)
        throw new src/* InputError */.dz('discord-message-id', 'needs discord-webhook-url (the webhook that posted the message)');
    const token = inputs.string('slack-token');
    const channel = inputs.string('slack-channel');
    const ts = inputs.string('slack-ts');
    const apiUrl = parseSlackApiUrl(inputs.string('slack-api-url', 'https://slack.com/api'), allowAny);
    if (token && !channel)
        throw new src/* InputError */.dz('slack-channel', 'is required with slack-token (a channel ID like C0123456789, or #name for new posts)');
    if (channel && !token)
        throw new src/* InputError */.dz('slack-token', 'is required with slack-channel (a bot token with chat:write)');
    if (ts && !token)
        throw new src/* InputError */.dz('slack-ts', 'needs slack-token and slack-channel: incoming webhooks cannot edit messages, only chat.update can');
    if (ts && !/^\d+\.\d+$/.test(ts))
        throw new src/* InputError */.dz('slack-ts', `expected a message timestamp like 1712345678.123456, got '${ts}'`);
    const slackApi = token
        ? [
            {
                kind: 'slack-api',
                platform: 'slack',
                label: `Slack API (${channel})`,
                apiUrl,
                token,
                channel,
                ts: ts || undefined,
            },
        ]
        : [];
    const destinations = [...slackHooks, ...slackApi, ...discordHooks];
    if (!destinations.length)
        throw new src/* InputError */.dz('slack-webhook-url', 'no destination given: set slack-webhook-url, discord-webhook-url, or slack-token with slack-channel');
    const mentionItems = inputs
        .raw('mention')
        .split(/[\s,]+/)
        .filter(Boolean);
    const parsedMentions = parseMentions(mentionItems);
    if ('bad' in parsedMentions)
        throw new src/* InputError */.dz('mention', `'${parsedMentions.bad}' is not a mention; expected ${MENTION_FORMS}`);
    const mentions = mentionItems.length ? parsedMentions.mentions : undefined;
    const mentionOn = parseMentionOn(inputs.list('mention-on').length ? inputs.list('mention-on') : ['failure', 'rolled-back']);
    const username = inputs.string('username');
    // Discord refuses the whole message (50035) for these names; say so before anything is sent.
    if (discordHooks.length && /discord|clyde/i.test(username))
        throw new src/* InputError */.dz('username', `Discord does not accept a webhook name containing 'discord' or 'clyde', got '${username}'`);
    const avatarUrl = inputs.string('avatar-url');
    if (avatarUrl && !/^https?:\/\/[^\s]+$/.test(avatarUrl))
        throw new src/* InputError */.dz('avatar-url', `expected an http(s) image URL, got '${avatarUrl}'`);
    const notification = buildNotification({
        status,
        title: inputs.string('title'),
        // Free text keeps its inner line breaks and indentation; only the ends are trimmed.
        message: inputs
            .raw('message')
            .replace(/^\s*\n/, '')
            .trimEnd(),
        environment: inputs.string('environment'),
        version: inputs.string('version'),
        fields: inputs.pairs('fields', ':', '`Name: value`'),
        mentions,
        mentionOn,
        username,
        avatarUrl,
    }, readGithubContext(runner.env), now);
    const timeoutMs = inputs.duration('timeout', '10s', { min: 100, max: 300_000 });
    return {
        destinations,
        notification,
        payloadSlack: parseJsonObject(inputs.string('payload-slack'), 'payload-slack'),
        payloadDiscord: parseJsonObject(inputs.string('payload-discord'), 'payload-discord'),
        failOnError: inputs.boolean('fail-on-error', false),
        timeoutMs,
        retries: inputs.integer('retries', 3, { min: 0, max: 10 }),
        totalTimeoutMs: inputs.duration('total-timeout', '60s', { min: timeoutMs, max: 3_600_000 }),
    };
}
/** The serialised body for each kind of destination: each object is stringified exactly once. */
function buildBodies(config) {
    const n = config.notification;
    const cache = new Map();
    const once = (key, make) => {
        if (!cache.has(key))
            cache.set(key, JSON.stringify(make()));
        return cache.get(key);
    };
    const slack = () => config.payloadSlack ?? buildSlackMessage(n);
    const discord = () => config.payloadDiscord ?? buildDiscordMessage(n);
    return (d) => {
        if (d.kind === 'slack-webhook')
            return once('slack-webhook', slack);
        if (d.kind === 'discord-webhook') {
            if (!d.messageId)
                return once('discord-post', discord);
            return once('discord-edit', () => {
                if (config.payloadDiscord)
                    return config.payloadDiscord;
                // An edit cannot change who posted; those fields are for new messages only.
                const { username: _u, avatar_url: _a, ...edit } = buildDiscordMessage(n);
                return edit;
            });
        }
        if (d.ts) {
            return once('slack-update', () => {
                const { username: _u, icon_url: _i, unfurl_links: _l, unfurl_media: _m, ...update } = slack();
                return {
                    channel: d.channel,
                    ...(config.payloadSlack ? config.payloadSlack : update),
                    ts: d.ts,
                };
            });
        }
        return once('slack-post', () => ({ channel: d.channel, ...slack() }));
    };
}
function fence(text) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const f = '`'.repeat(longest + 1);
    return `${f}text\n${text}\n${f}`;
}
function resultText(r) {
    if (r.ok)
        return `✅ ${r.action === 'update' ? 'updated' : 'posted'}`;
    return `${r.uncertain ? '❓' : '❌'} ${r.error}`;
}
function summaryMarkdown(n, results, overrides = []) {
    const rows = results.map((r) => [
        r.destination.label,
        resultText(r),
        r.attempts,
        r.messageId ?? '',
    ]);
    const note = overrides.length ? ` (${overrides.join(' and ')} sent as given instead)` : '';
    return [
        (0,src/* heading */.R_)(`${n.emoji} ${n.title}`),
        (0,src/* table */.tp)(['Destination', 'Result', 'Attempts', 'Message ID / ts'], rows),
        (0,src/* details */.zH)(`Message preview${note}`, fence(plainText(n))),
    ].join('\n');
}
async function notify(runner, deps) {
    const config = readConfig(runner, new Date(deps.clock.now()));
    const body = buildBodies(config);
    const deadline = deps.clock.now() + config.totalTimeoutMs;
    const n = config.notification;
    const results = await runner.group(`${STATUS_STYLE[n.status].emoji} Notifying ${config.destinations.length} destination${config.destinations.length === 1 ? '' : 's'}: ${n.title}`, async () => {
        const all = await Promise.all(config.destinations.map((d) => deliver(d, body(d), {
            http: deps.http,
            clock: deps.clock,
            random: deps.random,
            timeoutMs: config.timeoutMs,
            retries: config.retries,
            deadline,
            log: (line) => runner.info(runner.redact(line)),
        })));
        for (const r of all)
            runner.info(runner.redact(`${r.destination.label}: ${resultText(r)}${r.messageId ? ` (${r.messageId})` : ''}, ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`));
        return all;
    });
    const sent = (platform) => {
        const mine = results.filter((r) => r.destination.platform === platform);
        return mine.length > 0 && mine.every((r) => r.ok);
    };
    runner.setOutput('slack-sent', sent('slack'));
    runner.setOutput('discord-sent', sent('discord'));
    const discordIds = results
        .filter((r) => r.destination.kind === 'discord-webhook')
        .map((r) => r.messageId ?? '');
    runner.setOutput('discord-message-id', discordIds.join('\n'));
    const api = results.find((r) => r.destination.kind === 'slack-api');
    runner.setOutput('slack-ts', api?.messageId ?? '');
    runner.setOutput('slack-channel-id', api?.channel ?? '');
    const overrides = [
        config.payloadSlack ? 'payload-slack' : '',
        config.payloadDiscord ? 'payload-discord' : '',
    ].filter(Boolean);
    runner.appendSummary(summaryMarkdown(n, results, overrides));
    const failed = results.filter((r) => !r.ok);
    if (!failed.length)
        return;
    const lines = failed.map((r) => `${r.destination.label}: ${r.error}`);
    if (config.failOnError)
        throw new src/* ActionError */.lZ(`Notification not delivered to ${failed.length} of ${results.length} destination${results.length === 1 ? '' : 's'}: ${lines.join('; ')}`);
    for (const line of lines)
        runner.warning(runner.redact(`Notification not delivered — ${line}`));
}


/***/ }),

/***/ 466:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lZ: () => (/* reexport */ ActionError),
  j$: () => (/* reexport */ HttpError),
  dz: () => (/* reexport */ InputError),
  G0: () => (/* reexport */ Inputs),
  by: () => (/* reexport */ Runner),
  zH: () => (/* reexport */ details),
  R_: () => (/* reexport */ heading),
  aj: () => (/* reexport */ httpRequest),
  yP: () => (/* reexport */ maskUrl),
  mu: () => (/* reexport */ parseRetryAfter),
  L5: () => (/* reexport */ retry),
  Cs: () => (/* reexport */ runAction),
  ml: () => (/* reexport */ systemClock),
  tp: () => (/* reexport */ table)
});

// UNUSED EXPORTS: Deadline, backoffDelay, cell, code, errorMessage, formatCommand, formatDuration, formatFileCommand, inputEnvName, isLocalhostName, isSensitiveHeader, maskHeaders, parseBoolean, parseDuration, parseInteger, parseLines, parseList, parsePairs, processIO, safeUrl

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
/******/ var __webpack_exports__ = __nccwpck_require__(175);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
