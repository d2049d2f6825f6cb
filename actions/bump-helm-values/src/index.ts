// Wiring only: inputs → run (real clock, randomness, workspace, environment, the job's cancel
// signal) → report.
import { runAction, systemClock } from '@cicd-actions/core';
import { readInputs } from './inputs';
import { report, reportFailure } from './report';
import { run } from './run';

await runAction(async ({ runner, signal }) => {
  const inputs = readInputs(runner);
  let outcome;
  try {
    outcome = await run(runner, inputs, {
      clock: systemClock,
      random: Math.random,
      cwd: process.cwd(),
      env: process.env,
      signal,
    });
  } catch (err) {
    // The message says why; runAction then prints the error and exits non-zero.
    reportFailure(runner, err, signal.aborted);
    throw err;
  }
  report(runner, outcome);
});
