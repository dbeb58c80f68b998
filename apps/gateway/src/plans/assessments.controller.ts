import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AssessmentCheck, AssessmentRpc, AssessmentSchedule } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { fileReply } from './file-reply.js';
import { ClassParams, PeriodExportQuery, PeriodQuery } from './plan.views.js';

const CLASS: ResourceLocator = { kind: 'class', param: 'classId' };

/**
 * Assessment work of a class (letter of Рособрнадзор and Минпросвещения СК-228/03 of 2021): the schedule a school
 * publishes for each class and period, and the rules its plans and timetable break.
 */
@ApiTags('Оценочные процедуры')
@ApiCookieAuth()
@Controller('api/v1/classes/:classId/assessments')
export class AssessmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Action('classes.assessments.read', CLASS)
  @ApiOperation({
    summary: 'График оценочных процедур класса за период',
    description: 'Из КТП страниц класса: дата, номер урока, предмет, вид работы, тема; по умолчанию — текущий период.',
  })
  @ApiOkResponse({ standardSchema: AssessmentSchedule })
  schedule(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Query({ schema: PeriodQuery }) { periodId }: z.infer<typeof PeriodQuery>,
  ): Promise<AssessmentSchedule> {
    return this.rpc.call(AssessmentRpc.schedule, { classId, ...(periodId ? { periodId } : {}) });
  }

  @Get('export')
  @Action('classes.assessments.read', CLASS)
  @ApiOperation({ summary: 'График оценочных процедур класса за период в XLSX или CSV (для публикации)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'Файл графика' })
  async exportSchedule(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Query({ schema: PeriodExportQuery }) { periodId, format }: z.infer<typeof PeriodExportQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return fileReply(reply, await this.rpc.call(AssessmentRpc.exportSchedule, { classId, format, ...(periodId ? { periodId } : {}) }));
  }

  @Get('check')
  @Action('classes.assessments.read', CLASS)
  @ApiOperation({
    summary: 'Проверить оценочные процедуры класса по правилам письма СК-228/03',
    description:
      'Не больше одной в день в классе; не больше 10 % часов предмета в году; не на первом и не на последнем уроке дня, ' +
      'кроме предметов с одним уроком в неделю. Каждое нарушение — предупреждение с постоянным кодом.',
  })
  @ApiOkResponse({ standardSchema: AssessmentCheck })
  check(@Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>): Promise<AssessmentCheck> {
    return this.rpc.call(AssessmentRpc.check, { classId });
  }
}
