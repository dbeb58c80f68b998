import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Bell, DomainError, ErrorCode, type Lesson, PlanningEvents } from '#contracts';
import { OutboxWriter } from '#platform';
import { BellsService } from '../bells/bells.service.js';
import { YearsService } from '../years/years.service.js';
import type { LessonEntity } from './lesson.entity.js';
import { toLesson } from './lesson.mapper.js';

/** The most lessons one lessonsScheduled event carries (a school's year is tens of thousands). */
export const LESSONS_PER_EVENT = 500;

/**
 * A lesson for every slot of the year's timetable on every date whose ISO weekday is the slot's, when that date is
 * a school day for the class's grade: inside a period of the grade, outside the grade's breaks, not a day off, and
 * within the school's working week. Set-based: one statement for the whole year.
 */
const INSERT_SCHEDULED_LESSONS = `
  INSERT INTO lesson (id, school_id, year_id, page_id, class_id, grade, subject_code, date, lesson_number, starts_at, ends_at)
  SELECT gen_random_uuid(), $2, s.year_id, s.page_id, s.class_id, s.grade, s.subject_code, d.day, s.lesson_number,
         b.starts_at, b.ends_at
    FROM (SELECT $3::date + offset_days AS day FROM generate_series(0, $4::date - $3::date) AS offset_days) AS d
    JOIN timetable_slot s ON s.year_id = $1 AND s.weekday = extract(isodow FROM d.day) AND s.weekday <= $5
    JOIN jsonb_to_recordset($6::jsonb) AS b(lesson_number smallint, starts_at text, ends_at text)
      ON b.lesson_number = s.lesson_number
   WHERE EXISTS (SELECT 1 FROM period p
                  WHERE p.year_id = s.year_id AND d.day BETWEEN p.start_date AND p.end_date
                    AND s.grade BETWEEN p.grade_from AND p.grade_to)
     AND NOT EXISTS (SELECT 1 FROM school_break x
                      WHERE x.year_id = s.year_id AND d.day BETWEEN x.start_date AND x.end_date
                        AND s.grade BETWEEN x.grade_from AND x.grade_to)
     AND NOT EXISTS (SELECT 1 FROM day_off o WHERE o.year_id = s.year_id AND o.date = d.day)
   ORDER BY d.day, s.lesson_number, s.class_id, s.page_id
  ON CONFLICT (page_id, date, lesson_number) DO NOTHING
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
      await this.assertBellsCoverTimetable(manager, yearId, bells);
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

  private async assertBellsCoverTimetable(manager: EntityManager, yearId: string, bells: Bell[]): Promise<void> {
    const rows = await manager.query<Array<{ lessonNumber: number }>>(
      `SELECT DISTINCT lesson_number AS "lessonNumber" FROM timetable_slot
        WHERE year_id = $1 AND NOT (lesson_number = ANY($2::smallint[])) ORDER BY 1`,
      [yearId, bells.map((bell) => bell.lessonNumber)],
    );
    if (rows.length > 0) {
      const numbers = rows.map((row) => row.lessonNumber);
      throw new DomainError(ErrorCode.ValidationFailed, `Нет звонков для уроков: ${numbers.join(', ')}`, { lessonNumbers: numbers });
    }
  }
}
