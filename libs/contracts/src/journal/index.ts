export * from './journal.events.js';
export * from './journal.models.js';
export * from './journal.rpc.js';
