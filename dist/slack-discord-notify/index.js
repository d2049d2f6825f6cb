import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 175:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(466);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(201);
/* harmony import */ var _report__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(977);
/* harmony import */ var _run__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(503);
// Wiring only: inputs → run (real HTTP and clock) → report.




const runner = new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .Runner */ .by();
await (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(runner, async () => {
    const inputs = (0,_inputs__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .Ko)(runner, new Date(_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml.now()));
    const outcomes = await runner.group((0,_report__WEBPACK_IMPORTED_MODULE_2__/* .groupTitle */ .SZ)(inputs), () => (0,_run__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)(inputs, {
        http: _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj,
        clock: _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml,
        log: (line) => runner.info(runner.redact(line)),
        redact: (text) => runner.redact(text),
    }));
    (0,_report__WEBPACK_IMPORTED_MODULE_2__/* .report */ .z8)(runner, inputs, outcomes);
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: maskSecrets, refuseLongScalars

// EXTERNAL MODULE: ./packages/core/src/index.ts + 10 modules
var src = __nccwpck_require__(466);
;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/preview.ts
// A quoted, cut preview of an input for error messages: `'abc…' (131072 characters)`. Same
// contract as `preview` in @cicd-actions/core/inputs (CORE-API.md); this copy goes when that lands.
function preview(value, max = 60) {
    const chars = [...value];
    if (chars.length <= max)
        return `'${value}'`;
    return `'${chars.slice(0, max).join('')}…' (${chars.length} characters)`;
}

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
    // Webhook and API URLs are ~100 characters; anything this long is a mistake (and never echoed).
    if (text.length > 2048)
        throw new src/* InputError */.dz(input, `line ${line} is not a URL (${text.length} characters)`);
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
/**
 * The message IDs, matched to the webhooks by position: line N is webhook N's message, and an
 * empty line (its started post failed) means "post a new one". Lines past the last webhook must
 * be empty; fewer lines leave the remaining webhooks without an ID.
 */
function parseMessageIds(raw, webhooks) {
    const lines = raw.split(/\r?\n/).map((l) => l.trim());
    const given = lines.filter(Boolean).length;
    if (given && !webhooks)
        throw new src/* InputError */.dz('discord-message-id', 'needs discord-webhook-url (the webhook that posted the message)');
    const extra = lines.slice(webhooks).some(Boolean);
    if (extra)
        throw new src/* InputError */.dz('discord-message-id', `expected one message ID per Discord webhook (${webhooks}), got ${lines.length}`);
    return Array.from({ length: webhooks }, (_, i) => {
        const id = lines[i] || undefined;
        if (id !== undefined && !/^\d{1,25}$/.test(id))
            throw new src/* InputError */.dz('discord-message-id', `line ${i + 1}: expected a numeric message ID, got ${preview(id)}`);
        return id;
    });
}
function parseDiscordWebhooks(lines, allowAny, messageIds = []) {
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
        const version = /\/api\/v(\d+)\//.exec(url.pathname);
        url.pathname = url.pathname.replace(/\/+$/, '');
        return {
            kind: 'discord-webhook',
            platform: 'discord',
            label: `Discord webhook #${i + 1}${id ? ` (id ${id})` : ''}`,
            url,
            token,
            messageId: messageIds[i],
            apiVersion: version ? Number(version[1]) : undefined,
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
// The enum's value, written as a type-only constant so the enum's module is not bundled.
const EVERYONE = 'everyone';
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
        if (d.kind === 'everyone' && !out.discordAllowed.parse.includes(EVERYONE))
            out.discordAllowed.parse.push(EVERYONE);
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

// EXTERNAL MODULE: ./actions/slack-discord-notify/src/notification.ts
var notification = __nccwpck_require__(600);
// EXTERNAL MODULE: ./actions/slack-discord-notify/src/status.ts
var src_status = __nccwpck_require__(389);
;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/inputs.ts
// Every input, read and checked before anything is sent: secrets are masked first, then each
// input is parsed or rejected with an InputError naming it (values echoed only as a cut preview).







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
        const why = err instanceof Error ? err.message : String(err);
        throw new src/* InputError */.dz(input, `is not valid JSON (${preview(why, 80).slice(1, -1)})`);
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
            src_status/* STATUSES */.f.forEach((x) => set.add(x));
        else if (s === 'never')
            continue;
        else {
            const status = (0,src_status/* parseStatus */.i$)(s);
            if (!status)
                throw new src/* InputError */.dz('mention-on', `expected statuses (${src_status/* STATUSES */.f.join(', ')}), always or never, got ${preview(item)}`);
            set.add(status);
        }
    }
    return set;
}
function readStatus(inputs) {
    const text = inputs.string('status', 'info');
    const status = (0,src_status/* parseStatus */.i$)(text);
    if (!status)
        throw new src/* InputError */.dz('status', `expected one of ${src_status/* STATUSES */.f.join(', ')} (or success/failure/cancelled from job.status), got ${preview(text)}`);
    return status;
}
/**
 * The Web API destination. An empty slack-channel with a token is not an input error: in the
 * outcome step it is the started step's empty `slack-channel-id` (its post failed), and a
 * delivery problem must not fail a step with fail-on-error: false.
 */
function readSlackApi(inputs, allowAny) {
    const token = inputs.string('slack-token');
    // Never echoed, not even cut: it is a credential. Spaces or control characters would break the header.
    if (token && !/^[\x21-\x7e]{8,1000}$/.test(token))
        throw new src/* InputError */.dz('slack-token', `expected a Slack token like xoxb-… (8 to 1000 characters, no spaces), got ${[...token].length} characters`);
    const channel = inputs.string('slack-channel');
    const ts = inputs.string('slack-ts');
    const apiUrl = parseSlackApiUrl(inputs.string('slack-api-url', 'https://slack.com/api'), allowAny);
    if (channel && !token)
        throw new src/* InputError */.dz('slack-token', 'is required with slack-channel (a bot token with chat:write)');
    if (ts && !token)
        throw new src/* InputError */.dz('slack-ts', 'needs slack-token and slack-channel: incoming webhooks cannot edit messages, only chat.update can');
    if (ts && !/^\d+\.\d+$/.test(ts))
        throw new src/* InputError */.dz('slack-ts', `expected a message timestamp like 1712345678.123456, got ${preview(ts)}`);
    // Slack channel names are at most 80 letters, digits, hyphens, underscores and periods.
    if (channel && !/^#?[\w.-]{1,80}$/.test(channel))
        throw new src/* InputError */.dz('slack-channel', `expected a channel ID like C0123456789 or a #name, got ${preview(channel)}`);
    if (!token)
        return [];
    return [
        {
            kind: 'slack-api',
            platform: 'slack',
            label: `Slack API (${channel || 'no channel'})`,
            apiUrl,
            token,
            channel,
            ts: ts || undefined,
        },
    ];
}
function readDestinations(inputs) {
    const allowAny = inputs.boolean('allow-any-url', false);
    const slackHooks = parseSlackWebhooks(inputs.lines('slack-webhook-url'), allowAny);
    const discordLines = inputs.lines('discord-webhook-url');
    // Raw, not trimmed: an empty first line is webhook 1's failed post and must keep its place.
    const messageIds = parseMessageIds(inputs.raw('discord-message-id'), discordLines.length);
    const discordHooks = parseDiscordWebhooks(discordLines, allowAny, messageIds);
    const destinations = [
        ...slackHooks,
        ...readSlackApi(inputs, allowAny),
        ...discordHooks,
    ];
    if (!destinations.length)
        throw new src/* InputError */.dz('slack-webhook-url', 'no destination given: set slack-webhook-url, discord-webhook-url, or slack-token with slack-channel');
    return destinations;
}
function readMentions(inputs) {
    const items = inputs
        .raw('mention')
        .split(/[\s,]+/)
        .filter(Boolean);
    const parsed = parseMentions(items);
    if ('bad' in parsed)
        throw new src/* InputError */.dz('mention', `${preview(parsed.bad)} is not a mention; expected ${MENTION_FORMS}`);
    return items.length ? parsed.mentions : undefined;
}
function readNotification(inputs, runner, status, now, discord) {
    const username = inputs.string('username');
    // Discord refuses the whole message (50035) for these names; say so before anything is sent.
    if (discord && /discord|clyde/i.test(username))
        throw new src/* InputError */.dz('username', `Discord does not accept a webhook name containing 'discord' or 'clyde', got ${preview(username)}`);
    const avatarUrl = inputs.string('avatar-url');
    if (avatarUrl && (!/^https?:\/\/[^\s]+$/.test(avatarUrl) || avatarUrl.length > 2048))
        throw new src/* InputError */.dz('avatar-url', `expected an http(s) image URL of at most 2048 characters, got ${preview(avatarUrl)}`);
    const mentionOn = inputs.list('mention-on');
    return (0,notification/* buildNotification */.Ur)({
        status,
        title: inputs.string('title'),
        // Free text keeps its inner line breaks and indentation; only the ends are trimmed.
        message: inputs
            .raw('message')
            .replace(/^\s*\n/, '')
            .trimEnd(),
        // One line: it is chained from other steps' one-line `message` outputs.
        reason: inputs.raw('reason').replace(/\s+/g, ' ').trim(),
        environment: inputs.string('environment'),
        version: inputs.string('version'),
        fields: inputs.pairs('fields', ':', '`Name: value`'),
        mentions: readMentions(inputs),
        mentionOn: parseMentionOn(mentionOn.length ? mentionOn : ['failure', 'rolled-back']),
        username,
        avatarUrl,
    }, readGithubContext(runner.env), now);
}
/**
 * Scalar inputs (booleans, numbers, durations) longer than any valid value are refused here with
 * a cut preview, before the core parsers, whose messages would echo the whole value.
 */
function refuseLongScalars(inputs, names) {
    for (const [name, expected] of Object.entries(names)) {
        const value = inputs.string(name);
        if (value.length > 40)
            throw new src/* InputError */.dz(name, `expected ${expected}, got ${preview(value, 20)}`);
    }
}
function readInputs(runner, now) {
    const inputs = new src/* Inputs */.G0(runner);
    maskSecrets(runner, inputs);
    refuseLongScalars(inputs, {
        'allow-any-url': 'true or false',
        'fail-on-error': 'true or false',
        timeout: 'a duration like 10s',
        'total-timeout': 'a duration like 60s',
        retries: 'a whole number from 0 to 10',
    });
    const status = readStatus(inputs);
    const destinations = readDestinations(inputs);
    const notification = readNotification(inputs, runner, status, now, destinations.some((d) => d.platform === 'discord'));
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


/***/ }),

/***/ 600:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ur: () => (/* binding */ buildNotification),
/* harmony export */   nc: () => (/* binding */ pingLine),
/* harmony export */   wh: () => (/* binding */ plainText)
/* harmony export */ });
/* harmony import */ var _status__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(389);

function buildNotification(input, context, now) {
    const style = _status__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_STYLE */ .DJ[input.status];
    const fields = [];
    const add = (name, value, url) => value && fields.push({ name, value, url, inline: true });
    if (input.reason)
        fields.push({ name: 'Reason', value: input.reason, inline: false });
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
        title: input.title || (0,_status__WEBPACK_IMPORTED_MODULE_0__/* .defaultTitle */ .QL)(input.status, input.environment, input.version),
        message: input.message,
        reason: input.reason,
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
/** The one line a ping carries: "❌ Deployment of v1 to production failed: <reason>". */
function pingLine(n) {
    return `${n.emoji} ${n.title}${n.reason ? `: ${n.reason}` : ''}`;
}


/***/ }),

