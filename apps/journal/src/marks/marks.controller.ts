import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JournalRpc, type RpcRequest } from '#contracts';
import { MarksService } from './marks.service.js';

@Controller()
export class MarksController {
  constructor(private readonly marks: MarksService) {}

  @MessagePattern(JournalRpc.addMark.subject)
  add(@Payload({ schema: JournalRpc.addMark.request }) request: RpcRequest<typeof JournalRpc.addMark>) {
    return this.marks.add(request);
  }
}
