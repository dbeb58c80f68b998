import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendanceRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { EntriesService } from './entries.service.js';
import { LessonHoldingsReader } from './lesson-holdings.reader.js';

@Controller()
export class EntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly holdings: LessonHoldingsReader,
  ) {}

  @MessagePattern(AttendanceRpc.getLesson.subject)
  ofLesson(@Payload({ schema: AttendanceRpc.getLesson.request }) request: RpcRequest<typeof AttendanceRpc.getLesson>) {
    return this.entries.ofLesson(request.lessonId);
  }

  @MessagePattern(AttendanceRpc.setEntry.subject)
  set(@Payload({ schema: AttendanceRpc.setEntry.request }) request: RpcRequest<typeof AttendanceRpc.setEntry>) {
    return this.entries.set(request);
  }

  @MessagePattern(AttendanceRpc.lessonsWithRecords.subject)
  withRecords(
    @Payload({ schema: AttendanceRpc.lessonsWithRecords.request })
    request: RpcRequest<typeof AttendanceRpc.lessonsWithRecords>,
  ) {
    requireSystemActor();
    return this.holdings.of(request.lessonIds);
  }
}
