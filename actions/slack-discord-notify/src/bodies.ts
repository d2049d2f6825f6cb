// The serialised payload of every kind of send, each object built and stringified once.
import type { SlackApi } from './destinations';
import { buildDiscordEdit, buildDiscordMessage, buildDiscordPing } from './discord-message';
import type { NotifyInputs } from './inputs';
import {
  buildSlackMessage,
  buildSlackPing,
  marker,
  type SlackApiPost,
  type SlackApiUpdate,
  type SlackMessage,
} from './slack-message';

export class Bodies {
  private readonly cache = new Map<string, string>();

  /** `markerId` tags this run's Slack posts so a gateway error can be checked before a retry. */
  constructor(
    private readonly inputs: NotifyInputs,
    readonly markerId: string,
  ) {}

  private once(key: string, make: () => unknown): string {
    let body = this.cache.get(key);
    if (body === undefined) this.cache.set(key, (body = JSON.stringify(make())));
    return body;
  }

  private slack(withMentions = true): SlackMessage {
    return (
      (this.inputs.payloadSlack as SlackMessage | undefined) ??
      buildSlackMessage(this.inputs.notification, withMentions)
    );
  }

  slackWebhook(): string {
    return this.once('slack-webhook', () => this.slack());
  }

  /** A new Web API post; a built one carries the marker (a given payload is sent as given). */
  slackPost(d: SlackApi): string {
    return this.once('slack-post', (): SlackApiPost => {
      const message = this.slack();
      const tagged = this.inputs.payloadSlack
        ? message
        : { ...message, metadata: marker(this.markerId) };
      return { channel: d.channel, ...tagged };
    });
  }

  /** chat.update of the started message: no mentions (an edit never notifies), no marker. */
  slackUpdate(d: SlackApi, ts: string): string {
    return this.once('slack-update', (): SlackApiUpdate => {
      if (this.inputs.payloadSlack) return { channel: d.channel, ...this.slack(), ts };
      // An update cannot change who posted, nor how links unfurl.
      const {
        username: _u,
        icon_url: _i,
        unfurl_links: _l,
        unfurl_media: _m,
        ...update
      } = this.slack(false);
      return { channel: d.channel, ...update, ts };
    });
  }

  /** The ping: a thread reply to the started message, broadcast to the channel. */
  slackPing(d: SlackApi, ts: string): string {
    return this.once('slack-ping', (): SlackApiPost => ({
      channel: d.channel,
      ...buildSlackPing(this.inputs.notification, ts),
      metadata: marker(this.markerId),
    }));
  }

  discordPost(): string {
    return this.once(
      'discord-post',
      () => this.inputs.payloadDiscord ?? buildDiscordMessage(this.inputs.notification),
    );
  }

  discordEdit(): string {
    return this.once(
      'discord-edit',
      () => this.inputs.payloadDiscord ?? buildDiscordEdit(this.inputs.notification),
    );
  }

  /** Not cached: the link differs per webhook. */
  discordPing(link: string | undefined): string {
    return JSON.stringify(buildDiscordPing(this.inputs.notification, link));
  }
}
