export * from './attendance-summary.js';
export * from './oneroster.js';
export * from './page-print.js';
export * from './reporting.models.js';
export * from './reporting.rpc.js';
export * from './result-deviations.js';
