import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ClassTimetable, EditedClassTimetable, SchoolBells, WeeklyTimetableRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { BellsBody, ClassTimetableBody, ClassTimetableParams, ClassTimetableQuery, SchoolParams } from './timetable.views.js';

const CLASS: ResourceLocator = { kind: 'class', param: 'classId' };
const SCHOOL: ResourceLocator = { kind: 'school', param: 'schoolId' };

/** The weekly timetable of a class and the school's bells (R-PLAN-3): staff read them, the deputy and the director keep them. */
@ApiTags('Расписание')
@ApiCookieAuth()
@Controller('api/v1')
export class TimetableController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('classes/:classId/timetable')
  @Action('classes.timetable.read', CLASS)
  @ApiOperation({ summary: 'Недельное расписание класса на учебный год' })
  @ApiOkResponse({ standardSchema: ClassTimetable })
  read(
    @Param({ schema: ClassTimetableParams }) params: z.infer<typeof ClassTimetableParams>,
    @Query({ schema: ClassTimetableQuery }) query: ClassTimetableQuery,
  ): Promise<ClassTimetable> {
    return this.rpc.call(WeeklyTimetableRpc.ofClass, { classId: params.classId, yearId: query.yearId });
  }

  @Put('classes/:classId/timetable')
  @Action('classes.timetable.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Заменить недельное расписание класса',
    description:
      'Ответ содержит предупреждения о нарушении правил проведения контрольных работ (письмо СК-228/03). ' +
      'Уроки в календаре меняются после перестроения: POST /api/v1/schools/{schoolId}/timetable/regenerate.',
  })
  @ApiOkResponse({ standardSchema: EditedClassTimetable })
  edit(
    @Param({ schema: ClassTimetableParams }) params: z.infer<typeof ClassTimetableParams>,
    @Body({ schema: ClassTimetableBody }) body: ClassTimetableBody,
  ): Promise<EditedClassTimetable> {
    return this.rpc.call(WeeklyTimetableRpc.editClass, { classId: params.classId, ...body });
  }

  @Get('schools/:schoolId/bells')
  @Action('schools.bells.read', SCHOOL)
  @ApiOperation({ summary: 'Расписание звонков школы' })
  @ApiOkResponse({ standardSchema: SchoolBells })
  bells(@Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>): Promise<SchoolBells> {
    return this.rpc.call(WeeklyTimetableRpc.bellsOf, { schoolId: params.schoolId });
  }

  @Put('schools/:schoolId/bells')
  @Action('schools.bells.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Заменить расписание звонков школы' })
  @ApiOkResponse({ standardSchema: SchoolBells })
  editBells(
    @Param({ schema: SchoolParams }) params: z.infer<typeof SchoolParams>,
    @Body({ schema: BellsBody }) body: BellsBody,
  ): Promise<SchoolBells> {
    return this.rpc.call(WeeklyTimetableRpc.editBells, { schoolId: params.schoolId, bells: body.bells });
  }
}
