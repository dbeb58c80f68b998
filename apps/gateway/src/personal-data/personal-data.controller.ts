import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { PersonalDataInput, PersonalDataRpc, PersonCard } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { LogQuery } from '../admin-accounts/log-query.js';
import { PersonalDataLogPage, PersonParams, SchoolParams, StaffInput, StaffList, StaffMemberParams } from './personal-data.views.js';

const PERSON = { kind: 'person', param: 'personId' } as const;
const SCHOOL = { kind: 'school', param: 'schoolId' } as const;

/**
 * Personal data (R-ACC-2, 152-FZ): shown only to the staff on the school's personal-data list and to a child's
 * guardians, every read logged; the director keeps the list, the director and the IS coordinator read the log.
 * Answers with personal data are never cached.
 */
@ApiTags('Персональные данные')
@ApiCookieAuth()
@Controller('api/v1')
export class PersonalDataController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('people/:personId/personal-data')
  @Action('people.read', PERSON)
  @ApiOperation({
    summary: 'Человек и его персональные данные',
    description:
      'Персональные данные (дата рождения, адрес, телефоны, документ, СНИЛС) видят только работники из списка ' +
      'допущенных к персональным данным школы и родители своих детей; каждое чтение записывается в журнал. ' +
      'Остальные видят только имя (personalDataVisible = false).',
  })
  @ApiOkResponse({ standardSchema: PersonCard })
  read(
    @Param({ schema: PersonParams }) { personId }: z.infer<typeof PersonParams>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonCard> {
    void reply.header('cache-control', 'no-store');
    return this.rpc.call(PersonalDataRpc.read, { personId });
  }

  @Put('people/:personId/personal-data')
  @Action('people.personal-data.write', PERSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Записать персональные данные человека (целиком)',
    description: 'Администрация школы из списка допущенных к персональным данным. СНИЛС проверяется по контрольному числу.',
  })
  @ApiOkResponse({ standardSchema: PersonCard })
  write(
    @Param({ schema: PersonParams }) { personId }: z.infer<typeof PersonParams>,
    @Body({ schema: PersonalDataInput }) data: z.infer<typeof PersonalDataInput>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonCard> {
    void reply.header('cache-control', 'no-store');
    return this.rpc.call(PersonalDataRpc.write, { personId, data });
  }

  @Get('schools/:schoolId/personal-data-list')
  @Action('schools.personal-data-list.read', SCHOOL)
  @ApiOperation({ summary: 'Список работников, допущенных к персональным данным' })
  @ApiOkResponse({ standardSchema: StaffList })
  staff(@Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>): Promise<z.infer<typeof StaffList>> {
    return this.rpc.call(PersonalDataRpc.staff, { schoolId });
  }

  @Post('schools/:schoolId/personal-data-list')
  @HttpCode(200)
  @Action('schools.personal-data-list.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Допустить работника школы к персональным данным (директор)' })
  @ApiOkResponse({ standardSchema: StaffList })
  addStaff(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Body({ schema: StaffInput }) { personId }: z.infer<typeof StaffInput>,
  ): Promise<z.infer<typeof StaffList>> {
    return this.rpc.call(PersonalDataRpc.addStaff, { schoolId, personId });
  }

  @Delete('schools/:schoolId/personal-data-list/:personId')
  @HttpCode(204)
  @Action('schools.personal-data-list.write', SCHOOL)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Исключить работника из списка допущенных к персональным данным (директор)' })
  @ApiNoContentResponse({ description: 'Работника нет в списке' })
  async removeStaff(@Param({ schema: StaffMemberParams }) params: z.infer<typeof StaffMemberParams>): Promise<void> {
    await this.rpc.call(PersonalDataRpc.removeStaff, params);
  }

  @Get('schools/:schoolId/personal-data-log')
  @Action('schools.personal-data-log.read', SCHOOL)
  @ApiOperation({ summary: 'Журнал чтения персональных данных: кто, чьи, какие поля, когда (новые сначала)' })
  @ApiOkResponse({ standardSchema: PersonalDataLogPage })
  log(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: LogQuery }) query: LogQuery,
  ): Promise<z.infer<typeof PersonalDataLogPage>> {
    return this.rpc.call(PersonalDataRpc.log, { schoolId, limit: query.limit, ...(query.before ? { before: query.before } : {}) });
  }
}
