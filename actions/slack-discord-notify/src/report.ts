// What the step hands on: outputs that chain into the outcome step, a summary a person reads,
// one log line per destination, and a warning (or, with fail-on-error, the failure) per loss.
import { ActionError, details, heading, table, type Runner } from '@cicd-actions/core';
import type { DeliveryResult } from './delivery';
import type { NotifyInputs } from './inputs';
import { plainText, type Notification } from './notification';
import type { DestinationOutcome } from './run';

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}

const DONE: Record<DeliveryResult['send'], string> = {
  post: 'posted',
  edit: 'updated',
  ping: 'pinged (new message)',
};

function stepText(r: DeliveryResult, alone: boolean): string {
  if (r.ok) return `✅ ${DONE[r.send]}`;
  const what = alone ? '' : `${r.send}: `;
  return `${r.uncertain ? '❓' : '❌'} ${what}${r.error}`;
}

export function resultText(o: DestinationOutcome): string {
  if (o.error) return `❌ ${o.error}`;
  if (o.cancelled && !o.ok) return '⏹️ cancelled';
  return o.steps.map((s) => stepText(s, o.steps.length === 1)).join(' · ');
}

/** Why the destination did not get the outcome, in one line; undefined when it did. */
export function failureText(o: DestinationOutcome): string | undefined {
  if (o.ok) return undefined;
  if (o.error) return o.error;
  const failed = o.steps.filter((s) => !s.ok);
  if (failed.length === 1 && o.steps.length === 1) return failed[0].error;
  return failed.map((s) => `${s.send}: ${s.error}`).join('; ');
}

/** The log group around the sends: "🚀 Notifying 2 destinations: Deployment … started". */
export function groupTitle(inputs: NotifyInputs): string {
  const n = inputs.destinations.length;
  return `${inputs.notification.emoji} Notifying ${n} destination${n === 1 ? '' : 's'}: ${inputs.notification.title}`;
}

const attempts = (o: DestinationOutcome) => o.steps.reduce((n, s) => n + s.attempts, 0);

export function summaryMarkdown(
  n: Notification,
  outcomes: DestinationOutcome[],
  overrides: string[] = [],
  cancelled = false,
): string {
  const rows = outcomes.map((o) => [
    o.destination.label,
    resultText(o),
    attempts(o),
    o.messageId ?? '',
  ]);
  const note = overrides.length ? ` (${overrides.join(' and ')} sent as given instead)` : '';
  return [
    heading(`${cancelled ? '⏹️ Cancelled: ' : ''}${n.emoji} ${n.title}`),
    cancelled
      ? 'The job was cancelled while notifying; destinations not reached are marked.\n'
      : '',
    table(['Destination', 'Result', 'Attempts', 'Message ID / ts'], rows),
    details(`Message preview${note}`, fence(plainText(n))),
  ]
    .filter(Boolean)
    .join('\n');
}

const isChannelId = (c: string) => /^[CGD][A-Z0-9]+$/.test(c);

export function writeOutputs(runner: Runner, outcomes: DestinationOutcome[]): void {
  const sent = (platform: 'slack' | 'discord') => {
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
export function report(
  runner: Runner,
  inputs: NotifyInputs,
  outcomes: DestinationOutcome[],
  cancelled = false,
): void {
  for (const o of outcomes)
    runner.info(
      runner.redact(
        `${o.destination.label}: ${resultText(o)}${o.messageId ? ` (${o.messageId})` : ''}, ${attempts(o)} attempt${attempts(o) === 1 ? '' : 's'}`,
      ),
    );
  writeOutputs(runner, outcomes);
  const overrides = [
    inputs.payloadSlack ? 'payload-slack' : '',
    inputs.payloadDiscord ? 'payload-discord' : '',
  ].filter(Boolean);
  runner.appendSummary(summaryMarkdown(inputs.notification, outcomes, overrides, cancelled));
  if (cancelled) return;

  const lines = outcomes
    .map((o) => [o.destination.label, failureText(o)] as const)
    .filter(([, why]) => why !== undefined)
    .map(([label, why]) => `${label}: ${why}`);
  if (!lines.length) return;
  if (inputs.failOnError)
    throw new ActionError(
      `Notification not delivered to ${lines.length} of ${outcomes.length} destination${outcomes.length === 1 ? '' : 's'}: ${lines.join('; ')}`,
    );
  for (const line of lines) runner.warning(runner.redact(`Notification not delivered — ${line}`));
}
