/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // nock 15 and its interceptors ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(nock|@mswjs/interceptors|@open-draft/until|rettime)/)'],
  setupFiles: ['<rootDir>/test/setup/polyfills.ts'],
  testTimeout: 60000,
};
