// Wiring only: inputs → run (real HTTP and clock, the job's cancel signal) → report.
import { httpRequest, runAction, systemClock } from '@cicd-actions/core';
import { readInputs } from './inputs';
import { groupTitle, report } from './report';
import { run } from './run';

await runAction(async ({ runner, signal }) => {
  const inputs = readInputs(runner, new Date(systemClock.now()));
  const outcomes = await runner.group(groupTitle(inputs), () =>
    run(inputs, {
      http: httpRequest,
      clock: systemClock,
      signal,
      log: (line) => runner.info(runner.redact(line)),
      redact: (text) => runner.redact(text),
    }),
  );
  // Cancelled: outputs and a summary that says so; runAction then reports and exits non-zero.
  report(runner, inputs, outcomes, signal.aborted);
});
