import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PagePrintRpc, type RpcRequest } from '#contracts';
import { PagePrintService } from './page-print.service.js';

@Controller()
export class PagePrintController {
  constructor(private readonly printing: PagePrintService) {}

  @MessagePattern(PagePrintRpc.pdf.subject)
  pdf(@Payload({ schema: PagePrintRpc.pdf.request }) request: RpcRequest<typeof PagePrintRpc.pdf>) {
    return this.printing.pdf(request);
  }
}
