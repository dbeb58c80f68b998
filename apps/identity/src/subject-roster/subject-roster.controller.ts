import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type RpcRequest, SubjectRosterRpc } from '#contracts';
import { SubjectRosterService } from './subject-roster.service.js';

@Controller()
export class SubjectRosterController {
  constructor(private readonly roster: SubjectRosterService) {}

  @MessagePattern(SubjectRosterRpc.ofPage.subject)
  ofPage(@Payload({ schema: SubjectRosterRpc.ofPage.request }) request: RpcRequest<typeof SubjectRosterRpc.ofPage>) {
    return this.roster.ofPage(request.pageId, request.from, request.to);
  }
}
