import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource } from 'typeorm';
import { JournalRpc, type Page, type Period, type PlanProgress } from '#contracts';
import { RpcClient } from '#platform';
import { ClassCalendar, type ClassLesson } from '../assessments/class-calendar.js';
import { GradePeriods } from '../assessments/grade-periods.js';
import { YearOfLabel } from '../assessments/year-of-label.js';
import { LessonEntity } from '../lessons/lesson.entity.js';
import { PlanAccess } from './plan-access.js';
import { ThematicPlansService } from './thematic-plans.service.js';
import { placeTopics } from './topic-placement.js';

/**
 * Planned against delivered hours of a page in a period (выполнение программы, R-PLAN-3). Planned: the hours of the
 * topics whose date — planned, or that of their first lesson when the plan is followed in order on the page's
 * calendar — falls in the period. Delivered: the conducted lessons of the period (a topic written, the lesson not
 * cancelled) linked to a plan topic, as the journal keeps them.
 */
@Injectable()
export class PlanProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccess,
    private readonly plans: ThematicPlansService,
    private readonly yearOfLabel: YearOfLabel,
    private readonly periods: GradePeriods,
    private readonly calendar: ClassCalendar,
    private readonly rpc: RpcClient,
  ) {}

  async of(pageId: string, periodId: string | undefined): Promise<PlanProgress> {
    const { page } = await this.access.page(pageId, 'plans.read');
    const year = await this.yearOfLabel.get(page.schoolId, page.academicYear);
    const period = await this.periods.periodOf(year, page.grade, periodId);
    const { progress } = await this.measure(page, period, this.calendar.lessons(year, page.classId, 'calendar'));
    return progress;
  }

  /**
   * The progress of a page over a span (a period, or the whole year for the school's report), the caller's right to
   * read it checked before; `classLessons` is the class's calendar (shared by the pages of a class).
   */
  async measure(
    page: Page,
    period: Pick<Period, 'id' | 'nameRu' | 'start' | 'end'>,
    classLessons: Promise<ClassLesson[]>,
  ): Promise<{ progress: PlanProgress; hasPlan: boolean }> {
    const pageId = page.id;
    const [plan, calendarLessons, { lessons: recorded }, cancelled] = await Promise.all([
      this.plans.current(page),
      classLessons,
      this.rpc.call(JournalRpc.pageLessonTopics, { pageId, from: period.start, to: period.end }),
      this.cancelledLessons(pageId, period),
    ]);
    const placed = placeTopics(
      plan.topics,
      calendarLessons.filter((lesson) => lesson.pageId === pageId),
    );
    const conducted = recorded.filter((lesson) => !cancelled.has(lesson.lessonId));
    const linked = conducted.filter((lesson) => lesson.planTopicId !== null);
    const inPlan = new Set(plan.topics.map((topic) => topic.id));
    const inPeriod = (date: string | null) => date !== null && period.start <= date && date <= period.end;
    const topics = placed.map(({ topic, expectedDate }) => ({
      topicId: topic.id,
      number: topic.number,
      title: topic.title,
      kind: topic.kind,
      hours: topic.hours,
      expectedDate,
      plannedInPeriod: inPeriod(expectedDate) ? topic.hours : 0,
      deliveredInPeriod: linked.filter((lesson) => lesson.planTopicId === topic.id).length,
    }));
    const progress: PlanProgress = {
      pageId,
      period: { id: period.id, nameRu: period.nameRu, start: period.start, end: period.end },
      plannedHours: topics.reduce((sum, topic) => sum + topic.plannedInPeriod, 0),
      deliveredHours: linked.length,
      conductedLessons: conducted.length,
      unlinkedLessons: conducted.length - linked.length,
      linkedToRemovedTopics: linked.filter((lesson) => !inPlan.has(lesson.planTopicId!)).length,
      topics,
    };
    return { progress, hasPlan: plan.version > 0 };
  }

  private async cancelledLessons(pageId: string, period: Pick<Period, 'start' | 'end'>): Promise<Set<string>> {
    const lessons = await this.dataSource.getRepository(LessonEntity).find({
      select: { id: true },
      where: { pageId, status: 'cancelled', date: Between(period.start, period.end) },
    });
    return new Set(lessons.map((lesson) => lesson.id));
  }
}
