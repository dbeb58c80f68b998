import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { AssessmentRpc, type RpcRequest } from '#contracts';
import { AssessmentsService } from './assessments.service.js';

@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @MessagePattern(AssessmentRpc.check.subject)
  check(@Payload({ schema: AssessmentRpc.check.request }) request: RpcRequest<typeof AssessmentRpc.check>) {
    return this.assessments.check(request.classId);
  }

  @MessagePattern(AssessmentRpc.schedule.subject)
  schedule(@Payload({ schema: AssessmentRpc.schedule.request }) request: RpcRequest<typeof AssessmentRpc.schedule>) {
    return this.assessments.schedule(request.classId, request.periodId);
  }

  @MessagePattern(AssessmentRpc.exportSchedule.subject)
  exportSchedule(
    @Payload({ schema: AssessmentRpc.exportSchedule.request }) request: z.output<typeof AssessmentRpc.exportSchedule.request>,
  ) {
    return this.assessments.exportSchedule(request.classId, request.periodId, request.format);
  }
}
