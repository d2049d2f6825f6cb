// Jest in ESM mode (the dependencies are ESM-only), TypeScript through ts-jest without type
// checking (`npm run typecheck` does that once for the whole tree, which is faster).
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
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cluster/'],
  reporters: ['default', '<rootDir>/test/harness/closing-line-reporter.mjs'],
  maxWorkers: 2,
  testTimeout: 60000,
};
