import { randomUUID } from 'node:crypto';
import { Controller, type DynamicModule, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AttendanceRpc,
  type AttendanceEntry,
  type ClassSummary,
  type DiaryMarks,
  type DiaryWeek,
  DomainError,
  ErrorCode,
  IdentityRpc,
  JournalRpc,
  type LessonRecord,
  type Mark,
  PlanningRpc,
  ReportingRpc,
  type RpcRequest,
} from '#contracts';
import { FixedClock, currentActor, currentPerson, PlatformModule, RequestContext, type RunningService, requireSystemActor, startService } from '#platform';
import { TEST_NOW, type TestDeployment } from '#testing';
import { fakeAccessFacts } from './fake-access-facts.js';
import { CHILD, CLASS_5A, FakeWorld, PARENT, SCHOOL, SUBJECTS, TEACHER } from './fake-world.js';

function seen(world: FakeWorld, subject: string, payload: unknown): void {
  world.seen.push({ subject, payload, requestId: RequestContext.requestId(), actor: RequestContext.current()?.actor });
}

function isTeacherActor(): boolean {
  const actor = currentActor();
  return actor.kind === 'person' && actor.personId === TEACHER.account.personId;
}

@Controller()
class FakeIdentity {
  constructor(@Inject(FakeWorld) private readonly world: FakeWorld) {}

  @MessagePattern(IdentityRpc.resolveSubject.subject)
  resolve(@Payload({ schema: IdentityRpc.resolveSubject.request }) request: RpcRequest<typeof IdentityRpc.resolveSubject>) {
    seen(this.world, IdentityRpc.resolveSubject.subject, request);
    requireSystemActor();
    const account = this.world.accounts.get(request.subject);
    if (account === undefined) throw new DomainError(ErrorCode.AccountUnknown, 'Учётная запись не найдена: обратитесь к администратору школы');
    if (account === 'revoked') throw new DomainError(ErrorCode.AccountRevoked, 'Доступ к журналу отозван');
    return account;
  }

  @MessagePattern(IdentityRpc.getSchool.subject)
  school(@Payload({ schema: IdentityRpc.getSchool.request }) request: RpcRequest<typeof IdentityRpc.getSchool>) {
    seen(this.world, IdentityRpc.getSchool.subject, request);
    if (request.schoolId !== SCHOOL.id) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    return SCHOOL;
  }

  @MessagePattern(IdentityRpc.classesLedBy.subject)
  classesLedBy(@Payload({ schema: IdentityRpc.classesLedBy.request }) request: RpcRequest<typeof IdentityRpc.classesLedBy>) {
    seen(this.world, IdentityRpc.classesLedBy.subject, request);
    return { classes: request.teacherId === CLASS_5A.classTeacherId ? [CLASS_5A] : [] };
  }

  @MessagePattern(IdentityRpc.childrenOfParent.subject)
  children(@Payload({ schema: IdentityRpc.childrenOfParent.request }) request: RpcRequest<typeof IdentityRpc.childrenOfParent>) {
    seen(this.world, IdentityRpc.childrenOfParent.subject, request);
    if (currentPerson().personId !== request.parentId) throw new DomainError(ErrorCode.Forbidden, 'Только свои дети');
    return { children: request.parentId === PARENT.account.personId ? [CHILD] : [] };
  }

  @MessagePattern(IdentityRpc.pagesOfTeacher.subject)
  pagesOfTeacher(@Payload({ schema: IdentityRpc.pagesOfTeacher.request }) request: RpcRequest<typeof IdentityRpc.pagesOfTeacher>) {
    seen(this.world, IdentityRpc.pagesOfTeacher.subject, request);
    return { pages: this.world.pages.filter((page) => page.assignments.some((a) => a.teacherId === request.teacherId)) };
  }

  @MessagePattern(IdentityRpc.pageContext.subject)
  pageContext(@Payload({ schema: IdentityRpc.pageContext.request }) request: RpcRequest<typeof IdentityRpc.pageContext>) {
    seen(this.world, IdentityRpc.pageContext.subject, request);
    const page = this.world.pages.find((candidate) => candidate.id === request.pageId);
    if (!page) throw new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена');
    const own = isTeacherActor();
    const facts = fakeAccessFacts(this.world, RequestContext.current()?.actor, { type: 'page', id: page.id, date: request.date });
    return { page, school: SCHOOL, writable: own, readable: own, facts, students: own ? this.world.students : [] };
  }

  @MessagePattern(IdentityRpc.accessFacts.subject)
  accessFacts(@Payload({ schema: IdentityRpc.accessFacts.request }) request: RpcRequest<typeof IdentityRpc.accessFacts>) {
    seen(this.world, IdentityRpc.accessFacts.subject, request);
    return fakeAccessFacts(this.world, RequestContext.current()?.actor, request.resource);
  }

