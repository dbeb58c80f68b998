import type { PersonalDataField, PersonName, RosterImportClass, RosterImportPerson, RosterImportPreview } from '#contracts';
import { defaultEnrollmentDate } from './roster-import-context.js';
import type { PersonalDataToFill, PersonRef, PersonToCreate, RosterImportPlan } from './roster-import-plan.js';

/** Entries shown per list: a reply is one NATS message (1 MiB); the summary counts everything. */
export const PREVIEW_LIST_LIMIT = 300;

/** The names of the people and classes a preview refers to, as the journal keeps them. */
export interface PreviewNames {
  people: ReadonlyMap<string, PersonName>;
  classes: ReadonlyMap<string, string>;
}

const UNKNOWN: PersonName = { lastName: '—', firstName: '—', middleName: null };

function shown<T>(list: readonly T[]): T[] {
  return list.slice(0, PREVIEW_LIST_LIMIT);
}

/** The plan's lists as the preview shows them (cut to the limit). */
function shownLists(plan: RosterImportPlan) {
  return {
    createPeople: shown(plan.createPeople),
    fillPersonalData: shown(plan.fillPersonalData),
    addEnrollments: shown(plan.addEnrollments),
    makeTransfers: shown(plan.makeTransfers),
    addGuardianships: shown(plan.addGuardianships),
    notInFile: shown(plan.notInFile),
  };
}

/** The people and classes already in the journal that the preview names: their names are looked up. */
export function previewReferences(plan: RosterImportPlan): { personIds: string[]; classIds: string[] } {
  const lists = shownLists(plan);
  const refs: PersonRef[] = [
    ...lists.addEnrollments.map((enrollment) => enrollment.student),
    ...lists.addGuardianships.flatMap((link) => [link.parent, link.student]),
  ];
  const personIds = [
    ...refs.flatMap((ref) => ('existing' in ref ? [ref.existing] : [])),
    ...lists.fillPersonalData.map((fill) => fill.personId),
    ...lists.makeTransfers.map((transfer) => transfer.studentId),
    ...lists.notInFile.map((student) => student.studentId),
  ];
  const classIds = [
    ...lists.addEnrollments.map((enrollment) => enrollment.classId),
    ...lists.makeTransfers.flatMap((transfer) => [transfer.fromClassId, transfer.toClassId]),
    ...lists.notInFile.map((student) => student.classId),
  ];
  return { personIds: [...new Set(personIds)], classIds: [...new Set(classIds)] };
}

function fieldsOf(given: Pick<PersonToCreate, 'birthDate' | 'document' | 'snils' | 'phone'> | PersonalDataToFill): PersonalDataField[] {
  const fields: PersonalDataField[] = [];
  if (given.birthDate !== undefined && given.birthDate !== null) fields.push('birthDate');
  if (given.phone !== undefined && given.phone !== null) fields.push('phones');
  if (given.document !== undefined && given.document !== null) fields.push('document');
  if (given.snils !== undefined && given.snils !== null) fields.push('snils');
  return fields;
}

/**
 * The dry run as the person who uploaded the file reads it: what would change, by row, with names; errors and notes.
 * Personal data values are not repeated, only which fields would be written.
 */
export function previewOf(plan: RosterImportPlan, digest: string, names: PreviewNames): RosterImportPreview {
  const lists = shownLists(plan);
  const createdNames = new Map(plan.createPeople.map((entry) => [entry.key, entry.name]));
  const existing = (personId: string): RosterImportPerson => ({ personId, key: null, name: names.people.get(personId) ?? UNKNOWN });
  const person = (ref: PersonRef): RosterImportPerson =>
    'existing' in ref ? existing(ref.existing) : { personId: null, key: ref.created, name: createdNames.get(ref.created) ?? UNKNOWN };
  const schoolClass = (classId: string): RosterImportClass => ({ classId, name: names.classes.get(classId) ?? '—' });
  const everything = [
    plan.createPeople,
    plan.fillPersonalData,
    plan.addEnrollments,
    plan.makeTransfers,
    plan.addGuardianships,
    plan.notInFile,
    plan.errors,
    plan.notes,
    plan.unchangedLines,
  ];
  return {
    digest,
    academicYear: plan.context.academicYear,
    effectiveDate: defaultEnrollmentDate(plan.context),
    summary: plan.summary,
    errors: shown(plan.errors),
    notes: shown(plan.notes),
    ignoredColumns: plan.ignoredColumns,
    createPeople: lists.createPeople.map((entry) => ({
      line: entry.line,
      key: entry.key,
      role: entry.role,
      name: entry.name,
      personalData: fieldsOf(entry),
    })),
    fillPersonalData: lists.fillPersonalData.map((fill) => ({ line: fill.line, person: existing(fill.personId), fields: fieldsOf(fill) })),
    addEnrollments: lists.addEnrollments.map((enrollment) => ({
      line: enrollment.line,
      student: person(enrollment.student),
      class: schoolClass(enrollment.classId),
      from: enrollment.from,
    })),
    makeTransfers: lists.makeTransfers.map((transfer) => ({
      line: transfer.line,
      student: existing(transfer.studentId),
      from: schoolClass(transfer.fromClassId),
      to: schoolClass(transfer.toClassId),
      date: transfer.date,
    })),
    addGuardianships: lists.addGuardianships.map((link) => ({ line: link.line, parent: person(link.parent), student: person(link.student) })),
    unchangedLines: shown(plan.unchangedLines),
    notInFile: lists.notInFile.map((student) => ({ student: existing(student.studentId), class: schoolClass(student.classId) })),
    truncated: everything.some((list) => list.length > PREVIEW_LIST_LIMIT),
  };
}
