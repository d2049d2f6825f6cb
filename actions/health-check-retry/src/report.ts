// What the step hands on: outputs for the next step (with a one-line `message` to chain into a
// notification), a log group per URL, a job summary for people, and the verdict.
import { ActionError, cell, details, heading, table, type Runner } from '@cicd-actions/core';
import type { HealthCheckConfig } from './inputs';
import type { UrlResult } from './check-url';
import { formatWait } from './format';
import { preview } from '@cicd-actions/core';
import type { RunOutcome } from './run';

/** Attempt tables longer than this are folded in the summary. */
export const FOLD_AFTER = 20;

export interface UrlResultJson {
  url: string;
  healthy: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
  latencies: number[];
}

export function lastStatus(result: UrlResult): number | undefined {
  for (let i = result.attempts.length - 1; i >= 0; i--)
    if (result.attempts[i].status !== undefined) return result.attempts[i].status;
  return undefined;
}

export function resultJson(result: UrlResult): UrlResultJson {
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
export function statusOutput(results: UrlResult[]): string {
  const pick = results.find((r) => !r.healthy) ?? results[0];
  const status = pick ? lastStatus(pick) : undefined;
  return status === undefined ? '' : String(status);
}

export function verdictText(r: UrlResult): string {
  const n = r.attempts.length;
  return r.healthy
    ? `healthy after ${n} attempt${n === 1 ? '' : 's'}`
    : `not healthy: ${r.gaveUp ?? 'failed'}`;
}

/** One log line per attempt, for the per-URL log group written at the end. */
export function attemptLines(r: UrlResult): string[] {
  return r.attempts.map(
    (a) =>
      `#${a.n} at +${formatWait(a.offsetMs)}: ${a.status ?? 'no response'} in ${formatWait(a.latencyMs)}, ${a.ok ? 'ok' : a.error}`,
  );
}

export function summaryMarkdown(
  results: UrlResult[],
  cfg: HealthCheckConfig,
  elapsedMs: number,
  cancelled = false,
): string {
  const healthy = results.every((r) => r.healthy);
  const out: string[] = [];
  const title = cancelled
    ? `⏹️ Health check cancelled after ${formatWait(elapsedMs)}`
    : `${healthy ? '✅' : '❌'} Health check ${healthy ? 'passed' : 'failed'} in ${formatWait(elapsedMs)}`;
  out.push(heading(title));
  const expectations = [`status ${cfg.expect.status.text}`];
  if (cfg.expect.bodyPattern)
    expectations.push(
      `body matches \`${cell(preview(cfg.expect.bodyPattern.source).slice(1, -1))}\``,
    );
  for (const c of cfg.expect.json)
    expectations.push(`\`${cell(c.path)}\` = \`${cell(c.expected)}\``);
  out.push(
    `${cfg.method}, expecting ${expectations.join(', ')}; up to ${cfg.maxAttempts} attempts per URL` +
      `${cfg.successThreshold > 1 ? ` (${cfg.successThreshold} consecutive successes needed)` : ''}, timeout ${formatWait(cfg.timeoutMs)}` +
      `${cfg.initialDelayMs ? `, after an initial delay of ${formatWait(cfg.initialDelayMs)}` : ''}.\n`,
  );
  out.push(
    table(
      ['URL', 'Result', 'Attempts', 'Last status'],
      results.map((r) => [
        r.url,
        `${r.healthy ? '✅' : '❌'} ${verdictText(r)}`,
        r.attempts.length,
        lastStatus(r) ?? '—',
      ]),
    ),
  );
  for (const r of results) {
    out.push(heading(`${r.healthy ? '✅' : '❌'} ${r.url}`, 4));
    const attempts = table(
      ['#', 'Time', 'Status', 'Latency', 'Result'],
      r.attempts.map((a) => [
        a.n,
        `+${formatWait(a.offsetMs)}`,
        a.status ?? '—',
        formatWait(a.latencyMs),
        a.ok ? 'ok' : a.error,
      ]),
    );
    // A long run of attempts would push the other URLs off the page: fold it.
    out.push(
      r.attempts.length > FOLD_AFTER
        ? details(`${r.attempts.length} attempts`, attempts)
        : attempts,
    );
  }
  return out.join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Why the step fails, in one line; undefined when every URL is healthy. */
export function failureMessage(results: UrlResult[]): string | undefined {
  const failed = results.filter((r) => !r.healthy);
  if (failed.length === 0) return undefined;
  const why = failed
    .map((r) => `${r.url}: ${r.gaveUp}; last: ${r.attempts.at(-1)?.error ?? 'no attempt'}`)
    .join('; ');
  const scope =
    results.length === 1 ? 'Not healthy' : `${failed.length} of ${results.length} URLs not healthy`;
  return `${scope}: ${why}`;
}

/** The `message` output: one line a notification can carry ("health check: …"). */
export function messageOutput(outcome: RunOutcome): string {
  const { results, elapsedMs, cancelled } = outcome;
  const attempts = results.reduce((n, r) => n + r.attempts.length, 0);
  let text: string;
  if (cancelled)
    text = `health check cancelled after ${plural(attempts, 'attempt')} (${formatWait(elapsedMs)})`;
  else {
    const failure = failureMessage(results);
    if (failure) text = `health check failed: ${failure.replace(/^Not healthy: /, '')}`;
    else if (results.length === 1) {
      const r = results[0];
      text = `health check passed: ${r.url} answered ${lastStatus(r) ?? '?'} after ${plural(r.attempts.length, 'attempt')} (${formatWait(elapsedMs)})`;
    } else
      text = `health check passed: all ${results.length} URLs healthy after ${plural(attempts, 'attempt')} (${formatWait(elapsedMs)})`;
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Log groups, outputs and summary; then the verdict (an ActionError when not healthy). */
export function report(runner: Runner, cfg: HealthCheckConfig, outcome: RunOutcome): void {
  const { results, elapsedMs, cancelled } = outcome;
  // Live lines of concurrent URLs interleave; each URL's attempts are also gathered in one group.
  for (const r of results) {
    runner.startGroup(runner.redact(`${r.healthy ? '✅' : '❌'} ${r.url}: ${verdictText(r)}`));
    for (const line of attemptLines(r)) runner.info(runner.redact(line));
    runner.endGroup();
  }
  const healthy = !cancelled && results.every((r) => r.healthy);
  runner.setOutput('healthy', healthy);
  runner.setOutput(
    'attempts',
    results.reduce((sum, r) => sum + r.attempts.length, 0),
  );
  runner.setOutput(
    'requests',
    results.reduce((sum, r) => sum + r.attempts.reduce((n, a) => n + a.requests, 0), 0),
  );
  runner.setOutput('status', statusOutput(results));
  runner.setOutput('elapsed-ms', Math.round(elapsedMs));
  runner.setOutput('results', runner.redact(JSON.stringify(results.map(resultJson))));
  // Redacted before it is cut, so a cut secret cannot survive.
  runner.setOutput(
    'message',
    messageOutput({ ...outcome, results: results.map((r) => redacted(runner, r)) }),
  );
  runner.appendSummary(summaryMarkdown(results, cfg, elapsedMs, cancelled));
  if (cancelled) return; // runAction reports the cancellation and exits non-zero
  const failure = failureMessage(results);
  if (!failure) {
    runner.info(`All ${plural(results.length, 'URL')} healthy in ${formatWait(elapsedMs)}`);
    return;
  }
  throw new ActionError(failure);
}

function redacted(runner: Runner, r: UrlResult): UrlResult {
  return {
    ...r,
    gaveUp: r.gaveUp && runner.redact(r.gaveUp),
    attempts: r.attempts.map((a) => ({ ...a, error: a.error && runner.redact(a.error) })),
  };
}
