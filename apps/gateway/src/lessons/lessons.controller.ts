import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AttendanceEntry, type LessonDetails, Mark } from '#contracts';
import { AccessedLesson } from '../access/accessed-lesson.decorator.js';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { entityTag, expectedVersion } from './entity-tag.js';
import {
  AttendanceBody,
  AttendanceParams,
  LessonContentBody,
  LessonContentView,
  LessonHistoryQuery,
  LessonHistoryView,
  LessonParams,
  LessonView,
  MarkBody,
  MarkDeleteQuery,
  MarkParams,
  MarkUpdateBody,
} from './lesson.views.js';
import { LessonsService } from './lessons.service.js';

const LESSON: ResourceLocator = { kind: 'lesson', param: 'lessonId' };

@ApiTags('Уроки')
@ApiCookieAuth()
@Controller('api/v1/lessons/:lessonId')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Get()
  @Action('lessons.read', LESSON)
  @ApiOperation({ summary: 'Урок: тема, задание, ученики с отметками и посещаемостью', description: 'ETag — версия записи урока.' })
  @ApiOkResponse({ standardSchema: LessonView })
  async read(
    @Param({ schema: LessonParams }) _params: z.infer<typeof LessonParams>,
    @AccessedLesson() details: LessonDetails,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonView> {
    const lesson = await this.lessons.lesson(details);
    void reply.header('etag', entityTag(lesson.version));
    return lesson;
  }

  @Put('content')
  @Action('lessons.content.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Записать тему и домашнее задание урока', description: 'If-Match с версией защищает от перезаписи чужих изменений.' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия записи урока, например "3"' })
  @ApiOkResponse({ standardSchema: LessonContentView })
  async saveContent(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Body({ schema: LessonContentBody }) body: LessonContentBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LessonContentView> {
    const saved = await this.lessons.saveContent(params.lessonId, body, expectedVersion(ifMatch));
    void reply.header('etag', entityTag(saved.version));
    return saved;
  }

  @Post('marks')
  @HttpCode(201)
  @Action('lessons.marks.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Поставить отметку ученику за урок' })
  @ApiCreatedResponse({ standardSchema: Mark })
  async addMark(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Body({ schema: MarkBody }) body: MarkBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Mark> {
    const mark = await this.lessons.addMark(params.lessonId, body);
    void reply.header('etag', entityTag(mark.version));
    return mark;
  }

  @Put('marks/:markId')
  @Action('lessons.marks.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Исправить отметку: значение, вид работы, комментарий (с причиной)',
    description:
      'Изменение сохраняется в истории (кто, когда, было, стало, причина); после дня урока — как запоздавшее (R-MARK-3, R-MARK-7). ' +
      'If-Match с версией отметки защищает от перезаписи чужих изменений; устаревшая версия — 409 с текущей отметкой (current).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия отметки, например "1"' })
  @ApiOkResponse({ standardSchema: Mark })
  async updateMark(
    @Param({ schema: MarkParams }) params: z.infer<typeof MarkParams>,
    @Body({ schema: MarkUpdateBody }) body: MarkUpdateBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Mark> {
    const mark = await this.lessons.updateMark(params, body, expectedVersion(ifMatch));
    void reply.header('etag', entityTag(mark.version));
    return mark;
  }

  @Delete('marks/:markId')
  @HttpCode(204)
  @Action('lessons.marks.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Удалить отметку (с причиной)',
    description:
      'Отметка уходит из страницы урока, дневника и средних баллов, но остаётся в истории: кто, когда, что было, причина (R-MARK-7). ' +
      'If-Match с версией отметки: устаревшая версия — 409 с текущей отметкой.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия отметки, например "2"' })
  @ApiNoContentResponse({ description: 'Отметка удалена' })
  async deleteMark(
    @Param({ schema: MarkParams }) params: z.infer<typeof MarkParams>,
    @Query({ schema: MarkDeleteQuery }) query: z.infer<typeof MarkDeleteQuery>,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.lessons.deleteMark(params, query.reason || null, expectedVersion(ifMatch));
  }

  @Get('history')
  @Action('lessons.history.read', LESSON)
  @ApiOperation({
    summary: 'История урока: отметки, тема, домашнее задание, тема КТП — кто, когда, было, стало, причина',
    description: 'Старые изменения сначала; удалённые отметки остаются в истории (R-MARK-7). Посещаемость — в …/attendance/history.',
  })
  @ApiOkResponse({ standardSchema: LessonHistoryView })
  history(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Query({ schema: LessonHistoryQuery }) query: z.infer<typeof LessonHistoryQuery>,
  ): Promise<LessonHistoryView> {
    return this.lessons.history(params.lessonId, query.studentId);
  }

  @Put('attendance/:studentId')
  @Action('lessons.attendance.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Отметить отсутствие (с причиной), опоздание (с минутами) или присутствие',
    description: 'If-Match с версией отметки защищает от перезаписи чужих изменений ("0" — ожидается, что ученик присутствовал); устаревшая версия — 409 с текущей отметкой (current).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия отметки посещаемости, например "2"' })
  @ApiOkResponse({ standardSchema: AttendanceEntry })
  async setAttendance(
    @Param({ schema: AttendanceParams }) params: z.infer<typeof AttendanceParams>,
    @Body({ schema: AttendanceBody }) body: AttendanceBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttendanceEntry> {
    const entry = await this.lessons.setAttendance(params.lessonId, params.studentId, body, expectedVersion(ifMatch));
    void reply.header('etag', entityTag(entry.version));
    return entry;
  }
}
