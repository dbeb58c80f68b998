import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  type AcademicYear,
  DomainError,
  ErrorCode,
  type Page,
  type PlanRevisionDetail,
  type PlanRevisionSummary,
  type PlanSaved,
  type PlanTopic,
  type PlanTopicInput,
  PlanningEvents,
  personIdOf,
  type ThematicPlan,
  type ThematicPlanRpc,
} from '#contracts';
import { russianDate } from '#spreadsheet';
import { Clock, currentActor, OutboxWriter, requireSystemActor } from '#platform';
import { AssessmentsService } from '../assessments/assessments.service.js';
import type { PlanDraft } from '../assessments/class-assessment-source.js';
import { YearOfLabel } from '../assessments/year-of-label.js';
import { LessonEntity } from '../lessons/lesson.entity.js';
import { PlanAccess, type PlanPage } from './plan-access.js';
import { planChanges } from './plan-changes.js';
import { PlanRevisionEntity } from './plan-revision.entity.js';
import { PlanTopicEntity } from './plan-topic.entity.js';
import { numberedTopics, sameTopics, totalHours } from './plan-topics.js';
import { ThematicPlanEntity } from './thematic-plan.entity.js';
import { toPlanTopic, toRevisionSummary, toThematicPlan } from './thematic-plan.mapper.js';

/** A page ready to be written: the page, its school and its year in planning's calendar. */
export interface WritablePlanPage extends PlanPage {
  year: AcademicYear;
}

/** The draft of a page's plan as the assessment rules look at it. */
export function draftOf(page: Page, topics: PlanTopic[]): PlanDraft {
  return { page: { pageId: page.id, subjectCode: page.subjectCode, groupId: page.groupId, groupName: page.groupName }, topics };
}

type PlanToImport = z.output<typeof ThematicPlanRpc.importPlans.request>['plans'][number];

/**
 * The calendar-thematic plans of journal pages (R-PLAN-1…3): read by the page's readers, written as a whole list of
 * topics by its current teacher (or the deputy, the director). Every save that changes something is a kept revision.
 */
