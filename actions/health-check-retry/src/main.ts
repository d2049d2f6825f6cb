// Wires inputs → concurrent per-URL checks → outputs, summary and the verdict.
import { ActionError, Deadline, safeUrl, type Clock, type Runner } from '@cicd-actions/core';
import { readConfig } from './config';
import { checkUrl, sleepWithProgress, type SendRequest, type UrlResult } from './check-url';
import { formatWait } from './format';
import { attemptLines, resultJson, statusOutput, summaryMarkdown, verdictText } from './report';

export interface HealthCheckDeps {
  clock: Clock;
  request: SendRequest;
  random: () => number;
  /** The public root CAs, to which ca-cert is added (loaded only when ca-cert is set). */
  rootCertificates: () => Promise<readonly string[]>;
}

/** Log labels: the safe URL, numbered when two URLs differ only in what is hidden. */
function labels(urls: URL[]): string[] {
  const safe = urls.map((u) => safeUrl(u));
  return safe.map((s, i) => (safe.indexOf(s) !== safe.lastIndexOf(s) ? `${s} #${i + 1}` : s));
}

export async function main(runner: Runner, deps: HealthCheckDeps): Promise<void> {
  const { clock } = deps;
  const startedAt = clock.now();
  const cfg = readConfig(runner);
  const deadline = new Deadline(clock, cfg.timeoutMs - (clock.now() - startedAt));
  const ca = cfg.caCert ? [...(await deps.rootCertificates()), cfg.caCert].join('\n') : undefined;
  const names = labels(cfg.urls);

  if (cfg.insecure) runner.warning('insecure is true: TLS certificates are not verified');
  for (const name of names) {
    runner.info(
      `Checking ${cfg.method} ${name}: up to ${cfg.maxAttempts} attempts, timeout ${formatWait(cfg.timeoutMs)}, expecting status ${cfg.expect.status.text}`,
    );
  }
  if (cfg.initialDelayMs > 0) {
    runner.info(
      `Waiting ${formatWait(cfg.initialDelayMs)} (initial-delay) before the first attempt, ${formatWait(deadline.remaining())} left`,
    );
    await sleepWithProgress(clock, cfg.initialDelayMs, (left) =>
      runner.info(
        `still waiting: first attempt in ${formatWait(left)}, ${formatWait(deadline.remaining())} left`,
      ),
    );
  }

  const results: UrlResult[] = await Promise.all(
    cfg.urls.map((url, i) => {
      const prefix = cfg.urls.length > 1 ? `[${names[i]}] ` : '';
      return checkUrl(url, cfg, {
        clock,
        request: deps.request,
        random: deps.random,
        deadline,
        startedAt,
        ca,
        log: (line) => runner.info(runner.redact(prefix + line)),
      });
    }),
  );
  const elapsedMs = clock.now() - startedAt;
  const healthy = results.every((r) => r.healthy);

  // Live lines of concurrent URLs interleave; each URL's attempts are also gathered in one group.
  for (const r of results) {
    runner.startGroup(`${r.healthy ? '✅' : '❌'} ${r.url}: ${verdictText(r)}`);
    for (const line of attemptLines(r)) runner.info(runner.redact(line));
    runner.endGroup();
  }
  runner.setOutput('healthy', healthy);
  runner.setOutput(
    'attempts',
    results.reduce((sum, r) => sum + r.attempts.length, 0),
  );
  runner.setOutput('status', statusOutput(results));
  runner.setOutput('elapsed-ms', Math.round(elapsedMs));
  runner.setOutput('results', runner.redact(JSON.stringify(results.map(resultJson))));
  runner.appendSummary(summaryMarkdown(results, cfg, elapsedMs));

  const failed = results.filter((r) => !r.healthy);
  if (failed.length === 0) {
    runner.info(
      `All ${results.length} URL${results.length === 1 ? '' : 's'} healthy in ${formatWait(elapsedMs)}`,
    );
    return;
  }
  const why = failed
    .map((r) => `${r.url}: ${r.gaveUp}; last: ${r.attempts.at(-1)?.error ?? 'no attempt'}`)
    .join('; ');
  const scope =
    results.length === 1 ? 'Not healthy' : `${failed.length} of ${results.length} URLs not healthy`;
  throw new ActionError(`${scope}: ${why}`);
}
