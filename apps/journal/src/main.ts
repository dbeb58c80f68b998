import 'reflect-metadata';
import { runService } from '#platform';
import { JournalModule } from './journal.module.js';

await runService('journal', (config) => JournalModule.forRoot(config));
