import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  PlanImportPreview,
  PlanProgress,
  PlanRevisionDetail,
  type PlanRevisionSummary,
  PlanSaved,
  SchoolPlanStatus,
  ThematicPlan,
  ThematicPlanRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { entityTag, expectedVersion } from '../lessons/entity-tag.js';
import { fileReply } from './file-reply.js';
import { PLAN_UPLOAD_TYPES, planUpload } from './plan-upload.js';
import {
  ExportQuery,
  LessonParams,
  LessonPlanTopics,
  PageParams,
  PeriodQuery,
  PlanInput,
  PlanStatusQuery,
  RevisionList,
  RevisionParams,
  SchoolParams,
  UploadQuery,
} from './plan.views.js';

const PAGE: ResourceLocator = { kind: 'page', param: 'pageId' };
const FILE_BODY = { description: 'Файл КТП: CSV или XLSX', schema: { type: 'string', format: 'binary' } } as const;
const IF_MATCH = { name: 'If-Match', required: false, description: 'Ожидаемая версия КТП (номер последней редакции), например "3"' };

/**
 * Calendar-thematic plans (КТП) of journal pages (R-PLAN-1…3): the page's current teacher (and the deputy director,
 * the director) writes the plan, whoever reads the page reads it; every save is a kept revision, comparable with the
 * one before it. Saves answer the assessment rules the plan breaks (letter СК-228/03) as warnings.
 */
