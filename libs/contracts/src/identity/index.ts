export * from './identity.events.js';
export * from './identity.models.js';
export * from './identity.rpc.js';
export * from './api-clients.rpc.js';
