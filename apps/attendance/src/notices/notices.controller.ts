import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AbsenceNoticesRpc, type RpcRequest } from '#contracts';
import { NoticesService } from './notices.service.js';

@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @MessagePattern(AbsenceNoticesRpc.send.subject)
  send(@Payload({ schema: AbsenceNoticesRpc.send.request }) request: RpcRequest<typeof AbsenceNoticesRpc.send>) {
    return this.notices.send(request);
  }

  @MessagePattern(AbsenceNoticesRpc.ofStudent.subject)
  ofStudent(@Payload({ schema: AbsenceNoticesRpc.ofStudent.request }) request: RpcRequest<typeof AbsenceNoticesRpc.ofStudent>) {
    return this.notices.ofStudent(request);
  }

  @MessagePattern(AbsenceNoticesRpc.ofClass.subject)
  ofClass(@Payload({ schema: AbsenceNoticesRpc.ofClass.request }) request: RpcRequest<typeof AbsenceNoticesRpc.ofClass>) {
    return this.notices.ofClass(request);
  }

  @MessagePattern(AbsenceNoticesRpc.decide.subject)
  decide(@Payload({ schema: AbsenceNoticesRpc.decide.request }) request: RpcRequest<typeof AbsenceNoticesRpc.decide>) {
    return this.notices.decide(request);
  }
}
