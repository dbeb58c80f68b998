import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportingRpc, type RpcRequest } from '#contracts';
import { ReadModelService } from './read-model.service.js';

@Controller()
export class ReadModelController {
  constructor(private readonly readModel: ReadModelService) {}

  @MessagePattern(ReportingRpc.rebuild.subject)
  rebuild(@Payload({ schema: ReportingRpc.rebuild.request }) _request: RpcRequest<typeof ReportingRpc.rebuild>) {
    return this.readModel.rebuild();
  }

  @MessagePattern(ReportingRpc.backlog.subject)
  backlog(@Payload({ schema: ReportingRpc.backlog.request }) _request: RpcRequest<typeof ReportingRpc.backlog>) {
    return this.readModel.backlog();
  }
}
