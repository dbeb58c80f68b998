import { Injectable } from '@nestjs/common';
import { type Child, type DiaryMarks, type DiaryWeek, DomainError, ErrorCode, IdentityRpc, type LocalDate, ReportingRpc } from '#contracts';
import { weekStart } from '#domain';
import { RpcClient } from '#platform';
import type { AccessTarget } from '../access/access-decision.js';
import { SchoolCalendar } from '../schools-calendar/school-calendar.js';
import type { SignedInSession } from '../session/gateway-session.js';
import type { ChildrenView } from './family.views.js';

/** A parent's children and a student's e-diary, for those identity lets read it (own child, class teacher, management). */
@Injectable()
export class FamiliesService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly calendar: SchoolCalendar,
  ) {}

  children({ session }: SignedInSession): Promise<ChildrenView> {
    return this.rpc.call(IdentityRpc.childrenOfParent, { parentId: session.personId });
  }

  async diaryWeek(signedIn: SignedInSession, target: AccessTarget, studentId: string, week: LocalDate | undefined): Promise<DiaryWeek> {
    const { date } = await this.readableStudent(signedIn, target, studentId, week);
    return this.rpc.call(ReportingRpc.diaryWeek, { studentId, weekStart: weekStart(date) });
  }

  async marks(
    signedIn: SignedInSession,
    target: AccessTarget,
    studentId: string,
    day: LocalDate | undefined,
    periodId: string | undefined,
  ): Promise<DiaryMarks> {
    const { date } = await this.readableStudent(signedIn, target, studentId, day);
    return this.rpc.call(ReportingRpc.diaryMarks, { studentId, date, ...(periodId ? { periodId } : {}) });
  }

  /**
   * The day to show: the one asked for, or today in the student's school (the reader's when the student is in no
   * school today). Identity checks again with the policy table that the reader may read the student: a stranger's
   * child and a missing one both come back NOT_FOUND.
   */
  private async readableStudent(
    { session }: SignedInSession,
    target: AccessTarget,
    studentId: string,
    requested: LocalDate | undefined,
  ): Promise<{ student: Child; date: LocalDate }> {
    const schoolId = target.facts.schoolIds[0] ?? session.grants[0]?.schoolId;
    const date = requested ?? (schoolId ? await this.calendar.today(schoolId) : undefined);
    if (!date) throw new DomainError(ErrorCode.NotFound, 'Ученик не найден');
    const { student } = await this.rpc.call(IdentityRpc.studentAccess, { studentId, date });
    return { student, date };
  }
}
