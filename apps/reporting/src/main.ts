import 'reflect-metadata';
import { runService } from '#platform';
import { ReportingModule } from './reporting.module.js';

await runService('reporting', (config) => ReportingModule.forRoot(config));