/***/ 977:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SZ: () => (/* binding */ groupTitle),
/* harmony export */   z8: () => (/* binding */ report)
/* harmony export */ });
/* unused harmony exports resultText, failureText, summaryMarkdown, writeOutputs */
/* harmony import */ var _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(466);
/* harmony import */ var _notification__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(600);
// What the step hands on: outputs that chain into the outcome step, a summary a person reads,
// one log line per destination, and a warning (or, with fail-on-error, the failure) per loss.


function fence(text) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const f = '`'.repeat(longest + 1);
    return `${f}text\n${text}\n${f}`;
}
const DONE = {
    post: 'posted',
    edit: 'updated',
    ping: 'pinged (new message)',
};
function stepText(r, alone) {
    if (r.ok)
        return `✅ ${DONE[r.send]}`;
    const what = alone ? '' : `${r.send}: `;
    return `${r.uncertain ? '❓' : '❌'} ${what}${r.error}`;
}
function resultText(o) {
    if (o.error)
        return `❌ ${o.error}`;
    if (o.cancelled && !o.ok)
        return '⏹️ cancelled';
    return o.steps.map((s) => stepText(s, o.steps.length === 1)).join(' · ');
}
/** Why the destination did not get the outcome, in one line; undefined when it did. */
function failureText(o) {
    if (o.ok)
        return undefined;
    if (o.error)
        return o.error;
    const failed = o.steps.filter((s) => !s.ok);
    if (failed.length === 1 && o.steps.length === 1)
        return failed[0].error;
    return failed.map((s) => `${s.send}: ${s.error}`).join('; ');
}
/** The log group around the sends: "🚀 Notifying 2 destinations: Deployment … started". */
function groupTitle(inputs) {
    const n = inputs.destinations.length;
    return `${inputs.notification.emoji} Notifying ${n} destination${n === 1 ? '' : 's'}: ${inputs.notification.title}`;
}
const attempts = (o) => o.steps.reduce((n, s) => n + s.attempts, 0);
function summaryMarkdown(n, outcomes, overrides = [], cancelled = false) {
    const rows = outcomes.map((o) => [
        o.destination.label,
        resultText(o),
        attempts(o),
        o.messageId ?? '',
    ]);
    const note = overrides.length ? ` (${overrides.join(' and ')} sent as given instead)` : '';
    return [
        (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .heading */ .R_)(`${cancelled ? '⏹️ Cancelled: ' : ''}${n.emoji} ${n.title}`),
        cancelled
            ? 'The job was cancelled while notifying; destinations not reached are marked.\n'
            : '',
        (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Destination', 'Result', 'Attempts', 'Message ID / ts'], rows),
        (0,_cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .details */ .zH)(`Message preview${note}`, fence((0,_notification__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .wh)(n))),
    ]
        .filter(Boolean)
        .join('\n');
}
const isChannelId = (c) => /^[CGD][A-Z0-9]+$/.test(c);
function writeOutputs(runner, outcomes) {
    const sent = (platform) => {
        const mine = outcomes.filter((o) => o.destination.platform === platform);
        return mine.length > 0 && mine.every((o) => o.ok);
    };
    runner.setOutput('slack-sent', sent('slack'));
    runner.setOutput('discord-sent', sent('discord'));
    // One line per webhook, in order, empty for a failed one: the outcome step matches by position.
    const discordIds = outcomes
        .filter((o) => o.destination.kind === 'discord-webhook')
        .map((o) => o.messageId ?? '');
    runner.setOutput('discord-message-id', discordIds.join('\n'));
    const api = outcomes.find((o) => o.destination.kind === 'slack-api');
    runner.setOutput('slack-ts', api?.messageId ?? '');
    // The channel ID even when the post failed (when given as an ID), so the outcome step can post.
    const given = api?.destination.kind === 'slack-api' ? api.destination.channel : '';
    runner.setOutput('slack-channel-id', api?.channel ?? (isChannelId(given) ? given : ''));
}
/** Outputs, log lines, summary; then a warning per destination not reached (or the failure). */
function report(runner, inputs, outcomes, cancelled = false) {
    for (const o of outcomes)
        runner.info(runner.redact(`${o.destination.label}: ${resultText(o)}${o.messageId ? ` (${o.messageId})` : ''}, ${attempts(o)} attempt${attempts(o) === 1 ? '' : 's'}`));
    writeOutputs(runner, outcomes);
    const overrides = [
        inputs.payloadSlack ? 'payload-slack' : '',
        inputs.payloadDiscord ? 'payload-discord' : '',
    ].filter(Boolean);
    runner.appendSummary(summaryMarkdown(inputs.notification, outcomes, overrides, cancelled));
    if (cancelled)
        return;
    const lines = outcomes
        .map((o) => [o.destination.label, failureText(o)])
        .filter(([, why]) => why !== undefined)
        .map(([label, why]) => `${label}: ${why}`);
    if (!lines.length)
        return;
    if (inputs.failOnError)
        throw new _cicd_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Notification not delivered to ${lines.length} of ${outcomes.length} destination${outcomes.length === 1 ? '' : 's'}: ${lines.join('; ')}`);
    for (const line of lines)
        runner.warning(runner.redact(`Notification not delivered — ${line}`));
}


/***/ }),

/***/ 503:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/text-limits.ts
// Platform text limits. Discord counts Unicode code points (its API validates with Python's
// len()); Slack does not say what it counts, so we count UTF-16 code units there: never fewer
// than code points, hence safe whichever Slack uses. A cut never splits a grapheme cluster
// (a flag, an emoji with skin tone, a ZWJ family, a letter with combining marks): whole or gone.
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
/**
 * The last grapheme boundary at or before `index`. Segmented from the start of the text: a
 * window starting mid-text could pair regional indicators wrongly and split a flag.
 * (Intl.Segmenter is made only when a cut is needed.)
 */
function graphemeBoundary(text, index) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let best = 0;
    for (const { index: at } of segmenter.segment(text)) {
        if (at > index)
            break;
        best = at;
    }
    return index >= text.length ? text.length : best;
}
/**
 * `text` if it fits in `max` units, otherwise its longest prefix of whole grapheme clusters that
 * fits together with the ellipsis (so flags, ZWJ sequences and combining marks are never split).
 * `max` of 0 gives ''.
 */
function truncateText(text, max, unit) {
    if (textLength(text, unit) <= max)
        return text;
    if (max <= 0)
        return '';
    const room = max - textLength(ELLIPSIS, unit);
    if (room <= 0)
        return ELLIPSIS.slice(0, max);
    const cut = graphemeBoundary(text, cutIndex(text, room, unit));
    return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

// EXTERNAL MODULE: ./actions/slack-discord-notify/src/notification.ts
var notification = __nccwpck_require__(600);
;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/discord-message.ts


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
/** Who may be pinged: nothing unless mentions were asked for (and are due for this status). */
function allowedMentions(n) {
    const m = n.mentions;
    const allowed = { parse: m?.discord.length ? m.discordAllowed.parse : [] };
    if (!m?.discord.length)
        return allowed;
    if (m.discordAllowed.users.length)
        allowed.users = m.discordAllowed.users.slice(0, 100);
    if (m.discordAllowed.roles.length)
        allowed.roles = m.discordAllowed.roles.slice(0, 100);
    return allowed;
}
function buildEmbed(n) {
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
    return embed;
}
function sender(n) {
    const who = {};
    if (n.username)
        who.username = fit(n.username, DISCORD_LIMITS.username);
    if (n.avatarUrl)
        who.avatar_url = n.avatarUrl;
    return who;
}
function buildDiscordMessage(n) {
    const message = { embeds: [buildEmbed(n)], allowed_mentions: allowedMentions(n) };
    if (n.mentions?.discord.length)
        message.content = fit(n.mentions.discord.join(' '), DISCORD_LIMITS.content);
    return { ...message, ...sender(n) };
}
/**
 * The edit of an earlier message: the new embed, content cleared (a mention added by an edit
 * shows but never notifies; the ping is a new message) and nothing allowed to ping.
 */
function buildDiscordEdit(n) {
    return { content: null, embeds: [buildEmbed(n)], allowed_mentions: { parse: [] } };
}
/**
 * The ping after an edit: a new message (webhooks cannot reply), with the mentions, the one-line
 * outcome and a link to the message it is about when the link is known.
 */
function buildDiscordPing(n, link) {
    const mentions = n.mentions?.discord.join(' ') ?? '';
    const tail = link ? ` (${link})` : '';
    const room = DISCORD_LIMITS.content - countCodePoints(mentions) - 1 - countCodePoints(tail);
    const content = `${mentions} ${fit((0,notification/* pingLine */.nc)(n), Math.max(1, room))}${tail}`.trim();
    return { content, embeds: [], allowed_mentions: allowedMentions(n), ...sender(n) };
}

// EXTERNAL MODULE: ./actions/slack-discord-notify/src/status.ts
var src_status = __nccwpck_require__(389);
;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/slack-message.ts



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
const MARKER_EVENT = 'cicd_actions_notification';
function marker(id) {
    return { event_type: MARKER_EVENT, event_payload: { id } };
}
/** Sections of up to 10 fields; each field's name and link take room from its 2000. */
function buildFieldBlocks(n) {
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
    return fieldBlocks;
}
/** The message; `withMentions: false` for an edit, where mentions would show but never notify. */
function buildSlackMessage(n, withMentions = true) {
    const mention = withMentions && n.mentions?.slack.length ? `${n.mentions.slack.join(' ')} ` : '';
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
    const fieldBlocks = buildFieldBlocks(n);
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
                color: (0,src_status/* hexColor */.bb)(n.color),
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
/**
 * The ping after an edit: a reply in the started message's thread, broadcast to the channel,
 * because Slack notifies mentions only in a new message.
 */
function buildSlackPing(n, threadTs) {
    const mention = n.mentions?.slack.length ? `${n.mentions.slack.join(' ')} ` : '';
    const message = {
        text: mention + fitMrkdwn((0,notification/* pingLine */.nc)(n), SLACK_LIMITS.text - mention.length),
        thread_ts: threadTs,
        reply_broadcast: true,
        unfurl_links: false,
        unfurl_media: false,
    };
    if (n.username)
        message.username = n.username;
    if (n.avatarUrl)
        message.icon_url = n.avatarUrl;
    return message;
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/bodies.ts


class Bodies {
    inputs;
    markerId;
    cache = new Map();
    /** `markerId` tags this run's Slack posts so a gateway error can be checked before a retry. */
    constructor(inputs, markerId) {
        this.inputs = inputs;
        this.markerId = markerId;
    }
    once(key, make) {
        let body = this.cache.get(key);
        if (body === undefined)
            this.cache.set(key, (body = JSON.stringify(make())));
        return body;
    }
    slack(withMentions = true) {
        return (this.inputs.payloadSlack ??
            buildSlackMessage(this.inputs.notification, withMentions));
    }
    slackWebhook() {
        return this.once('slack-webhook', () => this.slack());
    }
    /** A new Web API post; a built one carries the marker (a given payload is sent as given). */
    slackPost(d) {
        return this.once('slack-post', () => {
            const message = this.slack();
            const tagged = this.inputs.payloadSlack
                ? message
                : { ...message, metadata: marker(this.markerId) };
            return { channel: d.channel, ...tagged };
        });
    }
    /** chat.update of the started message: no mentions (an edit never notifies), no marker. */
    slackUpdate(d, ts) {
        return this.once('slack-update', () => {
            if (this.inputs.payloadSlack)
                return { channel: d.channel, ...this.slack(), ts };
            // An update cannot change who posted, nor how links unfurl.
            const { username: _u, icon_url: _i, unfurl_links: _l, unfurl_media: _m, ...update } = this.slack(false);
            return { channel: d.channel, ...update, ts };
        });
    }
    /** The ping: a thread reply to the started message, broadcast to the channel. */
    slackPing(d, ts) {
        return this.once('slack-ping', () => ({
            channel: d.channel,
            ...buildSlackPing(this.inputs.notification, ts),
            metadata: marker(this.markerId),
        }));
    }
    discordPost() {
        return this.once('discord-post', () => this.inputs.payloadDiscord ?? buildDiscordMessage(this.inputs.notification));
    }
    discordEdit() {
        return this.once('discord-edit', () => this.inputs.payloadDiscord ?? buildDiscordEdit(this.inputs.notification));
    }
    /** Not cached: the link differs per webhook. */
    discordPing(link) {
        return JSON.stringify(buildDiscordPing(this.inputs.notification, link));
    }
}

// EXTERNAL MODULE: ./packages/core/src/index.ts + 10 modules
var src = __nccwpck_require__(466);
;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/requests.ts
const JSON_TYPE = 'application/json; charset=utf-8';
/** The kind a destination implies on its own: an edit when it has an earlier message's ID. */
function defaultSend(d) {
    if (d.kind === 'discord-webhook')
        return d.messageId ? 'edit' : 'post';
    if (d.kind === 'slack-api')
        return d.ts ? 'edit' : 'post';
    return 'post';
}
/** The request for a destination and a payload already serialised once. */
function planRequest(d, body, send = defaultSend(d)) {
    const headers = { 'content-type': JSON_TYPE };
    if (d.kind === 'slack-webhook')
        return { method: 'POST', url: d.url, headers, body, idempotent: false };
    if (d.kind === 'slack-api') {
        const method = send === 'edit' ? 'chat.update' : 'chat.postMessage';
        return {
            method: 'POST',
            url: new URL(`${d.apiUrl}/${method}`),
            headers: { ...headers, authorization: `Bearer ${d.token}` },
            body,
            idempotent: send === 'edit',
        };
    }
    const url = new URL(d.url.href);
    if (send === 'edit' && d.messageId) {
        url.pathname = `${url.pathname}/messages/${d.messageId}`;
        url.searchParams.delete('wait');
        return { method: 'PATCH', url, headers, body, idempotent: true };
    }
    // wait=true: Discord answers with the message (its ID is the output) once it is saved.
    url.searchParams.set('wait', 'true');
    return { method: 'POST', url, headers, body, idempotent: false };
}
/**
 * Recent messages of the channel (or of a thread), with metadata, to find our marker after a
 * gateway error. Needs the channels:history (or groups:history) scope.
 */
function slackHistoryRequest(d, oldestMs, threadTs) {
    const url = new URL(`${d.apiUrl}/${threadTs ? 'conversations.replies' : 'conversations.history'}`);
    url.searchParams.set('channel', d.channel);
    if (threadTs)
        url.searchParams.set('ts', threadTs);
    url.searchParams.set('oldest', (oldestMs / 1000).toFixed(6));
    url.searchParams.set('include_all_metadata', 'true');
    url.searchParams.set('limit', '100');
    return {
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${d.token}` },
        idempotent: true,
    };
}
/** The webhook itself (GET with its token needs no other credential): its guild and channel. */
function discordWebhookRequest(d) {
    const url = new URL(d.url.href);
    url.searchParams.delete('wait');
    url.searchParams.delete('thread_id');
    return { method: 'GET', url, headers: {}, idempotent: true };
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/responses.ts
// What an answer (or a network fault) means for a destination: taken, retry, refused, or unknown.
// The platform rules behind each verdict are in the README's retry table, with their sources.

const noRedact = (t) => t;
function parseJson(body) {
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** A short, single-line excerpt of what the platform said: redacted first, then cut. */
function excerpt(body, redact = noRedact) {
    const text = redact(body.toString('utf8')).replace(/\s+/g, ' ').trim();
    const chars = [...text];
    return chars.length > 200 ? `${chars.slice(0, 200).join('')}…` : text;
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
/**
 * Discord's wait after a 429, in ms. API v8 made `retry_after` and `Retry-After` seconds; v6 and
 * v7, and the unversioned URL (which is v6), send milliseconds. `X-RateLimit-Reset-After` is
 * seconds in every version: when the version's reading is far from it and the other reading is
 * close, the other is taken.
 */
function discordRetryAfterMs(res, apiVersion) {
    const json = parseJson(res.body);
    const header = Number(res.headers['retry-after']);
    const value = typeof json?.retry_after === 'number' && json.retry_after >= 0
        ? json.retry_after
        : Number.isFinite(header) && header >= 0 && res.headers['retry-after']
            ? header
            : undefined;
    if (value === undefined)
        return undefined;
    const secondsVersion = apiVersion !== undefined && apiVersion >= 8;
    let ms = secondsVersion ? value * 1000 : value;
    const resetAfter = Number(res.headers['x-ratelimit-reset-after']);
    if (res.headers['x-ratelimit-reset-after'] && Number.isFinite(resetAfter) && resetAfter > 0) {
        const other = secondsVersion ? value : value * 1000;
        const off = (x) => Math.abs(Math.log10(Math.max(x, 1) / (resetAfter * 1000)));
        if (off(ms) > 2 && off(other) < 1)
            ms = other;
    }
    return Math.ceil(ms);
}
/** 502 and 504 come from a gateway in front of the platform, which may have stored the message. */
const GATEWAY_ERRORS = new Set([502, 504]);
function judgeResponse(d, res, now, redact = noRedact) {
    const status = res.status;
    const said = () => (res.body.length ? `: ${excerpt(res.body, redact)}` : '');
    if (status === 429) {
        const wait = d.kind === 'discord-webhook'
            ? discordRetryAfterMs(res, d.apiVersion)
            : (0,src/* parseRetryAfter */.mu)(res.headers['retry-after'], now);
        return { kind: 'retry', reason: 'rate limited (429)', retryAfterMs: wait };
    }
    if (status >= 500) {
        const verdict = { kind: 'retry', reason: `server error ${status}${said()}` };
        if (GATEWAY_ERRORS.has(status))
            verdict.maybeStored = true;
        return verdict;
    }
    if (d.kind === 'slack-api') {
        const json = parseJson(res.body);
        if (status >= 200 && status < 300 && json?.ok === true)
            return { kind: 'accepted', messageId: json.ts, channel: json.channel };
        if (json && json.ok === false) {
            const error = redact(String(json.error ?? 'unknown_error'));
            // Slack says these may have partly succeeded: not safe to repeat a post.
            if (error === 'fatal_error' || error === 'internal_error')
                return { kind: 'unknown', reason: `Slack API error: ${error}` };
            return { kind: 'rejected', reason: `Slack API error: ${error}` };
        }
        return status >= 200 && status < 300
            ? { kind: 'unknown', reason: `HTTP ${status} without a Slack API answer` }
            : { kind: 'rejected', reason: `HTTP ${status}${said()}` };
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
            const text = `Discord error ${json.code ?? ''}${json.message ? ` ${json.message}` : ''}${detail ? ` (${detail})` : ''}`;
            return { kind: 'rejected', reason: `HTTP ${status}: ${excerpt(Buffer.from(text), redact)}` };
        }
    }
    // Slack webhooks answer in plain text: invalid_payload, no_service, channel_is_archived, ...
    return { kind: 'rejected', reason: `HTTP ${status}${said()}` };
}
/**
 * Whether a network fault proves the request never left: nothing was refused, resolved, or
 * handshaken, so nothing can have been posted. `requestSent === false` is the flag the transport
 * work adds to HttpError (a reset during the TLS handshake is the case only it can tell); the
 * error codes below already prove it on their own.
 */
function requestNotSent(err) {
    if (!(err instanceof src/* HttpError */.j$))
        return false;
    if (err.requestSent === false)
        return true;
    return (err.code === 'CONNECTION_REFUSED' ||
        err.code === 'DNS' ||
        err.code === 'TLS' ||
        /ENETUNREACH|EHOSTUNREACH/.test(err.message));
}
/** Network faults: retried only when the request provably never reached the platform. */
function judgeNetworkError(err) {
    const message = err instanceof Error ? err.message : String(err);
    return requestNotSent(err)
        ? { kind: 'retry', reason: message }
        : { kind: 'unknown', reason: message };
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/delivery.ts
// Sending one payload to one destination, with retries that can never post it twice.
//
// A retry happens only when the platform did not take the message: it answered 429 (wait as
// told) or 500/503, or the connection failed before any byte of the request could reach it
// (refused, DNS, TLS, unreachable). A timeout or reset AFTER the request went out is ambiguous,
// and so is a gateway's 502/504: the message may be stored already, and neither webhook API
// takes an idempotency key. So a new post is not retried then (reported as "may have been
// posted") unless `verify` can look it up and finds it absent; an edit (Discord PATCH, Slack
// chat.update) sets the message to the same content again and is retried.





function seconds(ms) {
    return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
/** One attempt: the request, then what its answer means. */
async function attemptOnce(d, plan, opts, left) {
    try {
        const res = await opts.http({
            url: plan.url,
            method: plan.method,
            headers: plan.headers,
            body: plan.body,
            timeoutMs: Math.min(opts.timeoutMs, left),
            maxBodyBytes: 64 * 1024,
            signal: opts.signal,
        });
        return judgeResponse(d, res, opts.clock.now(), opts.redact);
    }
    catch (err) {
        return judgeNetworkError(err);
    }
}
/** A maybe-stored verdict on a post, resolved by a look-up when there is one. */
async function resolveMaybeStored(reason, verify) {
    if (!verify)
        return { kind: 'unknown', reason };
    const found = await verify();
    if ('error' in found)
        return {
            kind: 'unknown',
            reason: `${reason}; could not check whether it was stored (${found.error})`,
        };
    if (found.found)
        return { kind: 'accepted', messageId: found.messageId };
    return { kind: 'retry', reason: `${reason}; not stored (checked)` };
}
/** What the summary and outputs say about a delivery, from how retry() ended. */
function resultOf(d, send, result, seen, signal) {
    const action = send === 'edit' ? 'update' : 'post';
    if (result.done && result.value?.kind === 'accepted') {
        return {
            destination: d,
            ok: true,
            send,
            action,
            attempts: result.attempts,
            messageId: result.value.messageId,
            channel: result.value.channel,
        };
    }
    const cancelled = Boolean(signal?.aborted);
    const last = seen.last;
    const reason = cancelled
        ? 'cancelled'
        : last && last.kind !== 'accepted'
            ? last.reason
            : 'not sent';
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
        send,
        action,
        attempts: result.attempts,
        error,
        uncertain: seen.uncertain || undefined,
        cancelled: cancelled || undefined,
    };
}
async function deliver(d, body, opts) {
    const plan = planRequest(d, body, opts.send);
    const send = opts.send ?? defaultSend(d);
    const maxAttempts = opts.retries + 1;
    // What the last attempt learned; written inside the attempt callback.
    const seen = { uncertain: false };
    const result = await (0,src/* retry */.L5)(async (n) => {
        const left = opts.deadline - opts.clock.now();
        let verdict = left <= 0
            ? { kind: 'rejected', reason: 'no time left before total-timeout' }
            : await attemptOnce(d, plan, opts, left);
        if (verdict.kind === 'retry' && verdict.maybeStored && !plan.idempotent)
            verdict = await resolveMaybeStored(verdict.reason, opts.verify);
        seen.last = verdict;
        if (opts.signal?.aborted)
            return { done: false, fatal: true };
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
        signal: opts.signal,
        initialMs: 1000,
        maxMs: 10_000,
        jitter: true,
        onWait: (ms, n) => opts.log(`${d.label}: retrying in ${seconds(ms)} (attempt ${n + 1} of ${maxAttempts})`),
    });
    return resultOf(d, send, result, seen, opts.signal);
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/lookups.ts


async function getJson(plan, opts) {
    const res = await opts.http({
        url: plan.url,
        method: plan.method,
        headers: plan.headers,
        timeoutMs: opts.timeoutMs,
        maxBodyBytes: 1024 * 1024,
        signal: opts.signal,
    });
    if (res.status < 200 || res.status > 299)
        throw new Error(`HTTP ${res.status}`);
    return JSON.parse(res.body.toString('utf8'));
}
/**
 * Looks for the message carrying marker `id` among the channel's (or the thread's) messages
 * since `oldestMs`. A channel given as #name cannot be read by ID: no look-up then.
 */
function slackMarkerLookup(d, id, oldestMs, opts, threadTs) {
    if (!/^[CGD][A-Z0-9]+$/.test(d.channel))
        return undefined;
    return async () => {
        let answer;
        try {
            answer = (await getJson(slackHistoryRequest(d, oldestMs, threadTs), opts));
        }
        catch (err) {
            return { error: err instanceof Error ? err.message : String(err) };
        }
        const method = threadTs ? 'conversations.replies' : 'conversations.history';
        if (answer.ok !== true) {
            const hint = answer.error === 'missing_scope' ? '; the token needs channels:history' : '';
            return { error: `${method}: ${String(answer.error ?? 'no answer')}${hint}` };
        }
        // conversations.replies lists the thread's parent first: that is the started message, not ours.
        const mine = (answer.messages ?? []).find((m) => m.ts !== threadTs &&
            m.metadata?.event_type === MARKER_EVENT &&
            m.metadata.event_payload?.id === id);
        return mine ? { found: true, messageId: mine.ts } : { found: false };
    };
}
/** `https://discord.com/channels/<guild>/<channel>/<message>`, or undefined when it cannot be known. */
async function discordMessageLink(d, messageId, opts) {
    try {
        const hook = (await getJson(discordWebhookRequest(d), opts));
        const channel = d.url.searchParams.get('thread_id') ?? hook.channel_id;
        if (typeof hook.guild_id !== 'string' || typeof channel !== 'string')
            return undefined;
        return `https://discord.com/channels/${hook.guild_id}/${channel}/${messageId}`;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./actions/slack-discord-notify/src/run.ts




/** Whether this outcome must ping someone on the destination's platform. */
function pingDue(inputs, d) {
    const m = inputs.notification.mentions;
    return d.platform === 'slack' ? Boolean(m?.slack.length) : Boolean(m?.discord.length);
}
/**
 * `main` is the message a later step can edit. A failed edit followed by a delivered new post
 * is a delivery (the outcome reached the channel); an edit and its ping must both arrive.
 */
function outcome(d, steps, main) {
    const fellBack = steps.length === 2 && steps[0].send === 'edit' && steps[1].send === 'post';
    return {
        destination: d,
        ok: fellBack ? steps[1].ok : steps.every((s) => s.ok),
        steps,
        messageId: main?.ok ? main.messageId : undefined,
        channel: main?.ok ? main.channel : undefined,
        cancelled: steps.some((s) => s.cancelled) || undefined,
    };
}
class Flow {
    inputs;
    deps;
    bodies;
    deadline;
    startedAt;
    constructor(inputs, deps) {
        this.inputs = inputs;
        this.deps = deps;
        const random = deps.random ?? Math.random;
        this.bodies = new Bodies(inputs, `${deps.clock.now().toString(36)}-${random().toString(36).slice(2, 12)}`);
        this.startedAt = deps.clock.now();
        this.deadline = this.startedAt + inputs.totalTimeoutMs;
    }
    options(extra = {}) {
        const { deps, inputs } = this;
        return {
            http: deps.http,
            clock: deps.clock,
            random: deps.random,
            signal: deps.signal,
            redact: deps.redact,
            timeoutMs: inputs.timeoutMs,
            retries: inputs.retries,
            deadline: this.deadline,
            log: deps.log,
            ...extra,
        };
    }
    /** A look-up for our Slack marker after a gateway error (from a little before we started). */
    slackVerify(d, threadTs) {
        if (this.inputs.payloadSlack && !threadTs)
            return undefined; // a given payload has no marker
        const opts = {
            http: this.deps.http,
            timeoutMs: this.inputs.timeoutMs,
            signal: this.deps.signal,
        };
        return slackMarkerLookup(d, this.bodies.markerId, this.startedAt - 60_000, opts, threadTs);
    }
    post(d) {
        if (d.kind === 'slack-webhook')
            return deliver(d, this.bodies.slackWebhook(), this.options({ send: 'post' }));
        if (d.kind === 'slack-api')
            return deliver(d, this.bodies.slackPost(d), this.options({ send: 'post', verify: this.slackVerify(d) }));
        return deliver(d, this.bodies.discordPost(), this.options({ send: 'post' }));
    }
    edit(d) {
        const body = d.kind === 'slack-api' ? this.bodies.slackUpdate(d, d.ts) : this.bodies.discordEdit();
        return deliver(d, body, this.options({ send: 'edit' }));
    }
    async ping(d, messageId) {
        if (d.kind === 'slack-api')
            return deliver(d, this.bodies.slackPing(d, messageId), this.options({ send: 'ping', verify: this.slackVerify(d, messageId) }));
        const link = await discordMessageLink(d, messageId, {
            http: this.deps.http,
            timeoutMs: Math.min(this.inputs.timeoutMs, Math.max(1, this.deadline - this.deps.clock.now())),
            signal: this.deps.signal,
        });
        return deliver(d, this.bodies.discordPing(link), this.options({ send: 'ping' }));
    }
    async destination(d) {
        if (d.kind === 'slack-api' && !d.channel)
            return {
                destination: d,
                ok: false,
                steps: [],
                error: 'slack-channel is empty, so there is nowhere to post (in an outcome step: the started post failed; give the channel ID as a fallback, e.g. `steps.started.outputs.slack-channel-id || env.SLACK_CHANNEL`)',
            };
        if (d.kind === 'slack-webhook' || defaultSend(d) !== 'edit') {
            const post = await this.post(d);
            return outcome(d, [post], post);
        }
        const edit = await this.edit(d);
        if (!edit.ok) {
            if (edit.cancelled)
                return outcome(d, [edit]);
            const post = await this.post(d);
            return outcome(d, [edit, post], post);
        }
        const messageId = edit.messageId ?? (d.kind === 'slack-api' ? d.ts : d.messageId);
        if (!pingDue(this.inputs, d))
            return outcome(d, [edit], { ...edit, messageId });
        const ping = await this.ping(d, messageId);
        return outcome(d, [edit, ping], { ...edit, messageId });
    }
}
/** Sends to every destination at once; one failing never stops the others. */
function run(inputs, deps) {
    const flow = new Flow(inputs, deps);
    return Promise.all(inputs.destinations.map((d) => flow.destination(d)));
}


/***/ }),

/***/ 389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ STATUS_STYLE),
/* harmony export */   QL: () => (/* binding */ defaultTitle),
/* harmony export */   bb: () => (/* binding */ hexColor),
/* harmony export */   f: () => (/* binding */ STATUSES),
/* harmony export */   i$: () => (/* binding */ parseStatus)
/* harmony export */ });
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
