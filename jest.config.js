/** @type {import('jest').Config} */
const project = (name, extra = {}) => ({
  displayName: name,
  preset: 'ts-jest',
  testEnvironment: 'node',
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
