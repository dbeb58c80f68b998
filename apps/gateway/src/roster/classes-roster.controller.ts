import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  ClassChange,
  ClassRoster,
  EndEnrollmentInput,
  EnrollInput,
  Enrollment,
  GroupChange,
  GroupMembersInput,
  NewClass,
  NewGroup,
  RosterClass,
  RosterGroup,
  RosterRpc,
} from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { ClassesQuery, ClassList, ClassParams, EnrollmentParams, GroupParams, SchoolParams } from './roster.views.js';

const SCHOOL = { kind: 'school', param: 'schoolId' } as const;
const CLASS = { kind: 'class', param: 'classId' } as const;

/**
 * Classes, groups and enrollments (R-CAL-3, R-CAL-4), kept by the school's management; the class teacher reads the
 * roster of their class. Nothing is deleted: classes and groups are archived, enrollments end. Repeating a command
 * with the same data changes nothing and answers the same.
 */
@ApiTags('Состав классов')
@ApiCookieAuth()
@Controller('api/v1')
export class ClassesRosterController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('schools/:schoolId/classes')
  @Action('classes.list', SCHOOL)
  @ApiOperation({ summary: 'Классы школы' })
  @ApiOkResponse({ standardSchema: ClassList })
  classes(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: ClassesQuery }) query: z.infer<typeof ClassesQuery>,
  ): Promise<z.infer<typeof ClassList>> {
    return this.rpc.call(RosterRpc.classes, {
      schoolId,
      includeArchived: query.includeArchived === 'true',
      ...(query.academicYear ? { academicYear: query.academicYear } : {}),
    });
  }

  @Post('schools/:schoolId/classes')
  @HttpCode(201)
  @Action('classes.create', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Создать класс (учебный год, параллель, буква, классный руководитель)' })
  @ApiCreatedResponse({ standardSchema: RosterClass })
  createClass(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Body({ schema: NewClass }) body: z.infer<typeof NewClass>,
  ): Promise<RosterClass> {
    return this.rpc.call(RosterRpc.createClass, { schoolId, ...body });
  }

  @Get('classes/:classId/roster')
  @Action('classes.roster.read', CLASS)
  @ApiOperation({ summary: 'Состав класса и его групп с датами зачисления и выбытия' })
  @ApiOkResponse({ standardSchema: ClassRoster })
  roster(@Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>): Promise<ClassRoster> {
    return this.rpc.call(RosterRpc.roster, { classId });
  }

  @Patch('classes/:classId')
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Переименовать класс (буква) или сменить классного руководителя' })
  @ApiOkResponse({ standardSchema: RosterClass })
  updateClass(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Body({ schema: ClassChange }) body: z.infer<typeof ClassChange>,
  ): Promise<RosterClass> {
    return this.rpc.call(RosterRpc.updateClass, { classId, ...body });
  }

  @Post('classes/:classId/archive')
  @HttpCode(200)
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Перенести класс в архив',
    description: 'Только класс без зачисленных учеников. Отметки, пропуски, страницы журнала и история класса остаются.',
  })
  @ApiOkResponse({ standardSchema: RosterClass })
  archiveClass(@Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>): Promise<RosterClass> {
    return this.rpc.call(RosterRpc.archiveClass, { classId });
  }

  @Post('classes/:classId/groups')
  @HttpCode(201)
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Создать группу (подгруппу) класса по предмету' })
  @ApiCreatedResponse({ standardSchema: RosterGroup })
  createGroup(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Body({ schema: NewGroup }) body: z.infer<typeof NewGroup>,
  ): Promise<RosterGroup> {
    return this.rpc.call(RosterRpc.createGroup, { classId, ...body });
  }

  @Patch('classes/:classId/groups/:groupId')
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Переименовать группу' })
  @ApiOkResponse({ standardSchema: RosterGroup })
  updateGroup(
    @Param({ schema: GroupParams }) params: z.infer<typeof GroupParams>,
    @Body({ schema: GroupChange }) body: z.infer<typeof GroupChange>,
  ): Promise<RosterGroup> {
    return this.rpc.call(RosterRpc.updateGroup, { ...params, ...body });
  }

  @Post('classes/:classId/groups/:groupId/archive')
  @HttpCode(200)
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Перенести группу в архив (только группу без учеников)' })
  @ApiOkResponse({ standardSchema: RosterGroup })
  archiveGroup(@Param({ schema: GroupParams }) params: z.infer<typeof GroupParams>): Promise<RosterGroup> {
    return this.rpc.call(RosterRpc.archiveGroup, params);
  }

  @Put('classes/:classId/groups/:groupId/members')
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Состав группы с даты',
    description: 'С этого дня в группе ровно эти ученики класса: остальные выбывают накануне, новые входят.',
  })
  @ApiOkResponse({ standardSchema: ClassRoster })
  setGroupMembers(
    @Param({ schema: GroupParams }) params: z.infer<typeof GroupParams>,
    @Body({ schema: GroupMembersInput }) body: z.infer<typeof GroupMembersInput>,
  ): Promise<ClassRoster> {
    return this.rpc.call(RosterRpc.setGroupMembers, { ...params, ...body });
  }

  @Post('classes/:classId/enrollments')
  @HttpCode(200)
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Зачислить ученика в класс с даты',
    description: 'Известного ученика (studentId) или нового (newStudent). Ученик в один день учится в одном классе: для перехода — перевод.',
  })
  @ApiOkResponse({ standardSchema: Enrollment })
  enroll(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Body({ schema: EnrollInput }) body: z.infer<typeof EnrollInput>,
  ): Promise<Enrollment> {
    return this.rpc.call(RosterRpc.enroll, { classId, ...body });
  }

  @Post('classes/:classId/enrollments/:enrollmentId/end')
  @HttpCode(200)
  @Action('classes.roster.write', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Отчислить: последний день ученика в классе (его группы класса заканчиваются тем же днём)' })
  @ApiOkResponse({ standardSchema: Enrollment })
  endEnrollment(
    @Param({ schema: EnrollmentParams }) params: z.infer<typeof EnrollmentParams>,
    @Body({ schema: EndEnrollmentInput }) body: z.infer<typeof EndEnrollmentInput>,
  ): Promise<Enrollment> {
    return this.rpc.call(RosterRpc.endEnrollment, { ...params, ...body });
  }
}
