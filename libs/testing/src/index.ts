export * from './eventually.js';
export * from './start-test-service.js';
export * from './test-deployment.js';
