import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PeriodsRpc, type RpcRequest } from '#contracts';
import { PeriodsService } from './periods.service.js';

@Controller()
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @MessagePattern(PeriodsRpc.years.subject)
  years(@Payload({ schema: PeriodsRpc.years.request }) request: RpcRequest<typeof PeriodsRpc.years>) {
    return this.periods.yearsOf(request.schoolId);
  }

  @MessagePattern(PeriodsRpc.close.subject)
  close(@Payload({ schema: PeriodsRpc.close.request }) request: RpcRequest<typeof PeriodsRpc.close>) {
    return this.periods.close(request);
  }

  @MessagePattern(PeriodsRpc.reopen.subject)
  reopen(@Payload({ schema: PeriodsRpc.reopen.request }) request: RpcRequest<typeof PeriodsRpc.reopen>) {
    return this.periods.reopen(request);
  }

  @MessagePattern(PeriodsRpc.log.subject)
  log(@Payload({ schema: PeriodsRpc.log.request }) request: RpcRequest<typeof PeriodsRpc.log>) {
    return this.periods.log(request.schoolId, request.yearId);
  }
}
