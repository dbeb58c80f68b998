import type { EntityManager } from 'typeorm';
import { type EventPayload, PlanningEvents } from '#contracts';
import type { EventHandlers } from '#platform';
import { onePerKey, writeRows } from './batch-rows.js';

type Payload<K extends keyof typeof PlanningEvents> = EventPayload<(typeof PlanningEvents)[K]>;

async function saveYear(year: Payload<'yearSaved'>, manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO academic_year (id, school_id, label, start_date, end_date) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET
       school_id = excluded.school_id, label = excluded.label,
       start_date = excluded.start_date, end_date = excluded.end_date`,
    [year.id, year.schoolId, year.label, year.start, year.end],
  );
  // A saved year carries all its periods: replace them.
  await manager.query('DELETE FROM period WHERE year_id = $1', [year.id]);
  await writeRows(
    manager,
    `INSERT INTO period (id, year_id, kind, number, name_ru, start_date, end_date, grade_from, grade_to, closed)
     SELECT id, $2, kind, number, name_ru, start_date, end_date, grade_from, grade_to, closed
     FROM jsonb_to_recordset($1::jsonb) AS r(
       id uuid, kind text, number smallint, name_ru text, start_date date, end_date date,
       grade_from smallint, grade_to smallint, closed boolean)
     ON CONFLICT (id) DO UPDATE SET
       year_id = excluded.year_id, kind = excluded.kind, number = excluded.number, name_ru = excluded.name_ru,
       start_date = excluded.start_date, end_date = excluded.end_date,
       grade_from = excluded.grade_from, grade_to = excluded.grade_to, closed = excluded.closed`,
    onePerKey(year.periods, (period) => period.id).map((period) => ({
      id: period.id,
      kind: period.kind,
      number: period.number,
      name_ru: period.nameRu,
      start_date: period.start,
      end_date: period.end,
      grade_from: period.gradeFrom,
      grade_to: period.gradeTo,
      closed: period.closed,
    })),
    year.id,
  );
}

/** A period closed or reopened: only its flag changes (its dates come with the year). */
async function saveClosed({ period }: Payload<'periodChanged'>, manager: EntityManager): Promise<void> {
  await manager.query('UPDATE period SET closed = $2 WHERE id = $1', [period.id, period.closed]);
}

async function saveSubjects({ subjects }: Payload<'subjectsSaved'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO subject (school_id, code, name_ru, marked)
     SELECT school_id, code, name_ru, marked
     FROM jsonb_to_recordset($1::jsonb) AS r(school_id uuid, code text, name_ru text, marked boolean)
     ON CONFLICT (school_id, code) DO UPDATE SET name_ru = excluded.name_ru, marked = excluded.marked`,
    onePerKey(subjects, (subject) => `${subject.schoolId}/${subject.code}`).map((subject) => ({
      school_id: subject.schoolId,
      code: subject.code,
      name_ru: subject.nameRu,
      marked: subject.marked,
    })),
  );
}

async function saveLessons({ lessons }: Payload<'lessonsScheduled'>, manager: EntityManager): Promise<void> {
  await writeRows(
    manager,
    `INSERT INTO lesson (id, school_id, year_id, page_id, class_id, grade, subject_code, lesson_date, lesson_number,
                         starts_at, ends_at, status)
     SELECT id, school_id, year_id, page_id, class_id, grade, subject_code, lesson_date, lesson_number,
            starts_at, ends_at, status
     FROM jsonb_to_recordset($1::jsonb) AS r(
       id uuid, school_id uuid, year_id uuid, page_id uuid, class_id uuid, grade smallint, subject_code text,
       lesson_date date, lesson_number smallint, starts_at text, ends_at text, status text)
     ON CONFLICT (id) DO UPDATE SET
       school_id = excluded.school_id, year_id = excluded.year_id, page_id = excluded.page_id,
       class_id = excluded.class_id, grade = excluded.grade, subject_code = excluded.subject_code,
       lesson_date = excluded.lesson_date, lesson_number = excluded.lesson_number,
       starts_at = excluded.starts_at, ends_at = excluded.ends_at, status = excluded.status`,
    onePerKey(lessons, (lesson) => lesson.id).map((lesson) => ({
      id: lesson.id,
      school_id: lesson.schoolId,
      year_id: lesson.yearId,
      page_id: lesson.pageId,
      class_id: lesson.classId,
      grade: lesson.grade,
      subject_code: lesson.subjectCode,
      lesson_date: lesson.date,
      lesson_number: lesson.lessonNumber,
      starts_at: lesson.startsAt,
      ends_at: lesson.endsAt,
      status: lesson.status,
    })),
  );
}

/** Lessons removed from the calendar when it was regenerated: they held nothing, so nothing refers to them here. */
async function removeLessons({ lessonIds }: Payload<'lessonsRemoved'>, manager: EntityManager): Promise<void> {
  await manager.query('DELETE FROM lesson WHERE id = ANY($1::uuid[])', [lessonIds]);
}

/** Years with their periods (closed or open), subjects and the lesson calendar from planning's events. */
export function planningProjection(handlers: EventHandlers): EventHandlers {
  return handlers
    .on(PlanningEvents.yearSaved, (payload, _envelope, manager) => saveYear(payload, manager))
    .on(PlanningEvents.periodChanged, (payload, _envelope, manager) => saveClosed(payload, manager))
    .on(PlanningEvents.subjectsSaved, (payload, _envelope, manager) => saveSubjects(payload, manager))
    .on(PlanningEvents.lessonsScheduled, (payload, _envelope, manager) => saveLessons(payload, manager))
    // A one-off change (cancelled, moved, an extra lesson…): the lesson as it is now replaces what the model had.
    .on(PlanningEvents.lessonChanged, ({ lesson }, _envelope, manager) =>
      saveLessons({ yearId: lesson.yearId, lessons: [lesson] }, manager),
    )
    .on(PlanningEvents.lessonsRemoved, (payload, _envelope, manager) => removeLessons(payload, manager));
}
