import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { AbsenceNotice, AbsenceNoticesRpc } from '#contracts';
import { RpcClient } from '#platform';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import {
  ClassNoticesQuery,
  ClassParams,
  DecisionBody,
  NoticeBody,
  NoticeParams,
  NoticesView,
  StudentParams,
} from './attendance.views.js';

const STUDENT: ResourceLocator = { kind: 'student', param: 'studentId' };

/** Parents' notices of their children's absences and the class teacher's decisions (R-ATT-1). */
@ApiTags('Посещаемость')
@ApiCookieAuth()
@Controller('api/v1')
export class AbsenceNoticesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('students/:studentId/absence-notices')
  @HttpCode(201)
  @Action('students.absence-notices.send', STUDENT)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Родитель сообщает классному руководителю об отсутствии ребёнка (причина, даты)',
    description: 'Уведомление рассматривает классный руководитель класса ребёнка на первый день отсутствия.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Повтор запроса с тем же ключом не создаёт второе уведомление' })
  @ApiCreatedResponse({ standardSchema: AbsenceNotice })
  send(@Param({ schema: StudentParams }) params: z.infer<typeof StudentParams>, @Body({ schema: NoticeBody }) body: NoticeBody): Promise<AbsenceNotice> {
    return this.rpc.call(AbsenceNoticesRpc.send, { studentId: params.studentId, ...body });
  }

  @Get('students/:studentId/absence-notices')
  @Action('students.absence-notices.read', STUDENT)
  @ApiOperation({ summary: 'Уведомления об отсутствии ученика и решения по ним, новые первыми' })
  @ApiOkResponse({ standardSchema: NoticesView })
  ofStudent(@Param({ schema: StudentParams }) params: z.infer<typeof StudentParams>): Promise<NoticesView> {
    return this.rpc.call(AbsenceNoticesRpc.ofStudent, { studentId: params.studentId });
  }

  @Post('students/:studentId/absence-notices/:noticeId/decision')
  @HttpCode(200)
  @Action('students.absence-notices.decide', STUDENT)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Классный руководитель принимает или отклоняет уведомление',
    description: 'Принятое уведомление даёт причину пропускам в эти дни (болезнь — Б, иное — УП), также отмеченным позже.',
  })
  @ApiOkResponse({ standardSchema: AbsenceNotice })
  decide(@Param({ schema: NoticeParams }) params: z.infer<typeof NoticeParams>, @Body({ schema: DecisionBody }) body: DecisionBody): Promise<AbsenceNotice> {
    return this.rpc.call(AbsenceNoticesRpc.decide, { ...params, ...body });
  }

  @Get('classes/:classId/absence-notices')
  @Action('classes.absence-notices.read', { kind: 'class', param: 'classId' })
  @ApiOperation({ summary: 'Уведомления об отсутствии учеников класса, новые первыми' })
  @ApiOkResponse({ standardSchema: NoticesView })
  ofClass(
    @Param({ schema: ClassParams }) params: z.infer<typeof ClassParams>,
    @Query({ schema: ClassNoticesQuery }) query: z.infer<typeof ClassNoticesQuery>,
  ): Promise<NoticesView> {
    return this.rpc.call(AbsenceNoticesRpc.ofClass, { classId: params.classId, ...(query.status ? { status: query.status } : {}) });
  }
}
