// Wiring only: inputs → run (real clock, HTTP, worker matcher, roots, the job's cancel signal) → report.
import { httpRequest, runAction, systemClock } from '@cicd-actions/core';
import { workerMatcher } from './body-matcher';
import { readInputs } from './inputs';
import { report } from './report';
import { run } from './run';

await runAction(async ({ runner, signal }) => {
  const startedAt = systemClock.now();
  const inputs = readInputs(runner);
  const outcome = await run(
    inputs,
    {
      clock: systemClock,
      request: httpRequest,
      random: Math.random,
      rootCertificates: async () => (await import('node:tls')).rootCertificates,
      bodyMatcher: workerMatcher,
      signal,
      log: (line) => runner.info(runner.redact(line)),
      warn: (line) => runner.warning(runner.redact(line)),
      redact: (text) => runner.redact(text),
    },
    startedAt,
  );
  // Cancelled: outputs and a summary that say so; runAction then reports and exits non-zero.
  report(runner, inputs, outcome);
});
