// Jest in ESM mode (the dependencies are ESM-only), TypeScript through ts-jest without type
// checking (`npm run typecheck` does that once for the whole tree, which is faster).
import { existsSync } from 'node:fs';
import path from 'node:path';

// *.oracle.test.ts judge an action by another program (nginx, curl): run only where installed.
const installed = (name) =>
  [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'].some(
    (dir) => dir && existsSync(path.join(dir, name)),
  );
const oracles = installed('nginx') && installed('curl');
if (!oracles)
  console.warn(
    'jest: *.oracle.test.ts not run: nginx or curl is not installed (apt-get install -y nginx curl)',
  );

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testMatch: [
    '<rootDir>/packages/**/*.test.ts',
    '<rootDir>/actions/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
  ],
  // The cluster suites need a running control plane: npm run test:cluster runs them.
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/cluster/',
    ...(oracles ? [] : ['\\.oracle\\.test\\.ts$']),
  ],
  reporters: ['default', '<rootDir>/test/harness/closing-line-reporter.mjs'],
  maxWorkers: 2,
  testTimeout: 60000,
};
