import { Controller, type DynamicModule, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
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
import type { TestDeployment } from '../test-deployment.js';
import { FakeSchoolWorld } from './fake-school-world.js';

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
    const personId = actor?.kind === 'person' ? actor.personId : null;
    const onDate = (from: string, to: string | null) => from <= request.date && (to === null || request.date <= to);
    const writable = fake.page.assignments.some(
      (assignment) => assignment.teacherId === personId && onDate(assignment.from, assignment.to),
    );
    const readable = writable || actor?.kind === 'system' || (personId !== null && fake.readers.includes(personId));
    const relations: Relation[] = [];
    if (writable) relations.push('page-teacher');
    if (fake.page.assignments.some((assignment) => assignment.teacherId === personId)) relations.push('page-teacher-ever');
    // Listed readers stand for the class teacher (and, with a management role, the school's management).
    if (personId !== null && fake.readers.includes(personId)) relations.push('class-teacher');
    return {
      page: fake.page,
      school: fake.school,
      writable,
      readable,
      facts: { exists: true, schoolIds: [fake.school.id], relations },
      students: fake.enrollments.filter((enrollment) => onDate(enrollment.from, enrollment.to)).map((e) => e.student),
    };
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