@ApiTags('КТП')
@ApiCookieAuth()
@Controller('api/v1')
export class PlansController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('pages/:pageId/plan')
  @Action('plans.read', PAGE)
  @ApiOperation({ summary: 'КТП страницы журнала', description: 'ETag — номер последней редакции; 0 — КТП ещё не вносился.' })
  @ApiOkResponse({ standardSchema: ThematicPlan })
  async get(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ThematicPlan> {
    const plan = await this.rpc.call(ThematicPlanRpc.get, { pageId });
    void reply.header('etag', entityTag(plan.version));
    return plan;
  }

  @Put('pages/:pageId/plan')
  @Action('plans.write', PAGE)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Сохранить КТП: весь список тем по порядку',
    description:
      'Каждое сохранение, которое что-то меняет, — новая редакция (автор, время, весь список тем). Тема с id — тема ' +
      'прежней редакции. В ответе — предупреждения о правилах оценочных процедур (письмо СК-228/03), сохранение они не отменяют.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ standardSchema: PlanSaved })
  async save(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Body({ schema: PlanInput }) body: PlanInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanSaved> {
    const version = expectedVersion(ifMatch);
    const saved = await this.rpc.call(ThematicPlanRpc.save, { pageId, topics: body.topics, ...(version === undefined ? {} : { expectedVersion: version }) });
    void reply.header('etag', entityTag(saved.plan.version));
    return saved;
  }

  @Post('pages/:pageId/plan/import/preview')
  @HttpCode(200)
  @Action('plans.write', PAGE)
  @ApiSecurity('csrf')
  @ApiConsumes(...PLAN_UPLOAD_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Проверить файл КТП перед загрузкой (CSV или XLSX)',
    description:
      'Ничего не меняет: показывает, как прочитан файл, ошибки по строкам, темы, что изменится в КТП и предупреждения. ' +
      'Тело запроса — сам файл до 700 КБ: CSV в UTF-8 (с BOM или без) или windows-1251, через «;» или «,», либо XLSX.',
  })
  @ApiOkResponse({ standardSchema: PlanImportPreview })
  previewImport(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Query({ schema: UploadQuery }) { fileName }: z.infer<typeof UploadQuery>,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<PlanImportPreview> {
    return this.rpc.call(ThematicPlanRpc.previewImport, { pageId, file: planUpload(body, fileName, contentType) });
  }

  @Post('pages/:pageId/plan/import')
  @HttpCode(200)
  @Action('plans.write', PAGE)
  @ApiSecurity('csrf')
  @ApiConsumes(...PLAN_UPLOAD_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Загрузить КТП из файла (CSV или XLSX) как новую редакцию',
    description: 'Тело запроса — сам файл. Файл с ошибками не меняет ничего: ответ 422 со списком ошибок по строкам.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ standardSchema: PlanSaved })
  async importFile(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Query({ schema: UploadQuery }) { fileName }: z.infer<typeof UploadQuery>,
    @Headers('content-type') contentType: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanSaved> {
    const file = planUpload(body, fileName, contentType);
    const version = expectedVersion(ifMatch);
    const saved = await this.rpc.call(ThematicPlanRpc.importFile, { pageId, file, ...(version === undefined ? {} : { expectedVersion: version }) });
    void reply.header('etag', entityTag(saved.plan.version));
    return saved;
  }

  @Get('pages/:pageId/plan/export')
  @Action('plans.read', PAGE)
  @ApiOperation({ summary: 'Выгрузить КТП в XLSX или CSV (в формате загрузки)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'Файл КТП' })
  async exportFile(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Query({ schema: ExportQuery }) { format }: z.infer<typeof ExportQuery>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return fileReply(reply, await this.rpc.call(ThematicPlanRpc.exportFile, { pageId, format }));
  }

  @Get('pages/:pageId/plan/revisions')
  @Action('plans.read', PAGE)
  @ApiOperation({ summary: 'Редакции КТП: кто и когда сохранил, новые сверху (R-PLAN-2)' })
  @ApiOkResponse({ standardSchema: RevisionList })
  revisions(@Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>): Promise<{ revisions: PlanRevisionSummary[] }> {
    return this.rpc.call(ThematicPlanRpc.revisions, { pageId });
  }

  @Get('pages/:pageId/plan/revisions/:number')
  @Action('plans.read', PAGE)
  @ApiOperation({
    summary: 'Редакция КТП и её отличия от предыдущей',
    description: 'Темы сравниваются по постоянному id: добавленные, удалённые и изменённые (название, часы, дата, вид).',
  })
  @ApiOkResponse({ standardSchema: PlanRevisionDetail })
  revision(@Param({ schema: RevisionParams }) params: z.infer<typeof RevisionParams>): Promise<PlanRevisionDetail> {
    return this.rpc.call(ThematicPlanRpc.revision, params);
  }

  @Get('pages/:pageId/plan/progress')
  @Action('plans.read', PAGE)
  @ApiOperation({
    summary: 'Выполнение программы: часы по КТП и проведённые уроки за период (R-PLAN-3)',
    description:
      'По плану — часы тем, дата которых (плановая или первого урока темы по порядку КТП) в периоде; проведено — уроки ' +
      'периода с записанной темой, не отменённые и связанные с темой КТП.',
  })
  @ApiOkResponse({ standardSchema: PlanProgress })
  progress(
    @Param({ schema: PageParams }) { pageId }: z.infer<typeof PageParams>,
    @Query({ schema: PeriodQuery }) { periodId }: z.infer<typeof PeriodQuery>,
  ): Promise<PlanProgress> {
    return this.rpc.call(ThematicPlanRpc.progress, { pageId, ...(periodId ? { periodId } : {}) });
  }

  @Get('lessons/:lessonId/plan-topics')
  @Action('plans.read', { kind: 'lesson', param: 'lessonId' })
  @ApiOperation({ summary: 'Темы КТП страницы урока — чтобы связать урок с темой (planTopicId)' })
  @ApiOkResponse({ standardSchema: LessonPlanTopics })
  lessonTopics(@Param({ schema: LessonParams }) { lessonId }: z.infer<typeof LessonParams>): Promise<z.infer<typeof LessonPlanTopics>> {
    return this.rpc.call(ThematicPlanRpc.lessonTopics, { lessonId });
  }

  @Get('schools/:schoolId/plans/status')
  @Action('schools.plans.read', { kind: 'school', param: 'schoolId' })
  @ApiOperation({
    summary: 'КТП всех страниц школы к 10 сентября (R-PLAN-1)',
    description: 'Внесён вовремя, внесён с опозданием, не внесён — срок прошёл, не внесён — срок не наступил; по часовому поясу школы.',
  })
  @ApiOkResponse({ standardSchema: SchoolPlanStatus })
  schoolStatus(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: PlanStatusQuery }) { academicYear }: z.infer<typeof PlanStatusQuery>,
  ): Promise<SchoolPlanStatus> {
    return this.rpc.call(ThematicPlanRpc.schoolStatus, { schoolId, ...(academicYear ? { academicYear } : {}) });
  }
}
