import type { TestServiceSpec } from '#testing';
import { journalDatabase } from './database/journal-database.js';
import { JournalModule } from './journal.module.js';

export const journalServiceSpec: TestServiceSpec = {
  name: 'journal',
  schema: 'journal',
  database: journalDatabase,
  module: (config) => JournalModule.forRoot(config),
};
