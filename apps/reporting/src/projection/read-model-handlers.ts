import { EventHandlers } from '#platform';
import { attendanceProjection } from './attendance.projection.js';
import { finalResultsProjection } from './final-results.projection.js';
import { identityProjection } from './identity.projection.js';
import { journalProjection } from './journal.projection.js';
import { planningProjection } from './planning.projection.js';

/** Every event the read model is built from; each handler writes idempotently through the manager it is given. */
export function readModelHandlers(): EventHandlers {
  return finalResultsProjection(
    attendanceProjection(journalProjection(planningProjection(identityProjection(new EventHandlers())))),
  );
}
