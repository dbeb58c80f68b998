export * from './access-facts.js';
