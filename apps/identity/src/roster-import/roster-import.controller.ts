import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RosterImportRpc, type RpcRequest } from '#contracts';
import { RosterExportService } from '../roster-export/roster-export.service.js';
import { RosterImportService } from './roster-import.service.js';

@Controller()
export class RosterImportController {
  constructor(
    private readonly imports: RosterImportService,
    private readonly exports: RosterExportService,
  ) {}

  @MessagePattern(RosterImportRpc.dryRun.subject)
  dryRun(@Payload({ schema: RosterImportRpc.dryRun.request }) request: RpcRequest<typeof RosterImportRpc.dryRun>) {
    return this.imports.dryRun(request);
  }

  @MessagePattern(RosterImportRpc.apply.subject)
  apply(@Payload({ schema: RosterImportRpc.apply.request }) request: RpcRequest<typeof RosterImportRpc.apply>) {
    return this.imports.apply(request);
  }

  @MessagePattern(RosterImportRpc.export.subject)
  export(@Payload({ schema: RosterImportRpc.export.request }) request: RpcRequest<typeof RosterImportRpc.export>) {
    return this.exports.export(request);
  }
}
