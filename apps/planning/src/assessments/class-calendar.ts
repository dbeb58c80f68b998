import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AcademicYear } from '#contracts';
import { BellsService } from '../bells/bells.service.js';
import { timetablePlacesSql } from '../lessons/timetable-places-sql.js';

/** A lesson of one of a class's pages on a date. */
export interface ClassLesson {
  pageId: string;
  date: string;
  lessonNumber: number;
}

/**
 * Where the lessons of a class are, for the assessment rules: `calendar` — the year's lesson calendar as it is (moved
 * and cancelled lessons too), or the weekly timetable laid on the school days when no calendar was generated yet;
 * `timetable` — always the weekly timetable (a timetable just saved, before its calendar is regenerated).
 */
export type CalendarSource = 'calendar' | 'timetable';

@Injectable()
export class ClassCalendar {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bells: BellsService,
  ) {}

  async lessons(year: AcademicYear, classId: string, source: CalendarSource): Promise<ClassLesson[]> {
    if (source === 'calendar') {
      const lessons = await this.dataSource.query<ClassLesson[]>(
        `SELECT page_id AS "pageId", date, lesson_number AS "lessonNumber" FROM lesson
          WHERE year_id = $1 AND class_id = $2 AND status = 'scheduled'
          ORDER BY date, lesson_number, page_id`,
        [year.id, classId],
      );
      if (lessons.length > 0) return lessons;
    }
    const bells = await this.bells.of(year.schoolId);
    const places = timetablePlacesSql({ yearId: '$1', from: '$2', to: '$3', daysPerWeek: '$4', bells: '$5' });
    return this.dataSource.query<ClassLesson[]>(
      `SELECT t.page_id AS "pageId", t.day AS date, t.lesson_number AS "lessonNumber"
         FROM (${places}) t
        WHERE t.class_id = $6
        ORDER BY t.day, t.lesson_number, t.page_id`,
      [
        year.id,
        year.start,
        year.end,
        year.daysPerWeek,
        JSON.stringify(bells.map((bell) => ({ lesson_number: bell.lessonNumber, starts_at: bell.start, ends_at: bell.end }))),
        classId,
      ],
    );
  }
}
