import type { ServiceDatabase } from '#platform';
import { ReportingInitial1764720000000 } from './migrations/1764720000000-reporting-initial.js';
import { ReportingMarkChanges1764900420000 } from './migrations/1764900420000-reporting-mark-changes.js';
import { ReportingFinalResults1764900500001 } from './migrations/1764900500001-reporting-final-results.js';
import { ReportingOneRoster1764900800000 } from './migrations/1764900800000-reporting-oneroster.js';
import { ReportingCompleteness1764901100000 } from './migrations/1764901100000-reporting-completeness.js';
import { ReportingNotifications1764901200000 } from './migrations/1764901200000-reporting-notifications.js';
import { ReportingMunicipalApi1764901300000 } from './migrations/1764901300000-reporting-municipal-api.js';

/** The read model is written and read with plain SQL (batch upserts, report queries), so it maps no entities. */
export function reportingDatabase(url: string): ServiceDatabase {
  return {
    url,
    schema: 'reporting',
    entities: [],
    migrations: [ReportingInitial1764720000000, ReportingMarkChanges1764900420000, ReportingFinalResults1764900500001, ReportingOneRoster1764900800000, ReportingCompleteness1764901100000, ReportingNotifications1764901200000, ReportingMunicipalApi1764901300000],
  };
}
