import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendanceRpc, type RpcRequest } from '#contracts';
import { AttendanceHistoryReader } from './attendance-history.reader.js';

@Controller()
export class HistoryController {
  constructor(private readonly history: AttendanceHistoryReader) {}

  @MessagePattern(AttendanceRpc.lessonHistory.subject)
  ofLesson(@Payload({ schema: AttendanceRpc.lessonHistory.request }) request: RpcRequest<typeof AttendanceRpc.lessonHistory>) {
    return this.history.ofLesson(request);
  }
}
