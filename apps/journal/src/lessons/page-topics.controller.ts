import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JournalRpc, type RpcRequest } from '#contracts';
import { PageTopicsReader } from './page-topics.reader.js';

@Controller()
export class PageTopicsController {
  constructor(private readonly topics: PageTopicsReader) {}

  @MessagePattern(JournalRpc.pageLessonTopics.subject)
  ofPage(@Payload({ schema: JournalRpc.pageLessonTopics.request }) request: RpcRequest<typeof JournalRpc.pageLessonTopics>) {
    return this.topics.of(request.pageId, request.from, request.to);
  }
}
