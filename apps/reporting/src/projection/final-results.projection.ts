import type { EntityManager } from 'typeorm';
import { type FinalResult, FinalResultEvents } from '#contracts';
import type { EventHandlers } from '#platform';
import { onePerKey, writeRows } from './batch-rows.js';

// Events may arrive again (a replay): a row only moves forward to the same or a later version.
async function saveResults(results: readonly FinalResult[], manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO final_result (id, term, term_id, school_id, student_id, subject_code, page_id, value, version, set_by, set_at)
     SELECT id, term, term_id, school_id, student_id, subject_code, page_id, value, version, set_by, set_at
     FROM jsonb_to_recordset($1::jsonb) AS r(
       id uuid, term text, term_id uuid, school_id uuid, student_id uuid, subject_code text, page_id uuid, value text,
       version integer, set_by uuid, set_at timestamptz)
     ON CONFLICT (id) DO UPDATE SET
       page_id = excluded.page_id, value = excluded.value, version = excluded.version, set_by = excluded.set_by,
       set_at = excluded.set_at
     WHERE final_result.version <= excluded.version`,
    onePerKey(
      results,
      (result) => result.id,
      (result) => result.version,
    ).map((result) => ({
      id: result.id,
      term: result.term,
      term_id: result.termId,
      school_id: result.schoolId,
      student_id: result.studentId,
      subject_code: result.subjectCode,
      page_id: result.pageId,
      value: result.value === null ? null : String(result.value),
      version: result.version,
      set_by: result.setBy,
      set_at: result.setAt,
    })),
  );
}

/** Period and year results from the journal (R-MARK-1): the class summary, the e-diary and the deputy's list show them. */
export function finalResultsProjection(handlers: EventHandlers): EventHandlers {
  return handlers.on(FinalResultEvents.resultsSaved, (payload, _envelope, manager) => saveResults(payload.results, manager));
}
