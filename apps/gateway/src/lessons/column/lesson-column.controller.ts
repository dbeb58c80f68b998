import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { LessonColumn, LessonColumnRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../../access/action.decorator.js';
import type { ResourceLocator } from '../../access/resource-locator.js';
import { entityTag, expectedVersion } from '../entity-tag.js';
import { LessonParams } from '../lesson.views.js';
import { LessonColumnBody } from './lesson-column.views.js';

const LESSON: ResourceLocator = { kind: 'lesson', param: 'lessonId' };

@ApiTags('Уроки')
@ApiCookieAuth()
@Controller('api/v1/lessons/:lessonId/column')
export class LessonColumnController {
  constructor(private readonly rpc: RpcClient) {}

  @Put()
  @Action('lessons.column.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Записать колонку урока целиком: тему, задание, отметки и посещаемость всех учеников',
    description:
      'Всё или ничего: если хоть одна часть отклонена (ученик не числится в классе, устаревшая версия записи урока, ' +
      'отметки или посещаемости ученика), не меняется ничего. If-Match — версия записи урока; устаревшая версия — 409 с ' +
      'текущей колонкой (current). ETag ответа — новая версия записи урока.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия записи урока, например "3"' })
  @ApiOkResponse({ standardSchema: LessonColumn })
  async save(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Body({ schema: LessonColumnBody }) body: LessonColumnBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonColumn> {
    const version = expectedVersion(ifMatch);
    const column = await this.rpc.call(LessonColumnRpc.save, {
      lessonId: params.lessonId,
      ...body,
      ...(version === undefined ? {} : { expectedVersion: version }),
    });
    void reply.header('etag', entityTag(column.version));
    return column;
  }
}
