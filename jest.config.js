// Jest runs the ESM TypeScript sources directly through swc (NODE_OPTIONS=--experimental-vm-modules).
const swc = {
  sourceMaps: 'inline',
  module: { type: 'es6' },
  jsc: {
    target: 'es2023',
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
};

const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^#(contracts|platform|domain|testing|lesson-access|policy|spreadsheet)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

// Timeouts only stop a hung test; they are no performance budget (those live in `npm run bench`).
export default {
  // The integration tests mostly wait on PostgreSQL and NATS: two workers use a 2-core machine well.
  maxWorkers: 2,
  // Jest takes the test timeout from the global configuration only (a project's own is ignored): the longest, for
  // end-to-end tests that start whole systems on a busy machine.
  testTimeout: 120_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.int-spec.ts'], slowTestThreshold: 30 },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], slowTestThreshold: 120 },
  ],
};
