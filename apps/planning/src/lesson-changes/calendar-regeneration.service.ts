import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AcademicYear,
  DomainError,
  ErrorCode,
  type LessonChangesRpc,
  type LessonRef,
  PlanningEvents,
  REGENERATION_LIST_LIMIT,
  type RpcRequest,
  type TimetableRegeneration,
} from '#contracts';
import { schoolDateAt } from '#domain';
import { bulkInsert, Clock, OutboxWriter } from '#platform';
import { BellsService } from '../bells/bells.service.js';
import { assertBellsCoverTimetable } from '../lessons/bells-cover-timetable.js';
import { LESSONS_PER_EVENT } from '../lessons/lesson-generator.js';
import type { LessonEntity } from '../lessons/lesson.entity.js';
import { toLesson } from '../lessons/lesson.mapper.js';
import { timetablePlacesSql } from '../lessons/timetable-places-sql.js';
import { periodClosedError } from '../periods/period-guard.js';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { YearsService } from '../years/years.service.js';
import { ChangeAccess } from './change-access.js';
import { ChangeLog } from './change-log.js';
import { LessonRecords } from './lesson-records.js';
import { compareWithTimetable, placeMissing, type TimetablePlace } from './regeneration-plan.js';

/** A place of the timetable with the bells of its number. */
interface PlaceRow extends TimetablePlace {
  startsAt: string;
  endsAt: string;
}

const PLACES_SQL = `
  SELECT t.page_id AS "pageId", t.class_id AS "classId", t.grade, t.group_id AS "groupId", t.subject_code AS "subjectCode",
         t.day AS date, t.lesson_number AS "lessonNumber", t.starts_at AS "startsAt", t.ends_at AS "endsAt"
    FROM (${timetablePlacesSql({ yearId: '$1', from: '$2', to: '$3', daysPerWeek: '$4', bells: '$5' })}) AS t
   ORDER BY t.day, t.lesson_number, t.class_id, t.page_id`;

/** Every lesson dated from the date on, and every timetable lesson placed from it on (wherever it was moved). */
const LESSONS_SQL = `
  SELECT id, school_id AS "schoolId", year_id AS "yearId", page_id AS "pageId", class_id AS "classId", grade,
         subject_code AS "subjectCode", date, lesson_number AS "lessonNumber", starts_at AS "startsAt", ends_at AS "endsAt",
         status, group_id AS "groupId", origin, planned_date AS "plannedDate", planned_lesson_number AS "plannedLessonNumber"
    FROM lesson
   WHERE year_id = $1 AND (date >= $2 OR (origin = 'timetable' AND planned_date >= $2))
   ORDER BY date, lesson_number, class_id, page_id`;

const REMOVED_REASON = 'Урок не соответствует изменённому расписанию';
const LESSON_IDS_PER_EVENT = 1_000;

function byDateAndNumber(a: LessonRef, b: LessonRef): number {
  return (
    a.date.localeCompare(b.date) ||
    a.lessonNumber - b.lessonNumber ||
    a.classId.localeCompare(b.classId) ||
    a.pageId.localeCompare(b.pageId)
  );
}

const refOf = (lesson: Omit<LessonRef, 'lessonId'>, lessonId: string | null): LessonRef => ({
  lessonId,
  pageId: lesson.pageId,
  classId: lesson.classId,
  subjectCode: lesson.subjectCode,
  date: lesson.date,
  lessonNumber: lesson.lessonNumber,
});

/**
 * Brings the lesson calendar in line with a changed weekly timetable from a date on (R-PLAN-3). A lesson that holds
 * records (marks, attendance, a topic…) is never dropped or moved: it stays and is reported as a conflict. Lessons
 * that hold nothing and no longer fit are removed; missing ones are added where the class's time is free.
 */
