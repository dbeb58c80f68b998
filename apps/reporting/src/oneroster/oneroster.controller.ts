import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportingOneRosterRpc, type RpcRequest } from '#contracts';
import { OneRosterService } from './oneroster.service.js';

@Controller()
export class OneRosterController {
  constructor(private readonly oneRoster: OneRosterService) {}

  @MessagePattern(ReportingOneRosterRpc.read.subject)
  read(@Payload({ schema: ReportingOneRosterRpc.read.request }) request: RpcRequest<typeof ReportingOneRosterRpc.read>) {
    return this.oneRoster.read(request);
  }
}
