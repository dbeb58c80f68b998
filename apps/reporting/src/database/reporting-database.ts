import type { ServiceDatabase } from '#platform';
import { ReportingInitial1764720000000 } from './migrations/1764720000000-reporting-initial.js';

/** The read model is written and read with plain SQL (batch upserts, report queries), so it maps no entities. */
export function reportingDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'reporting',
    entities: [],
    migrations: [ReportingInitial1764720000000],
  };
}
