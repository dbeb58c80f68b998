import { type Actor, JournalRpc, type Lesson, MarksRpc, PlanningRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { addDays, marksKeptInGrade } from '#domain';
import type { RpcClient } from '#platform';
import { required } from '../loader-helpers.js';
import type { DemoSchoolPlan } from '../school/demo-school-plan.js';

export interface LastDayContext {
  plan: DemoSchoolPlan;
  today: string;
  schoolId: string;
  personIds: Map<string, string>;
  pageIds: Map<string, string>;
  /** Account ids by login. */
  accountIds: Map<string, string>;
}

/** How far back the children's latest lesson is looked for (a long weekend, a short break). */
const LOOK_BACK_DAYS = 10;

/**
 * The demo's history is imported, and imported marks notify nobody. So that the `parent` login finds a feed on a fresh
 * demo, each of that parent's children (grades 2–11) gets, as their teacher enters it live, a mark on their latest
 * lesson that the teacher then corrects with a reason: a new mark and a changed one (old → new) for the parent to see.
 * Runs only with a first load of the history, so a later start adds nothing. Answers how many marks it entered.
 */
export async function enterLastDayLive(rpc: RpcClient, context: LastDayContext): Promise<number> {
  const { plan } = context;
  const parent = plan.logins.find((login) => login.login === 'parent');
  const family = parent && plan.families.find((candidate) => candidate.parentKeys.includes(parent.personKey));
  const year = plan.years.at(-1);
  if (!family || !year) return 0;
  const marked = new Map(plan.subjects.map((subject) => [subject.code, subject.marked]));
  const loginOfPerson = new Map(plan.logins.map((login) => [login.personKey, login.login]));
  let entered = 0;
  for (const childKey of family.childKeys) {
    const enrollment = year.enrollments.find((e) => e.studentKey === childKey && e.from < context.today && (e.to === null || e.to >= context.today));
    const schoolClass = enrollment && year.classes.find((candidate) => candidate.key === enrollment.classKey);
    if (!schoolClass || !marksKeptInGrade(schoolClass.grade)) continue;
    const pages = year.pages.filter((page) => page.classKey === schoolClass.key && page.groupKey === null && (marked.get(page.subjectCode) ?? true));
    const { lessons } = await rpc.call(
      PlanningRpc.lessonsOfPages,
      { pageIds: pages.map((page) => required(context.pageIds, page.key)), from: addDays(context.today, -LOOK_BACK_DAYS), to: addDays(context.today, -1) },
      { actor: SYSTEM_SEED_ACTOR },
    );
    const latest = latestScheduled(lessons);
    if (!latest) continue;
    const page = required(new Map(pages.map((candidate) => [required(context.pageIds, candidate.key), candidate])), latest.pageId);
    const teacherLogin = loginOfPerson.get(page.teacherKey);
    if (!teacherLogin) continue;
    const teacher: Actor = {
      kind: 'person',
      accountId: required(context.accountIds, teacherLogin),
      personId: required(context.personIds, page.teacherKey),
      grants: [{ role: 'teacher', schoolId: context.schoolId }],
    };
    const studentId = required(context.personIds, childKey);
    const mark = await rpc.call(JournalRpc.addMark, { lessonId: latest.id, studentId, value: 4, workKind: 'answer', comment: null }, { actor: teacher });
    await rpc.call(
      MarksRpc.update,
      { lessonId: latest.id, markId: mark.id, value: 5, workKind: 'answer', comment: null, reason: 'Ошибка при выставлении: ответ у доски оценён на «5»', expectedVersion: mark.version },
      { actor: teacher },
    );
    entered += 1;
  }
  return entered;
}

/** The last lesson held (not cancelled) before today, the latest of the day. */
function latestScheduled(lessons: readonly Lesson[]): Lesson | undefined {
  return lessons
    .filter((lesson) => lesson.status !== 'cancelled')
    .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber)
    .at(-1);
}
