import { runMigrationCommand } from '#platform';
import { identityDatabase } from './identity-database.js';

await runMigrationCommand('identity', identityDatabase);
