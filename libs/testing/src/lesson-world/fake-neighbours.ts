import { Controller, type DynamicModule, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type AccessFacts,
  type Child,
  DomainError,
  ErrorCode,
  IdentityRpc,
  type LessonDetails,
  type PageContext,
  PlanningRpc,
  type Relation,
  type RpcRequest,
  type School,
} from '#contracts';
import { FixedClock, PlatformModule, RequestContext, type RunningService, startService } from '#platform';
import { TEST_NOW } from '../start-test-service.js';
import { TODAY } from '../test-dates.js';
import type { TestDeployment } from '../test-deployment.js';
import { type FakePage, FakeSchoolWorld } from './fake-school-world.js';

/** Tiny real NATS responders for planning and identity, answering from a FakeSchoolWorld. */
@Controller()
class FakeNeighboursController {
  constructor(@Inject(FakeSchoolWorld) private readonly world: FakeSchoolWorld) {}

  @MessagePattern(PlanningRpc.getLesson.subject)
  getLesson(
    @Payload({ schema: PlanningRpc.getLesson.request }) request: RpcRequest<typeof PlanningRpc.getLesson>,
  ): LessonDetails {
    const details = this.world.lessons.get(request.lessonId);
    if (!details) throw new DomainError(ErrorCode.NotFound, 'Урок не найден в расписании');
    return details;
  }

  /** Writable for the teacher assigned on the date (R-ACC-3); readable also for the page's readers. */
  @MessagePattern(IdentityRpc.pageContext.subject)
  pageContext(
    @Payload({ schema: IdentityRpc.pageContext.request }) request: RpcRequest<typeof IdentityRpc.pageContext>,
  ): PageContext {
    const fake = this.world.pages.get(request.pageId);
    if (!fake) throw new DomainError(ErrorCode.NotFound, 'Страница журнала не найдена');
    const actor = RequestContext.current()?.actor;
    const onDate = (from: string, to: string | null) => from <= request.date && (to === null || request.date <= to);
    const relations = this.pageRelations(fake, request.date, request.lessonId);
    const writable = relations.includes('page-teacher');
    const readable = writable || relations.includes('lesson-substitute') || relations.includes('class-teacher') || actor?.kind === 'system';
    return {
      page: fake.page,
      school: fake.school,
      writable,
      readable,
      facts: { exists: true, schoolIds: [fake.school.id], relations },
      students: fake.enrollments.filter((enrollment) => onDate(enrollment.from, enrollment.to)).map((e) => e.student),
    };
  }

  /** How the calling person stands to a page on a date (and to one of its lessons). */
  private pageRelations(fake: FakePage, date: string, lessonId: string | undefined): Relation[] {
    const actor = RequestContext.current()?.actor;
    const personId = actor?.kind === 'person' ? actor.personId : null;
    const onDate = (from: string, to: string | null) => from <= date && (to === null || date <= to);
    const relations: Relation[] = [];
    if (fake.page.assignments.some((assignment) => assignment.teacherId === personId && onDate(assignment.from, assignment.to))) {
      relations.push('page-teacher');
    }
    if (lessonId !== undefined && personId !== null && this.world.substitutes.get(lessonId) === personId) relations.push('lesson-substitute');
    if (fake.page.assignments.some((assignment) => assignment.teacherId === personId)) relations.push('page-teacher-ever');
    // Listed readers stand for the class teacher (and, with a management role, the school's management).
    if (personId !== null && fake.readers.includes(personId)) relations.push('class-teacher');
    return relations;
  }

