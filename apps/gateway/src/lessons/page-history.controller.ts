import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { JournalHistoryRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { PageHistoryQuery, PageHistoryView, PageParams } from './lesson.views.js';

/** The history of a journal page (R-MARK-7): whoever reads the page reads who changed what on it, and when. */
@ApiTags('Уроки')
@ApiCookieAuth()
@Controller('api/v1/pages/:pageId')
export class PageHistoryController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('history')
  @Action('pages.history.read', { kind: 'page', param: 'pageId' })
  @ApiOperation({
    summary: 'История страницы журнала: изменения отметок, тем и домашних заданий её уроков (новые сначала)',
    description:
      'Кто (также замещающий учитель и администратор), когда, было, стало, причина, запоздало ли; удалённые отметки остаются ' +
      'в истории. from/to — дни, когда вносились изменения, в часовом поясе школы; studentId — только отметки ученика.',
  })
  @ApiOkResponse({ standardSchema: PageHistoryView })
  history(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Query({ schema: PageHistoryQuery }) query: PageHistoryQuery,
  ): Promise<PageHistoryView> {
    // The journal checks again that the caller reads the page.
    return this.rpc.call(JournalHistoryRpc.ofPage, {
      pageId,
      limit: query.limit,
      ...(query.before ? { before: query.before } : {}),
      ...(query.studentId ? { studentId: query.studentId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
  }
}