@Injectable()
export class ThematicPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: PlanAccess,
    private readonly yearOfLabel: YearOfLabel,
    private readonly assessments: AssessmentsService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async get(pageId: string): Promise<ThematicPlan> {
    const { page } = await this.access.page(pageId, 'plans.read');
    return this.current(page);
  }

  async save(pageId: string, inputs: PlanTopicInput[], expectedVersion: number | undefined): Promise<PlanSaved> {
    return this.write(await this.writablePage(pageId), inputs, expectedVersion, 'edit');
  }

  /** The page once the caller may write its plan, with its school year (the dates of a plan are within it). */
  async writablePage(pageId: string): Promise<WritablePlanPage> {
    const planPage = await this.access.page(pageId, 'plans.write');
    const year = await this.yearOfLabel.get(planPage.page.schoolId, planPage.page.academicYear);
    return { ...planPage, year };
  }

  /** The plan now, in a transaction or not. */
  async current(page: Page, manager: EntityManager = this.dataSource.manager): Promise<ThematicPlan> {
    const [plan, topics] = await Promise.all([
      manager.getRepository(ThematicPlanEntity).findOneBy({ pageId: page.id }),
      this.topicsOf(manager, page.id),
    ]);
    return toThematicPlan(page, plan, topics);
  }

  /**
   * Saves the topics as the plan's next revision (R-PLAN-2): the same topics again change nothing; with
   * `expectedVersion` a stale edit is a VERSION_CONFLICT carrying the plan as it is. Answers the assessment rules the
   * saved plan breaks (warnings, never a refusal).
   */
  async write(
    target: WritablePlanPage,
    inputs: readonly PlanTopicInput[],
    expectedVersion: number | undefined,
    source: 'edit' | 'import',
  ): Promise<PlanSaved> {
    const { page, year } = target;
    assertWithinYear(inputs, year);
    const plan = await this.dataSource.transaction(async (manager) => {
      // One save of a page at a time: revisions are numbered one after another.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.plan:${page.id}`]);
      const current = await this.current(page, manager);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new DomainError(ErrorCode.VersionConflict, 'КТП уже изменён другим пользователем: обновите страницу', { current });
      }
      const topics = numberedTopics(inputs, current.topics, await this.knownTopicIds(manager, page.id));
      if (current.version > 0 && sameTopics(current.topics, topics)) return current;
      return this.append(manager, page, current, topics, source, { authorId: personIdOf(currentActor()), at: this.clock.now() });
    });
    const schoolClass = { classId: page.classId, className: page.className, grade: page.grade };
    return { plan, warnings: await this.assessments.forDraft(year, schoolClass, draftOf(page, plan.topics)) };
  }

  /**
   * Plans kept in another system, loaded as their teachers saved them, with their authors and times (R-DATA-2): the
   * first revision of each page, so the 10 September deadline is judged by when the plan really came. System actor
   * only; a page that already has a plan keeps it.
   */
  async importPlans(plans: readonly PlanToImport[]): Promise<{ imported: number; skipped: number }> {
    requireSystemActor();
    let imported = 0;
    for (const item of plans) {
      const { page, year } = await this.writablePage(item.pageId);
      assertWithinYear(item.topics, year);
      assertDistinctIds(item.topics);
      const loaded = await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`planning.plan:${page.id}`]);
        const current = await this.current(page, manager);
        if (current.version > 0) return false;
        const topics = item.topics.map((input, index) => ({
          id: input.id ?? randomUUID(),
          number: index + 1,
          title: input.title,
          hours: input.hours,
          plannedDate: input.plannedDate ?? null,
          kind: input.kind ?? 'lesson',
        }));
        await this.append(manager, page, current, topics, 'import', { authorId: item.authorId, at: new Date(item.savedAt) });
        return true;
      });
      if (loaded) imported += 1;
    }
    return { imported, skipped: plans.length - imported };
  }

  async revisions(pageId: string): Promise<{ revisions: PlanRevisionSummary[] }> {
    await this.access.page(pageId, 'plans.read');
    const revisions = await this.dataSource.getRepository(PlanRevisionEntity).find({ where: { pageId }, order: { number: 'DESC' } });
    return { revisions: revisions.map(toRevisionSummary) };
  }

  /** A revision and what it changed against the one before it, topic by topic (R-PLAN-2). */
  async revision(pageId: string, number: number): Promise<PlanRevisionDetail> {
    await this.access.page(pageId, 'plans.read');
    const repository = this.dataSource.getRepository(PlanRevisionEntity);
    const [revision, previous] = await Promise.all([
      repository.findOneBy({ pageId, number }),
      number > 1 ? repository.findOneBy({ pageId, number: number - 1 }) : Promise.resolve(null),
    ]);
    if (!revision) throw new DomainError(ErrorCode.NotFound, 'Такой редакции КТП нет', { number });
    return {
      revision: toRevisionSummary(revision),
      topics: revision.topics,
      previous: previous?.number ?? null,
      changes: planChanges(previous?.topics ?? [], revision.topics),
    };
  }

  /** The plan's topics of a lesson's page, for whoever writes or reads the lesson (its substitute too, R-PLAN-3). */
  async lessonTopics(lessonId: string): Promise<{ pageId: string; topics: PlanTopic[] }> {
    const lesson = await this.dataSource
      .getRepository(LessonEntity)
      .findOne({ select: { id: true, pageId: true, date: true }, where: { id: lessonId } });
    if (!lesson) throw new DomainError(ErrorCode.NotFound, 'Урок не найден');
    await this.access.assertMay(
      'plans.read',
      { type: 'page', id: lesson.pageId, date: lesson.date, lessonId },
      { notFound: 'Урок не найден' },
    );
    return { pageId: lesson.pageId, topics: await this.topicsOf(this.dataSource.manager, lesson.pageId) };
  }

  async topicsOf(manager: EntityManager, pageId: string): Promise<PlanTopic[]> {
    const topics = await manager.getRepository(PlanTopicEntity).find({ where: { pageId }, order: { number: 'ASC' } });
    return topics.map(toPlanTopic);
  }

  /** Ids of every topic the page's plan has had: an input may bring a removed topic back with its id. */
  private async knownTopicIds(manager: EntityManager, pageId: string): Promise<Set<string>> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT DISTINCT t.topic->>'id' AS id FROM plan_revision r, jsonb_array_elements(r.topics) AS t(topic) WHERE r.page_id = $1`,
      [pageId],
    );
    return new Set(rows.map((row) => row.id));
  }

  private async append(
    manager: EntityManager,
    page: Page,
    current: ThematicPlan,
    topics: PlanTopic[],
    source: 'edit' | 'import',
    saved: { authorId: string | null; at: Date },
  ): Promise<ThematicPlan> {
    const { authorId, at: now } = saved;
    const version = current.version + 1;
    const submittedAt = current.submittedAt ? new Date(current.submittedAt) : now;
    await manager.getRepository(ThematicPlanEntity).save({
      pageId: page.id,
      schoolId: page.schoolId,
      academicYear: page.academicYear,
      classId: page.classId,
      className: page.className,
      grade: page.grade,
      subjectCode: page.subjectCode,
      groupId: page.groupId,
      groupName: page.groupName,
      version,
      submittedAt,
      updatedAt: now,
    });
    await manager.getRepository(PlanTopicEntity).delete({ pageId: page.id });
    await manager.getRepository(PlanTopicEntity).insert(topics.map((topic) => ({ ...topic, pageId: page.id })));
    await manager.getRepository(PlanRevisionEntity).insert({ pageId: page.id, number: version, authorId, savedAt: now, source, topics });
    await this.outbox.append(manager, PlanningEvents.thematicPlanRevised, {
      pageId: page.id,
      schoolId: page.schoolId,
      classId: page.classId,
      subjectCode: page.subjectCode,
      academicYear: page.academicYear,
      revision: version,
      authorId,
      source,
      savedAt: now.toISOString(),
      submittedAt: submittedAt.toISOString(),
      topicCount: topics.length,
      totalHours: totalHours(topics),
    });
    const plan = await manager.getRepository(ThematicPlanEntity).findOneByOrFail({ pageId: page.id });
    return toThematicPlan(page, plan, topics);
  }
}

/** Planned dates are days of the plan's school year. */
function assertWithinYear(inputs: readonly PlanTopicInput[], year: AcademicYear): void {
  inputs.forEach((input, index) => {
    const date = input.plannedDate;
    if (date && (date < year.start || date > year.end)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Тема ${index + 1}: дата ${russianDate(date)} вне ${year.label} учебного года (${russianDate(year.start)}–${russianDate(year.end)})`,
        { number: index + 1, plannedDate: date },
      );
    }
  });
}

/** Topic ids given by an import name one topic each. */
function assertDistinctIds(inputs: readonly PlanTopicInput[]): void {
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    if (input.id === undefined) return;
    if (seen.has(input.id)) {
      throw new DomainError(ErrorCode.ValidationFailed, `Тема ${index + 1}: эта тема уже есть в списке`, { number: index + 1 });
    }
    seen.add(input.id);
  });
}
