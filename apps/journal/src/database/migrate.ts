import { runMigrationCommand } from '#platform';
import { journalDatabase } from './journal-database.js';

await runMigrationCommand('journal', journalDatabase);
