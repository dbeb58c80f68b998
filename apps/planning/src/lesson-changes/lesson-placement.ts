import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Bell, DomainError, ErrorCode, type LessonSlot } from '#contracts';
import { BellsService } from '../bells/bells.service.js';
import { PeriodGuard } from '../periods/period-guard.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { YearsService } from '../years/years.service.js';
import { russianDate } from './russian-date.js';
import { notASchoolDay } from './school-day.js';
import { blocks, type TimeHolder } from './time-sharing.js';

/** The lesson to place: its page, class and group, and its id when it is already on the calendar (a move). */
export interface LessonToPlace extends TimeHolder {
  lessonId: string | null;
  schoolId: string;
  yearId: string;
  classId: string;
  grade: number;
}

/** What people were trying to do, to begin the refusal with: «Перенести урок нельзя: …». */
export type PlacementVerb = 'Перенести урок' | 'Добавить урок';

function refusal(verb: PlacementVerb, reason: string, details: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.Conflict, `${verb} нельзя: ${reason}`, details);
}

interface HolderRow {
  id: string;
  page_id: string;
  group_id: string | null;
  subject_code: string;
  status: 'scheduled' | 'cancelled';
}

/**
 * Where a lesson may be put on a date (R-PLAN-3, R-CAL-1): a school day of the class's grade, in an open period, at a
 * lesson number with bells, at a time the class (or the group) has no other lesson.
 */
@Injectable()
export class LessonPlacement {
  constructor(
    private readonly years: YearsService,
    private readonly bells: BellsService,
    private readonly subjects: SubjectsService,
    private readonly periods: PeriodGuard,
  ) {}

  /** Refuses a place the lesson cannot take; answers the bell of its lesson number. Call inside the class's lock. */
  async assertFree(manager: EntityManager, lesson: LessonToPlace, target: LessonSlot, verb: PlacementVerb): Promise<Bell> {
    const year = await this.years.get(lesson.yearId, manager);
    const dayOff = notASchoolDay(year, lesson.grade, target.date);
    if (dayOff) throw refusal(verb, dayOff, target);
    await this.periods.assertPeriodOpen(lesson.yearId, lesson.grade, target.date, manager);
    const bell = (await this.bells.of(lesson.schoolId, manager)).find((candidate) => candidate.lessonNumber === target.lessonNumber);
    if (!bell) throw refusal(verb, `в расписании звонков нет ${target.lessonNumber}-го урока`, target);
    const holders = await manager.query<HolderRow[]>(
      `SELECT id, page_id, group_id, subject_code, status FROM lesson
        WHERE class_id = $1 AND date = $2 AND lesson_number = $3 AND ($4::uuid IS NULL OR id <> $4::uuid)`,
      [lesson.classId, target.date, target.lessonNumber, lesson.lessonId],
    );
    const holder = holders.find((row) =>
      blocks({ pageId: row.page_id, groupId: row.group_id, subjectCode: row.subject_code, status: row.status }, lesson),
    );
    if (holder) {
      const subject = await this.subjects.find(lesson.schoolId, holder.subject_code);
      const cancelled = holder.status === 'cancelled' ? ' (отменённый)' : '';
      const when = `${russianDate(target.date)}, ${target.lessonNumber}-й урок`;
      const reason = `у класса уже есть урок в это время — ${when}, «${subject.nameRu}»${cancelled}`;
      throw refusal(verb, reason, { ...target, lessonId: holder.id });
    }
    return bell;
  }
}
