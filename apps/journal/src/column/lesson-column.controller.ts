import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LessonColumnRpc, type RpcRequest } from '#contracts';
import { LessonColumnService } from './lesson-column.service.js';

@Controller()
export class LessonColumnController {
  constructor(private readonly columns: LessonColumnService) {}

  @MessagePattern(LessonColumnRpc.save.subject)
  save(@Payload({ schema: LessonColumnRpc.save.request }) request: RpcRequest<typeof LessonColumnRpc.save>) {
    return this.columns.save(request);
  }

  @MessagePattern(LessonColumnRpc.status.subject)
  status(@Payload({ schema: LessonColumnRpc.status.request }) request: RpcRequest<typeof LessonColumnRpc.status>) {
    return this.columns.status(request.columnId);
  }
}
