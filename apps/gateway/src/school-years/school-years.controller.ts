import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Period, PeriodLog, PeriodReasonInput, PeriodsRpc, YearList } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { PeriodParams, SchoolParams, YearParams } from './school-years.views.js';

const SCHOOL = { kind: 'school', param: 'schoolId' } as const;
const OptionalReason = PeriodReasonInput.optional();

/**
 * The school's years and their periods (R-CAL-1). The deputy director or the director closes a period, the deputy
 * reopens it; while it is closed the journal and attendance refuse every edit in it (PERIOD_CLOSED). Every closing and
 * reopening is logged. Repeating a close or a reopen changes nothing and answers the same.
 */
@ApiTags('Учебный год')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId')
export class SchoolYearsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('years')
  @Action('years.read', SCHOOL)
  @ApiOperation({ summary: 'Учебные годы школы: периоды по параллелям, каникулы, праздничные и перенесённые дни' })
  @ApiOkResponse({ standardSchema: YearList })
  years(@Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>): Promise<YearList> {
    return this.rpc.call(PeriodsRpc.years, { schoolId });
  }

  @Post('periods/:periodId/close')
  @HttpCode(200)
  @Action('periods.close', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Закрыть период (четверть, полугодие, триместр)',
    description: 'Только начавшийся период. После закрытия отметки, темы, домашние задания и посещаемость в нём не меняются.',
  })
  @ApiOkResponse({ standardSchema: Period })
  close(
    @Param({ schema: PeriodParams }) params: z.infer<typeof PeriodParams>,
    @Body({ schema: OptionalReason }) body: z.infer<typeof OptionalReason>,
  ): Promise<Period> {
    return this.rpc.call(PeriodsRpc.close, { ...params, ...body });
  }

  @Post('periods/:periodId/reopen')
  @HttpCode(200)
  @Action('periods.reopen', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Открыть закрытый период заново (заместитель директора по УР)' })
  @ApiOkResponse({ standardSchema: Period })
  reopen(
    @Param({ schema: PeriodParams }) params: z.infer<typeof PeriodParams>,
    @Body({ schema: OptionalReason }) body: z.infer<typeof OptionalReason>,
  ): Promise<Period> {
    return this.rpc.call(PeriodsRpc.reopen, { ...params, ...body });
  }

  @Get('years/:yearId/period-log')
  @Action('periods.log.read', SCHOOL)
  @ApiOperation({ summary: 'Кто и когда закрывал и открывал периоды года, с основаниями' })
  @ApiOkResponse({ standardSchema: PeriodLog })
  periodLog(@Param({ schema: YearParams }) params: z.infer<typeof YearParams>): Promise<PeriodLog> {
    return this.rpc.call(PeriodsRpc.log, params);
  }
}
