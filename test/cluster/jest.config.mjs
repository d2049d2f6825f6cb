// Jest for the cluster suites only (test/cluster/suites/*.cluster.test.ts), run by run.mjs against
// the control plane it started; the main jest config ignores test/cluster/.
import base from '../../jest.config.mjs';

export default {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/cluster/suites/**/*.cluster.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // run.mjs prints the closing line itself, after the control plane has stopped.
  reporters: ['default'],
  testTimeout: 180000,
};
