// The decision: what to send to each destination, and in which order. All I/O is injected.
//
// A destination with the started message's ID gets that message edited — and, when mentions
// are due (failure, rolled-back by default), a NEW message as well, because neither platform
// notifies a mention added by an edit: on Slack a thread reply broadcast to the channel, on
// Discord a message linking the first. Without an ID (the started post failed, or a webhook
// that cannot edit) it gets one new message with everything. An edit that fails (message
// deleted, wrong channel) falls back to a new message, so the outcome is never lost.
import type { Clock } from '@cicd-actions/core';
import { Bodies } from './bodies';
import { deliver, type DeliveryOptions, type DeliveryResult, type HttpClient } from './delivery';
import type { Destination, DiscordWebhook, SlackApi } from './destinations';
import type { NotifyInputs } from './inputs';
import { discordMessageLink, slackMarkerLookup } from './lookups';
import { defaultSend } from './requests';
import type { Redact } from './responses';

export interface RunDeps {
  http: HttpClient;
  clock: Clock;
  random?: () => number;
  signal?: AbortSignal;
  /** Progress lines, already redacted by the caller's logger. */
  log: (line: string) => void;
  redact?: Redact;
}

export interface DestinationOutcome {
  destination: Destination;
  ok: boolean;
  /** What was sent, in order: [post], [edit], [edit, ping] or [edit, post]. */
  steps: DeliveryResult[];
  /** The message a later step can edit: the edited one, or the new one. */
  messageId?: string;
  /** Slack channel ID of that message. */
  channel?: string;
  /** Why the destination got nothing at all (no request was possible). */
  error?: string;
  cancelled?: boolean;
}

/** Whether this outcome must ping someone on the destination's platform. */
function pingDue(inputs: NotifyInputs, d: Destination): boolean {
  const m = inputs.notification.mentions;
  return d.platform === 'slack' ? Boolean(m?.slack.length) : Boolean(m?.discord.length);
}

/**
 * `main` is the message a later step can edit. A failed edit followed by a delivered new post
 * is a delivery (the outcome reached the channel); an edit and its ping must both arrive.
 */
function outcome(
  d: Destination,
  steps: DeliveryResult[],
  main?: DeliveryResult,
): DestinationOutcome {
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
  private readonly bodies: Bodies;
  private readonly deadline: number;
  private readonly startedAt: number;

  constructor(
    private readonly inputs: NotifyInputs,
    private readonly deps: RunDeps,
  ) {
    const random = deps.random ?? Math.random;
    this.bodies = new Bodies(
      inputs,
      `${deps.clock.now().toString(36)}-${random().toString(36).slice(2, 12)}`,
    );
    this.startedAt = deps.clock.now();
    this.deadline = this.startedAt + inputs.totalTimeoutMs;
  }

  private options(extra: Partial<DeliveryOptions> = {}): DeliveryOptions {
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
  private slackVerify(d: SlackApi, threadTs?: string) {
    if (this.inputs.payloadSlack && !threadTs) return undefined; // a given payload has no marker
    const opts = {
      http: this.deps.http,
      timeoutMs: this.inputs.timeoutMs,
      signal: this.deps.signal,
    };
    return slackMarkerLookup(d, this.bodies.markerId, this.startedAt - 60_000, opts, threadTs);
  }

  private post(d: Destination): Promise<DeliveryResult> {
    if (d.kind === 'slack-webhook')
      return deliver(d, this.bodies.slackWebhook(), this.options({ send: 'post' }));
    if (d.kind === 'slack-api')
      return deliver(
        d,
        this.bodies.slackPost(d),
        this.options({ send: 'post', verify: this.slackVerify(d) }),
      );
    return deliver(d, this.bodies.discordPost(), this.options({ send: 'post' }));
  }

  private edit(d: SlackApi | DiscordWebhook): Promise<DeliveryResult> {
    const body =
      d.kind === 'slack-api' ? this.bodies.slackUpdate(d, d.ts!) : this.bodies.discordEdit();
    return deliver(d, body, this.options({ send: 'edit' }));
  }

  private async ping(d: SlackApi | DiscordWebhook, messageId: string): Promise<DeliveryResult> {
    if (d.kind === 'slack-api')
      return deliver(
        d,
        this.bodies.slackPing(d, messageId),
        this.options({ send: 'ping', verify: this.slackVerify(d, messageId) }),
      );
    const link = await discordMessageLink(d, messageId, {
      http: this.deps.http,
      timeoutMs: Math.min(
        this.inputs.timeoutMs,
        Math.max(1, this.deadline - this.deps.clock.now()),
      ),
      signal: this.deps.signal,
    });
    return deliver(d, this.bodies.discordPing(link), this.options({ send: 'ping' }));
  }

  async destination(d: Destination): Promise<DestinationOutcome> {
    if (d.kind === 'slack-api' && !d.channel)
      return {
        destination: d,
        ok: false,
        steps: [],
        error:
          'slack-channel is empty, so there is nowhere to post (in an outcome step: the started post failed; give the channel ID as a fallback, e.g. `steps.started.outputs.slack-channel-id || env.SLACK_CHANNEL`)',
      };
    if (d.kind === 'slack-webhook' || defaultSend(d) !== 'edit') {
      const post = await this.post(d);
      return outcome(d, [post], post);
    }
    const edit = await this.edit(d);
    if (!edit.ok) {
      if (edit.cancelled) return outcome(d, [edit]);
      const post = await this.post(d);
      return outcome(d, [edit, post], post);
    }
    const messageId = edit.messageId ?? (d.kind === 'slack-api' ? d.ts! : d.messageId!);
    if (!pingDue(this.inputs, d)) return outcome(d, [edit], { ...edit, messageId });
    const ping = await this.ping(d, messageId);
    return outcome(d, [edit, ping], { ...edit, messageId });
  }
}

/** Sends to every destination at once; one failing never stops the others. */
export function run(inputs: NotifyInputs, deps: RunDeps): Promise<DestinationOutcome[]> {
  const flow = new Flow(inputs, deps);
  return Promise.all(inputs.destinations.map((d) => flow.destination(d)));
}
