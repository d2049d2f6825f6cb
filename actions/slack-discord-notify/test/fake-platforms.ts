// Loopback servers that answer like Slack (incoming webhooks and the Web API) and Discord
// (execute / edit webhook message, get webhook), including their limits: a payload that breaks
// a limit is REJECTED the way the platform rejects it, so a passing test means the payload
// would be taken. They also keep what the platforms' users would see: every stored message,
// its edits, and who it PINGED — a mention notifies only in a new message (never in an edit),
// and on Slack a thread reply only when broadcast to the channel.
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SLACK_HOOK_PATH = '/services/T0001/B0001/slacksecrettoken0001';
export const SLACK_HOOK_PATH_2 = '/services/T0001/B0002/slacksecrettoken0002';
export const SLACK_TOKEN = 'xoxb-fake-secret-token-123456';
export const DISCORD_ID = '112233445566778899';
export const DISCORD_TOKEN = 'discordSecretToken_abcdefABCDEF-123';
export const DISCORD_HOOK_PATH = `/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`;
export const DISCORD_ID_2 = '998877665544332211';
export const DISCORD_TOKEN_2 = 'discordSecretToken_second-456789';
export const DISCORD_HOOK_PATH_2 = `/api/webhooks/${DISCORD_ID_2}/${DISCORD_TOKEN_2}`;
/** The same first webhook through API v10 (retry_after in seconds). */
export const DISCORD_HOOK_PATH_V10 = `/api/v10/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`;
export const DISCORD_GUILD = '424242424242424242';
export const DISCORD_CHANNELS: Record<string, string> = {
  [DISCORD_ID]: '515151515151515151',
  [DISCORD_ID_2]: '626262626262626262',
};

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'health-check-retry',
  'test',
  'fixtures',
);
/** The test CA that signed the fake's TLS certificate (for NODE_EXTRA_CA_CERTS). */
export const CA_FILE = path.join(fixtures, 'ca.pem');

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A scripted answer for the next request to a path prefix, instead of the platform's normal one.
 * `store: true` handles the request normally first (the message is stored) and then answers as
 * scripted — a gateway error after the platform took the message.
 */
export type Scripted =
  { status: number; body?: string; headers?: Record<string, string>; store?: boolean } | 'hang';

export interface StoredMessage {
  id: string;
  platform: 'slack-webhook' | 'slack-api' | 'discord';
  payload: Record<string, unknown>;
  edits: number;
  /** Who this message notified when it was created; edits never add to it. */
  pings: string[];
  /** Slack: the thread it replies to. */
  threadTs?: string;
  /** Discord: which webhook posted it. */
  webhookId?: string;
}

const cp = (s: string) => [...s].length;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string')
    return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === 'object') return Object.values(value).some(hasLoneSurrogate);
  return false;
}

/** Slack Block Kit limits (UTF-16 length, the stricter count). Returns an error code or undefined. */
export function slackLimitError(p: Record<string, unknown>): string | undefined {
  if (hasLoneSurrogate(p)) return 'invalid_payload';
  const lists: unknown[][] = [];
  if (Array.isArray(p.blocks)) lists.push(p.blocks);
  for (const a of (p.attachments as Array<Record<string, unknown>> | undefined) ?? [])
    if (Array.isArray(a.blocks)) lists.push(a.blocks);
  if (!p.text && !lists.length) return 'no_text';
  for (const blocks of lists) {
    if (blocks.length > 50) return 'invalid_blocks';
    for (const b of blocks as Array<Record<string, any>>) {
      if (
        b.type === 'header' &&
        (b.text?.type !== 'plain_text' || b.text.text.length > 150 || b.text.text.length === 0)
      )
        return 'invalid_blocks';
      if (b.type === 'section') {
        if (b.text && (b.text.text.length > 3000 || b.text.text.length === 0))
          return 'invalid_blocks';
        if (
          b.fields &&
          (b.fields.length > 10 ||
            b.fields.some((f: any) => f.text.length > 2000 || f.text.length === 0))
        )
          return 'invalid_blocks';
      }
      if (
        b.type === 'context' &&
        (b.elements.length > 10 || b.elements.some((e: any) => e.text.length > 2000))
      )
        return 'invalid_blocks';
    }
  }
  return undefined;
}

