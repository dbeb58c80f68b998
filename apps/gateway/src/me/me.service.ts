import { Injectable } from '@nestjs/common';
import { IdentityRpc, type LocalDate, type Page, PlanningRpc, type Subject } from '#contracts';
import { RpcClient } from '#platform';
import { hasRole, SchoolCalendar } from '../schools-calendar/school-calendar.js';
import type { SignedInSession } from '../session/gateway-session.js';
import type { MeView, TeacherLesson } from './me.views.js';

@Injectable()
export class MeService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly calendar: SchoolCalendar,
  ) {}

  async me({ session }: SignedInSession): Promise<MeView> {
    const [classesLed, children] = await Promise.all([
      hasRole(session, 'teacher')
        ? this.rpc.call(IdentityRpc.classesLedBy, { teacherId: session.personId }).then((reply) => reply.classes)
        : [],
      hasRole(session, 'parent')
        ? this.rpc.call(IdentityRpc.childrenOfParent, { parentId: session.personId }).then((reply) => reply.children)
        : [],
    ]);
    const { accountId, personId, name, grants, csrfToken } = session;
    return { accountId, personId, name, grants, csrfToken, classesLed, children };
  }

  /**
   * The teacher's lessons of a day, in lesson order, with page and subject names joined in: the lessons of the pages
   * assigned to them that day and the lessons they substitute (R-ACC-3).
   */
  async lessonsOfDay({ session }: SignedInSession, requestedDate: LocalDate | undefined): Promise<TeacherLesson[]> {
    const date = requestedDate ?? (await this.calendar.todayFor(session, ['teacher']));
    const [{ pages }, { substitutions }] = await Promise.all([
      this.rpc.call(IdentityRpc.pagesOfTeacher, { teacherId: session.personId, date }),
      this.rpc.call(IdentityRpc.substitutionsOfTeacher, { teacherId: session.personId, date }),
    ]);
    const pageById = new Map<string, Page>([
      ...substitutions.map((substitution) => [substitution.page.id, substitution.page] as const),
      ...pages.map((page) => [page.id, page] as const),
    ]);
    if (!pageById.size) return [];
    const ownPages = new Set(pages.map((page) => page.id));
    const substituted = new Set(substitutions.map((substitution) => substitution.lessonId));
    const schoolIds = [...new Set([...pageById.values()].map((page) => page.schoolId))];
    const [{ lessons }, ...subjectLists] = await Promise.all([
      this.rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [...pageById.keys()], from: date, to: date }),
      ...schoolIds.map((schoolId) => this.rpc.call(PlanningRpc.listSubjects, { schoolId }).then((reply) => reply.subjects)),
    ]);
    const subjectName = new Map(subjectLists.flat().map((subject: Subject) => [`${subject.schoolId}:${subject.code}`, subject.nameRu]));
    return lessons
      .filter((lesson) => lesson.status === 'scheduled' && (ownPages.has(lesson.pageId) || substituted.has(lesson.id)))
      .sort((a, b) => a.lessonNumber - b.lessonNumber || a.startsAt.localeCompare(b.startsAt))
      .map((lesson) => {
        const page = pageById.get(lesson.pageId)!;
        return {
          lessonId: lesson.id,
          date: lesson.date,
          lessonNumber: lesson.lessonNumber,
          startsAt: lesson.startsAt,
          endsAt: lesson.endsAt,
          subjectCode: lesson.subjectCode,
          subjectName: subjectName.get(`${lesson.schoolId}:${lesson.subjectCode}`) ?? lesson.subjectCode,
          classId: lesson.classId,
          className: page.className,
          groupName: page.groupName,
          substitution: !ownPages.has(lesson.pageId),
        };
      });
  }
}
