export * from './attendance-summary.js';
export * from './reporting.models.js';
export * from './reporting.rpc.js';
export * from './result-deviations.js';
