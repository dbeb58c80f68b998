import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CurriculumRpc, type RpcRequest } from '#contracts';
import { CurriculumService } from './curriculum.service.js';

@Controller()
export class CurriculumController {
  constructor(private readonly curriculum: CurriculumService) {}

  @MessagePattern(CurriculumRpc.initialize.subject)
  initialize(@Payload({ schema: CurriculumRpc.initialize.request }) request: RpcRequest<typeof CurriculumRpc.initialize>) {
    return this.curriculum.initialize(request);
  }

  @MessagePattern(CurriculumRpc.get.subject)
  get(@Payload({ schema: CurriculumRpc.get.request }) request: RpcRequest<typeof CurriculumRpc.get>) {
    return this.curriculum.get(request);
  }

  @MessagePattern(CurriculumRpc.setLine.subject)
  setLine(@Payload({ schema: CurriculumRpc.setLine.request }) request: RpcRequest<typeof CurriculumRpc.setLine>) {
    return this.curriculum.setLine(request);
  }

  @MessagePattern(CurriculumRpc.log.subject)
  log(@Payload({ schema: CurriculumRpc.log.request }) request: RpcRequest<typeof CurriculumRpc.log>) {
    return this.curriculum.log(request);
  }

  @MessagePattern(CurriculumRpc.annualHours.subject)
  annualHours(@Payload({ schema: CurriculumRpc.annualHours.request }) request: RpcRequest<typeof CurriculumRpc.annualHours>) {
    return this.curriculum.annualHours(request.yearId, request.grade, request.subjectCode);
  }
}
