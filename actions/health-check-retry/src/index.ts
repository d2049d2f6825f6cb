import { httpRequest, Runner, runAction, systemClock } from '@cicd-actions/core';
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
