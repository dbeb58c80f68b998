import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { RejectionInput, RosterRequest, RosterRequestInput, RosterRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import { ClassParams, RequestList, RequestParams, RequestsQuery, SchoolParams } from './roster.views.js';

const CLASS = { kind: 'class', param: 'classId' } as const;

/**
 * Roster change requests: the class teacher submits changes of their own class; the deputy, the director or the IS
 * coordinator applies them (with the very command they would run themselves) or rejects them with a reason.
 */
@ApiTags('Состав классов')
@ApiCookieAuth()
@Controller('api/v1')
export class RosterRequestsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('classes/:classId/roster-requests')
  @HttpCode(201)
  @Action('classes.roster-requests.submit', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Подать заявку на изменение состава своего класса (классный руководитель)',
    description: 'Зачислить, отчислить, перевести ученика или исправить имя. Заявку применяет или отклоняет администрация.',
  })
  @ApiCreatedResponse({ standardSchema: RosterRequest })
  submit(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Body({ schema: RosterRequestInput }) body: z.infer<typeof RosterRequestInput>,
  ): Promise<RosterRequest> {
    return this.rpc.call(RosterRpc.submitRequest, { classId, ...body });
  }

  @Get('classes/:classId/roster-requests')
  @Action('classes.roster-requests.read', CLASS)
  @ApiOperation({ summary: 'Заявки на изменение состава класса' })
  @ApiOkResponse({ standardSchema: RequestList })
  ofClass(
    @Param({ schema: ClassParams }) { classId }: z.infer<typeof ClassParams>,
    @Query({ schema: RequestsQuery }) query: z.infer<typeof RequestsQuery>,
  ): Promise<z.infer<typeof RequestList>> {
    return this.rpc.call(RosterRpc.classRequests, { classId, ...query });
  }

  @Get('schools/:schoolId/roster-requests')
  @Action('schools.roster-requests.read', { kind: 'school', param: 'schoolId' })
  @ApiOperation({ summary: 'Заявки на изменение состава классов школы (администрация)' })
  @ApiOkResponse({ standardSchema: RequestList })
  ofSchool(
    @Param({ schema: SchoolParams }) { schoolId }: z.infer<typeof SchoolParams>,
    @Query({ schema: RequestsQuery }) query: z.infer<typeof RequestsQuery>,
  ): Promise<z.infer<typeof RequestList>> {
    return this.rpc.call(RosterRpc.schoolRequests, { schoolId, ...query });
  }

  @Post('classes/:classId/roster-requests/:requestId/apply')
  @HttpCode(200)
  @Action('classes.roster-requests.decide', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Применить заявку (повторное применение ничего не меняет)' })
  @ApiOkResponse({ standardSchema: RosterRequest })
  apply(@Param({ schema: RequestParams }) params: z.infer<typeof RequestParams>): Promise<RosterRequest> {
    return this.rpc.call(RosterRpc.applyRequest, params);
  }

  @Post('classes/:classId/roster-requests/:requestId/reject')
  @HttpCode(200)
  @Action('classes.roster-requests.decide', CLASS)
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'Отклонить заявку с причиной' })
  @ApiOkResponse({ standardSchema: RosterRequest })
  reject(
    @Param({ schema: RequestParams }) params: z.infer<typeof RequestParams>,
    @Body({ schema: RejectionInput }) body: z.infer<typeof RejectionInput>,
  ): Promise<RosterRequest> {
    return this.rpc.call(RosterRpc.rejectRequest, { ...params, ...body });
  }
}
