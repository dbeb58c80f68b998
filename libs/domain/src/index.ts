export * from './attendance-share.js';
export * from './mark-rules.js';
export * from './rational.js';
export * from './school-date.js';
export * from './weighted-average.js';
export * from './federal-curriculum.js';
