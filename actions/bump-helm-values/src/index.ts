import { Runner, runAction, systemClock } from '@cicd-actions/core';
import { readConfig } from './config';
import { bump } from './bump';

const runner = new Runner();
await runAction(runner, () =>
  bump(runner, readConfig(runner), {
    clock: systemClock,
    random: Math.random,
    cwd: process.cwd(),
    env: process.env,
  }),
);
