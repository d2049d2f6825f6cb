import { Runner, runAction, httpRequest, systemClock } from '@cicd-actions/core';
import { notify } from './notify';

const runner = new Runner();
await runAction(runner, () => notify(runner, { http: httpRequest, clock: systemClock }));
