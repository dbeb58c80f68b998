export * from './planning.events.js';
export * from './planning.models.js';
export * from './planning.rpc.js';
