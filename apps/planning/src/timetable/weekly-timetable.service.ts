import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type Bell,
  type ClassTimetable,
  DomainError,
  type EditedClassTimetable,
  ErrorCode,
  IdentityRpc,
  type RpcRequest,
  type SchoolBells,
  type SchoolClass,
  type WeeklyTimetableRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { assertCallerMay } from '../access/assert-caller-may.js';
import { BellsService } from '../bells/bells.service.js';
import { YearsService } from '../years/years.service.js';
import { teacherClashes } from './teacher-clashes.js';
import { TimetableService } from './timetable.service.js';

const classNotFound = () => new DomainError(ErrorCode.NotFound, 'Класс не найден');
const schoolNotFound = () => new DomainError(ErrorCode.NotFound, 'Школа не найдена');

interface SlotRow {
  page_id: string;
  group_id: string | null;
  subject_code: string;
  weekday: number;
  lesson_number: number;
}

/**
 * The weekly timetable of a class and the school's bells as people keep them (R-PLAN-3). The class and its pages are
 * identity's: a slot names a page, and planning takes the page's subject and group from identity, never from the
 * request. The lesson calendar follows a changed timetable by regeneration (`LessonChangesRpc.regenerate`).
 */
@Injectable()
export class WeeklyTimetableService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rpc: RpcClient,
    private readonly years: YearsService,
    private readonly bells: BellsService,
    private readonly timetable: TimetableService,
  ) {}

  async ofClass({ classId, yearId }: RpcRequest<typeof WeeklyTimetableRpc.ofClass>): Promise<ClassTimetable> {
    const schoolClass = await this.classInYear(classId, yearId);
    assertCallerMay('classes.timetable.read', schoolClass.schoolId, classNotFound);
    return this.read(schoolClass.schoolId, classId, yearId);
  }

  async editClass({ classId, yearId, slots }: RpcRequest<typeof WeeklyTimetableRpc.editClass>): Promise<EditedClassTimetable> {
    const schoolClass = await this.classInYear(classId, yearId);
    assertCallerMay('classes.timetable.write', schoolClass.schoolId, classNotFound);
    const { pages } = await this.rpc.call(IdentityRpc.pagesOfSchool, { schoolId: schoolClass.schoolId, academicYear: schoolClass.academicYear });
    const pagesOfClass = new Map(pages.filter((page) => page.classId === classId).map((page) => [page.id, page]));
    const placed = slots.map((slot, index) => {
      const page = pagesOfClass.get(slot.pageId);
      if (!page) {
        throw new DomainError(ErrorCode.ValidationFailed, `Строка ${index + 1}: страница журнала не относится к классу ${schoolClass.name}`, {
          issues: [{ path: `slots.${index}.pageId`, message: 'Страница не относится к классу' }],
        });
      }
      return { pageId: page.id, groupId: page.groupId, subjectCode: page.subjectCode, weekday: slot.weekday, lessonNumber: slot.lessonNumber };
    });
    const { warnings } = await this.timetable.replace({ yearId, classes: [{ classId, grade: schoolClass.grade, slots: placed }] });
    const otherClassesSlots = await this.dataSource.query<Array<{ pageId: string; weekday: number; lessonNumber: number }>>(
      `SELECT page_id AS "pageId", weekday, lesson_number AS "lessonNumber" FROM timetable_slot WHERE year_id = $1 AND class_id <> $2`,
      [yearId, classId],
    );
    const clashes = teacherClashes(placed, otherClassesSlots, new Map(pages.map((page) => [page.id, page])));
    return { ...(await this.read(schoolClass.schoolId, classId, yearId)), warnings, teacherClashes: clashes };
  }

  async bellsOf({ schoolId }: RpcRequest<typeof WeeklyTimetableRpc.bellsOf>): Promise<SchoolBells> {
    assertCallerMay('schools.bells.read', schoolId, schoolNotFound);
    return { bells: await this.bells.of(schoolId) };
  }

  async editBells({ schoolId, bells }: RpcRequest<typeof WeeklyTimetableRpc.editBells>): Promise<SchoolBells> {
    assertCallerMay('schools.bells.write', schoolId, schoolNotFound);
    await this.bells.set(schoolId, bells);
    return { bells: await this.bells.of(schoolId) };
  }

  /** The class, when the year is its school's year of the class's academic year; NOT_FOUND otherwise. */
  private async classInYear(classId: string, yearId: string): Promise<SchoolClass> {
    const schoolClass = await this.rpc.call(IdentityRpc.getClass, { classId });
    const year = await this.years.get(yearId).catch(() => null);
    if (!year || year.schoolId !== schoolClass.schoolId || year.label !== schoolClass.academicYear) {
      throw new DomainError(ErrorCode.NotFound, 'Учебный год класса не найден');
    }
    return schoolClass;
  }

  private async read(schoolId: string, classId: string, yearId: string): Promise<ClassTimetable> {
    const rows = await this.dataSource.query<SlotRow[]>(
      `SELECT page_id, group_id, subject_code, weekday, lesson_number FROM timetable_slot
        WHERE year_id = $1 AND class_id = $2 ORDER BY weekday, lesson_number, subject_code, group_id`,
      [yearId, classId],
    );
    const bells = new Map<number, Bell>((await this.bells.of(schoolId)).map((bell) => [bell.lessonNumber, bell]));
    return {
      yearId,
      classId,
      slots: rows.map((row) => ({
        pageId: row.page_id,
        groupId: row.group_id,
        subjectCode: row.subject_code,
        weekday: row.weekday,
        lessonNumber: row.lesson_number,
        startsAt: bells.get(row.lesson_number)?.start ?? null,
        endsAt: bells.get(row.lesson_number)?.end ?? null,
      })),
    };
  }
}
