import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClassSummary, Id, IdentityRpc, LocalDate, ReportingRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { SchoolCalendar } from '../schools-calendar/school-calendar.js';

const ClassParams = z.object({ classId: Id });
const SummaryQuery = z.object({
  date: LocalDate.optional().meta({ description: 'День внутри периода; по умолчанию — сегодня в часовом поясе школы' }),
  periodId: Id.optional(),
});

@ApiTags('Отчёты')
@ApiCookieAuth()
@Controller('api/v1/classes/:classId')
export class ClassesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly calendar: SchoolCalendar,
  ) {}

  @Get('summary')
  @Action('classes.summary.read', { kind: 'class', param: 'classId' })
  @ApiOperation({ summary: 'Сводная ведомость класса за период (средние баллы и предлагаемые отметки)' })
  @ApiOkResponse({ standardSchema: ClassSummary })
  async summary(
    @Param({ schema: ClassParams }) params: z.infer<typeof ClassParams>,
    @Query({ schema: SummaryQuery }) query: z.infer<typeof SummaryQuery>,
  ): Promise<ClassSummary> {
    // Identity checks again with the policy table (its class teacher, the school's management): NOT_FOUND otherwise.
    const schoolClass = await this.rpc.call(IdentityRpc.classAccess, { classId: params.classId });
    const date = query.date ?? (await this.calendar.today(schoolClass.schoolId));
    return this.rpc.call(ReportingRpc.classSummary, {
      classId: params.classId,
      date,
      ...(query.periodId ? { periodId: query.periodId } : {}),
    });
  }
}
