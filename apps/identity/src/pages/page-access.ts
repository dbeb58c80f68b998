import { type Actor, type PageAssignment, personIdOf } from '#contracts';
import { managesSchool } from '../access/school-management.js';

export interface PageAccess {
  writable: boolean;
  readable: boolean;
}

/** Both ends included; an open assignment runs on. */
export function coversDate(assignment: PageAssignment, date: string): boolean {
  return assignment.from <= date && (assignment.to === null || date <= assignment.to);
}

/**
 * Writes: a teacher assigned to the page on that date (R-ACC-3). Reads: any teacher ever assigned to the page
 * (predecessors and successors), the class teacher of the page's class, and the school's management.
 */
export function pageAccess(
  actor: Actor,
  page: { schoolId: string; classTeacherId: string | null; assignments: readonly PageAssignment[] },
  date: string,
): PageAccess {
  if (actor.kind === 'system') return { writable: true, readable: true };
  const own = page.assignments.filter((assignment) => assignment.teacherId === personIdOf(actor));
  const writable = own.some((assignment) => coversDate(assignment, date));
  const readable =
    writable || own.length > 0 || page.classTeacherId === personIdOf(actor) || managesSchool(actor, page.schoolId);
  return { writable, readable };
}
