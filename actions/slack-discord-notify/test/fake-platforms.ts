// Loopback servers that answer like Slack (incoming webhooks and the Web API) and Discord
// (execute / edit webhook message), including their limits: a payload that breaks a limit is
// REJECTED the way the platform rejects it, so a passing test means the payload would be taken.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const SLACK_HOOK_PATH = '/services/T0001/B0001/slacksecrettoken0001';
export const SLACK_HOOK_PATH_2 = '/services/T0001/B0002/slacksecrettoken0002';
export const SLACK_TOKEN = 'xoxb-fake-secret-token-123456';
export const DISCORD_ID = '112233445566778899';
export const DISCORD_TOKEN = 'discordSecretToken_abcdefABCDEF-123';
export const DISCORD_HOOK_PATH = `/api/webhooks/${DISCORD_ID}/${DISCORD_TOKEN}`;

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A scripted answer for the next request to a path prefix, instead of the platform's normal one. */
export type Scripted = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface StoredMessage {
  id: string;
  platform: 'slack-webhook' | 'slack-api' | 'discord';
  payload: Record<string, unknown>;
  edits: number;
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
): { path: string; message: string } | undefined {
  if (hasLoneSurrogate(p)) return { path: 'content', message: 'Invalid string' };
  if (p.content !== undefined && cp(p.content) > 2000)
    return { path: 'content', message: 'Must be 2000 or fewer in length.' };
  if (p.username !== undefined && (cp(p.username) > 80 || cp(p.username) < 1))
    return { path: 'username', message: 'Must be between 1 and 80 in length.' };
  if (p.username !== undefined && /discord|clyde/i.test(p.username))
    return { path: 'username', message: 'Username cannot contain "discord"' };
  const embeds = (p.embeds ?? []) as Array<Record<string, any>>;
  if (!p.content && !embeds.length)
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

export class FakePlatforms {
  readonly requests: RecordedRequest[] = [];
  readonly messages: StoredMessage[] = [];
  /** Scripted answers, consumed in order, per path prefix (e.g. SLACK_HOOK_PATH). */
  readonly scripts = new Map<string, Scripted[]>();
  /** Paths of Slack webhooks that exist. */
  readonly slackHooks = new Set([SLACK_HOOK_PATH, SLACK_HOOK_PATH_2]);
  private server = http.createServer((req, res) => this.handle(req, res));
  private nextId = 1_000_000_000_000_000_000n;
  private nextTs = 1_700_000_000;
  private hanging: http.ServerResponse[] = [];
  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  script(pathPrefix: string, ...answers: Scripted[]): void {
    this.scripts.set(pathPrefix, [...(this.scripts.get(pathPrefix) ?? []), ...answers]);
  }

  /** Requests whose path starts with a prefix. */
  to(pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(pathPrefix));
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
          res.writeHead(answer.status, answer.headers ?? {});
          res.end(answer.body ?? '');
          return;
        }
      }
      if (rec.path.startsWith('/services/')) return this.slackWebhook(rec, res);
      if (rec.path.startsWith('/api/chat.')) return this.slackApi(rec, res);
      if (rec.path.startsWith('/api/webhooks/')) return this.discord(rec, res);
      void res.writeHead(404).end('not found');
    });
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
      const ts = `${this.nextTs++}.000100`;
      this.messages.push({ id: `${channel}/${ts}`, platform: 'slack-api', payload, edits: 0 });
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

  private discord(rec: RecordedRequest, res: http.ServerResponse): void {
    const json = (status: number, body: unknown) =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const m = /^\/api\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(\d+))?$/.exec(rec.path);
    if (!m || m[1] !== DISCORD_ID || m[2] !== DISCORD_TOKEN)
      return json(401, { message: 'Invalid Webhook Token', code: 50027 });
    if (!String(rec.headers['content-type']).startsWith('application/json'))
      return json(400, { message: 'Cannot send an empty message', code: 50006 });
    let payload: Record<string, any>;
    try {
      payload = JSON.parse(rec.body);
    } catch {
      return json(400, { message: 'The request body contains invalid JSON.', code: 50109 });
    }
    const bad = discordLimitError(payload);
    if (bad) {
      // Discord nests errors by path: {embeds: {0: {description: {_errors: [...]}}}}.
      const errors: Record<string, any> = {};
      let node = errors;
      for (const key of bad.path.split('.')) node = node[key] = {};
      node._errors = [{ code: 'BASE_TYPE_MAX_LENGTH', message: bad.message }];
      return json(400, { code: 50035, message: 'Invalid Form Body', errors });
    }
    if (rec.method === 'PATCH' && m[3]) {
      const msg = this.messages.find((x) => x.platform === 'discord' && x.id === m[3]);
      if (!msg) return json(404, { message: 'Unknown Message', code: 10008 });
      msg.payload = { ...msg.payload, ...payload };
      msg.edits++;
      return json(200, { id: msg.id, ...msg.payload });
    }
    if (rec.method !== 'POST' || m[3])
      return json(405, { message: '405: Method Not Allowed', code: 0 });
    const id = String(this.nextId++);
    this.messages.push({ id, platform: 'discord', payload, edits: 0 });
    if (rec.query.get('wait') === 'true')
      return json(200, { id, type: 0, channel_id: '42', webhook_id: DISCORD_ID, ...payload });
    res.writeHead(204).end();
  }
}
