export * from './actor.js';
export * from './domain-error.js';
export * from './error-code.js';
export * from './headers.js';
export * from './local-date.js';
export * from './role.js';
export * from './rpc-definition.js';
export * from './rpc-failure.js';