  /**
   * Facts about students and classes: a student's schools and class teachers (the readers of the pages they are
   * enrolled on) on the date, their guardians; a class's school and class teacher.
   */
  @MessagePattern(IdentityRpc.accessFacts.subject)
  accessFacts(
    @Payload({ schema: IdentityRpc.accessFacts.request }) request: RpcRequest<typeof IdentityRpc.accessFacts>,
  ): AccessFacts {
    const actor = RequestContext.current()?.actor;
    const personId = actor?.kind === 'person' ? actor.personId : null;
    const { resource } = request;
    const pages = [...this.world.pages.values()];
    const facts = (found: FakePage[], relations: Relation[]): AccessFacts => ({
      exists: true,
      schoolIds: [...new Set(found.map((fake) => fake.school.id))],
      relations,
    });
    if (resource.type === 'student') {
      const date = resource.date ?? TODAY;
      const known = pages.some((fake) => fake.enrollments.some((e) => e.student.id === resource.id)) || this.world.guardians.has(resource.id);
      if (!known) return { exists: false, schoolIds: [], relations: [] };
      const enrolled = pages.filter((fake) =>
        fake.enrollments.some((e) => e.student.id === resource.id && e.from <= date && (e.to === null || date <= e.to)),
      );
      const relations: Relation[] = [];
      if (personId !== null && (this.world.guardians.get(resource.id) ?? []).includes(personId)) relations.push('guardian');
      if (personId !== null && enrolled.some((fake) => fake.readers.includes(personId))) relations.push('class-teacher');
      return facts(enrolled, relations);
    }
    if (resource.type === 'page') {
      const fake = this.world.pages.get(resource.id);
      if (!fake) return { exists: false, schoolIds: [], relations: [] };
      return facts([fake], this.pageRelations(fake, resource.date ?? TODAY, resource.lessonId));
    }
    if (resource.type === 'class') {
      const ofClass = pages.filter((fake) => fake.page.classId === resource.id);
      if (ofClass.length === 0) return { exists: false, schoolIds: [], relations: [] };
      return facts(ofClass, personId !== null && ofClass.some((fake) => fake.readers.includes(personId)) ? ['class-teacher'] : []);
    }
    return { exists: false, schoolIds: [], relations: [] };
  }

  /** The student with the class enrolled in on the date (the fake does not check who asks). */
  @MessagePattern(IdentityRpc.studentAccess.subject)
  studentAccess(
    @Payload({ schema: IdentityRpc.studentAccess.request }) request: RpcRequest<typeof IdentityRpc.studentAccess>,
  ): { student: Child } {
    for (const fake of this.world.pages.values()) {
      const enrollment = fake.enrollments.find(
        (e) => e.student.id === request.studentId && e.from <= request.date && (e.to === null || request.date <= e.to),
      );
      if (enrollment) {
        const { page } = fake;
        return { student: { ...enrollment.student, schoolId: page.schoolId, classId: page.classId, className: page.className } };
      }
    }
    const known = [...this.world.pages.values()].flatMap((fake) => fake.enrollments).find((e) => e.student.id === request.studentId);
    if (!known) throw new DomainError(ErrorCode.NotFound, 'Ученик не найден');
    return { student: { ...known.student, schoolId: null, classId: null, className: null } };
  }

  @MessagePattern(IdentityRpc.getSchool.subject)
  getSchool(@Payload({ schema: IdentityRpc.getSchool.request }) request: RpcRequest<typeof IdentityRpc.getSchool>): School {
    const school = this.world.schools.get(request.schoolId);
    if (!school) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    return school;
  }
}

@Module({})
class FakeNeighboursModule {
  static forRoot(deployment: TestDeployment, world: FakeSchoolWorld): DynamicModule {
    return {
      module: FakeNeighboursModule,
      imports: [
        PlatformModule.forRoot({ service: 'fake-neighbours', nats: deployment.nats, clock: new FixedClock(TEST_NOW) }),
      ],
      controllers: [FakeNeighboursController],
      providers: [{ provide: FakeSchoolWorld, useValue: world }],
    };
  }
}

export function startFakeNeighbours(deployment: TestDeployment, world: FakeSchoolWorld): Promise<RunningService> {
  return startService({
    name: 'fake-neighbours',
    module: FakeNeighboursModule.forRoot(deployment, world),
    nats: deployment.nats,
    healthPort: 0,
    logger: false,
  });
}
