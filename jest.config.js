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
    // These start real servers and processes; on a busy CI machine 5 s is not enough for a spawned bot.
    project('integration', { testTimeout: 30_000 }),
    project('e2e', { testTimeout: 60_000 }),
  ],
};
