import { Injectable } from '@nestjs/common';
import { IdentityRpc, type LocalDate, PlanningRpc, type Subject } from '#contracts';
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

  /** The teacher's lessons of a day, in lesson order, with page and subject names joined in. */
  async lessonsOfDay({ session }: SignedInSession, requestedDate: LocalDate | undefined): Promise<TeacherLesson[]> {
    const date = requestedDate ?? (await this.calendar.todayFor(session, ['teacher']));
    const { pages } = await this.rpc.call(IdentityRpc.pagesOfTeacher, { teacherId: session.personId, date });
    if (!pages.length) return [];
    const schoolIds = [...new Set(pages.map((page) => page.schoolId))];
    const [{ lessons }, ...subjectLists] = await Promise.all([
      this.rpc.call(PlanningRpc.lessonsOfPages, { pageIds: pages.map((page) => page.id), from: date, to: date }),
      ...schoolIds.map((schoolId) => this.rpc.call(PlanningRpc.listSubjects, { schoolId }).then((reply) => reply.subjects)),
    ]);
    const subjectName = new Map(subjectLists.flat().map((subject: Subject) => [`${subject.schoolId}:${subject.code}`, subject.nameRu]));
    const pageById = new Map(pages.map((page) => [page.id, page]));
    return lessons
      .filter((lesson) => lesson.status === 'scheduled' && pageById.has(lesson.pageId))
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
        };
      });
  }
}
