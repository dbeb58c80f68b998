import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FinalResultsRpc, type RpcRequest } from '#contracts';
import { FinalResultsImportService } from './final-results-import.service.js';
import { FinalResultsService } from './final-results.service.js';

@Controller()
export class FinalResultsController {
  constructor(
    private readonly results: FinalResultsService,
    private readonly imports: FinalResultsImportService,
  ) {}

  @MessagePattern(FinalResultsRpc.list.subject)
  list(@Payload({ schema: FinalResultsRpc.list.request }) request: RpcRequest<typeof FinalResultsRpc.list>) {
    return this.results.list(request);
  }

  @MessagePattern(FinalResultsRpc.set.subject)
  set(@Payload({ schema: FinalResultsRpc.set.request }) request: RpcRequest<typeof FinalResultsRpc.set>) {
    return this.results.set(request);
  }

  @MessagePattern(FinalResultsRpc.history.subject)
  history(@Payload({ schema: FinalResultsRpc.history.request }) request: RpcRequest<typeof FinalResultsRpc.history>) {
    return this.results.history(request);
  }

  @MessagePattern(FinalResultsRpc.importResults.subject)
  importResults(
    @Payload({ schema: FinalResultsRpc.importResults.request }) request: RpcRequest<typeof FinalResultsRpc.importResults>,
  ) {
    return this.imports.importResults(request);
  }
}
