import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JournalRpc, type RpcRequest } from '#contracts';
import { LessonsImportService } from './lessons-import.service.js';

@Controller()
export class ImportController {
  constructor(private readonly importer: LessonsImportService) {}

  @MessagePattern(JournalRpc.importLessons.subject)
  importLessons(
    @Payload({ schema: JournalRpc.importLessons.request }) request: RpcRequest<typeof JournalRpc.importLessons>,
  ) {
    return this.importer.importLessons(request);
  }
}
