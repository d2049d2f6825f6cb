import { Runner, runAction, httpRequest, systemClock } from '../../../packages/core/src/index';
import { notify } from './notify';

const runner = new Runner();
await runAction(runner, () => notify(runner, { http: httpRequest, clock: systemClock }));
