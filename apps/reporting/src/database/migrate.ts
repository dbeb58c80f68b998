import { runMigrationCommand } from '#platform';
import { reportingDatabase } from './reporting-database.js';

await runMigrationCommand('reporting', reportingDatabase);
