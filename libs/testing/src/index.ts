export * from './eventually.js';
export * from './test-deployment.js';
