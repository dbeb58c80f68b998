import { createHash } from 'node:crypto';
import type { RpcRequest, ThematicPlanRpc } from '#contracts';
import { addDays } from '#domain';
import { createRandom } from '../random.js';
import type { PlanPage } from '../school/plan-types.js';
import { topicFor } from './lesson-topics.js';

export type ImportedPlan = RpcRequest<typeof ThematicPlanRpc.importPlans>['plans'][number];

const WEEKS_OF_TOPICS = 34;
const PRACTICAL_SUBJECTS = new Set(['physical-education', 'music', 'fine-arts', 'technology']);

/** The id of a page's n-th plan topic (from 0): the same on every load, so lessons link to it before and after. */
export function planTopicId(pageId: string, index: number): string {
  const hex = createHash('sha1').update(`ejournal-demo-plan:${pageId}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** How many topics a page's plan has: one an hour of the year's 34 weeks. */
export function planTopicCount(page: PlanPage): number {
  return page.hoursPerWeek * WEEKS_OF_TOPICS;
}

/**
 * When a page's КТП came (R-PLAN-1): most teachers save it in the last days of August or the first of September,
 * a few after 10 September, and in the current year a few not at all — so the coordinator's list has something to
 * show. Last year's plans all came in time. Null: no plan.
 */
export function planSavedOn(page: PlanPage, yearStart: string, currentYear: boolean): string | null {
  const random = createRandom(`ejournal-demo-plan:${page.key}`);
  const roll = random.next();
  if (currentYear && roll < 0.04) return null;
  if (currentYear && roll < 0.1) return addDays(yearStart, random.int(11, 24));
  return addDays(yearStart, random.int(-8, 8));
}

/** A page's plan: the topics its lessons follow in order, an hour each, every sixteenth a control work. */
export function demoPlan(page: PlanPage, pageId: string, teacherId: string, savedOn: string): ImportedPlan {
  const assessed = !PRACTICAL_SUBJECTS.has(page.subjectCode);
  return {
    pageId,
    authorId: teacherId,
    // In the afternoon of the school's zone (UTC+5 and thereabouts).
    savedAt: `${savedOn}T10:00:00.000Z`,
    topics: Array.from({ length: planTopicCount(page) }, (_, index) => ({
      id: planTopicId(pageId, index),
      title: topicFor(page.subjectCode, index),
      hours: 1,
      plannedDate: null,
      kind: assessed && index % 16 === 15 ? ('control-work' as const) : ('lesson' as const),
    })),
  };
}
