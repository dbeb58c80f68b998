import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { IdentityRpc, LessonChangesRpc, Page, Substitution } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { HandoverBody, LessonParams, PageParams, SubstituteBody } from './assignment.views.js';

@ApiTags('Нагрузка')
@ApiCookieAuth()
@Controller('api/v1')
export class AssignmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('pages/:pageId/handover')
  @HttpCode(200)
  @Action('pages.assign', { kind: 'page', param: 'pageId' })
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Передать страницу журнала другому учителю с даты',
    description: 'Прежний учитель с этой даты только читает страницу; его записи остаются, новый учитель их видит.',
  })
  @ApiOkResponse({ standardSchema: Page })
  handOver(
    @Param({ schema: PageParams }) params: z.infer<typeof PageParams>,
    @Body({ schema: HandoverBody }) body: HandoverBody,
  ): Promise<Page> {
    return this.rpc.call(IdentityRpc.handOverPage, { pageId: params.pageId, ...body });
  }

  @Put('lessons/:lessonId/substitute')
  @Action('lessons.substitute', { kind: 'lesson', param: 'lessonId' })
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Назначить замену на урок',
    description: 'Заменяющий учитель ведёт записи только в этом уроке. Замена попадает в журнал изменений расписания.',
  })
  @ApiOkResponse({ standardSchema: Substitution })
  assignSubstitute(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Body({ schema: SubstituteBody }) body: SubstituteBody,
  ): Promise<Substitution> {
    // Planning logs the change and assigns the substitute through identity (R-ACC-3, R-PLAN-3).
    const { lessonId } = params;
    return this.rpc.call(LessonChangesRpc.substitute, { lessonId, teacherId: body.teacherId, reason: body.reason ?? null });
  }

  @Delete('lessons/:lessonId/substitute')
  @HttpCode(204)
  @Action('lessons.substitute', { kind: 'lesson', param: 'lessonId' })
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Отменить замену на уроке' })
  @ApiNoContentResponse({ description: 'Замены на уроке нет' })
  async removeSubstitute(@Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>): Promise<void> {
    await this.rpc.call(LessonChangesRpc.removeSubstitute, { lessonId: params.lessonId, reason: null });
  }
}
