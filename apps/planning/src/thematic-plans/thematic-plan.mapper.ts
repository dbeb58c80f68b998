import type { Page, PlanRevisionSummary, PlanTopic, ThematicPlan } from '#contracts';
import type { PlanRevisionEntity } from './plan-revision.entity.js';
import type { PlanTopicEntity } from './plan-topic.entity.js';
import type { ThematicPlanEntity } from './thematic-plan.entity.js';
import { totalHours } from './plan-topics.js';

export function toPlanTopic({ pageId: _pageId, ...topic }: PlanTopicEntity): PlanTopic {
  return topic;
}

/** The plan of a page (as identity describes the page now); version 0 and no topics when nothing was saved. */
export function toThematicPlan(page: Page, plan: ThematicPlanEntity | null, topics: PlanTopic[]): ThematicPlan {
  return {
    pageId: page.id,
    schoolId: page.schoolId,
    classId: page.classId,
    className: page.className,
    grade: page.grade,
    subjectCode: page.subjectCode,
    groupId: page.groupId,
    groupName: page.groupName,
    academicYear: page.academicYear,
    version: plan?.version ?? 0,
    submittedAt: plan?.submittedAt.toISOString() ?? null,
    updatedAt: plan?.updatedAt.toISOString() ?? null,
    totalHours: totalHours(topics),
    topics,
  };
}

export function toRevisionSummary(revision: PlanRevisionEntity): PlanRevisionSummary {
  return {
    number: revision.number,
    authorId: revision.authorId,
    savedAt: revision.savedAt.toISOString(),
    source: revision.source,
    topicCount: revision.topics.length,
    totalHours: totalHours(revision.topics),
  };
}
