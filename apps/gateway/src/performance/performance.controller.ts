import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ClassPeriodReport, Id, IdentityRpc, PerformanceRpc, type ReportFileFormat, SchoolPerformance } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { fileReply } from '../plans/file-reply.js';
import { REPORT_TIMEOUT_MS } from '../http/report-timeout.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ClassPeriodParams = z.object({ classId: Id, periodId: Id });
const SchoolPeriodParams = z.object({ schoolId: Id, periodId: Id });
const Format = z
  .enum(['json', 'xlsx', 'pdf'])
  .optional()
  .meta({ description: 'json (по умолчанию), xlsx или pdf; без параметра формат берётся из Accept (application/pdf, XLSX)' });
const ClassQuery = z.object({ format: Format });
const SchoolQuery = z.object({
  format: Format,
  compareWith: Id.optional().meta({ description: 'Период школы для сравнения: значения обоих периодов и изменение' }),
});

type Format = z.infer<typeof Format>;

/** The format asked for: `?format=`, else a file type the client accepts (only that type), else JSON. */
function formatOf(format: Format, accept: string | undefined): ReportFileFormat | 'json' {
  if (format) return format;
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  if (types.length === 1 && types[0] === 'application/pdf') return 'pdf';
  if (types.length === 1 && types[0] === XLSX_TYPE) return 'xlsx';
  return 'json';
}

const CLASS: ResourceLocator = { kind: 'class', param: 'classId' };
const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };

/**
 * Performance reports (issue 6, item 1; R-REP-1, R-REP-2): the class period summary for the class teacher and the
 * management, and the school report for the management, as JSON, XLSX or PDF; reporting builds them from its read model.
 */
@ApiTags('Отчёты')
@ApiCookieAuth()
@Controller('api/v1')
export class PerformanceController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('classes/:classId/periods/:periodId/summary')
  @Action('classes.summary.read', CLASS)
  @ApiOperation({
    summary: 'Сводная ведомость класса за период (R-REP-1): JSON, XLSX или PDF',
    description:
      'Ученики × предметы: точный средний балл, предлагаемая и итоговая отметки; пропуски (всего, по уважительной и ' +
      'неуважительной причине, опоздания); по классу и по каждому предмету — успеваемость, качество знаний, СОУ, ' +
      'средний балл; списки отличников, хорошистов, с одной «3» и неуспевающих. В расчёт идёт итоговая отметка, а где ' +
      'её нет — предлагаемая.',
  })
  @ApiProduces('application/json', XLSX_TYPE, 'application/pdf')
  @ApiOkResponse({ standardSchema: ClassPeriodReport })
  async classSummary(
    @Param({ schema: ClassPeriodParams }) { classId, periodId }: z.infer<typeof ClassPeriodParams>,
    @Query({ schema: ClassQuery }) query: z.infer<typeof ClassQuery>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClassPeriodReport | Buffer> {
    // Identity checks again with the policy table (its class teacher, the school's management): NOT_FOUND otherwise.
    await this.rpc.call(IdentityRpc.classAccess, { classId });
    const format = formatOf(query.format, accept);
    if (format === 'json') return this.rpc.call(PerformanceRpc.classReport, { classId, periodId }, { timeoutMs: REPORT_TIMEOUT_MS });
    return fileReply(reply, await this.rpc.call(PerformanceRpc.classReportFile, { classId, periodId, format }, { timeoutMs: REPORT_TIMEOUT_MS }));
  }

  @Get('schools/:schoolId/periods/:periodId/performance')
  @Action('schools.performance.read', SCHOOL)
  @ApiOperation({
    summary: 'Успеваемость школы за период (R-REP-2): по параллелям, классам, предметам и учителям',
    description:
      'Те же показатели, что в сводной ведомости. С compareWith — значения обоих периодов и изменение по каждой строке ' +
      '(классы сравниваются по названию). JSON, XLSX или PDF.',
  })
  @ApiProduces('application/json', XLSX_TYPE, 'application/pdf')
  @ApiOkResponse({ standardSchema: SchoolPerformance })
  async schoolPerformance(
    @Param({ schema: SchoolPeriodParams }) { schoolId, periodId }: z.infer<typeof SchoolPeriodParams>,
    @Query({ schema: SchoolQuery }) query: z.infer<typeof SchoolQuery>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SchoolPerformance | Buffer> {
    const request = { schoolId, periodId, ...(query.compareWith ? { compareWith: query.compareWith } : {}) };
    const format = formatOf(query.format, accept);
    if (format === 'json') return this.rpc.call(PerformanceRpc.schoolReport, request, { timeoutMs: REPORT_TIMEOUT_MS });
    return fileReply(reply, await this.rpc.call(PerformanceRpc.schoolReportFile, { ...request, format }, { timeoutMs: REPORT_TIMEOUT_MS }));
  }
}
