import { Runner, runAction, systemClock } from '../../../packages/core/src/index';
import { main } from './main';

const runner = new Runner();
await runAction(runner, () => main(runner, { clock: systemClock }));
