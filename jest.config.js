/** @type {import('jest').Config} */
const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  // Transpiled only (tsconfig.jest.json): types are checked once, by `npm run typecheck`, not per test file.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});

module.exports = {
  projects: [
    project('unit'),
    project('integration', { setupFilesAfterEnv: ['<rootDir>/test/helpers/integration-timeout.ts'] }),
    // End-to-end files set their own, longer timeout.
    project('e2e'),
  ],
};
