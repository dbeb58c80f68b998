import type { EntityManager } from 'typeorm';
import { PlanningEvents, SchoolTransferRpc } from '#contracts';
import { announceEach, announceList, type OutboxWriter, type SchoolTransferDeclaration, type TransferTable } from '#platform';

const SCHOOL_YEARS = 'SELECT y.id FROM academic_year y WHERE y.school_id = $1';
const SCHOOL_PLANS = 'SELECT p.page_id FROM thematic_plan p WHERE p.school_id = $1';

/**
 * Planning's part of a school (R-DATA-2): subjects, bells, years with periods, breaks and days off, the curriculum
 * and its history, the weekly timetable, the lesson calendar with its log of changes, the period log, the КТП with
 * every revision. Not moved: `outbox`, `migrations`, `school_transfer_batch`.
 */
export const PLANNING_TRANSFER_TABLES: readonly TransferTable[] = [
  { name: 'subject', where: 't.school_id = $1', orderBy: 't.code' },
  { name: 'bell', where: 't.school_id = $1', orderBy: 't.lesson_number' },
  { name: 'academic_year', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'period', where: `t.year_id IN (${SCHOOL_YEARS})`, orderBy: 't.id' },
  { name: 'school_break', where: `t.year_id IN (${SCHOOL_YEARS})`, orderBy: 't.year_id, t.position' },
  { name: 'day_off', where: `t.year_id IN (${SCHOOL_YEARS})`, orderBy: 't.year_id, t.date' },
  { name: 'curriculum_line', where: `t.year_id IN (${SCHOOL_YEARS})`, orderBy: 't.year_id, t.grade, t.subject_code' },
  { name: 'curriculum_history', where: `t.year_id IN (${SCHOOL_YEARS})`, orderBy: 't.id', generated: ['id'] },
  {
    name: 'timetable_slot',
    where: `t.year_id IN (${SCHOOL_YEARS})`,
    orderBy: 't.year_id, t.class_id, t.weekday, t.lesson_number, t.page_id',
  },
  { name: 'lesson', where: 't.school_id = $1', orderBy: 't.id' },
  { name: 'lesson_change', where: 't.school_id = $1', orderBy: 't.seq', generated: ['seq'] },
  { name: 'period_log', where: 't.school_id = $1', orderBy: 't.id', generated: ['id'] },
  { name: 'thematic_plan', where: 't.school_id = $1', orderBy: 't.page_id' },
  { name: 'plan_topic', where: `t.page_id IN (${SCHOOL_PLANS})`, orderBy: 't.id' },
  { name: 'plan_revision', where: `t.page_id IN (${SCHOOL_PLANS})`, orderBy: 't.page_id, t.number' },
];

async function announceSchool(outbox: OutboxWriter, manager: EntityManager, schoolId: string): Promise<void> {
  const school = [schoolId];
  await announceList(
    outbox,
    manager,
    PlanningEvents.subjectsSaved,
    'subjects',
    `SELECT jsonb_build_object('schoolId', school_id, 'code', code, 'nameRu', name_ru, 'marked', marked) AS item
     FROM subject WHERE school_id = $1 ORDER BY code`,
    school,
  );
  // A year carries its periods (with their `closed` flag), breaks and days off.
  await announceEach(
    outbox,
    manager,
    PlanningEvents.yearSaved,
    `SELECT jsonb_build_object('id', y.id, 'schoolId', y.school_id, 'label', y.label, 'start', y.start_date, 'end', y.end_date,
       'derived', y.derived, 'daysPerWeek', y.days_per_week, 'workingWeekendDays', y.working_weekend_days,
       'periods', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'yearId', p.year_id, 'kind', p.kind,
            'number', p.number, 'nameRu', p.name_ru, 'start', p.start_date, 'end', p.end_date, 'gradeFrom', p.grade_from,
            'gradeTo', p.grade_to, 'closed', p.closed) ORDER BY p.start_date, p.grade_from, p.id)
          FROM period p WHERE p.year_id = y.id), '[]'::jsonb),
       'breaks', COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', b.kind, 'nameRu', b.name_ru, 'start', b.start_date,
            'end', b.end_date, 'gradeFrom', b.grade_from, 'gradeTo', b.grade_to) ORDER BY b.position)
          FROM school_break b WHERE b.year_id = y.id), '[]'::jsonb),
       'daysOff', COALESCE((SELECT jsonb_agg(jsonb_build_object('date', d.date, 'kind', d.kind, 'nameRu', d.name_ru) ORDER BY d.date)
          FROM day_off d WHERE d.year_id = y.id), '[]'::jsonb)) AS item
     FROM academic_year y WHERE y.school_id = $1 ORDER BY y.start_date, y.id`,
    school,
  );
  const years = await manager.query<Array<{ id: string }>>('SELECT id FROM academic_year WHERE school_id = $1 ORDER BY start_date, id', school);
  for (const year of years) {
    await announceList(
      outbox,
      manager,
      PlanningEvents.lessonsScheduled,
      'lessons',
      `SELECT jsonb_build_object('id', id, 'schoolId', school_id, 'yearId', year_id, 'pageId', page_id, 'classId', class_id,
         'grade', grade, 'subjectCode', subject_code, 'date', date, 'lessonNumber', lesson_number, 'startsAt', starts_at,
         'endsAt', ends_at, 'status', status) AS item
       FROM lesson WHERE school_id = $1 AND year_id = $2 ORDER BY date, lesson_number, id`,
      [schoolId, year.id],
      { yearId: year.id },
    );
  }
}

export const planningTransfer: SchoolTransferDeclaration = {
  rpc: SchoolTransferRpc.planning,
  tables: PLANNING_TRANSFER_TABLES,
  announce: (outbox, manager, schoolId) => announceSchool(outbox, manager, schoolId),
};
