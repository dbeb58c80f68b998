export * from './reporting.models.js';
export * from './reporting.rpc.js';
