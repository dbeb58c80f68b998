import { classLetterKey } from './class-label.js';
import { documentKey } from './document-key.js';
import { nameKey } from './person-name-rules.js';
import type { RosterImportContext } from './roster-import-context.js';
import type { RosterSnapshot, SnapshotClass, SnapshotEnrollment, SnapshotPerson } from './roster-snapshot.js';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A roster snapshot looked up the ways the planner asks: by name, SNILS, document, class label, student. */
export class SnapshotIndex {
  private readonly byName = new Map<string, SnapshotPerson[]>();
  private readonly bySnils = new Map<string, SnapshotPerson[]>();
  private readonly byDocument = new Map<string, SnapshotPerson[]>();
  private readonly people = new Map<string, SnapshotPerson>();
  private readonly classes = new Map<string, SnapshotClass>();
  private readonly schoolClassByLabel = new Map<string, SnapshotClass>();
  private readonly enrollments = new Map<string, SnapshotEnrollment[]>();
  private readonly guardians = new Map<string, string[]>();

  constructor(
    snapshot: RosterSnapshot,
    private readonly context: RosterImportContext,
  ) {
    for (const person of snapshot.people) {
      this.people.set(person.id, person);
      push(this.byName, nameKey(person), person);
      if (person.snils !== null) push(this.bySnils, person.snils, person);
      if (person.document !== null) push(this.byDocument, documentKey(person.document), person);
    }
    for (const schoolClass of snapshot.classes) {
      this.classes.set(schoolClass.id, schoolClass);
      if (this.isSchoolClass(schoolClass)) {
        this.schoolClassByLabel.set(`${schoolClass.grade}|${classLetterKey(schoolClass.letter)}`, schoolClass);
      }
    }
    for (const enrollment of snapshot.enrollments) push(this.enrollments, enrollment.studentId, enrollment);
    for (const guardianship of snapshot.guardianships) push(this.guardians, guardianship.studentId, guardianship.parentId);
  }

  private isSchoolClass(schoolClass: SnapshotClass): boolean {
    return schoolClass.schoolId === this.context.schoolId && schoolClass.academicYear === this.context.academicYear;
  }

  namesakes(key: string): SnapshotPerson[] {
    return this.byName.get(key) ?? [];
  }

  withSnils(snils: string): SnapshotPerson[] {
    return this.bySnils.get(snils) ?? [];
  }

  withDocument(key: string): SnapshotPerson[] {
    return this.byDocument.get(key) ?? [];
  }

  /** This year's class of the school with the grade and letter. */
  schoolClass(grade: number, letter: string): SnapshotClass | undefined {
    return this.schoolClassByLabel.get(`${grade}|${classLetterKey(letter)}`);
  }

  /** «5А» for a known class. */
  className(classId: string): string {
    const schoolClass = this.classes.get(classId);
    return schoolClass ? `${schoolClass.grade}${schoolClass.letter}` : 'другом классе';
  }

  /** Whether the class is one of this year's classes of the school. */
  inSchoolYear(classId: string): boolean {
    const schoolClass = this.classes.get(classId);
    return schoolClass !== undefined && this.isSchoolClass(schoolClass);
  }

  /** Whether the class belongs to another school. */
  inOtherSchool(classId: string): boolean {
    const schoolClass = this.classes.get(classId);
    return schoolClass !== undefined && schoolClass.schoolId !== this.context.schoolId;
  }

  /** The student's enrollments not ended before the date: running on it or starting later. */
  enrollmentsFrom(studentId: string, date: string): SnapshotEnrollment[] {
    return (this.enrollments.get(studentId) ?? []).filter((enrollment) => enrollment.to === null || enrollment.to >= date);
  }

  /** Students enrolled in the class on the date. */
  studentsIn(classId: string, date: string): string[] {
    const students: string[] = [];
    for (const [studentId, list] of this.enrollments) {
      const enrolled = list.some(
        (enrollment) =>
          enrollment.classId === classId && enrollment.from <= date && (enrollment.to === null || enrollment.to >= date),
      );
      if (enrolled) students.push(studentId);
    }
    return students;
  }

  guardiansOf(studentId: string): SnapshotPerson[] {
    return (this.guardians.get(studentId) ?? []).flatMap((parentId) => {
      const parent = this.people.get(parentId);
      return parent ? [parent] : [];
    });
  }

  isGuardian(parentId: string, studentId: string): boolean {
    return (this.guardians.get(studentId) ?? []).includes(parentId);
  }
}
