import { ThematicPlanRpc } from '#contracts';
import type { RpcClient } from '#platform';
import { demoPlan, type ImportedPlan, planSavedOn } from './history/thematic-plans.js';
import type { DemoLoaderOptions, DemoLoadResult } from './load-demo-school.js';
import { chunks, required } from './loader-helpers.js';
import type { DemoYear } from './school/demo-school-plan.js';

/** Whether the loader's today falls in the year (its plans may still be missing). */
export function isCurrentYear(year: DemoYear, today: string): boolean {
  return year.request.start <= today && today <= year.request.end;
}

/** The КТП of a year's pages as their teachers saved them (R-PLAN-1, R-PLAN-3); pages with a plan keep it. */
export async function loadYearPlans(
  options: DemoLoaderOptions,
  year: DemoYear,
  result: DemoLoadResult,
  call: RpcClient['call'],
): Promise<number> {
  const current = isCurrentYear(year, options.today);
  const plans: ImportedPlan[] = [];
  for (const page of year.pages) {
    const savedOn = planSavedOn(page, year.request.start, current);
    if (savedOn === null || savedOn >= options.today) continue;
    plans.push(demoPlan(page, required(result.pageIds, page.key), required(result.personIds, page.teacherKey), savedOn));
  }
  let imported = 0;
  // Plans are a few hundred topics each: a handful a message keeps it well under NATS's limit.
  for (const batch of chunks(plans, 10)) imported += (await call(ThematicPlanRpc.importPlans, { plans: batch })).imported;
  return imported;
}
