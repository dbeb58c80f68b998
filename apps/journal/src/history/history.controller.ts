import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JournalHistoryRpc, type RpcRequest } from '#contracts';
import { JournalHistoryReader } from './journal-history.reader.js';

@Controller()
export class HistoryController {
  constructor(private readonly history: JournalHistoryReader) {}

  @MessagePattern(JournalHistoryRpc.ofLesson.subject)
  ofLesson(@Payload({ schema: JournalHistoryRpc.ofLesson.request }) request: RpcRequest<typeof JournalHistoryRpc.ofLesson>) {
    return this.history.ofLesson(request);
  }

  @MessagePattern(JournalHistoryRpc.ofPage.subject)
  ofPage(@Payload({ schema: JournalHistoryRpc.ofPage.request }) request: RpcRequest<typeof JournalHistoryRpc.ofPage>) {
    return this.history.ofPage(request);
  }
}
