import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendanceRpc, type RpcRequest } from '#contracts';
import { EntriesImportService } from './entries-import.service.js';

@Controller()
export class ImportController {
  constructor(private readonly importer: EntriesImportService) {}

  @MessagePattern(AttendanceRpc.importEntries.subject)
  importEntries(
    @Payload({ schema: AttendanceRpc.importEntries.request }) request: RpcRequest<typeof AttendanceRpc.importEntries>,
  ) {
    return this.importer.importEntries(request);
  }
}
