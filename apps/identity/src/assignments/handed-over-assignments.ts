import type { PageAssignment } from '#contracts';
import { addDays } from '#domain';

/**
 * The assignments of a page after handing it to `teacherId` from `from` (R-ACC-3): assignments that end before that
 * day stay, the ones running then end the day before, later ones give way, and the new teacher takes the page on
 * with no end. A teacher who simply goes on is not split in two.
 */
export function handedOverAssignments(assignments: readonly PageAssignment[], teacherId: string, from: string): PageAssignment[] {
  const dayBefore = addDays(from, -1);
  const kept = assignments
    .filter((assignment) => assignment.from < from)
    .map((assignment) => (assignment.to === null || assignment.to >= from ? { ...assignment, to: dayBefore } : { ...assignment }));
  const continued = kept.find((assignment) => assignment.teacherId === teacherId && assignment.to === dayBefore);
  if (continued) continued.to = null;
  else kept.push({ teacherId, from, to: null });
  return kept.sort((a, b) => a.from.localeCompare(b.from) || a.teacherId.localeCompare(b.teacherId));
}

export function sameAssignments(a: readonly PageAssignment[], b: readonly PageAssignment[]): boolean {
  const key = (list: readonly PageAssignment[]) =>
    JSON.stringify(
      list
        .map(({ teacherId, from, to }) => ({ teacherId, from, to }))
        .sort((x, y) => x.from.localeCompare(y.from) || x.teacherId.localeCompare(y.teacherId)),
    );
  return key(a) === key(b);
}
