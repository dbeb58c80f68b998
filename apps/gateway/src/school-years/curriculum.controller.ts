import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  Curriculum,
  CurriculumInitInput,
  CurriculumInitialized,
  CurriculumLine,
  CurriculumLineInput,
  CurriculumLog,
  CurriculumRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { CurriculumLineParams, CurriculumQuery, YearParams } from './school-years.views.js';

const SCHOOL = { kind: 'school', param: 'schoolId' } as const;
const OptionalInit = CurriculumInitInput.optional();

/**
 * The school's curriculum (учебный план) of a year by grade: hours, groups (R-CAL-3), marked or not (R-MARK-1).
 * Initialised from the federal curriculum in force for the year, then kept by the deputy director or the director;
 * every change is logged with who, when, the old and the new values.
 */
@ApiTags('Учебный план')
@ApiCookieAuth()
@Controller('api/v1/schools/:schoolId/years/:yearId/curriculum')
export class CurriculumController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Action('curriculum.read', SCHOOL)
  @ApiOperation({ summary: 'Учебный план года: предметы параллелей, часы в неделю и в год, деление на группы, отметки' })
  @ApiOkResponse({ standardSchema: Curriculum })
  get(
    @Param({ schema: YearParams }) params: z.infer<typeof YearParams>,
    @Query({ schema: CurriculumQuery }) query: z.infer<typeof CurriculumQuery>,
  ): Promise<Curriculum> {
    return this.rpc.call(CurriculumRpc.get, { ...params, ...(query.grade ? { grade: query.grade } : {}) });
  }

  @Post('initialize')
  @HttpCode(200)
  @Action('curriculum.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Заполнить план из федерального учебного плана',
    description: 'Добавляет только недостающие предметы параллелей; изменения, внесённые школой, остаются.',
  })
  @ApiOkResponse({ standardSchema: CurriculumInitialized })
  initialize(
    @Param({ schema: YearParams }) params: z.infer<typeof YearParams>,
    @Body({ schema: OptionalInit }) body: z.infer<typeof OptionalInit>,
  ): Promise<CurriculumInitialized> {
    return this.rpc.call(CurriculumRpc.initialize, { ...params, ...body });
  }

  @Put('grades/:grade/subjects/:subjectCode')
  @Action('curriculum.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Добавить предмет в параллель или изменить его строку плана',
    description: 'Часы в неделю, учебные недели, деление на группы, безотметочный предмет. Новому для школы предмету нужно название.',
  })
  @ApiOkResponse({ standardSchema: CurriculumLine })
  setLine(
    @Param({ schema: CurriculumLineParams }) params: z.infer<typeof CurriculumLineParams>,
    @Body({ schema: CurriculumLineInput }) body: z.infer<typeof CurriculumLineInput>,
  ): Promise<CurriculumLine> {
    return this.rpc.call(CurriculumRpc.setLine, { ...params, ...body });
  }

  @Get('log')
  @Action('curriculum.log.read', SCHOOL)
  @ApiOperation({ summary: 'Журнал изменений учебного плана: кто, когда, было и стало' })
  @ApiOkResponse({ standardSchema: CurriculumLog })
  log(@Param({ schema: YearParams }) params: z.infer<typeof YearParams>): Promise<CurriculumLog> {
    return this.rpc.call(CurriculumRpc.log, params);
  }
}
