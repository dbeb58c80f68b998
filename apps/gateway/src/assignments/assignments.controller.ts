import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { IdentityRpc, type LessonDetails, Page, Substitution } from '#contracts';
import { RpcClient } from '#platform';
import { AccessedLesson } from '../access/accessed-lesson.decorator.js';
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
  @ApiOperation({ summary: 'Назначить замену на урок', description: 'Заменяющий учитель ведёт записи только в этом уроке.' })
  @ApiOkResponse({ standardSchema: Substitution })
  assignSubstitute(
    @Param({ schema: LessonParams }) _params: z.infer<typeof LessonParams>,
    @AccessedLesson() { lesson }: LessonDetails,
    @Body({ schema: SubstituteBody }) body: SubstituteBody,
  ): Promise<Substitution> {
    const { id: lessonId, pageId, date } = lesson;
    return this.rpc.call(IdentityRpc.assignSubstitute, { lessonId, pageId, date, teacherId: body.teacherId });
  }

  @Delete('lessons/:lessonId/substitute')
  @HttpCode(204)
  @Action('lessons.substitute', { kind: 'lesson', param: 'lessonId' })
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Отменить замену на уроке' })
  @ApiNoContentResponse({ description: 'Замены на уроке нет' })
  async removeSubstitute(
    @Param({ schema: LessonParams }) _params: z.infer<typeof LessonParams>,
    @AccessedLesson() { lesson }: LessonDetails,
  ): Promise<void> {
    await this.rpc.call(IdentityRpc.removeSubstitute, { lessonId: lesson.id, pageId: lesson.pageId, date: lesson.date });
  }
}
