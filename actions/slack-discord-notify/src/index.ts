// Wiring only: inputs → run (real HTTP and clock) → report.
import { Runner, runAction, httpRequest, systemClock } from '@cicd-actions/core';
import { readInputs } from './inputs';
import { groupTitle, report } from './report';
import { run } from './run';

const runner = new Runner();
await runAction(runner, async () => {
  const inputs = readInputs(runner, new Date(systemClock.now()));
  const outcomes = await runner.group(groupTitle(inputs), () =>
    run(inputs, {
      http: httpRequest,
      clock: systemClock,
      log: (line) => runner.info(runner.redact(line)),
      redact: (text) => runner.redact(text),
    }),
  );
  report(runner, inputs, outcomes);
});
