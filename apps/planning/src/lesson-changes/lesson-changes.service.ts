import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  IdentityRpc,
  type Lesson,
  type LessonChange,
  type LessonChangesRpc,
  PlanningEvents,
  type RpcRequest,
  type Substitution,
} from '#contracts';
import { OutboxWriter, RpcClient } from '#platform';
import { LessonEntity } from '../lessons/lesson.entity.js';
import { toLesson } from '../lessons/lesson.mapper.js';
import { PeriodGuard } from '../periods/period-guard.js';
import { SchoolToday } from '../school-time/school-today.js';
import { YearsService } from '../years/years.service.js';
import { ChangeAccess } from './change-access.js';
import { ChangeLog, type NewLessonChange } from './change-log.js';
import { holdingsInWords } from './holdings-words.js';
import { LessonPlacement, type LessonToPlace } from './lesson-placement.js';
import { LessonRecords } from './lesson-records.js';

type MoveRequest = RpcRequest<typeof LessonChangesRpc.move>;
type ExtraRequest = RpcRequest<typeof LessonChangesRpc.addExtra>;

const lessonNotFound = () => new DomainError(ErrorCode.NotFound, 'Урок не найден');
const cancelledRefusal = (what: string) => new DomainError(ErrorCode.Conflict, `Урок отменён: ${what}`);

function toPlace(lesson: LessonEntity): LessonToPlace {
  return {
    lessonId: lesson.id,
    schoolId: lesson.schoolId,
    yearId: lesson.yearId,
    classId: lesson.classId,
    grade: lesson.grade,
    pageId: lesson.pageId,
    groupId: lesson.groupId,
    subjectCode: lesson.subjectCode,
  };
}

/**
 * One-off changes of the lesson calendar on a date (R-PLAN-3), by the school's deputy director or director: a lesson
 * cancelled, moved, substituted, an extra lesson added. Each is logged with who, when and why and announced, so that
 * the read model and the e-diary follow; nothing changes in a closed period.
 */
