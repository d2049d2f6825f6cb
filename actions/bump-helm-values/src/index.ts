// Wiring only: inputs → run (real clock, randomness, workspace, environment, the job's cancel
// signal) → report.
import { runAction, systemClock } from '@cicd-actions/core';
import { readInputs } from './inputs';
import { report } from './report';
import { run } from './run';

await runAction(async ({ runner, signal }) => {
  const inputs = readInputs(runner);
  const outcome = await run(runner, inputs, {
    clock: systemClock,
    random: Math.random,
    cwd: process.cwd(),
    env: process.env,
    signal,
  });
  report(runner, outcome);
});
