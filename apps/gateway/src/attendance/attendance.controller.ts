import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AttendanceEntry, AttendanceRpc, AttendanceSummaryRpc, ClassAttendance, DomainError, ErrorCode, IdentityRpc, StudentAttendance } from '#contracts';
import { RpcClient } from '#platform';
import type { AccessTarget } from '../access/access-decision.js';
import { AccessedResource } from '../access/access-target.decorator.js';
import { Action } from '../access/action.decorator.js';
import type { ResourceLocator } from '../access/resource-locator.js';
import { entityTag, expectedVersion } from '../lessons/entity-tag.js';
import { SchoolCalendar } from '../schools-calendar/school-calendar.js';
import { CurrentSession } from '../session/current-session.decorator.js';
import type { SignedInSession } from '../session/gateway-session.js';
import {
  AbsencesView,
  AttendanceHistoryView,
  ClassParams,
  HistoryQuery,
  LessonParams,
  LessonStudentParams,
  ReasonBody,
  ReasonForDatesBody,
  StudentParams,
  SummaryQuery,
} from './attendance.views.js';

const LESSON: ResourceLocator = { kind: 'lesson', param: 'lessonId' };
const STUDENT: ResourceLocator = { kind: 'student', param: 'studentId' };

/** Attendance beyond marking a lesson (R-ATT-1): reasons, history, summaries. The services decide again. */
@ApiTags('Посещаемость')
@ApiCookieAuth()
@Controller('api/v1')
export class AttendanceController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly calendar: SchoolCalendar,
  ) {}

  @Put('lessons/:lessonId/attendance/:studentId/reason')
  @Action('lessons.attendance.reasons.write', LESSON)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Классный руководитель подтверждает или меняет причину пропуска урока (любого предмета своего класса)',
    description: 'If-Match с версией отметки защищает от перезаписи чужих изменений; устаревшая версия — 409 с текущей отметкой.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Ожидаемая версия отметки посещаемости, например "2"' })
  @ApiOkResponse({ standardSchema: AttendanceEntry })
  async setReason(
    @Param({ schema: LessonStudentParams }) params: z.infer<typeof LessonStudentParams>,
    @Body({ schema: ReasonBody }) body: ReasonBody,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttendanceEntry> {
    const expected = expectedVersion(ifMatch);
    const entry = await this.rpc.call(AttendanceRpc.setReason, {
      ...params,
      ...body,
      ...(expected === undefined ? {} : { expectedVersion: expected }),
    });
    void reply.header('etag', entityTag(entry.version));
    return entry;
  }

  @Get('lessons/:lessonId/attendance/history')
  @Action('lessons.attendance.history.read', LESSON)
  @ApiOperation({ summary: 'История изменений посещаемости урока: кто, когда, что было и что стало, в том числе удаления' })
  @ApiOkResponse({ standardSchema: AttendanceHistoryView })
  history(
    @Param({ schema: LessonParams }) params: z.infer<typeof LessonParams>,
    @Query({ schema: HistoryQuery }) query: z.infer<typeof HistoryQuery>,
  ): Promise<AttendanceHistoryView> {
    return this.rpc.call(AttendanceRpc.lessonHistory, { lessonId: params.lessonId, ...(query.studentId ? { studentId: query.studentId } : {}) });
  }

  @Post('students/:studentId/absence-reasons')
  @HttpCode(200)
  @Action('students.absence-reasons.write', STUDENT)
  @ApiSecurity('csrf')
  @ApiOperation({
    summary: 'Классный руководитель указывает причину всех пропусков ученика за даты («болел с 3 по 5 декабря»)',
    description: 'Причину получают и пропуски, отмеченные в эти дни позже. Ответ — пропуски ученика за эти дни.',
  })
  @ApiOkResponse({ standardSchema: AbsencesView })
  reasonForDates(
    @Param({ schema: StudentParams }) params: z.infer<typeof StudentParams>,
    @Body({ schema: ReasonForDatesBody }) body: ReasonForDatesBody,
  ): Promise<AbsencesView> {
    return this.rpc.call(AttendanceRpc.setReasonForDates, { studentId: params.studentId, ...body });
  }

  @Get('students/:studentId/attendance')
  @Action('students.attendance.read', { kind: 'student', param: 'studentId', dateQuery: 'date' })
  @ApiOperation({ summary: 'Посещаемость ученика за период: уроки, пропуски по причинам, опоздания, доля посещённых уроков' })
  @ApiOkResponse({ standardSchema: StudentAttendance })
  async studentSummary(
    @CurrentSession() { session }: SignedInSession,
    @AccessedResource() student: AccessTarget,
    @Param({ schema: StudentParams }) params: z.infer<typeof StudentParams>,
    @Query({ schema: SummaryQuery }) query: z.infer<typeof SummaryQuery>,
  ): Promise<StudentAttendance> {
    // Today in the student's school (the reader's when the student is in no school today), as the diary does.
    const schoolId = student.facts.schoolIds[0] ?? session.grants[0]?.schoolId;
    const date = query.date ?? (schoolId ? await this.calendar.today(schoolId) : undefined);
    if (!date) throw new DomainError(ErrorCode.NotFound, 'Ученик не найден');
    // Identity checks again with the policy table (parents, the class teacher, the management): NOT_FOUND otherwise.
    await this.rpc.call(IdentityRpc.studentAccess, { studentId: params.studentId, date });
    return this.rpc.call(AttendanceSummaryRpc.ofStudent, {
      studentId: params.studentId,
      date,
      ...(query.periodId ? { periodId: query.periodId } : {}),
    });
  }

  @Get('classes/:classId/attendance')
  @Action('classes.attendance.read', { kind: 'class', param: 'classId' })
  @ApiOperation({ summary: 'Посещаемость класса за период: по каждому ученику и по классу в целом' })
  @ApiOkResponse({ standardSchema: ClassAttendance })
  async classSummary(
    @Param({ schema: ClassParams }) params: z.infer<typeof ClassParams>,
    @Query({ schema: SummaryQuery }) query: z.infer<typeof SummaryQuery>,
  ): Promise<ClassAttendance> {
    // Identity checks again with the policy table (its class teacher, the school's management): NOT_FOUND otherwise.
    const schoolClass = await this.rpc.call(IdentityRpc.classAccess, { classId: params.classId });
    const date = query.date ?? (await this.calendar.today(schoolClass.schoolId));
    return this.rpc.call(AttendanceSummaryRpc.ofClass, {
      classId: params.classId,
      date,
      ...(query.periodId ? { periodId: query.periodId } : {}),
    });
  }
}
