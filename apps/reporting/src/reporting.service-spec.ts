import type { TestServiceSpec } from '#testing';
import { reportingDatabase } from './database/reporting-database.js';
import { ReportingModule } from './reporting.module.js';

export const reportingServiceSpec: TestServiceSpec = {
  name: 'reporting',
  schema: 'reporting',
  database: reportingDatabase,
  module: (config) => ReportingModule.forRoot(config),
};
