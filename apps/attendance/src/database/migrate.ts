import { runMigrationCommand } from '#platform';
import { attendanceDatabase } from './attendance-database.js';

await runMigrationCommand('attendance', attendanceDatabase);
