/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // .mjs too: rettime (under nock's interceptors) ships only .mjs, and the ignore-pattern exception alone leaves it untransformed.
  transform: { '^.+\\.(t|j)sx?$|^.+\\.mjs$': ['@swc/jest'] },
  // nock 15 and its interceptors ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(nock|@mswjs/interceptors|@open-draft/until|rettime)/)'],
  setupFiles: ['<rootDir>/test/setup/polyfills.ts'],
  testTimeout: 60000,
  // A suite that leaves a socket or timer open (a failed Redis/queue test, say) must not keep
  // CI waiting for its 90-minute limit: the results are complete when jest would wait.
  forceExit: true,
};
