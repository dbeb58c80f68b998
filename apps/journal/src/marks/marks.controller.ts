import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JournalRpc, MarksRpc, type RpcRequest } from '#contracts';
import { requireSystemActor } from '#platform';
import { MarkChangesService } from './mark-changes.service.js';
import { MarksService } from './marks.service.js';
import { WorkKindsInUseReader } from './work-kinds-in-use.reader.js';

@Controller()
export class MarksController {
  constructor(
    private readonly marks: MarksService,
    private readonly changes: MarkChangesService,
    private readonly workKinds: WorkKindsInUseReader,
  ) {}

  @MessagePattern(JournalRpc.addMark.subject)
  add(@Payload({ schema: JournalRpc.addMark.request }) request: RpcRequest<typeof JournalRpc.addMark>) {
    return this.marks.add(request);
  }

  @MessagePattern(MarksRpc.update.subject)
  update(@Payload({ schema: MarksRpc.update.request }) request: RpcRequest<typeof MarksRpc.update>) {
    return this.changes.update(request);
  }

  @MessagePattern(MarksRpc.delete.subject)
  delete(@Payload({ schema: MarksRpc.delete.request }) request: RpcRequest<typeof MarksRpc.delete>) {
    return this.changes.delete(request);
  }

  @MessagePattern(MarksRpc.workKindsUsed.subject)
  workKindsUsed(@Payload({ schema: MarksRpc.workKindsUsed.request }) request: RpcRequest<typeof MarksRpc.workKindsUsed>) {
    requireSystemActor();
    return this.workKinds.of(request.pageIds, request.workKinds);
  }
}
