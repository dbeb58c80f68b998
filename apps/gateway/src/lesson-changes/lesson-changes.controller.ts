import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Lesson, LessonChange, LessonChangesRpc, TimetableRegeneration } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import {
  CancelLessonBody,
  ExtraLessonBody,
  LessonChangesQuery,
  LessonParams,
  MoveLessonBody,
  PageParams,
  RegenerateBody,
  SchoolParams,
} from './lesson-changes.views.js';

const LESSON: ResourceLocator = { kind: 'lesson', param: 'lessonId' };
const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };
const LessonChanges = z.array(LessonChange);

/**
 * The lesson calendar on a date (R-PLAN-3): the deputy director or the director cancels or moves a lesson, adds an
 * extra one, regenerates the calendar after the weekly timetable changed; every change is logged with who, when and why.
 */
@ApiTags('Расписание')
@ApiCookieAuth()
@Controller('api/v1')
export class LessonChangesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('lessons/:lessonId/cancel')
  @HttpCode(200)
  @Action('lessons.reschedule', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Отменить урок',
    description:
      'Урок остаётся в журнале с пометкой «отменён» и записей не принимает. Урок, в котором уже есть записи, не отменяется.',
  })
  @ApiOkResponse({ standardSchema: Lesson })
  cancel(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Body({ schema: CancelLessonBody }) body: CancelLessonBody,
  ): Promise<Lesson> {
    return this.rpc.call(LessonChangesRpc.cancel, { lessonId: params.lessonId, reason: body.reason });
  }

  @Post('lessons/:lessonId/move')
  @HttpCode(200)
  @Action('lessons.reschedule', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Перенести урок на другую дату или другой номер',
    description:
      'Урок сохраняет свои записи. Нельзя перенести на выходной, на каникулы и на время, когда у класса (группы) уже есть урок.',
  })
  @ApiOkResponse({ standardSchema: Lesson })
  move(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Body({ schema: MoveLessonBody }) body: MoveLessonBody,
  ): Promise<Lesson> {
    return this.rpc.call(LessonChangesRpc.move, { lessonId: params.lessonId, ...body });
  }

  @Post('pages/:pageId/extra-lessons')
  @HttpCode(201)
  @Action('lessons.reschedule', { kind: 'page', param: 'pageId' })
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Добавить урок страницы на дату вне недельного расписания',
    description: 'Повторный запрос того же урока возвращает его.',
  })
  @ApiCreatedResponse({ standardSchema: Lesson })
  addExtra(
    @Param({ schema: PageParams }) params: z.infer<typeof PageParams>,
    @Body({ schema: ExtraLessonBody }) body: ExtraLessonBody,
  ): Promise<Lesson> {
    return this.rpc.call(LessonChangesRpc.addExtra, { pageId: params.pageId, ...body });
  }

  @Get('schools/:schoolId/lesson-changes')
  @Action('schools.lesson-changes.read', SCHOOL)
  @ApiOperation({ summary: 'Журнал изменений расписания: кто, когда, что и почему изменил' })
  @ApiOkResponse({ standardSchema: LessonChanges })
  async changes(
    @Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>,
    @Query({ schema: LessonChangesQuery }) query: LessonChangesQuery,
  ): Promise<LessonChange[]> {
    return (await this.rpc.call(LessonChangesRpc.changes, { schoolId: params.schoolId, ...query })).changes;
  }

  @Post('schools/:schoolId/timetable/regenerate')
  @HttpCode(200)
  @Action('schools.timetable.regenerate', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Перестроить уроки по изменённому недельному расписанию',
    description:
      'С даты (по умолчанию — с сегодняшнего дня): лишние уроки без записей удаляются, недостающие добавляются. Уроки с отметками, ' +
      'посещаемостью или темой не удаляются и не переносятся — они возвращаются как конфликты. Без apply: true ничего не меняется.',
  })
  @ApiOkResponse({ standardSchema: TimetableRegeneration })
  regenerate(
    @Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>,
    @Body({ schema: RegenerateBody }) body: RegenerateBody,
  ): Promise<TimetableRegeneration> {
    return this.rpc.call(LessonChangesRpc.regenerate, { schoolId: params.schoolId, ...body });
  }
}
