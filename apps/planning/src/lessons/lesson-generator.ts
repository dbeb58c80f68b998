import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Lesson, PlanningEvents } from '#contracts';
import { OutboxWriter } from '#platform';
import { BellsService } from '../bells/bells.service.js';
import { YearsService } from '../years/years.service.js';
import { assertBellsCoverTimetable } from './bells-cover-timetable.js';
import type { LessonEntity } from './lesson.entity.js';
import { toLesson } from './lesson.mapper.js';
import { timetablePlacesSql } from './timetable-places-sql.js';

/** The most lessons one lessonsScheduled event carries (a school's year is tens of thousands). */
export const LESSONS_PER_EVENT = 500;

/**
 * A lesson at every place the year's timetable gives one (timetablePlacesSql). Set-based: one statement for the whole
 * year. A timetable place that already gave a lesson (even one moved since) gives none again, nor does a place the
 * page already has a lesson at.
 */
const INSERT_SCHEDULED_LESSONS = `
  INSERT INTO lesson (id, school_id, year_id, page_id, class_id, grade, subject_code, date, lesson_number, starts_at, ends_at,
                      group_id, planned_date, planned_lesson_number)
  SELECT gen_random_uuid(), $2, t.year_id, t.page_id, t.class_id, t.grade, t.subject_code, t.day, t.lesson_number,
         t.starts_at, t.ends_at, t.group_id, t.day, t.lesson_number
    FROM (${timetablePlacesSql({ yearId: '$1', from: '$3', to: '$4', daysPerWeek: '$5', bells: '$6' })}) AS t
   ORDER BY t.day, t.lesson_number, t.class_id, t.page_id
  ON CONFLICT DO NOTHING
  RETURNING id, school_id AS "schoolId", year_id AS "yearId", page_id AS "pageId", class_id AS "classId", grade,
            subject_code AS "subjectCode", date, lesson_number AS "lessonNumber", starts_at AS "startsAt",
            ends_at AS "endsAt", status`;

function byDateAndNumber(a: Lesson, b: Lesson): number {
  return a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber || a.classId.localeCompare(b.classId);
}

@Injectable()
export class LessonGenerator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly bells: BellsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Puts the year's lessons on the calendar; lessons already there keep their ids (nothing is ever deleted). */
  async generate(yearId: string): Promise<{ created: number; total: number }> {
    return this.dataSource.transaction(async (manager) => {
      // One generation of a year at a time, so that two runs never announce the same lesson.
      await manager.query('SELECT id FROM academic_year WHERE id = $1 FOR UPDATE', [yearId]);
      const year = await this.years.get(yearId, manager);
      const bells = await this.bells.of(year.schoolId, manager);
      await assertBellsCoverTimetable(manager, yearId, bells);
      const rows = await manager.query<LessonEntity[]>(INSERT_SCHEDULED_LESSONS, [
        yearId,
        year.schoolId,
        year.start,
        year.end,
        year.daysPerWeek,
        JSON.stringify(bells.map((bell) => ({ lesson_number: bell.lessonNumber, starts_at: bell.start, ends_at: bell.end }))),
      ]);
      const created = rows.map(toLesson).sort(byDateAndNumber);
      for (let index = 0; index < created.length; index += LESSONS_PER_EVENT) {
        await this.outbox.append(manager, PlanningEvents.lessonsScheduled, {
          yearId,
          lessons: created.slice(index, index + LESSONS_PER_EVENT),
        });
      }
      const [{ total }] = await manager.query<[{ total: number }]>(
        'SELECT count(*)::int AS total FROM lesson WHERE year_id = $1',
        [yearId],
      );
      return { created: created.length, total };
    });
  }
}
