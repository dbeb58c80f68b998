import { dateCell, type ExportCell, type ExportTable } from '#spreadsheet';
import { byName } from '../people/by-name.js';
import { STUDENT_COLUMNS } from '../roster-import/roster-columns.js';
import type { RosterSnapshot, SnapshotClass, SnapshotEnrollment, SnapshotPerson } from '../roster-import/roster-snapshot.js';
import { formatSnils } from '../roster-import/snils.js';
import type { RosterExportRequest } from './roster-export-request.js';

const collator = new Intl.Collator('ru');

function classOrder(a: SnapshotClass, b: SnapshotClass): number {
  return a.grade - b.grade || collator.compare(a.letter, b.letter);
}

function runsOn(enrollment: SnapshotEnrollment, date: string): boolean {
  return enrollment.from <= date && (enrollment.to === null || enrollment.to >= date);
}

function headers(request: RosterExportRequest, parentSlots: number): string[] {
  const titles: string[] = [STUDENT_COLUMNS.className.title, STUDENT_COLUMNS.lastName.title, STUDENT_COLUMNS.firstName.title];
  titles.push(STUDENT_COLUMNS.middleName.title);
  if (request.personalData) {
    titles.push(STUDENT_COLUMNS.birthDate.title, STUDENT_COLUMNS.snils.title, STUDENT_COLUMNS.document.title);
  }
  titles.push(STUDENT_COLUMNS.enrolledFrom.title);
  for (let slot = 1; slot <= parentSlots; slot += 1) {
    titles.push(`Родитель ${slot}: фамилия`, `Родитель ${slot}: имя`, `Родитель ${slot}: отчество`);
    if (request.parentContacts) titles.push(`Родитель ${slot}: телефон`);
  }
  return titles;
}

/**
 * A roster as a table in the import's format (README.md of roster-import), so that an exported file imports back
 * without changes: the students enrolled on the date, class by class, in class-list order, with their parents.
 * Personal data and parents' phones are written only when the request allows them (R-ACC-2).
 */
export function rosterExportTable(snapshot: RosterSnapshot, request: RosterExportRequest): ExportTable {
  const people = new Map(snapshot.people.map((person) => [person.id, person]));
  const classes = snapshot.classes
    .filter((schoolClass) => schoolClass.schoolId === request.schoolId && schoolClass.academicYear === request.academicYear)
    .filter((schoolClass) => request.classId === undefined || schoolClass.id === request.classId)
    .sort(classOrder);
  const guardiansOf = (studentId: string): SnapshotPerson[] =>
    snapshot.guardianships
      .filter((link) => link.studentId === studentId)
      .flatMap((link) => {
        const parent = people.get(link.parentId);
        return parent ? [parent] : [];
      })
      .sort(byName);

  const listed: Array<{ schoolClass: SnapshotClass; student: SnapshotPerson; from: string; parents: SnapshotPerson[] }> = [];
  for (const schoolClass of classes) {
    const enrolled = snapshot.enrollments.filter(
      (enrollment) => enrollment.classId === schoolClass.id && runsOn(enrollment, request.date),
    );
    const students = enrolled.flatMap((enrollment) => {
      const student = people.get(enrollment.studentId);
      return student ? [{ student, from: enrollment.from }] : [];
    });
    students.sort((a, b) => byName(a.student, b.student));
    for (const { student, from } of students) listed.push({ schoolClass, student, from, parents: guardiansOf(student.id) });
  }

  const parentSlots = Math.max(1, ...listed.map((entry) => entry.parents.length));
  const rows = listed.map(({ schoolClass, student, from, parents }) => {
    const cells: ExportCell[] = [`${schoolClass.grade}${schoolClass.letter}`, student.lastName, student.firstName, student.middleName];
    if (request.personalData) {
      cells.push(
        student.birthDate === null ? null : dateCell(student.birthDate),
        student.snils === null ? null : formatSnils(student.snils),
        student.document,
      );
    }
    cells.push(dateCell(from));
    for (let slot = 0; slot < parentSlots; slot += 1) {
      const parent = parents[slot];
      cells.push(parent?.lastName ?? null, parent?.firstName ?? null, parent?.middleName ?? null);
      if (request.parentContacts) cells.push(parent?.phones[0] ?? null);
    }
    return cells;
  });
  return { headers: headers(request, parentSlots), rows, sheetName: 'Состав' };
}
