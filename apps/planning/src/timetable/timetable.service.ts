import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AssessmentWarning, Ok } from '#contracts';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { YearsService } from '../years/years.service.js';
import { TimetableSlotEntity } from './timetable-slot.entity.js';
import type { ReplaceTimetableCommand } from './replace-timetable.command.js';
import { assertValidTimetable } from './timetable-rules.js';

@Injectable()
export class TimetableService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly assessments: AssessmentsService,
  ) {}

  /**
   * Replaces the weekly slots of each given class for the year; other classes keep theirs. Answers the assessment rules
   * the classes' plans break on the new timetable (warnings).
   */
  async replace(command: ReplaceTimetableCommand): Promise<Ok & { warnings: AssessmentWarning[] }> {
    assertValidTimetable(command.classes);
    const year = await this.years.get(command.yearId);
    const slots = command.classes.flatMap((timetable) =>
      timetable.slots.map((slot) => ({
        class_id: timetable.classId,
        grade: timetable.grade,
        page_id: slot.pageId,
        group_id: slot.groupId,
        subject_code: slot.subjectCode,
        weekday: slot.weekday,
        lesson_number: slot.lessonNumber,
      })),
    );
    await this.dataSource.transaction(async (manager) => {
      // Two editors of one year's timetable at once would both delete and both insert: one at a time per year.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.timetable:${command.yearId}`]);
      await manager
        .getRepository(TimetableSlotEntity)
        .delete({ yearId: command.yearId, classId: In(command.classes.map((timetable) => timetable.classId)) });
      await manager.query(
        `INSERT INTO timetable_slot (year_id, class_id, grade, page_id, group_id, subject_code, weekday, lesson_number)
         SELECT $1, s.class_id, s.grade, s.page_id, s.group_id, s.subject_code, s.weekday, s.lesson_number
           FROM jsonb_to_recordset($2::jsonb)
             AS s(class_id uuid, grade smallint, page_id uuid, group_id uuid, subject_code text, weekday smallint, lesson_number smallint)`,
        [command.yearId, JSON.stringify(slots)],
      );
    });
    return { ok: true, warnings: await this.assessments.forTimetable(year, command.classes) };
  }
}
