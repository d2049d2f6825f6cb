import { httpRequest, Runner, runAction, systemClock } from '../../../packages/core/src/index';
import { main } from './main';

const runner = new Runner();
await runAction(runner, () =>
  main(runner, {
    clock: systemClock,
    request: httpRequest,
    random: Math.random,
    rootCertificates: async () => (await import('node:tls')).rootCertificates,
  }),
);
