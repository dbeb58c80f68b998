import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendanceRpc, type RpcRequest } from '#contracts';
import { ReasonsService } from './reasons.service.js';

@Controller()
export class ReasonsController {
  constructor(private readonly reasons: ReasonsService) {}

  @MessagePattern(AttendanceRpc.setReason.subject)
  setReason(@Payload({ schema: AttendanceRpc.setReason.request }) request: RpcRequest<typeof AttendanceRpc.setReason>) {
    return this.reasons.setReason(request);
  }

  @MessagePattern(AttendanceRpc.setReasonForDates.subject)
  setReasonForDates(
    @Payload({ schema: AttendanceRpc.setReasonForDates.request }) request: RpcRequest<typeof AttendanceRpc.setReasonForDates>,
  ) {
    return this.reasons.setReasonForDates(request);
  }
}