@Injectable()
export class LessonChangesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly placement: LessonPlacement,
    private readonly periods: PeriodGuard,
    private readonly today: SchoolToday,
    private readonly access: ChangeAccess,
    private readonly records: LessonRecords,
    private readonly log: ChangeLog,
    private readonly outbox: OutboxWriter,
    private readonly rpc: RpcClient,
  ) {}

  /** The lesson stays on the calendar, cancelled: it takes no records, so one that holds some is refused. */
  async cancel(request: RpcRequest<typeof LessonChangesRpc.cancel>): Promise<Lesson> {
    const lesson = await this.changeable(request.lessonId, 'lessons.reschedule');
    if (lesson.status === 'cancelled') return toLesson(lesson);
    await this.periods.assertPeriodOpen(lesson.yearId, lesson.grade, lesson.date);
    const holds = (await this.records.of([lesson.id])).get(lesson.id);
    if (holds) {
      throw new DomainError(ErrorCode.Conflict, `Отменить урок нельзя: в нём уже есть записи (${holdingsInWords(holds)})`, {
        holds,
      });
    }
    return this.change(lesson, async (manager, current) => {
      if (current.status === 'cancelled') return null;
      current.status = 'cancelled';
      await manager.getRepository(LessonEntity).update({ id: current.id }, { status: 'cancelled' });
      return { lesson: current, kind: 'cancelled', reason: request.reason };
    });
  }

  /**
   * The same lesson (its id, so its records) at another date and/or lesson number. A lesson holding marks or
   * attendance cannot go to a day that has not come yet: those are kept only for lessons that took place.
   */
  async move(request: MoveRequest): Promise<Lesson> {
    const lesson = await this.changeable(request.lessonId, 'lessons.reschedule');
    const target = { date: request.date ?? lesson.date, lessonNumber: request.lessonNumber ?? lesson.lessonNumber };
    if (target.date === lesson.date && target.lessonNumber === lesson.lessonNumber) return toLesson(lesson);
    if (lesson.status === 'cancelled') throw cancelledRefusal('перенести его нельзя');
    await this.periods.assertPeriodOpen(lesson.yearId, lesson.grade, lesson.date);
    const holds = (await this.records.of([lesson.id])).get(lesson.id);
    if (holds && (holds.marks > 0 || holds.attendance > 0) && target.date > (await this.today.of(lesson.schoolId))) {
      throw new DomainError(
        ErrorCode.Conflict,
        `Перенести урок на дату, которая ещё не наступила, нельзя: в нём уже есть записи (${holdingsInWords(holds)})`,
        { holds },
      );
    }
    return this.change(lesson, async (manager, current) => {
      if (current.date === target.date && current.lessonNumber === target.lessonNumber) return null;
      const movedFrom = { date: current.date, lessonNumber: current.lessonNumber };
      const bell = await this.placement.assertFree(manager, toPlace(current), target, 'Перенести урок');
      Object.assign(current, { ...target, startsAt: bell.start, endsAt: bell.end });
      await manager
        .getRepository(LessonEntity)
        .update({ id: current.id }, { date: target.date, lessonNumber: target.lessonNumber, startsAt: bell.start, endsAt: bell.end });
      // The substitute's day follows the lesson (identity lists substitutions by date).
      const substituteId = await this.log.substituteOf(manager, current.id);
      if (substituteId) {
        await this.rpc.call(IdentityRpc.assignSubstitute, {
          lessonId: current.id,
          pageId: current.pageId,
          date: target.date,
          teacherId: substituteId,
        });
      }
      return { lesson: current, kind: 'moved', reason: request.reason, movedFrom };
    });
  }

  /** A lesson of the page outside the weekly timetable; the same extra lesson asked for again is answered as it is. */
  async addExtra(request: ExtraRequest): Promise<Lesson> {
    const { page } = await this.access.page('lessons.reschedule', request.pageId, request.date);
    const year = await this.years.at(page.schoolId, request.date);
    if (page.academicYear !== year.label) {
      throw new DomainError(
        ErrorCode.Conflict,
        `Добавить урок нельзя: страница журнала относится к ${page.academicYear} учебному году, а дата — к ${year.label}`,
        { date: request.date },
      );
    }
    const lesson: LessonToPlace = {
      lessonId: null,
      schoolId: page.schoolId,
      yearId: year.id,
      classId: page.classId,
      grade: page.grade,
      pageId: page.id,
      groupId: page.groupId,
      subjectCode: page.subjectCode,
    };
    const target = { date: request.date, lessonNumber: request.lessonNumber };
    return this.dataSource.transaction(async (manager) => {
      await this.lockClassTime(manager, lesson.yearId, lesson.classId);
      const same = await manager
        .getRepository(LessonEntity)
        .findOneBy({ pageId: page.id, date: target.date, lessonNumber: target.lessonNumber, origin: 'extra' });
      if (same) return toLesson(same);
      const bell = await this.placement.assertFree(manager, lesson, target, 'Добавить урок');
      const entity: LessonEntity = {
        id: randomUUID(),
        schoolId: lesson.schoolId,
        yearId: lesson.yearId,
        pageId: lesson.pageId,
        classId: lesson.classId,
        grade: lesson.grade,
        subjectCode: lesson.subjectCode,
        date: target.date,
        lessonNumber: target.lessonNumber,
        startsAt: bell.start,
        endsAt: bell.end,
        status: 'scheduled',
        groupId: lesson.groupId,
        origin: 'extra',
        plannedDate: null,
        plannedLessonNumber: null,
      };
      await manager.getRepository(LessonEntity).insert(entity);
      await this.logAndAnnounce(manager, { lesson: entity, kind: 'added', reason: request.reason });
      return toLesson(entity);
    });
  }

  /** Another teacher for this one lesson, through identity's substitution (R-ACC-3); logged when it changes. */
  async substitute(request: RpcRequest<typeof LessonChangesRpc.substitute>): Promise<Substitution> {
    const lesson = await this.changeable(request.lessonId, 'lessons.substitute');
    if (lesson.status === 'cancelled') throw cancelledRefusal('замена на него не назначается');
    await this.periods.assertPeriodOpen(lesson.yearId, lesson.grade, lesson.date);
    const substitution = await this.rpc.call(IdentityRpc.assignSubstitute, {
      lessonId: lesson.id,
      pageId: lesson.pageId,
      date: lesson.date,
      teacherId: request.teacherId,
    });
    await this.change(lesson, async (manager, current) => {
      if ((await this.log.substituteOf(manager, current.id)) === request.teacherId) return null;
      return { lesson: current, kind: 'substituted', reason: request.reason ?? null, substituteId: request.teacherId };
    });
    return substitution;
  }

  async removeSubstitute(request: RpcRequest<typeof LessonChangesRpc.removeSubstitute>): Promise<{ removed: boolean }> {
    const lesson = await this.changeable(request.lessonId, 'lessons.substitute');
    await this.periods.assertPeriodOpen(lesson.yearId, lesson.grade, lesson.date);
    const answer = await this.rpc.call(IdentityRpc.removeSubstitute, { lessonId: lesson.id, pageId: lesson.pageId, date: lesson.date });
    if (answer.removed) {
      await this.change(lesson, async (manager, current) => ({
        lesson: current,
        kind: 'substitute-removed',
        reason: request.reason ?? null,
        substituteId: await this.log.substituteOf(manager, current.id),
      }));
    }
    return answer;
  }

  async changes(request: RpcRequest<typeof LessonChangesRpc.changes>): Promise<{ changes: LessonChange[] }> {
    if (request.from > request.to) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Начало интервала позже его окончания', { from: request.from, to: request.to });
    }
    await this.access.school('schools.lesson-changes.read', request.schoolId, 'Журнал изменений расписания читает администрация школы');
    return { changes: await this.log.list(request.schoolId, request.from, request.to, request.classId) };
  }

  /** The lesson, when the caller may take the action on it (the page on the lesson's date, with the lesson). */
  private async changeable(lessonId: string, action: 'lessons.reschedule' | 'lessons.substitute'): Promise<LessonEntity> {
    const lesson = await this.dataSource.getRepository(LessonEntity).findOneBy({ id: lessonId });
    if (!lesson) throw lessonNotFound();
    await this.access.page(action, lesson.pageId, lesson.date, lesson.id);
    return lesson;
  }

  /**
   * Runs one change of a lesson in a transaction: the lesson read again under the class's lock, then changed by
   * `apply`, which answers what to log (or null when nothing changed); the change is logged and announced.
   */
  private async change(
    lesson: LessonEntity,
    apply: (manager: EntityManager, current: LessonEntity) => Promise<NewLessonChange | null>,
  ): Promise<Lesson> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockClassTime(manager, lesson.yearId, lesson.classId);
      const current = await manager
        .getRepository(LessonEntity)
        .findOne({ where: { id: lesson.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw lessonNotFound();
      const change = await apply(manager, current);
      if (change) await this.logAndAnnounce(manager, change);
      return toLesson(current);
    });
  }

  private async logAndAnnounce(manager: EntityManager, change: NewLessonChange): Promise<void> {
    const [logged] = await this.log.append(manager, [change]);
    await this.outbox.append(manager, PlanningEvents.lessonChanged, { change: logged!, lesson: toLesson(change.lesson) });
  }

  /**
   * Changes of one class's lessons go one at a time (two moves into one free time must not both find it free), and
   * never while the year's calendar is regenerated.
   */
  private async lockClassTime(manager: EntityManager, yearId: string, classId: string): Promise<void> {
    await manager.query('SELECT id FROM academic_year WHERE id = $1 FOR SHARE', [yearId]);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.class-time:${classId}`]);
  }
}
