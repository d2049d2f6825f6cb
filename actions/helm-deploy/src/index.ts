// Core modules are imported one by one, not through its index (its HTTP client is not needed here).
import { systemClock } from '@cicd-actions/core/clock';
import { runAction } from '@cicd-actions/core/action';
import { main } from './run';

await runAction(({ runner, signal, onCleanup }) =>
  main(runner, { clock: systemClock, signal, onCleanup }),
);