  @MessagePattern(IdentityRpc.substitutionsOfTeacher.subject)
  substitutionsOfTeacher(
    @Payload({ schema: IdentityRpc.substitutionsOfTeacher.request }) request: RpcRequest<typeof IdentityRpc.substitutionsOfTeacher>,
  ) {
    seen(this.world, IdentityRpc.substitutionsOfTeacher.subject, request);
    return { substitutions: [] };
  }

  @MessagePattern(IdentityRpc.studentAccess.subject)
  studentAccess(@Payload({ schema: IdentityRpc.studentAccess.request }) request: RpcRequest<typeof IdentityRpc.studentAccess>) {
    seen(this.world, IdentityRpc.studentAccess.subject, request);
    const reader = currentPerson().personId;
    const mayRead = request.studentId === CHILD.id && (reader === PARENT.account.personId || reader === TEACHER.account.personId);
    if (!mayRead) throw new DomainError(ErrorCode.NotFound, 'Ученик не найден');
    return { student: CHILD };
  }

  @MessagePattern(IdentityRpc.classAccess.subject)
  classAccess(@Payload({ schema: IdentityRpc.classAccess.request }) request: RpcRequest<typeof IdentityRpc.classAccess>) {
    seen(this.world, IdentityRpc.classAccess.subject, request);
    if (request.classId !== CLASS_5A.id || !isTeacherActor()) throw new DomainError(ErrorCode.NotFound, 'Класс не найден');
    return CLASS_5A;
  }
}

@Controller()
class FakePlanning {
  constructor(@Inject(FakeWorld) private readonly world: FakeWorld) {}

  @MessagePattern(PlanningRpc.getLesson.subject)
  lesson(@Payload({ schema: PlanningRpc.getLesson.request }) request: RpcRequest<typeof PlanningRpc.getLesson>) {
    seen(this.world, PlanningRpc.getLesson.subject, request);
    const found = this.world.lessons.find((details) => details.lesson.id === request.lessonId);
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Урок не найден');
    return found;
  }

  @MessagePattern(PlanningRpc.lessonsOfPages.subject)
  lessonsOfPages(@Payload({ schema: PlanningRpc.lessonsOfPages.request }) request: RpcRequest<typeof PlanningRpc.lessonsOfPages>) {
    seen(this.world, PlanningRpc.lessonsOfPages.subject, request);
    const lessons = this.world.lessons
      .map((details) => details.lesson)
      .filter((lesson) => request.pageIds.includes(lesson.pageId) && lesson.date >= request.from && lesson.date <= request.to);
    return { lessons };
  }

  @MessagePattern(PlanningRpc.listSubjects.subject)
  subjects(@Payload({ schema: PlanningRpc.listSubjects.request }) request: RpcRequest<typeof PlanningRpc.listSubjects>) {
    seen(this.world, PlanningRpc.listSubjects.subject, request);
    return { subjects: SUBJECTS.filter((subject) => subject.schoolId === request.schoolId) };
  }
}

@Controller()
class FakeJournal {
  constructor(@Inject(FakeWorld) private readonly world: FakeWorld) {}

  @MessagePattern(JournalRpc.getLesson.subject)
  lesson(@Payload({ schema: JournalRpc.getLesson.request }) request: RpcRequest<typeof JournalRpc.getLesson>): LessonRecord {
    seen(this.world, JournalRpc.getLesson.subject, request);
    return this.record(request.lessonId);
  }

  @MessagePattern(JournalRpc.saveLessonContent.subject)
  saveContent(@Payload({ schema: JournalRpc.saveLessonContent.request }) request: RpcRequest<typeof JournalRpc.saveLessonContent>): LessonRecord {
    seen(this.world, JournalRpc.saveLessonContent.subject, request);
    if (!isTeacherActor()) throw new DomainError(ErrorCode.Forbidden, 'Это не ваша страница журнала');
    const current = this.record(request.lessonId);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
      throw new DomainError(ErrorCode.VersionConflict, 'Запись урока изменена другим пользователем', { version: current.version });
    }
    const saved = { ...current, topic: request.topic ?? null, homework: request.homework ?? null, version: current.version + 1 };
    this.world.records.set(request.lessonId, saved);
    return saved;
  }

  @MessagePattern(JournalRpc.addMark.subject)
  addMark(@Payload({ schema: JournalRpc.addMark.request }) request: RpcRequest<typeof JournalRpc.addMark>): Mark {
    seen(this.world, JournalRpc.addMark.subject, request);
    const details = this.world.lessons.find((candidate) => candidate.lesson.id === request.lessonId);
    if (!details) throw new DomainError(ErrorCode.NotFound, 'Урок не найден');
    if (details.lesson.grade === 1) {
      throw new DomainError(ErrorCode.MarksNotKeptInGrade1, 'В 1 классе отметки не ставятся: ведутся только посещаемость и темы уроков');
    }
    const record = this.record(request.lessonId);
    const mark: Mark = {
      id: randomUUID(),
      lessonId: request.lessonId,
      pageId: details.lesson.pageId,
      studentId: request.studentId,
      value: request.value,
      workKind: request.workKind,
      comment: request.comment ?? null,
      enteredAt: TEST_NOW.toISOString(),
      enteredBy: currentPerson().personId,
      late: false,
      version: 1,
    };
    this.world.records.set(request.lessonId, { ...record, pageId: details.lesson.pageId, marks: [...record.marks, mark] });
    return mark;
  }

  private record(lessonId: string): LessonRecord {
    return this.world.records.get(lessonId) ?? { lessonId, pageId: null, topic: null, homework: null, version: 0, marks: [] };
  }
}

