import { Runner, runAction } from '../../../packages/core/src/index';
import { main } from './wait-rollout';

const runner = new Runner();
await runAction(runner, () => main(runner, { env: process.env }));
