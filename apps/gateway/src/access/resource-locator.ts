import type { ResourceKind } from '#policy';

/**
 * Where a route finds the resource its action is about, for the access check in front of it: a path parameter
 * holding the id, and for students and pages the query parameter with the date (default: today in the school's zone).
 * A lesson is checked as its journal page on the lesson's date, with the lesson's id (substitutions, R-ACC-3).
 */
export type ResourceLocator =
  | { kind: 'lesson'; param: string }
  | { kind: 'student'; param: string; dateQuery?: string }
  | { kind: 'page'; param: string; dateQuery?: string }
  | { kind: 'class'; param: string }
  | { kind: 'school'; param: string }
  | { kind: 'person'; param: string }
  | { kind: 'account'; param: string };

export const RESOURCE_METADATA = 'ej:resource';

/** The kind of resource a locator finds, as the policy table names it. */
export function resourceKindOf(locator: ResourceLocator): ResourceKind {
  return locator.kind === 'lesson' ? 'page' : locator.kind;
}

/** What a client is told about a resource that does not exist, or that it may not see: the same words (R-ACC). */
export const NOT_FOUND_MESSAGES: Record<ResourceLocator['kind'], string> = {
  lesson: 'Урок не найден',
  student: 'Ученик не найден',
  page: 'Страница журнала не найдена',
  class: 'Класс не найден',
  school: 'Школа не найдена',
  person: 'Человек не найден',
  account: 'Учётная запись не найдена',
};