/** Discord's message and embed limits, in code points as Discord counts. Returns the error path and message. */
export function discordLimitError(
  p: Record<string, any>,
  edit = false,
): { path: string; message: string } | undefined {
  if (hasLoneSurrogate(p)) return { path: 'content', message: 'Invalid string' };
  if (typeof p.content === 'string' && cp(p.content) > 2000)
    return { path: 'content', message: 'Must be 2000 or fewer in length.' };
  if (p.username !== undefined && (cp(p.username) > 80 || cp(p.username) < 1))
    return { path: 'username', message: 'Must be between 1 and 80 in length.' };
  if (p.username !== undefined && /discord|clyde/i.test(p.username))
    return { path: 'username', message: 'Username cannot contain "discord"' };
  const embeds = (p.embeds ?? []) as Array<Record<string, any>>;
  if (!edit && !p.content && !embeds.length)
    return { path: 'content', message: 'Cannot send an empty message' };
  if (embeds.length > 10) return { path: 'embeds', message: 'Must be 10 or fewer in length.' };
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const check = (value: string | undefined, max: number, path: string) => {
      if (value === undefined) return undefined;
      total += cp(value);
      return cp(value) > max
        ? { path: `embeds.${i}.${path}`, message: `Must be ${max} or fewer in length.` }
        : undefined;
    };
    const found =
      check(e.title, 256, 'title') ??
      check(e.description, 4096, 'description') ??
      check(e.footer?.text, 2048, 'footer.text') ??
      check(e.author?.name, 256, 'author.name');
    if (found) return found;
    const fields = (e.fields ?? []) as Array<{ name: string; value: string }>;
    if (fields.length > 25)
      return { path: `embeds.${i}.fields`, message: 'Must be 25 or fewer in length.' };
    for (const [j, f] of fields.entries()) {
      if (!f.name || !f.value)
        return { path: `embeds.${i}.fields.${j}`, message: 'This field is required' };
      const bad =
        check(f.name, 256, `fields.${j}.name`) ?? check(f.value, 1024, `fields.${j}.value`);
      if (bad) return bad;
    }
  }
  if (total > 6000) return { path: 'embeds', message: 'Embed size exceeds maximum size of 6000' };
  return undefined;
}

/** Slack notifies the mention tokens in a new message's text (for a thread reply: when broadcast). */
function slackPings(p: Record<string, any>): string[] {
  if (p.thread_ts && !p.reply_broadcast) return [];
  return [
    ...String(p.text ?? '').matchAll(
      /<(@[UW][A-Z0-9]+|!here|!channel|!everyone|!subteam\^[A-Z0-9]+)>/g,
    ),
  ].map((m) => m[1]);
}

