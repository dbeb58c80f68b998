import { DomainError, ErrorCode, type GradebookCollection, type OneRosterCollection } from '#contracts';
import { parseFilter } from './oneroster-query.js';

const BASE = ['sourcedId', 'status', 'dateLastModified', 'metadata'];

/**
 * The fields of each OneRoster 1.2 record type (the official Rostering description's `*DType` schemas and the gradebook
 * data model), so that a filter, sort or `fields` naming anything else is refused (invalid_filter_field,
 * invalid_selection_field) instead of quietly answering nothing.
 */
const FIELDS: Record<OneRosterCollection | GradebookCollection, ReadonlySet<string>> = {
  orgs: new Set([...BASE, 'name', 'type', 'identifier', 'parent', 'children']),
  academicSessions: new Set([...BASE, 'title', 'startDate', 'endDate', 'type', 'parent', 'children', 'schoolYear']),
  courses: new Set([...BASE, 'title', 'schoolYear', 'courseCode', 'grades', 'subjects', 'org', 'subjectCodes', 'resources']),
  classes: new Set([
    ...BASE,
    ...['title', 'classCode', 'classType', 'location', 'grades', 'subjects', 'course', 'school', 'terms', 'subjectCodes'],
    ...['periods', 'resources'],
  ]),
  users: new Set([
    ...BASE,
    ...['userMasterIdentifier', 'username', 'userIds', 'enabledUser', 'givenName', 'familyName', 'middleName'],
    ...['preferredFirstName', 'preferredMiddleName', 'preferredLastName', 'pronouns', 'roles', 'userProfiles'],
    ...['primaryOrg', 'identifier', 'email', 'sms', 'phone', 'agents', 'grades', 'password', 'resources'],
  ]),
  enrollments: new Set([...BASE, 'user', 'class', 'school', 'role', 'primary', 'beginDate', 'endDate']),
  categories: new Set([...BASE, 'title', 'weight']),
  lineItems: new Set([
    ...BASE,
    ...['title', 'description', 'assignDate', 'dueDate', 'class', 'school', 'category', 'gradingPeriod'],
    ...['academicSession', 'scoreScale', 'resultValueMin', 'resultValueMax', 'learningObjectiveSet'],
  ]),
  results: new Set([
    ...BASE,
    ...['lineItem', 'student', 'class', 'scoreScale', 'scoreStatus', 'score', 'textScore', 'scoreDate', 'comment'],
    ...['learningObjectiveSet', 'inProgress', 'incomplete', 'late', 'missing'],
  ]),
};

const topLevel = (path: string): string => path.split('.')[0]!;

function requireKnown(collection: OneRosterCollection | GradebookCollection, path: string, what: string): void {
  if (!FIELDS[collection].has(topLevel(path))) {
    throw new DomainError(ErrorCode.ValidationFailed, `${what}: у записей ${collection} нет поля ${path.slice(0, 100)}`);
  }
}

/** Refuses a filter, sort or `fields` that names a field the collection's records do not have. */
export function requireKnownFields(
  collection: OneRosterCollection | GradebookCollection,
  query: { filter?: string | undefined; sort?: string | undefined; fields?: string | undefined },
): void {
  if (query.filter !== undefined && query.filter.trim() !== '') {
    for (const { field } of parseFilter(query.filter).predicates) requireKnown(collection, field, 'Неверный фильтр');
  }
  if (query.sort !== undefined && query.sort.trim() !== '') requireKnown(collection, query.sort.trim(), 'Неверная сортировка');
  if (query.fields !== undefined && query.fields.trim() !== '') {
    for (const field of query.fields.split(',')) requireKnown(collection, field.trim(), 'Неверный список полей');
  }
}