@Controller()
class FakeAttendance {
  constructor(@Inject(FakeWorld) private readonly world: FakeWorld) {}

  @MessagePattern(AttendanceRpc.getLesson.subject)
  lesson(@Payload({ schema: AttendanceRpc.getLesson.request }) request: RpcRequest<typeof AttendanceRpc.getLesson>) {
    seen(this.world, AttendanceRpc.getLesson.subject, request);
    return { entries: this.world.attendance.get(request.lessonId) ?? [] };
  }

  @MessagePattern(AttendanceRpc.setEntry.subject)
  setEntry(@Payload({ schema: AttendanceRpc.setEntry.request }) request: RpcRequest<typeof AttendanceRpc.setEntry>): AttendanceEntry {
    seen(this.world, AttendanceRpc.setEntry.subject, request);
    const entry: AttendanceEntry = {
      lessonId: request.lessonId,
      studentId: request.studentId,
      status: request.status,
      reason: request.reason ?? null,
      minutesLate: request.minutesLate ?? null,
      recordedAt: TEST_NOW.toISOString(),
      recordedBy: currentPerson().personId,
      reasonConfirmedBy: null,
      reasonConfirmedAt: null,
      version: 1,
    };
    const others = (this.world.attendance.get(request.lessonId) ?? []).filter((e) => e.studentId !== request.studentId);
    this.world.attendance.set(request.lessonId, entry.status === 'present' ? others : [...others, entry]);
    return entry;
  }
}

@Controller()
class FakeReporting {
  constructor(@Inject(FakeWorld) private readonly world: FakeWorld) {}

  @MessagePattern(ReportingRpc.diaryWeek.subject)
  diaryWeek(@Payload({ schema: ReportingRpc.diaryWeek.request }) request: RpcRequest<typeof ReportingRpc.diaryWeek>): DiaryWeek {
    seen(this.world, ReportingRpc.diaryWeek.subject, request);
    const { lastName, firstName, middleName } = CHILD;
    return { studentId: request.studentId, student: { lastName, firstName, middleName }, weekStart: request.weekStart, days: [] };
  }

  @MessagePattern(ReportingRpc.diaryMarks.subject)
  diaryMarks(@Payload({ schema: ReportingRpc.diaryMarks.request }) request: RpcRequest<typeof ReportingRpc.diaryMarks>): DiaryMarks {
    seen(this.world, ReportingRpc.diaryMarks.subject, request);
    return { studentId: request.studentId, period: QUARTER_2, subjects: [] };
  }

  @MessagePattern(ReportingRpc.classSummary.subject)
  classSummary(@Payload({ schema: ReportingRpc.classSummary.request }) request: RpcRequest<typeof ReportingRpc.classSummary>): ClassSummary {
    seen(this.world, ReportingRpc.classSummary.subject, request);
    return { classId: request.classId, className: CLASS_5A.name, period: QUARTER_2, subjects: [], students: [] };
  }
}

const QUARTER_2 = { id: 'be210000-0000-4000-8000-000000000002', nameRu: '2 четверть', start: '2026-11-05', end: '2026-12-28' };

const CONTROLLERS = {
  identity: FakeIdentity,
  planning: FakePlanning,
  journal: FakeJournal,
  attendance: FakeAttendance,
  reporting: FakeReporting,
} as const;
export type FakeServiceName = keyof typeof CONTROLLERS;

@Module({})
class FakeServiceModule {
  static forService(name: FakeServiceName, world: FakeWorld, deployment: TestDeployment): DynamicModule {
    return {
      module: FakeServiceModule,
      imports: [PlatformModule.forRoot({ service: `fake-${name}`, nats: deployment.nats, clock: new FixedClock(TEST_NOW) })],
      controllers: [CONTROLLERS[name]],
      providers: [{ provide: FakeWorld, useValue: world }],
    };
  }
}

/** Tiny stand-ins for the services on real NATS, each in its own queue group like the real one. */
export async function startFakeService(name: FakeServiceName, world: FakeWorld, deployment: TestDeployment): Promise<RunningService> {
  return startService({
    name,
    module: FakeServiceModule.forService(name, world, deployment),
    nats: deployment.nats,
    healthPort: 0,
    logger: false,
  });
}

export const FAKE_SERVICES = Object.keys(CONTROLLERS) as FakeServiceName[];
