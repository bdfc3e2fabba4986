/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  // The examples import phikit as a user's project does (README "Install"); here that is this checkout's source.
  moduleNameMapper: { '^phikit$': '<rootDir>/policies/index.ts', '^phikit/constructs$': '<rootDir>/constructs/index.ts', '^phikit/constructs/jest$': '<rootDir>/constructs/jest.ts' },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
};
