import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ResultDeviationsRpc, type RpcRequest } from '#contracts';
import { ResultDeviationsService } from './result-deviations.service.js';

@Controller()
export class ResultDeviationsController {
  constructor(private readonly deviations: ResultDeviationsService) {}

  @MessagePattern(ResultDeviationsRpc.ofSchool.subject)
  ofSchool(@Payload({ schema: ResultDeviationsRpc.ofSchool.request }) request: RpcRequest<typeof ResultDeviationsRpc.ofSchool>) {
    return this.deviations.ofSchool(request);
  }
}
