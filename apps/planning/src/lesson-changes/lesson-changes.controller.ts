import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { z } from 'zod';
import { LessonChangesRpc, type RpcRequest } from '#contracts';
import { CalendarRegeneration } from './calendar-regeneration.service.js';
import { LessonChangesService } from './lesson-changes.service.js';

@Controller()
export class LessonChangesController {
  constructor(
    private readonly changes: LessonChangesService,
    private readonly regeneration: CalendarRegeneration,
  ) {}

  @MessagePattern(LessonChangesRpc.cancel.subject)
  cancel(@Payload({ schema: LessonChangesRpc.cancel.request }) request: RpcRequest<typeof LessonChangesRpc.cancel>) {
    return this.changes.cancel(request);
  }

  @MessagePattern(LessonChangesRpc.move.subject)
  move(@Payload({ schema: LessonChangesRpc.move.request }) request: RpcRequest<typeof LessonChangesRpc.move>) {
    return this.changes.move(request);
  }

  @MessagePattern(LessonChangesRpc.substitute.subject)
  substitute(@Payload({ schema: LessonChangesRpc.substitute.request }) request: RpcRequest<typeof LessonChangesRpc.substitute>) {
    return this.changes.substitute(request);
  }

  @MessagePattern(LessonChangesRpc.removeSubstitute.subject)
  removeSubstitute(
    @Payload({ schema: LessonChangesRpc.removeSubstitute.request }) request: RpcRequest<typeof LessonChangesRpc.removeSubstitute>,
  ) {
    return this.changes.removeSubstitute(request);
  }

  @MessagePattern(LessonChangesRpc.addExtra.subject)
  addExtra(@Payload({ schema: LessonChangesRpc.addExtra.request }) request: RpcRequest<typeof LessonChangesRpc.addExtra>) {
    return this.changes.addExtra(request);
  }

  @MessagePattern(LessonChangesRpc.changes.subject)
  list(@Payload({ schema: LessonChangesRpc.changes.request }) request: RpcRequest<typeof LessonChangesRpc.changes>) {
    return this.changes.changes(request);
  }

  @MessagePattern(LessonChangesRpc.regenerate.subject)
  regenerate(
    @Payload({ schema: LessonChangesRpc.regenerate.request }) request: z.output<typeof LessonChangesRpc.regenerate.request>,
  ) {
    return this.regeneration.regenerate(request);
  }
}
