import { runMigrationCommand } from '#platform';
import { planningDatabase } from './planning-database.js';

await runMigrationCommand('planning', planningDatabase);
