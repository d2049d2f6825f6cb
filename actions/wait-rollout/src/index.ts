import { runAction } from '@cicd-actions/core';
import { main } from './run';

await runAction(({ runner, signal }) => main(runner, { env: process.env, signal }));
