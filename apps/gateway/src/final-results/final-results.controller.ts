import { Body, Controller, Get, Headers, Param, Put, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  FinalResultsRpc,
  ResultDeviations,
  ResultDeviationsRpc,
  ResultHistory,
  ResultInput,
  type ResultTerm,
  TermResultRow,
  TermResults,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { entityTag, expectedVersion } from '../lessons/entity-tag.js';
import {
  PagePeriodParams,
  PageYearParams,
  PeriodStudentParams,
  SchoolPeriodParams,
  SchoolYearParams,
  YearStudentParams,
} from './final-results.views.js';

const PAGE: ResourceLocator = { kind: 'page', param: 'pageId' };
const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Ожидаемая версия итоговой отметки, например "2"; "0" — отметки ещё нет. Устаревшая — 409 с текущей (current).',
};
const LIST_DESCRIPTION =
  'Ученики, итоговую отметку которых ведёт эта страница: те, кто в конце периода в этом классе (группе), и выбывшие — по ' +
  'последнему классу (R-CAL-4). У каждого — точный средний балл и предлагаемая отметка (среднее, округлённое вверх от ' +
  'половины один раз), выставленный результат с версией и признак отличия от предложенной.';

/**
 * Period and year results of journal pages (R-MARK-1, R-MARK-6, R-CAL-4): the page's teacher sets them guided by the
 * proposal; whoever reads the page reads them; a closed period refuses every change; results that differ from the
 * proposal are listed for the school's management.
 */
@ApiTags('Итоговые отметки')
@ApiCookieAuth()
@Controller('api/v1')
export class FinalResultsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('pages/:pageId/periods/:periodId/results')
  @Action('results.read', PAGE)
  @ApiOperation({ summary: 'Итоговые отметки страницы за период, со средними баллами и предлагаемыми отметками', description: LIST_DESCRIPTION })
  @ApiOkResponse({ standardSchema: TermResults })
  periodResults(@Param({ schema: PagePeriodParams }) { pageId, periodId }: z.infer<typeof PagePeriodParams>): Promise<TermResults> {
    return this.rpc.call(FinalResultsRpc.list, { pageId, term: 'period', termId: periodId });
  }

  @Put('pages/:pageId/periods/:periodId/results/:studentId')
  @Action('results.write', PAGE)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Выставить итоговую отметку ученика за период',
    description:
      'Отметка шкалы школы, н/а, осв.; по безотметочному предмету — зачёт или незачёт; null — снять. В закрытом периоде — ' +
      '409 PERIOD_CLOSED. Отметка, отличная от предложенной, видна заместителю директора.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ standardSchema: TermResultRow })
  setPeriodResult(
    @Param({ schema: PeriodStudentParams }) { pageId, periodId, studentId }: z.infer<typeof PeriodStudentParams>,
    @Body({ schema: ResultInput }) body: ResultInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermResultRow> {
    return this.set(reply, { pageId, term: 'period', termId: periodId, studentId }, body, ifMatch);
  }

  @Get('pages/:pageId/periods/:periodId/results/history')
  @Action('results.read', PAGE)
  @ApiOperation({ summary: 'История итоговых отметок страницы за период: кто, когда, было, стало, основание (R-MARK-7)' })
  @ApiOkResponse({ standardSchema: ResultHistory })
  periodHistory(@Param({ schema: PagePeriodParams }) { pageId, periodId }: z.infer<typeof PagePeriodParams>): Promise<ResultHistory> {
    return this.rpc.call(FinalResultsRpc.history, { pageId, term: 'period', termId: periodId });
  }

  @Get('pages/:pageId/years/:yearId/results')
  @Action('results.read', PAGE)
  @ApiOperation({
    summary: 'Годовые отметки страницы, с итогами периодов и предлагаемой годовой отметкой',
    description: 'Предлагаемая годовая — точное среднее числовых итогов периодов, округлённое вверх от половины; н/а и осв. не считаются нулями.',
  })
  @ApiOkResponse({ standardSchema: TermResults })
  yearResults(@Param({ schema: PageYearParams }) { pageId, yearId }: z.infer<typeof PageYearParams>): Promise<TermResults> {
    return this.rpc.call(FinalResultsRpc.list, { pageId, term: 'year', termId: yearId });
  }

  @Put('pages/:pageId/years/:yearId/results/:studentId')
  @Action('results.write', PAGE)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Выставить годовую отметку ученика',
    description: 'Меняется, пока открыт последний период года для параллели; потом — 409 PERIOD_CLOSED.',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ standardSchema: TermResultRow })
  setYearResult(
    @Param({ schema: YearStudentParams }) { pageId, yearId, studentId }: z.infer<typeof YearStudentParams>,
    @Body({ schema: ResultInput }) body: ResultInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TermResultRow> {
    return this.set(reply, { pageId, term: 'year', termId: yearId, studentId }, body, ifMatch);
  }

  @Get('pages/:pageId/years/:yearId/results/history')
  @Action('results.read', PAGE)
  @ApiOperation({ summary: 'История годовых отметок страницы (R-MARK-7)' })
  @ApiOkResponse({ standardSchema: ResultHistory })
  yearHistory(@Param({ schema: PageYearParams }) { pageId, yearId }: z.infer<typeof PageYearParams>): Promise<ResultHistory> {
    return this.rpc.call(FinalResultsRpc.history, { pageId, term: 'year', termId: yearId });
  }

  @Get('schools/:schoolId/periods/:periodId/result-deviations')
  @Action('results.deviations.read', SCHOOL)
  @ApiOperation({
    summary: 'Итоговые отметки за период, отличающиеся от предложенных (R-MARK-6)',
    description: 'Отметка не равна предложенной, отметка без отметок за период, н/а или осв. при предложенной отметке.',
  })
  @ApiOkResponse({ standardSchema: ResultDeviations })
  periodDeviations(@Param({ schema: SchoolPeriodParams }) { schoolId, periodId }: z.infer<typeof SchoolPeriodParams>): Promise<ResultDeviations> {
    return this.rpc.call(ResultDeviationsRpc.ofSchool, { schoolId, term: 'period', termId: periodId });
  }

  @Get('schools/:schoolId/years/:yearId/result-deviations')
  @Action('results.deviations.read', SCHOOL)
  @ApiOperation({ summary: 'Годовые отметки, отличающиеся от предложенных по итогам периодов (R-MARK-6)' })
  @ApiOkResponse({ standardSchema: ResultDeviations })
  yearDeviations(@Param({ schema: SchoolYearParams }) { schoolId, yearId }: z.infer<typeof SchoolYearParams>): Promise<ResultDeviations> {
    return this.rpc.call(ResultDeviationsRpc.ofSchool, { schoolId, term: 'year', termId: yearId });
  }

  private async set(
    reply: FastifyReply,
    target: { pageId: string; term: ResultTerm; termId: string; studentId: string },
    body: ResultInput,
    ifMatch: string | undefined,
  ): Promise<TermResultRow> {
    const version = expectedVersion(ifMatch);
    const row = await this.rpc.call(FinalResultsRpc.set, { ...target, ...body, ...(version === undefined ? {} : { expectedVersion: version }) });
    void reply.header('etag', entityTag(row.result?.version ?? 0));
    return row;
  }
}
