import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JournalRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { LessonHoldingsReader } from './lesson-holdings.reader.js';
import { LessonsService } from './lessons.service.js';

@Controller()
export class LessonsController {
  constructor(
    private readonly lessons: LessonsService,
    private readonly holdings: LessonHoldingsReader,
  ) {}

  @MessagePattern(JournalRpc.getLesson.subject)
  get(@Payload({ schema: JournalRpc.getLesson.request }) request: RpcRequest<typeof JournalRpc.getLesson>) {
    return this.lessons.get(request.lessonId);
  }

  @MessagePattern(JournalRpc.saveLessonContent.subject)
  saveContent(
    @Payload({ schema: JournalRpc.saveLessonContent.request }) request: RpcRequest<typeof JournalRpc.saveLessonContent>,
  ) {
    return this.lessons.saveContent(request);
  }

  @MessagePattern(JournalRpc.lessonsWithRecords.subject)
  withRecords(
    @Payload({ schema: JournalRpc.lessonsWithRecords.request }) request: RpcRequest<typeof JournalRpc.lessonsWithRecords>,
  ) {
    requireSystemActor();
    return this.holdings.of(request.lessonIds);
  }
}
