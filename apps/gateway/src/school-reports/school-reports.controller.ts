import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CompletenessReport,
  ExportFormat,
  Id,
  LocalDate,
  PlanDeliveryRpc,
  type ReportRange,
  SchoolAttendance,
  SchoolDelivery,
  SchoolReportsRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { fileReply } from '../plans/file-reply.js';
import { REPORT_TIMEOUT_MS } from '../http/report-timeout.js';

const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };
const CLASS: ResourceLocator = { kind: 'class', param: 'classId' };
const SchoolParams = z.object({ schoolId: Id });
const ClassParams = z.object({ classId: Id });

const RangeQuery = z.object({
  periodId: Id.optional().meta({ description: 'Учебный период (или from и to)' }),
  from: LocalDate.optional().meta({ description: 'Начало диапазона дат' }),
  to: LocalDate.optional().meta({ description: 'Конец диапазона дат, включительно' }),
});
const Threshold = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const CompletenessQuery = RangeQuery.extend({
  minMarks: Threshold(3, 50).meta({ description: 'Накопляемость: сколько отметок должно быть у ученика на странице' }),
  minWeeklyLessons: Threshold(2, 20).meta({ description: 'Проверять накопляемость на страницах, где уроков в неделю не меньше' }),
});
const FileFormat = z.object({ format: ExportFormat.default('xlsx') });
const DeliveryQuery = z.object({
  periodId: Id.optional().meta({ description: 'Учебный период; без него — учебный год' }),
  yearId: Id.optional().meta({ description: 'Учебный год; по умолчанию — текущий' }),
});

function rangeOf(query: z.infer<typeof RangeQuery>): ReportRange {
  return {
    ...(query.periodId ? { periodId: query.periodId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  };
}

/**
 * The school's control reports (issue 6): completeness and timeliness for the coordinator (R-REP-3), attendance by
 * class, student and reason (R-ATT-1) with the class's printed sheet, and planned against delivered hours (R-PLAN-3).
 * Reporting answers the first two from its read model; planning the third.
 */
@ApiTags('Отчёты')
@ApiCookieAuth()
@Controller('api/v1')
export class SchoolReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('schools/:schoolId/reports/completeness')
  @Action('reports.completeness.read', SCHOOL)
  @ApiOperation({
    summary: 'Полнота и своевременность заполнения журнала (R-REP-3)',
    description:
      'По учителям и страницам: прошедшие уроки без темы и без отметки посещаемости, отметки, внесённые после дня урока, ' +
      'ученики с малым числом отметок (накопляемость), КТП не сдан к 10 сентября, итоговые отметки, отличающиеся от предложенных. ' +
      'Период (periodId) или диапазон дат (from, to).',
  })
  @ApiOkResponse({ standardSchema: CompletenessReport })
  completeness(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: CompletenessQuery }) query: z.infer<typeof CompletenessQuery>,
  ): Promise<CompletenessReport> {
    return this.rpc.call(SchoolReportsRpc.completeness, { schoolId, range: rangeOf(query), minMarks: query.minMarks, minWeeklyLessons: query.minWeeklyLessons }, { timeoutMs: REPORT_TIMEOUT_MS });
  }

  @Get('schools/:schoolId/reports/completeness/export')
  @Action('reports.completeness.read', SCHOOL)
  @ApiOperation({ summary: 'Полнота и своевременность заполнения журнала: файл XLSX (сводка и подробно) или CSV' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'Файл отчёта' })
  async completenessExport(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: CompletenessQuery.extend(FileFormat.shape) }) query: z.infer<typeof CompletenessQuery> & z.infer<typeof FileFormat>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.rpc.call(SchoolReportsRpc.completenessFile, {
      schoolId,
      range: rangeOf(query),
      minMarks: query.minMarks,
      minWeeklyLessons: query.minWeeklyLessons,
      format: query.format,
    }, { timeoutMs: REPORT_TIMEOUT_MS });
    return fileReply(reply, file);
  }

  @Get('schools/:schoolId/reports/attendance')
  @Action('reports.attendance.read', SCHOOL)
  @ApiOperation({
    summary: 'Посещаемость школы по классам и ученикам (R-ATT-1)',
    description: 'Пропуски по причинам (Б, УП, без уважительной, не указана), опоздания и точная доля посещённых уроков; период или диапазон дат.',
  })
  @ApiOkResponse({ standardSchema: SchoolAttendance })
  attendance(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: RangeQuery }) query: z.infer<typeof RangeQuery>,
  ): Promise<SchoolAttendance> {
    return this.rpc.call(SchoolReportsRpc.attendance, { schoolId, range: rangeOf(query) }, { timeoutMs: REPORT_TIMEOUT_MS });
  }

  @Get('schools/:schoolId/reports/attendance/export')
  @Action('reports.attendance.read', SCHOOL)
  @ApiOperation({ summary: 'Посещаемость школы по классам и ученикам: файл XLSX или CSV' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'Файл отчёта' })
  async attendanceExport(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: RangeQuery.extend(FileFormat.shape) }) query: z.infer<typeof RangeQuery> & z.infer<typeof FileFormat>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return fileReply(reply, await this.rpc.call(SchoolReportsRpc.attendanceFile, { schoolId, range: rangeOf(query), format: query.format }, { timeoutMs: REPORT_TIMEOUT_MS }));
  }

  @Get('classes/:classId/attendance/export')
  @Action('classes.attendance.read', CLASS)
  @ApiOperation({
    summary: 'Посещаемость класса за период или даты: PDF для печати (A4), XLSX или CSV',
    description: 'Каждый ученик: уроки, посещено, пропуски по причинам, опоздания, доля посещённых; итог по классу.',
  })
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'Файл' })
  async classAttendanceExport(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Query({ schema: RangeQuery.extend({ format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf') }) })
    query: z.infer<typeof RangeQuery> & { format: 'pdf' | 'xlsx' | 'csv' },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return fileReply(reply, await this.rpc.call(SchoolReportsRpc.classAttendanceFile, { classId, range: rangeOf(query), format: query.format }, { timeoutMs: REPORT_TIMEOUT_MS }));
  }

  @Get('schools/:schoolId/reports/plan-delivery')
  @Action('schools.plans.read', SCHOOL)
  @ApiOperation({
    summary: 'Выполнение программы: запланировано по КТП и проведено по каждой странице школы (R-PLAN-3)',
    description: 'За период (periodId — страницы его параллелей) или учебный год (yearId, по умолчанию текущий).',
  })
  @ApiOkResponse({ standardSchema: SchoolDelivery })
  planDelivery(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: DeliveryQuery }) query: z.infer<typeof DeliveryQuery>,
  ): Promise<SchoolDelivery> {
    return this.rpc.call(PlanDeliveryRpc.ofSchool, { schoolId, ...query }, { timeoutMs: REPORT_TIMEOUT_MS });
  }

  @Get('schools/:schoolId/reports/plan-delivery/export')
  @Action('schools.plans.read', SCHOOL)
  @ApiOperation({ summary: 'Выполнение программы по страницам школы: файл XLSX или CSV' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'Файл отчёта' })
  async planDeliveryExport(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: DeliveryQuery.extend(FileFormat.shape) }) query: z.infer<typeof DeliveryQuery> & z.infer<typeof FileFormat>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return fileReply(reply, await this.rpc.call(PlanDeliveryRpc.file, { schoolId, ...query }, { timeoutMs: REPORT_TIMEOUT_MS }));
  }
}
