import { Runner, runAction } from '@cicd-actions/core';
import { main } from './wait-rollout';

const runner = new Runner();
await runAction(runner, () => main(runner, { env: process.env }));
