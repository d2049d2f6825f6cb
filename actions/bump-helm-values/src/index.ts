import { runAction, systemClock } from '@cicd-actions/core';
import { readConfig } from './config';
import { bump } from './bump';

await runAction(({ runner, signal }) =>
  bump(runner, readConfig(runner), {
    clock: systemClock,
    random: Math.random,
    cwd: process.cwd(),
    env: process.env,
    signal,
  }),
);