/** Discord notifies what `content` mentions AND allowed_mentions permits (embeds never ping). */
function discordPings(p: Record<string, any>): string[] {
  const content = typeof p.content === 'string' ? p.content : '';
  const allowed = p.allowed_mentions as
    { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  const parse = allowed ? (allowed.parse ?? []) : ['everyone', 'users', 'roles'];
  const pings: string[] = [];
  for (const m of content.matchAll(/@(here|everyone)|<@!?(\d+)>|<@&(\d+)>/g)) {
    if (m[1] && parse.includes('everyone')) pings.push(`@${m[1]}`);
    if (m[2] && (parse.includes('users') || allowed?.users?.includes(m[2])))
      pings.push(`user:${m[2]}`);
    if (m[3] && (parse.includes('roles') || allowed?.roles?.includes(m[3])))
      pings.push(`role:${m[3]}`);
  }
  return pings;
}

/** A response nobody reads: the request is handled (stored) and the real answer is scripted. */
function discarded(): http.ServerResponse {
  const sink = { writeHead: () => sink, end: () => sink };
  return sink as unknown as http.ServerResponse;
}

export interface FakeOptions {
  /** Also serve HTTPS (the test certificate; trust CA_FILE in the client) on `tlsPort`. */
  tls?: boolean;
}

export class FakePlatforms {
  readonly requests: RecordedRequest[] = [];
  readonly messages: StoredMessage[] = [];
  /** Scripted answers, consumed in order, per path prefix (e.g. SLACK_HOOK_PATH). */
  readonly scripts = new Map<string, Scripted[]>();
  /** Paths of Slack webhooks that exist. */
  readonly slackHooks = new Set([SLACK_HOOK_PATH, SLACK_HOOK_PATH_2]);
  /** Scopes of SLACK_TOKEN: without channels:history the look-ups answer missing_scope. */
  readonly slackScopes = new Set(['chat:write', 'channels:history']);
  /** TLS handshakes to reset on the HTTPS port (RST after the ClientHello) before one goes through. */
  resetHandshakes = 0;
  /** TCP connections accepted on the HTTPS port (a reset handshake counts). */
  tlsConnections = 0;
  /** Discord rate limit: until this time every request to a webhook answers 429. */
  private discordLimitedUntil = 0;
  private discordLimitMs = 0;
  private readonly handler = (req: http.IncomingMessage, res: http.ServerResponse) =>
    this.handle(req, res);
  private readonly server = http.createServer(this.handler);
  private readonly tlsServer?: https.Server;
  private readonly front = net.createServer((socket) => this.accept(socket));
  private nextId = 1_000_000_000_000_000_000n;
  private nextTsSeq = 100;
  private hanging: http.ServerResponse[] = [];
  private sockets = new Set<net.Socket>();
  port = 0;
  tlsPort = 0;

  constructor(opts: FakeOptions = {}) {
    if (opts.tls) {
      this.tlsServer = https.createServer(
        {
          cert: readFileSync(path.join(fixtures, 'server.pem')),
          key: readFileSync(path.join(fixtures, 'server-key.pem')),
        },
        this.handler,
      );
      this.tlsServer.on('tlsClientError', () => undefined);
    }
    for (const s of [this.server, this.tlsServer])
      s?.on('connection', (socket: net.Socket) => this.track(socket));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    if (this.tlsServer) {
      await new Promise<void>((resolve) => this.front.listen(0, '127.0.0.1', resolve));
      this.tlsPort = (this.front.address() as AddressInfo).port;
    }
    return this;
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  }

  /** HTTPS connections come through here so a handshake can be reset before TLS sees it. */
  private accept(socket: net.Socket): void {
    this.tlsConnections++;
    this.track(socket);
    if (this.resetHandshakes > 0) {
      this.resetHandshakes--;
      // The ClientHello arrives; the server vanishes before answering: nothing was sent yet.
      socket.once('data', () => socket.resetAndDestroy());
      return;
    }
    this.tlsServer!.emit('connection', socket);
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.tlsServer) await new Promise<void>((resolve) => this.front.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The same platforms over HTTPS, as `localhost` (which the test certificate names). */
  tlsUrl(path: string): string {
    return `https://localhost:${this.tlsPort}${path}`;
  }

  script(pathPrefix: string, ...answers: Scripted[]): void {
    this.scripts.set(pathPrefix, [...(this.scripts.get(pathPrefix) ?? []), ...answers]);
  }

  /** Discord answers 429 for `ms`, in the units of the API version in each request's path. */
  rateLimitDiscord(ms: number): void {
    this.discordLimitMs = ms;
    this.discordLimitedUntil = Date.now() + ms;
  }

  /** Requests whose path starts with a prefix. */
  to(pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(pathPrefix));
  }

  /** Messages as the platform's users would count them. */
  slackMessages(): StoredMessage[] {
    return this.messages.filter((m) => m.platform !== 'discord');
  }

  discordMessages(): StoredMessage[] {
    return this.messages.filter((m) => m.platform === 'discord');
  }

  pings(platform: 'slack' | 'discord'): string[] {
    return (platform === 'slack' ? this.slackMessages() : this.discordMessages()).flatMap(
      (m) => m.pings,
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const rec: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(rec);
      for (const [prefix, queue] of this.scripts) {
        if (rec.path.startsWith(prefix) && queue.length) {
          const answer = queue.shift()!;
          if (answer === 'hang') {
            this.hanging.push(res);
            return;
          }
          if (answer.store) this.route(rec, discarded());
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? '');
          return;
        }
      }
      this.route(rec, res);
    });
  }

  private route(rec: RecordedRequest, res: http.ServerResponse): void {
    if (rec.path.startsWith('/services/')) return this.slackWebhook(rec, res);
    if (rec.path.startsWith('/api/chat.') || rec.path.startsWith('/api/conversations.'))
      return this.slackApi(rec, res);
    if (/^\/api(\/v\d+)?\/webhooks\//.test(rec.path)) return this.discord(rec, res);
    void res.writeHead(404).end('not found');
  }

  private slackWebhook(rec: RecordedRequest, res: http.ServerResponse): void {
    const text = (status: number, body: string) =>
      void res.writeHead(status, { 'content-type': 'text/html' }).end(body);
    if (!this.slackHooks.has(rec.path)) return text(404, 'no_service');
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(rec.body);
    } catch {
      return text(400, 'invalid_payload');
    }
    const bad = slackLimitError(payload);
    if (bad) return text(400, bad);
    this.messages.push({
      id: `hook-${this.messages.length + 1}`,
      platform: 'slack-webhook',
      payload,
      edits: 0,
      pings: slackPings(payload),
    });
    text(200, 'ok');
  }

  private slackApi(rec: RecordedRequest, res: http.ServerResponse): void {
    const json = (body: unknown) =>
      void res
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
    if (rec.headers.authorization !== `Bearer ${SLACK_TOKEN}`)
      return json({ ok: false, error: 'invalid_auth' });
    if (rec.path === '/api/conversations.history' || rec.path === '/api/conversations.replies')
      return json(this.slackHistory(rec));
    let payload: Record<string, any>;
    try {
      payload = JSON.parse(rec.body);
    } catch {
      return json({ ok: false, error: 'invalid_json' });
    }
    if (!payload.channel) return json({ ok: false, error: 'channel_not_found' });
    const bad = slackLimitError(payload);
    if (bad) return json({ ok: false, error: bad });
    const channel = String(payload.channel).startsWith('#') ? 'C0DEPLOYS' : payload.channel;
    if (rec.path === '/api/chat.postMessage') {
      if (
        payload.thread_ts &&
        !this.messages.some((m) => m.id === `${channel}/${payload.thread_ts}`)
      )
        return json({ ok: false, error: 'thread_not_found' });
      // Slack's ts is the post's epoch time (look-ups filter on it) and unique per channel.
      const ts = `${Math.floor(Date.now() / 1000)}.${String(this.nextTsSeq++).padStart(6, '0')}`;
      this.messages.push({
        id: `${channel}/${ts}`,
        platform: 'slack-api',
        payload,
        edits: 0,
        pings: slackPings(payload),
        threadTs: payload.thread_ts,
      });
      return json({ ok: true, channel, ts, message: { text: payload.text } });
    }
    if (rec.path === '/api/chat.update') {
      const m = this.messages.find((x) => x.id === `${payload.channel}/${payload.ts}`);
      if (!m) return json({ ok: false, error: 'message_not_found' });
      m.payload = payload;
      m.edits++;
      return json({ ok: true, channel: payload.channel, ts: payload.ts, text: payload.text });
    }
    json({ ok: false, error: 'unknown_method' });
  }

  /** conversations.history (the channel: top-level and broadcast replies) or .replies (a thread). */
  private slackHistory(rec: RecordedRequest): Record<string, unknown> {
    if (!this.slackScopes.has('channels:history')) return { ok: false, error: 'missing_scope' };
    const channel = rec.query.get('channel') ?? '';
    if (!/^C[A-Z0-9]+$/.test(channel)) return { ok: false, error: 'channel_not_found' };
    const oldest = Number(rec.query.get('oldest') ?? 0);
    const thread = rec.query.get('ts');
    const withMeta = rec.query.get('include_all_metadata') === 'true';
    const messages = this.messages
      .filter((m) => m.platform === 'slack-api' && m.id.startsWith(`${channel}/`))
      .map((m) => ({ m, ts: m.id.slice(channel.length + 1) }))
      .filter(({ m, ts }) =>
        thread ? ts === thread || m.threadTs === thread : !m.threadTs || m.payload.reply_broadcast,
      )
      .filter(({ ts }) => Number(ts) >= oldest)
      .map(({ m, ts }) => ({
        ts,
        text: m.payload.text,
        ...(withMeta && m.payload.metadata ? { metadata: m.payload.metadata } : {}),
      }));
    return { ok: true, messages };
  }

  private discord(rec: RecordedRequest, res: http.ServerResponse): void {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      void res
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body));
    const m = /^\/api(?:\/v(\d+))?\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(\d+))?$/.exec(rec.path);
    const tokens: Record<string, string> = {
      [DISCORD_ID]: DISCORD_TOKEN,
      [DISCORD_ID_2]: DISCORD_TOKEN_2,
    };
    if (!m || tokens[m[2]] !== m[3])
      return json(401, { message: 'Invalid Webhook Token', code: 50027 });
    const version = m[1] ? Number(m[1]) : 6;
    const left = this.discordLimitedUntil - Date.now();
    if (left > 0) {
      // v8 made these seconds; before (and on the unversioned URL) they were milliseconds.
      const value = version >= 8 ? Number((left / 1000).toFixed(3)) : Math.ceil(left);
      return json(
        429,
        { message: 'You are being rate limited.', retry_after: value, global: false },
        {
          'retry-after': String(version >= 8 ? Math.ceil(left / 1000) : Math.ceil(left)),
          'x-ratelimit-reset-after': (left / 1000).toFixed(3),
          'x-ratelimit-limit': String(Math.max(1, Math.round(this.discordLimitMs))),
        },
      );
    }
    if (rec.method === 'GET' && !m[4])
      return json(200, {
        id: m[2],
        type: 1,
        guild_id: DISCORD_GUILD,
        channel_id: DISCORD_CHANNELS[m[2]],
        name: 'Deploys',
        token: m[3],
      });
    if (!String(rec.headers['content-type']).startsWith('application/json'))
      return json(400, { message: 'Cannot send an empty message', code: 50006 });
    let payload: Record<string, any>;
    try {
      payload = JSON.parse(rec.body);
    } catch {
      return json(400, { message: 'The request body contains invalid JSON.', code: 50109 });
    }
    const bad = discordLimitError(payload, rec.method === 'PATCH');
    if (bad) {
      // Discord nests errors by path: {embeds: {0: {description: {_errors: [...]}}}}.
      const errors: Record<string, any> = {};
      let node = errors;
      for (const key of bad.path.split('.')) node = node[key] = {};
      node._errors = [{ code: 'BASE_TYPE_MAX_LENGTH', message: bad.message }];
      return json(400, { code: 50035, message: 'Invalid Form Body', errors });
    }
    if (rec.method === 'PATCH' && m[4]) {
      const msg = this.messages.find(
        (x) => x.platform === 'discord' && x.id === m[4] && x.webhookId === m[2],
      );
      if (!msg) return json(404, { message: 'Unknown Message', code: 10008 });
      const merged: Record<string, unknown> = { ...msg.payload, ...payload };
      // A null field is removed (the docs: all edit parameters are nullable).
      for (const [k, v] of Object.entries(payload)) if (v === null) delete merged[k];
      msg.payload = merged;
      msg.edits++;
      return json(200, { id: msg.id, channel_id: DISCORD_CHANNELS[m[2]], ...msg.payload });
    }
    if (rec.method !== 'POST' || m[4])
      return json(405, { message: '405: Method Not Allowed', code: 0 });
    const id = String(this.nextId++);
    this.messages.push({
      id,
      platform: 'discord',
      payload,
      edits: 0,
      pings: discordPings(payload),
      webhookId: m[2],
    });
    if (rec.query.get('wait') === 'true')
      return json(200, {
        id,
        type: 0,
        channel_id: DISCORD_CHANNELS[m[2]],
        webhook_id: m[2],
        ...payload,
      });
    res.writeHead(204).end();
  }
}
