// Core modules are imported one by one, not through its index: the index also loads core's HTTP
// client (node:http/https, ~6 ms of startup) that this action never uses.
import { systemClock } from '@cicd-actions/core/clock';
import { runAction } from '@cicd-actions/core/action';
import { main } from './run';

await runAction(({ runner, signal, onCleanup }) =>
  main(runner, { clock: systemClock, signal, onCleanup }),
);
