import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Id, PagePrintRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { fileReply } from '../plans/file-reply.js';
import { REPORT_TIMEOUT_MS } from '../http/report-timeout.js';

const PageParams = z.object({ pageId: Id });
const PrintQuery = z.object({ periodId: Id });

/**
 * The printed journal page (issue 6, item 2): whoever reads the page prints it for a period, also of an archived year
 * (R-DATA-3); reporting renders it from its read model.
 */
@ApiTags('Отчёты')
@ApiCookieAuth()
@Controller('api/v1/pages/:pageId')
export class PagePrintController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('print')
  @Action('pages.print', { kind: 'page', param: 'pageId' })
  @ApiOperation({
    summary: 'Печать страницы журнала за период (PDF, A4)',
    description:
      'Как в бумажном журнале: слева ученики по датам с отметками («н» — отсутствие, несколько отметок через «/»), ' +
      'справа даты, темы уроков и домашние задания; в шапке школа, класс, предмет, учитель и период, внизу номера страниц.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF страницы журнала' })
  async print(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Query({ schema: PrintQuery }) { periodId }: z.infer<typeof PrintQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return fileReply(reply, await this.rpc.call(PagePrintRpc.pdf, { pageId, periodId }, { timeoutMs: REPORT_TIMEOUT_MS }));
  }
}
