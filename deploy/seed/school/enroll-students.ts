import type { YearRequest } from '../calendar/year-request.js';
import type { PlanClass, PlanEnrollment, PlanGroup, PlanMembership, PlanStudent } from './plan-types.js';

/** The transfer that shows R-CAL-4 in the demo: a student changes class in the middle of a quarter. */
export const DEMO_TRANSFER_DATE = '2026-11-16';

function startYearOf(request: YearRequest): number {
  return Number(request.label.slice(0, 4));
}

/**
 * Enrollments of a year's students in their classes and groups: each class's list in alphabetical order is split in
 * halves for the groups; in the current year one student moves to the parallel class mid-quarter.
 */
export function enrollStudents(
  request: YearRequest,
  classes: PlanClass[],
  groups: PlanGroup[],
  students: PlanStudent[],
): { enrollments: PlanEnrollment[]; memberships: PlanMembership[] } {
  const start = startYearOf(request);
  const isCurrentDemoYear = request.derived;
  const enrollments: PlanEnrollment[] = [];
  const memberships: PlanMembership[] = [];
  const byName = (a: PlanStudent, b: PlanStudent) =>
    a.name.lastName.localeCompare(b.name.lastName, 'ru') || a.name.firstName.localeCompare(b.name.firstName, 'ru');
  const rosterOf = new Map<string, PlanStudent[]>();
  for (const schoolClass of classes) {
    const cohort = start - schoolClass.grade + 1;
    rosterOf.set(
      schoolClass.key,
      students.filter((s) => s.cohort === cohort && s.letter === schoolClass.letter).sort(byName),
    );
  }
  // In the current year, the third student of a class "А" (grade 5 if possible) moves to "Б" mid-quarter.
  const hasParallel = (c: PlanClass) => c.letter === 'А' && classes.some((o) => o.grade === c.grade && o.letter === 'Б');
  const from = classes.find((c) => c.grade >= 5 && hasParallel(c)) ?? classes.find((c) => c.grade >= 2 && hasParallel(c));
  const to = from && classes.find((c) => c.grade === from.grade && c.letter === 'Б');
  const mover = isCurrentDemoYear && from ? rosterOf.get(from.key)?.[2] : undefined;

  for (const schoolClass of classes) {
    const roster = rosterOf.get(schoolClass.key)!;
    const end = request.derived ? null : request.end;
    for (const student of roster) {
      const leaves = mover && student.key === mover.key;
      enrollments.push({
        studentKey: student.key,
        classKey: schoolClass.key,
        from: request.start,
        to: leaves ? '2026-11-13' : end,
      });
    }
    const classGroups = groups.filter((group) => group.classKey === schoolClass.key);
    const half = Math.ceil(roster.length / 2);
    roster.forEach((student, index) => {
      const leaves = mover && student.key === mover.key;
      for (const group of classGroups.filter((g) => g.name.startsWith(index < half ? '1' : '2'))) {
        memberships.push({ studentKey: student.key, groupKey: group.key, from: request.start, to: leaves ? '2026-11-13' : end });
      }
    });
  }
  if (mover && to) {
    enrollments.push({ studentKey: mover.key, classKey: to.key, from: DEMO_TRANSFER_DATE, to: null });
    for (const group of groups.filter((g) => g.classKey === to.key && g.name.startsWith('1'))) {
      memberships.push({ studentKey: mover.key, groupKey: group.key, from: DEMO_TRANSFER_DATE, to: null });
    }
  }
  return { enrollments, memberships };
}
