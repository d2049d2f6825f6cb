// Wiring only: inputs → run (real clock, HTTP, worker matcher, roots) → report.
import { httpRequest, Runner, runAction, systemClock } from '@cicd-actions/core';
import { workerMatcher } from './body-matcher';
import { readInputs } from './inputs';
import { report } from './report';
import { run } from './run';

const runner = new Runner();
await runAction(runner, async () => {
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
      log: (line) => runner.info(runner.redact(line)),
      warn: (line) => runner.warning(runner.redact(line)),
      redact: (text) => runner.redact(text),
    },
    startedAt,
  );
  report(runner, inputs, outcome);
});
