import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { DiaryMarks, DiaryWeek } from '#contracts';
import type { AccessTarget } from '../access/access-decision.js';
import { AccessedResource } from '../access/access-target.decorator.js';
import { Action } from '../access/action.decorator.js';
import { CurrentSession } from '../session/current-session.decorator.js';
import type { SignedInSession } from '../session/gateway-session.js';
import { FamiliesService } from './families.service.js';
import { ChildrenView, DiaryQuery, StudentMarksQuery, StudentParams } from './family.views.js';

@ApiTags('Дневник')
@ApiCookieAuth()
@Controller('api/v1')
export class FamiliesController {
  constructor(private readonly families: FamiliesService) {}

  @Get('children')
  @Action('children.read')
  @ApiOperation({ summary: 'Дети вошедшего родителя' })
  @ApiOkResponse({ standardSchema: ChildrenView })
  children(@CurrentSession() signedIn: SignedInSession): Promise<ChildrenView> {
    return this.families.children(signedIn);
  }

  @Get('students/:studentId/diary')
  @Action('students.diary.read', { kind: 'student', param: 'studentId', dateQuery: 'week' })
  @ApiOperation({ summary: 'Электронный дневник ученика за неделю' })
  @ApiOkResponse({ standardSchema: DiaryWeek })
  diary(
    @CurrentSession() signedIn: SignedInSession,
    @AccessedResource() student: AccessTarget,
    @Param({ schema: StudentParams }) params: z.infer<typeof StudentParams>,
    @Query({ schema: DiaryQuery }) query: z.infer<typeof DiaryQuery>,
  ): Promise<DiaryWeek> {
    return this.families.diaryWeek(signedIn, student, params.studentId, query.week);
  }

  @Get('students/:studentId/marks')
  @Action('students.marks.read', { kind: 'student', param: 'studentId', dateQuery: 'date' })
  @ApiOperation({ summary: 'Отметки ученика по предметам за период, со средним баллом' })
  @ApiOkResponse({ standardSchema: DiaryMarks })
  marks(
    @CurrentSession() signedIn: SignedInSession,
    @AccessedResource() student: AccessTarget,
    @Param({ schema: StudentParams }) params: z.infer<typeof StudentParams>,
    @Query({ schema: StudentMarksQuery }) query: z.infer<typeof StudentMarksQuery>,
  ): Promise<DiaryMarks> {
    return this.families.marks(signedIn, student, params.studentId, query.date, query.periodId);
  }
}
