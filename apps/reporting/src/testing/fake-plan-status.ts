import { Controller, type DynamicModule, Inject, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, ErrorCode, type RpcRequest, type SchoolPlanStatus, ThematicPlanRpc } from '#contracts';
import { FixedClock, PlatformModule, type RunningService, startService } from '#platform';
import { TEST_NOW, type TestDeployment } from '#testing';

const STATUSES = Symbol('plan statuses');

/** Planning's answer about the plans of a school, as a test sets it (the rest of planning is not needed). */
@Controller()
class FakePlanStatusController {
  constructor(@Inject(STATUSES) private readonly statuses: Map<string, SchoolPlanStatus>) {}

  @MessagePattern(ThematicPlanRpc.schoolStatus.subject)
  schoolStatus(
    @Payload({ schema: ThematicPlanRpc.schoolStatus.request }) request: RpcRequest<typeof ThematicPlanRpc.schoolStatus>,
  ): SchoolPlanStatus {
    const status = this.statuses.get(`${request.schoolId}/${request.academicYear}`);
    if (!status) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
    return status;
  }
}

@Module({})
class FakePlanStatusModule {
  static forRoot(deployment: TestDeployment, statuses: Map<string, SchoolPlanStatus>): DynamicModule {
    return {
      module: FakePlanStatusModule,
      imports: [PlatformModule.forRoot({ service: 'fake-planning', nats: deployment.nats, clock: new FixedClock(TEST_NOW) })],
      controllers: [FakePlanStatusController],
      providers: [{ provide: STATUSES, useValue: statuses }],
    };
  }
}

/** A real NATS responder for `planning.plans.school-status`, answering the statuses set per school and year. */
export function startFakePlanStatus(deployment: TestDeployment, statuses: Map<string, SchoolPlanStatus>): Promise<RunningService> {
  return startService({
    name: 'fake-planning',
    module: FakePlanStatusModule.forRoot(deployment, statuses),
    nats: deployment.nats,
    healthPort: 0,
    logger: false,
  });
}
