import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  IdentityRpc,
  type Page,
  type PagePlanStatus,
  PlanDeadlineStatus,
  type Person,
  type SchoolPlanStatus,
} from '#contracts';
import { schoolDateAt } from '#domain';
import { Clock, RpcClient } from '#platform';
import { SchoolToday } from '../school-time/school-today.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { YearsService } from '../years/years.service.js';
import { PlanAccess } from './plan-access.js';
import { planDeadline, planDeadlineStatus } from './plan-deadline.js';
import { ThematicPlanEntity } from './thematic-plan.entity.js';

/** The teachers of a page today; when none is assigned today, those of its latest assignment. */
export function teachersOf(page: Page, today: string, people: ReadonlyMap<string, Person>): PagePlanStatus['teachers'] {
  const running = page.assignments.filter((assignment) => assignment.from <= today && (assignment.to === null || assignment.to >= today));
  const latest = [...page.assignments].sort((a, b) => b.from.localeCompare(a.from))[0];
  const assignments = running.length > 0 ? running : latest ? [latest] : [];
  return assignments.flatMap(({ teacherId }) => {
    const person = people.get(teacherId);
    return person ? [{ id: person.id, name: { lastName: person.lastName, firstName: person.firstName, middleName: person.middleName } }] : [];
  });
}

/**
 * The coordinator's list (R-PLAN-1, R-REP-3): every page of a school in a year with its plan against 10 September,
 * judged in the school's time zone (R-CAL-2) at the Clock's instant.
 */
@Injectable()
export class PlanStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccess,
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
    private readonly schoolToday: SchoolToday,
    private readonly years: YearsService,
    private readonly subjects: SubjectsService,
  ) {}

  async ofSchool(schoolId: string, academicYear: string | undefined): Promise<SchoolPlanStatus> {
    await this.access.assertMay('schools.plans.read', { type: 'school', id: schoolId });
    const now = this.clock.now();
    const timeZone = await this.schoolToday.timeZone(schoolId);
    const today = schoolDateAt(now, timeZone);
    const label = academicYear ?? (await this.years.at(schoolId, today)).label;
    const [{ pages, teachers }, { subjects }] = await Promise.all([
      this.rpc.call(IdentityRpc.pagesOfSchool, { schoolId, academicYear: label }),
      this.subjects.list(schoolId),
    ]);
    const plans = pages.length === 0 ? [] : await this.dataSource.getRepository(ThematicPlanEntity).findBy({ pageId: In(pages.map((page) => page.id)) });
    const planOf = new Map(plans.map((plan) => [plan.pageId, plan]));
    const names = new Map(subjects.map((subject) => [subject.code, subject.nameRu]));
    const people = new Map(teachers.map((person) => [person.id, person]));
    const rows: PagePlanStatus[] = pages.map((page) => {
      const plan = planOf.get(page.id);
      return {
        pageId: page.id,
        classId: page.classId,
        className: page.className,
        grade: page.grade,
        subjectCode: page.subjectCode,
        subjectName: names.get(page.subjectCode) ?? page.subjectCode,
        groupName: page.groupName,
        teachers: teachersOf(page, today, people),
        status: planDeadlineStatus({ academicYear: label, submittedAt: plan?.submittedAt ?? null, now, timeZone }),
        submittedAt: plan?.submittedAt.toISOString() ?? null,
        lastRevisionAt: plan?.updatedAt.toISOString() ?? null,
        revisions: plan?.version ?? 0,
      };
    });
    const counts = Object.fromEntries(PlanDeadlineStatus.options.map((status) => [status, rows.filter((row) => row.status === status).length]));
    return {
      schoolId,
      academicYear: label,
      deadline: planDeadline(label),
      today,
      timeZone,
      counts: counts as SchoolPlanStatus['counts'],
      pages: rows,
    };
  }
}
