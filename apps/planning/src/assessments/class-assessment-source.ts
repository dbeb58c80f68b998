import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AcademicYear, PlanTopic } from '#contracts';
import { SubjectsService } from '../subjects/subjects.service.js';
import { PlanTopicEntity } from '../thematic-plans/plan-topic.entity.js';
import type { CalendarLesson } from '../thematic-plans/topic-placement.js';
import { AnnualHours } from './annual-hours.js';
import { type CalendarSource, ClassCalendar } from './class-calendar.js';
import type { ClassAssessmentData, ClassPage } from './class-assessments.js';

/** A page of a class as a plan knows it. */
export interface PlanPageRef {
  pageId: string;
  subjectCode: string;
  groupId: string | null;
  groupName: string | null;
}

/** The class the rules are checked over. */
export interface ClassRef {
  classId: string;
  className: string;
  grade: number;
}

/** A plan as it would be saved (a save, a dry run of an import): it stands for the page's saved plan. */
export interface PlanDraft {
  page: PlanPageRef;
  topics: PlanTopic[];
}

/** Gathers what the assessment rules look at for a class in a year: its plans, its calendar, its subjects' hours. */
@Injectable()
export class ClassAssessmentSource {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: ClassCalendar,
    private readonly subjects: SubjectsService,
    private readonly annualHours: AnnualHours,
  ) {}

  async load(
    year: AcademicYear,
    schoolClass: ClassRef,
    options: { draft?: PlanDraft; source?: CalendarSource } = {},
  ): Promise<ClassAssessmentData> {
    const plans = await this.dataSource.query<PlanPageRef[]>(
      `SELECT page_id AS "pageId", subject_code AS "subjectCode", group_id AS "groupId", group_name AS "groupName"
         FROM thematic_plan WHERE class_id = $1 AND academic_year = $2 ORDER BY subject_code, group_name NULLS FIRST`,
      [schoolClass.classId, year.label],
    );
    const { draft } = options;
    const pages: PlanPageRef[] = plans.filter((plan) => plan.pageId !== draft?.page.pageId);
    if (draft) pages.push(draft.page);
    const [topics, lessons, weekly, { subjects }] = await Promise.all([
      this.topicsOf(pages.filter((page) => page.pageId !== draft?.page.pageId).map((page) => page.pageId)),
      this.calendar.lessons(year, schoolClass.classId, options.source ?? 'calendar'),
      this.weeklyLessons(year.id, schoolClass.classId),
      this.subjects.list(year.schoolId),
    ]);
    if (draft) topics.set(draft.page.pageId, draft.topics);
    const names = new Map(subjects.map((subject) => [subject.code, subject.nameRu]));
    const lessonsOf = new Map<string, CalendarLesson[]>();
    for (const lesson of lessons) {
      lessonsOf.set(lesson.pageId, [...(lessonsOf.get(lesson.pageId) ?? []), { date: lesson.date, lessonNumber: lesson.lessonNumber }]);
    }
    const classPages: ClassPage[] = await Promise.all(
      pages.map(async (page) => {
        const weeklyLessons = weekly.get(page.pageId) ?? 0;
        return {
          ...page,
          subjectName: names.get(page.subjectCode) ?? page.subjectCode,
          weeklyLessons,
          annualHours: await this.annualHours.of(year, schoolClass.grade, page.subjectCode, weeklyLessons),
          topics: topics.get(page.pageId) ?? [],
          lessons: lessonsOf.get(page.pageId) ?? [],
        };
      }),
    );
    return {
      classId: schoolClass.classId,
      className: schoolClass.className,
      pages: classPages,
      classLessons: lessons.map(({ date, lessonNumber }) => ({ date, lessonNumber })),
    };
  }

  /** The name of a class as its plans of the year know it; null when the class has no plan in the year. */
  async planClassName(year: AcademicYear, classId: string): Promise<string | null> {
    const [plan] = await this.dataSource.query<Array<{ className: string }>>(
      'SELECT class_name AS "className" FROM thematic_plan WHERE class_id = $1 AND academic_year = $2 LIMIT 1',
      [classId, year.label],
    );
    return plan?.className ?? null;
  }

  private async topicsOf(pageIds: string[]): Promise<Map<string, PlanTopic[]>> {
    const rows = pageIds.length === 0 ? [] : await this.dataSource.getRepository(PlanTopicEntity).find({
      where: { pageId: In(pageIds) },
      order: { pageId: 'ASC', number: 'ASC' },
    });
    const topics = new Map<string, PlanTopic[]>();
    for (const { pageId, ...topic } of rows) topics.set(pageId, [...(topics.get(pageId) ?? []), topic]);
    return topics;
  }

  private async weeklyLessons(yearId: string, classId: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ pageId: string; lessons: number }>>(
      `SELECT page_id AS "pageId", count(*)::int AS lessons FROM timetable_slot
        WHERE year_id = $1 AND class_id = $2 GROUP BY page_id`,
      [yearId, classId],
    );
    return new Map(rows.map((row) => [row.pageId, row.lessons]));
  }
}
