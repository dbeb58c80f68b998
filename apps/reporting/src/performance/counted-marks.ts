import type { ClassSummary, ShownResult } from '#contracts';
import { type IndicatorMark, resultLabel } from '#domain';

type SummaryCell = ClassSummary['students'][number]['subjects'][number];

/** The mark a report counts in a subject: the period result when set, else the proposed one; null without either. */
export function countedMark(cell: SummaryCell): { shown: ShownResult; from: 'result' | 'proposal' } | null {
  if (cell.result) return { shown: cell.result, from: 'result' };
  if (cell.average) return { shown: { value: cell.average.proposed, label: resultLabel(cell.average.proposed) }, from: 'proposal' };
  return null;
}

/** The counted marks of a student over all their subjects. */
export function countedMarks(cells: readonly SummaryCell[]): IndicatorMark[] {
  return cells.flatMap((cell) => {
    const counted = countedMark(cell);
    return counted ? [counted.shown.value] : [];
  });
}

/**
 * The class each student counts in for a period's indicators (SQL, $1 school, $2 student ids, $3..$4 the period): the
 * class of their last enrollment in the school that overlaps the period, so a student moved mid-period counts once,
 * in the class they ended it in (R-CAL-4), while both classes' summaries show them.
 */
export const OWNER_CLASS_SQL = `
  SELECT DISTINCT ON (e.student_id) e.student_id, e.class_id
  FROM enrollment e JOIN school_class c ON c.id = e.class_id
  WHERE c.school_id = $1 AND e.student_id = ANY($2::uuid[])
    AND e.date_from <= $4::date AND (e.date_to IS NULL OR e.date_to >= $3::date)
  ORDER BY e.student_id, e.date_from DESC, e.class_id`;
