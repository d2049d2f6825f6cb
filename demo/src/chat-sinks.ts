// Local stand-ins for Slack and Discord that accept what the real platforms accept for a deploy
// notification, answer the way they answer, keep every message with its edit history, and print
// what arrives. Slack: incoming webhooks plus the Web API's chat.postMessage / chat.update (the
// only way to edit a message). Discord: webhook execute with ?wait=true (returns the message, so
// its id can be chained) and webhook message PATCH.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
  platform: 'slack' | 'discord';
  /** Slack `ts` or Discord message id. */
  id: string;
  channel: string;
  /** Every version of the message, oldest first: [posted, edit 1, edit 2, …]. */
  versions: Record<string, unknown>[];
  /** How each version arrived (chat.postMessage, chat.update, webhook POST, PATCH). */
  via: string[];
}

export interface SinkEvent {
  platform: 'slack' | 'discord';
  action: 'post' | 'update';
  id: string;
  via: string;
}

export interface ChatSinks {
  slack: { apiUrl: string; webhookUrl: string; token: string };
  discord: { webhookUrl: string };
  /** Every message, in the order they were first posted. */
  messages: ChatMessage[];
  events: SinkEvent[];
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** What a person scanning the sink's console wants: the headline, then the reason and key fields on one line. */
export function describeMessage(
  platform: 'slack' | 'discord',
  body: Record<string, unknown>,
): string {
  const clip = (t: string) => (t.length > 160 ? `${t.slice(0, 159)}…` : t);
  if (platform === 'discord') {
    const embed = (
      body.embeds as
        | { title?: string; description?: string; fields?: { name: string; value: string }[] }[]
        | undefined
    )?.[0];
    const head = String(embed?.title ?? body.content ?? '(empty)');
    const detail = [
      embed?.description,
      ...(embed?.fields ?? []).map((f) => `${f.name}: ${f.value}`),
    ]
      .filter(Boolean)
      .join(' · ')
      .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    return detail ? `${head}\n      ${clip(detail.replace(/\s*\n\s*/g, ' '))}` : head;
  }
  type Block = { type: string; text?: { text?: string }; fields?: { text?: string }[] };
  const attachments = body.attachments as { blocks?: Block[]; fallback?: string }[] | undefined;
  const blocks = [
    ...((body.blocks as Block[] | undefined) ?? []),
    ...(attachments?.[0]?.blocks ?? []),
  ];
  const header = blocks.find((b) => b.type === 'header')?.text?.text;
  const head = String(header ?? body.text ?? attachments?.[0]?.fallback ?? '(empty)');
  const detail = blocks
    .filter((b) => b.type === 'section')
    .flatMap((b) => [b.text?.text, ...(b.fields ?? []).map((f) => f.text?.replace(/\n/, ': '))])
    .filter(Boolean)
    .join(' · ')
    .replace(/<[^|>]+\|([^>]+)>/g, '$1')
    .replace(/[*_]/g, '');
  return detail ? `${head}\n      ${clip(detail.replace(/\s*\n\s*/g, ' '))}` : head;
}

export async function startChatSinks(print: (line: string) => void): Promise<ChatSinks> {
  const messages: ChatMessage[] = [];
  const events: SinkEvent[] = [];
  const token = 'xoxb-demo-0000000000-local-sink';
  const webhookPath = '/services/T0DEMO/B0DEMO/demoSlackHookSecret';
  const discordPath = '/api/webhooks/1234567890123456789/demoDiscordHookToken-secret';
  let slackSeq = 0;
  let discordSeq = 0;

  const record = (
    platform: 'slack' | 'discord',
    id: string,
    ch: string,
    body: Record<string, unknown>,
    via: string,
  ): ChatMessage => {
    let message = messages.find((m) => m.platform === platform && m.id === id);
    const action = message ? 'update' : 'post';
    if (!message) {
      message = { platform, id, channel: ch, versions: [], via: [] };
      messages.push(message);
    }
    message.versions.push(body);
    message.via.push(via);
    events.push({ platform, action, id, via });
    const label = platform === 'slack' ? 'slack-sink  ' : 'discord-sink';
    print(
      `[${label}] ${via}${action === 'update' ? ` (edit of ${id})` : ` → ${id}`}: ${describeMessage(platform, body)}`,
    );
    return message;
  };

  const slack = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    const text = await readBody(req);
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
      return;
    }
    if (url.pathname === webhookPath) {
      record('slack', `webhook-${++slackSeq}`, 'webhook', body, 'incoming webhook');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (url.pathname === '/api/chat.postMessage' || url.pathname === '/api/chat.update') {
      // The Web API answers 200 with ok:false for application errors, as Slack does.
      if (req.headers.authorization !== `Bearer ${token}`)
        return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
      // Any channel ID exists here; a #name cannot be edited later (chat.update wants the ID).
      if (!/^C[A-Z0-9]{6,}$/.test(String(body.channel)))
        return sendJson(res, 200, { ok: false, error: 'channel_not_found' });
      const channel = String(body.channel);
      if (url.pathname === '/api/chat.postMessage') {
        const ts = `${1700000000 + ++slackSeq}.000100`;
        record('slack', ts, channel, body, 'chat.postMessage');
        return sendJson(res, 200, { ok: true, channel, ts, message: { ...body, ts } });
      }
      const ts = String(body.ts ?? '');
      if (!messages.some((m) => m.platform === 'slack' && m.id === ts))
        return sendJson(res, 200, { ok: false, error: 'message_not_found' });
      record('slack', ts, channel, body, 'chat.update');
      return sendJson(res, 200, { ok: true, channel, ts, text: body.text ?? '' });
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
  });

  const discord = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    const text = await readBody(req);
    const edit = /^(.*)\/messages\/(\d+)$/.exec(url.pathname);
    const base = edit ? edit[1] : url.pathname.replace(/\/+$/, '');
    if (base !== discordPath)
      return sendJson(res, 404, { message: 'Unknown Webhook', code: 10015 });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { message: 'Cannot send an empty message', code: 50006 });
    }
    if (req.method === 'POST' && !edit) {
      const id = String(1100000000000000000n + BigInt(++discordSeq));
      record('discord', id, 'webhook', body, 'webhook execute');
      if (url.searchParams.get('wait') !== 'true') {
        res.writeHead(204).end();
        return;
      }
      return sendJson(res, 200, {
        id,
        type: 0,
        channel_id: '987654321098765432',
        webhook_id: '1234567890123456789',
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        ...body,
      });
    }
    if (req.method === 'PATCH' && edit) {
      const id = edit[2];
      if (!messages.some((m) => m.platform === 'discord' && m.id === id))
        return sendJson(res, 404, { message: 'Unknown Message', code: 10008 });
      record('discord', id, 'webhook', body, 'webhook message PATCH');
      return sendJson(res, 200, {
        id,
        type: 0,
        channel_id: '987654321098765432',
        edited_timestamp: new Date().toISOString(),
        ...body,
      });
    }
    return sendJson(res, 405, { message: '405: Method Not Allowed', code: 0 });
  });

  const [slackPort, discordPort] = await Promise.all([listen(slack), listen(discord)]);
  return {
    slack: {
      apiUrl: `http://127.0.0.1:${slackPort}/api`,
      webhookUrl: `http://127.0.0.1:${slackPort}${webhookPath}`,
      token,
    },
    discord: { webhookUrl: `http://127.0.0.1:${discordPort}${discordPath}` },
    messages,
    events,
    close: async () => {
      await Promise.all([closeServer(slack), closeServer(discord)]);
    },
  };
}
