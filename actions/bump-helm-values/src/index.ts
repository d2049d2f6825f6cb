import { runAction, systemClock } from '@cicd-actions/core';
import { readInputs } from './inputs';
import { bump } from './run';

await runAction(({ runner, signal }) =>
  bump(runner, readInputs(runner), {
    clock: systemClock,
    random: Math.random,
    cwd: process.cwd(),
    env: process.env,
    signal,
  }),
);
