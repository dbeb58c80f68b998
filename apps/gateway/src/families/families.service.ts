import { Injectable } from '@nestjs/common';
import { type Child, type DiaryMarks, type DiaryWeek, IdentityRpc, type LocalDate, ReportingRpc } from '#contracts';
import { weekStart } from '#domain';
import { RpcClient } from '#platform';
import { rolesAllowed } from '../access/permission-table.js';
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

  async diaryWeek(signedIn: SignedInSession, studentId: string, week: LocalDate | undefined): Promise<DiaryWeek> {
    const { date } = await this.readableStudent(signedIn, studentId, week, 'students.diary.read');
    return this.rpc.call(ReportingRpc.diaryWeek, { studentId, weekStart: weekStart(date) });
  }

  async marks(signedIn: SignedInSession, studentId: string, day: LocalDate | undefined, periodId: string | undefined): Promise<DiaryMarks> {
    const { date } = await this.readableStudent(signedIn, studentId, day, 'students.marks.read');
    return this.rpc.call(ReportingRpc.diaryMarks, { studentId, date, ...(periodId ? { periodId } : {}) });
  }

  /**
   * Asks identity first: a stranger's child and a missing one both come back NOT_FOUND. Without a date, "today" is
   * taken in the reader's school, then in the student's school when that differs.
   */
  private async readableStudent(
    { session }: SignedInSession,
    studentId: string,
    requested: LocalDate | undefined,
    action: 'students.diary.read' | 'students.marks.read',
  ): Promise<{ student: Child; date: LocalDate }> {
    const probeDate = requested ?? (await this.calendar.todayFor(session, rolesAllowed(action)));
    const { student } = await this.rpc.call(IdentityRpc.studentAccess, { studentId, date: probeDate });
    const date = requested ?? (student.schoolId ? await this.calendar.today(student.schoolId) : probeDate);
    return { student, date };
  }
}
