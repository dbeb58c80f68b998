import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendanceRpc, type RpcRequest } from '#contracts';
import { EntriesService } from './entries.service.js';

@Controller()
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @MessagePattern(AttendanceRpc.getLesson.subject)
  ofLesson(@Payload({ schema: AttendanceRpc.getLesson.request }) request: RpcRequest<typeof AttendanceRpc.getLesson>) {
    return this.entries.ofLesson(request.lessonId);
  }

  @MessagePattern(AttendanceRpc.setEntry.subject)
  set(@Payload({ schema: AttendanceRpc.setEntry.request }) request: RpcRequest<typeof AttendanceRpc.setEntry>) {
    return this.entries.set(request);
  }
}
