import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type RpcRequest, WeeklyTimetableRpc } from '#contracts';
import { WeeklyTimetableService } from './weekly-timetable.service.js';

@Controller()
export class WeeklyTimetableController {
  constructor(private readonly timetable: WeeklyTimetableService) {}

  @MessagePattern(WeeklyTimetableRpc.ofClass.subject)
  ofClass(@Payload({ schema: WeeklyTimetableRpc.ofClass.request }) request: RpcRequest<typeof WeeklyTimetableRpc.ofClass>) {
    return this.timetable.ofClass(request);
  }

  @MessagePattern(WeeklyTimetableRpc.editClass.subject)
  editClass(@Payload({ schema: WeeklyTimetableRpc.editClass.request }) request: RpcRequest<typeof WeeklyTimetableRpc.editClass>) {
    return this.timetable.editClass(request);
  }

  @MessagePattern(WeeklyTimetableRpc.bellsOf.subject)
  bellsOf(@Payload({ schema: WeeklyTimetableRpc.bellsOf.request }) request: RpcRequest<typeof WeeklyTimetableRpc.bellsOf>) {
    return this.timetable.bellsOf(request);
  }

  @MessagePattern(WeeklyTimetableRpc.editBells.subject)
  editBells(@Payload({ schema: WeeklyTimetableRpc.editBells.request }) request: RpcRequest<typeof WeeklyTimetableRpc.editBells>) {
    return this.timetable.editBells(request);
  }
}
