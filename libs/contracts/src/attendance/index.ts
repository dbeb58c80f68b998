export * from './absence-notices.rpc.js';
export * from './attendance.events.js';
export * from './attendance.models.js';
export * from './attendance.rpc.js';
export * from './column-reservations.rpc.js';
