export * from './eventually.js';
export * from './start-test-service.js';
export * from './test-deployment.js';
export * from './api-session.js';
export * from './cookie-jar.js';
export * from './free-port.js';
export * from './oidc-login.js';
