import { runAction } from '@cicd-actions/core';
import { main } from './wait-rollout';

await runAction(({ runner, signal }) => main(runner, { env: process.env, signal }));
