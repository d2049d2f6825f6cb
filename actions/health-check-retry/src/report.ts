// What the step hands on: outputs for the next step, a job summary for people.
import { cell, details, heading, table } from '@cicd-actions/core';
import type { HealthCheckConfig } from './config';
import type { UrlResult } from './check-url';
import { formatWait } from './format';

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
): string {
  const healthy = results.every((r) => r.healthy);
  const out: string[] = [];
  out.push(
    heading(
      `${healthy ? '✅' : '❌'} Health check ${healthy ? 'passed' : 'failed'} in ${formatWait(elapsedMs)}`,
    ),
  );
  const expectations = [`status ${cfg.expect.status.text}`];
  if (cfg.expect.bodyPattern)
    expectations.push(`body matches \`${cell(cfg.expect.bodyPattern.source)}\``);
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
