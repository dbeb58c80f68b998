export * from './decide.js';
export * from './policy-rule.js';
export * from './policy-table.js';
export * from './table/roles.js';
