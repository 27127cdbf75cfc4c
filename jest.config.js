/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Only the project's own files are compiled: the dependencies are CommonJS (nock stays on 14;
  // 15 ships ESM only and needs Node 22).
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // A test run builds the migrated PostgreSQL template and PGlite snapshot once for all its files,
  // named after the run (test/setup/test-run.ts); teardown removes them.
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // The suites wait on child processes, servers and timers about as much as they compute, so one
  // worker more than there are cores keeps the cores busy (jest's default is one fewer: a single
  // worker on 2 cores, where 3 run the suite in about half the time).
  maxWorkers: require('node:os').availableParallelism() + 1,
  // At the end of a run, which tests were skipped and why (a service not configured, say).
  reporters: ['default', '<rootDir>/test/setup/skipped-reporter.js'],
  testTimeout: 60000,
  // A suite that leaves a socket or timer open (a failed Redis/queue test, say) must not keep
  // CI waiting for its 90-minute limit: the results are complete when jest would wait.
  forceExit: true,
};
