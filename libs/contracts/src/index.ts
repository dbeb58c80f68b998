import { useRussianValidationMessages } from './common/russian-errors.js';

// People read validation messages: zod speaks Russian everywhere the contracts are loaded.
useRussianValidationMessages();

export * from './access/index.js';
export * from './attendance/index.js';
export * from './common/index.js';
export * from './identity/index.js';
export * from './journal/index.js';
export * from './planning/index.js';
export * from './reporting/index.js';