@Injectable()
export class CalendarRegeneration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly bells: BellsService,
    private readonly access: ChangeAccess,
    private readonly records: LessonRecords,
    private readonly log: ChangeLog,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async regenerate(request: RpcRequest<typeof LessonChangesRpc.regenerate>): Promise<TimetableRegeneration> {
    const school = await this.access.school('schools.timetable.regenerate', request.schoolId);
    const asked = request.from ?? schoolDateAt(this.clock.now(), school.timeZone);
    const yearId = await this.yearGoingOnOrNextAfter(request.schoolId, asked);
    return this.dataSource.transaction(async (manager) => {
      // No one-off change and no other generation of the year while its calendar is compared and rewritten.
      await manager.query('SELECT id FROM academic_year WHERE id = $1 FOR UPDATE', [yearId]);
      const year = await this.years.get(yearId, manager);
      const from = asked > year.start ? asked : year.start;
      const places = await this.placesFrom(manager, year, from);
      const lessons = await manager.query<LessonEntity[]>(LESSONS_SQL, [year.id, from]);
      const { misfits, missing } = compareWithTimetable(places, lessons, from);
      const holdings = await this.records.of(misfits.map((lesson) => lesson.id));
      const removed = misfits.filter((lesson) => !holdings.has(lesson.id));
      const removedIds = new Set(removed.map((lesson) => lesson.id));
      const kept = lessons.filter((lesson) => lesson.date >= from && !removedIds.has(lesson.id));
      const { added, blocked } = placeMissing(missing, kept);
      assertPeriodsOpen(year, [...removed, ...added]);

      const addedIds = request.apply ? await this.apply(manager, year, removed, added) : added.map(() => null);
      const conflicts = misfits.flatMap((lesson) => {
        const holds = holdings.get(lesson.id);
        return holds ? [{ ...refOf(lesson, lesson.id), lessonId: lesson.id, holds }] : [];
      });
      return {
        yearId: year.id,
        from,
        applied: request.apply ?? false,
        addedCount: added.length,
        added: limited(added.map((place, index) => refOf(place, addedIds[index] ?? null))),
        removedCount: removed.length,
        removed: limited(removed.map((lesson) => refOf(lesson, lesson.id))),
        conflicts: conflicts.sort(byDateAndNumber),
        blocked: blocked.map(({ place, blockedBy }) => ({ ...refOf(place, null), blockedBy })).sort(byDateAndNumber),
      };
    });
  }

  /** Removes and adds in the caller's transaction, logs each removed lesson and announces both; answers the new ids. */
  private async apply(manager: EntityManager, year: AcademicYear, removed: LessonEntity[], added: PlaceRow[]): Promise<string[]> {
    if (removed.length > 0) {
      await this.log.append(
        manager,
        removed.map((lesson) => ({ lesson, kind: 'removed' as const, reason: REMOVED_REASON })),
      );
      await manager.query('DELETE FROM lesson WHERE id = ANY($1::uuid[])', [removed.map((lesson) => lesson.id)]);
      for (let index = 0; index < removed.length; index += LESSON_IDS_PER_EVENT) {
        const lessonIds = removed.slice(index, index + LESSON_IDS_PER_EVENT).map((lesson) => lesson.id);
        await this.outbox.append(manager, PlanningEvents.lessonsRemoved, { yearId: year.id, lessonIds });
      }
    }
    const entities = added.map(
      (place): LessonEntity => ({
        id: randomUUID(),
        schoolId: year.schoolId,
        yearId: year.id,
        pageId: place.pageId,
        classId: place.classId,
        grade: place.grade,
        subjectCode: place.subjectCode,
        date: place.date,
        lessonNumber: place.lessonNumber,
        startsAt: place.startsAt,
        endsAt: place.endsAt,
        status: 'scheduled',
        groupId: place.groupId,
        origin: 'timetable',
        plannedDate: place.date,
        plannedLessonNumber: place.lessonNumber,
      }),
    );
    await bulkInsert<LessonEntity>(
      manager,
      'lesson',
      [
        { name: 'id', type: 'uuid', value: (row) => row.id },
        { name: 'school_id', type: 'uuid', value: (row) => row.schoolId },
        { name: 'year_id', type: 'uuid', value: (row) => row.yearId },
        { name: 'page_id', type: 'uuid', value: (row) => row.pageId },
        { name: 'class_id', type: 'uuid', value: (row) => row.classId },
        { name: 'grade', type: 'smallint', value: (row) => row.grade },
        { name: 'subject_code', type: 'text', value: (row) => row.subjectCode },
        { name: 'date', type: 'date', value: (row) => row.date },
        { name: 'lesson_number', type: 'smallint', value: (row) => row.lessonNumber },
        { name: 'starts_at', type: 'text', value: (row) => row.startsAt },
        { name: 'ends_at', type: 'text', value: (row) => row.endsAt },
        { name: 'status', type: 'text', value: (row) => row.status },
        { name: 'group_id', type: 'uuid', value: (row) => row.groupId },
        { name: 'origin', type: 'text', value: (row) => row.origin },
        { name: 'planned_date', type: 'date', value: (row) => row.plannedDate },
        { name: 'planned_lesson_number', type: 'smallint', value: (row) => row.plannedLessonNumber },
      ],
      entities,
    );
    const lessons = entities.map(toLesson);
    for (let index = 0; index < lessons.length; index += LESSONS_PER_EVENT) {
      await this.outbox.append(manager, PlanningEvents.lessonsScheduled, {
        yearId: year.id,
        lessons: lessons.slice(index, index + LESSONS_PER_EVENT),
      });
    }
    return entities.map((entity) => entity.id);
  }

  private async placesFrom(manager: EntityManager, year: AcademicYear, from: string): Promise<PlaceRow[]> {
    const bells = await this.bells.of(year.schoolId, manager);
    await assertBellsCoverTimetable(manager, year.id, bells);
    if (from > year.end) return [];
    return manager.query<PlaceRow[]>(PLACES_SQL, [
      year.id,
      from,
      year.end,
      year.daysPerWeek,
      JSON.stringify(bells.map((bell) => ({ lesson_number: bell.lessonNumber, starts_at: bell.start, ends_at: bell.end }))),
    ]);
  }

  /** The school's year that goes on at the date, or else the first one that starts after it (summer: the next). */
  private async yearGoingOnOrNextAfter(schoolId: string, date: string): Promise<string> {
    const year = await this.dataSource
      .getRepository(AcademicYearEntity)
      .createQueryBuilder('year')
      .where('year.schoolId = :schoolId AND year.end >= :date', { schoolId, date })
      .orderBy('year.start', 'ASC')
      .getOne();
    if (!year) throw new DomainError(ErrorCode.NotFound, 'Учебный год не найден', { schoolId, date });
    return year.id;
  }
}

/** No lesson is removed or added in a closed period (checked on the year read under its lock). */
function assertPeriodsOpen(year: AcademicYear, lessons: ReadonlyArray<{ grade: number; date: string }>): void {
  const closed = year.periods.filter((period) => period.closed);
  for (const lesson of lessons) {
    const period = closed.find(
      (candidate) =>
        candidate.gradeFrom <= lesson.grade &&
        lesson.grade <= candidate.gradeTo &&
        candidate.start <= lesson.date &&
        lesson.date <= candidate.end,
    );
    if (period) throw periodClosedError(period);
  }
}

/** The first lessons of a list, by date: answers stay small enough for one message whatever the change. */
function limited(lessons: LessonRef[]): LessonRef[] {
  return lessons.sort(byDateAndNumber).slice(0, REGENERATION_LIST_LIMIT);
}
