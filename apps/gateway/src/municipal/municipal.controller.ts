import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  DomainError,
  ErrorCode,
  Id,
  LocalDate,
  type MunicipalAttendanceFeed,
  MunicipalAttendanceFeed as MunicipalAttendanceFeedSchema,
  type MunicipalPerformance,
  MunicipalPerformance as MunicipalPerformanceSchema,
  MunicipalPerformanceGrouping,
  ReportingMunicipalRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { CLIENT_CREDENTIALS_SECURITY } from '../openapi/client-credentials-security.js';
import { REPORT_TIMEOUT_MS } from '../http/report-timeout.js';

const PerformanceParams = z.object({
  schoolId: Id.meta({ description: 'Школа, выданная клиенту' }),
  periodId: Id.meta({ description: 'Учебный период (четверть, полугодие) школы' }),
  groupBy: MunicipalPerformanceGrouping.default('class').meta({ description: 'По классам, предметам или школа целиком' }),
});
type PerformanceParams = z.infer<typeof PerformanceParams>;

const AttendanceParams = z.object({
  schoolId: Id.meta({ description: 'Школа, выданная клиенту' }),
  from: LocalDate,
  to: LocalDate,
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Только дни, где посещаемость изменилась после этого момента (cursor прошлой выгрузки)' }),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
  offset: z.coerce.number().int().min(0).default(0),
});
type AttendanceParams = z.infer<typeof AttendanceParams>;

/**
 * The municipal portal's reads beyond OneRoster (R-REP-5), under OAuth2 client credentials: a school's performance
 * figures for a period and its attendance per class and day. A school the client was not granted is not found.
 */
@ApiTags('Муниципальный портал')
@Controller('api/v1/municipal')
export class MunicipalController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('performance')
  @Action('municipal.performance.read')
  @ApiOAuth2(['performance.readonly'], CLIENT_CREDENTIALS_SECURITY)
  @ApiOperation({
    summary: 'Показатели успеваемости школы за период: по классам, предметам или по школе',
    description:
      'Для каждого ученика и предмета учитывается итоговая отметка за период, а если её нет — предлагаемая по точному ' +
      'среднему. Успеваемость, качество знаний и СОУ — проценты с одним знаком, средний балл — с двумя; считаются точно ' +
      'и округляются один раз (половина вверх).',
  })
  @ApiOkResponse({ standardSchema: MunicipalPerformanceSchema })
  performance(@Query({ schema: PerformanceParams }) query: PerformanceParams, @Req() request: FastifyRequest): Promise<MunicipalPerformance> {
    requireGrantedSchool(request, query.schoolId);
    return this.rpc.call(ReportingMunicipalRpc.performance, query, { timeoutMs: REPORT_TIMEOUT_MS });
  }

  @Get('attendance')
  @Action('municipal.attendance.read')
  @ApiOAuth2(['attendance.readonly'], CLIENT_CREDENTIALS_SECURITY)
  @ApiOperation({
    summary: 'Посещаемость школы по классам и дням: отсутствовавшие (по причинам) и опоздавшие',
    description:
      'Дни класса, в которые отмечены пропуски или опоздания. Выгрузка изменений: передайте cursor прошлого ответа как ' +
      'since — придут только дни, где что-то изменилось, с полными числами за день. Страницы: limit, offset, X-Total-Count.',
  })
  @ApiOkResponse({ standardSchema: MunicipalAttendanceFeedSchema })
  async attendance(
    @Query({ schema: AttendanceParams }) query: AttendanceParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MunicipalAttendanceFeed> {
    requireGrantedSchool(request, query.schoolId);
    const feed = await this.rpc.call(ReportingMunicipalRpc.attendanceFeed, query, { timeoutMs: REPORT_TIMEOUT_MS });
    reply.header('x-total-count', String(feed.total));
    return feed;
  }
}

/** Only machine clients, and only for the schools they were granted: any other school reads as missing. */
function requireGrantedSchool(request: FastifyRequest, schoolId: string): void {
  const principal = request.principal;
  if (principal?.kind !== 'client') throw new DomainError(ErrorCode.Forbidden, 'Доступно только внешним системам по ключу клиента');
  if (!principal.actor.schoolIds.includes(schoolId)) throw new DomainError(ErrorCode.NotFound, 'Школа не найдена');
}
