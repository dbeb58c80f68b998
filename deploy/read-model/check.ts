import 'reflect-metadata';
import { checkCommand, runAsProcess } from './read-model-admin.js';

/**
 * `npm run read-model:check [-- --school <id>] [-- --json]`: compares the reports' totals with the services' own
 * counts (issue 6, item 7) and prints every difference; exits 1 when there is one, 2 when the check could not run.
 */
await runAsProcess('read-model-check', checkCommand);
