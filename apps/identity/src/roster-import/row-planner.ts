import type { PersonName } from '#contracts';
import { addDays } from '#domain';
import { russianDate } from '#spreadsheet';
import { matchStudent } from './match-student.js';
import { nameKey } from './person-name-rules.js';
import { STUDENT_COLUMNS, type StudentField } from './roster-columns.js';
import { defaultEnrollmentDate, type RosterImportContext } from './roster-import-context.js';
import type {
  EnrollmentToAdd,
  GuardianshipToAdd,
  PersonalDataToFill,
  PersonRef,
  PersonToCreate,
  TransferToMake,
} from './roster-import-plan.js';
import type { ParentEntry, RosterFile, RosterRow, RowIssue } from './roster-row.js';
import type { SnapshotPerson } from './roster-snapshot.js';
import type { SnapshotIndex } from './snapshot-index.js';

/** What one row adds to the plan; kept apart until the row is known to have no error. */
export interface RowDraft {
  createPeople: PersonToCreate[];
  fillPersonalData: PersonalDataToFill[];
  addEnrollments: EnrollmentToAdd[];
  makeTransfers: TransferToMake[];
  addGuardianships: GuardianshipToAdd[];
  notes: RowIssue[];
  /** Parents created by this row, by name and phone, for later rows of the same parent. */
  newParents: Array<[string, PersonRef]>;
}

/** A row that cannot be imported, with why. */
export class RowRefused extends Error {
  constructor(readonly issue: RowIssue) {
    super(issue.message);
  }
}

export function emptyDraft(): RowDraft {
  return {
    createPeople: [],
    fillPersonalData: [],
    addEnrollments: [],
    makeTransfers: [],
    addGuardianships: [],
    notes: [],
    newParents: [],
  };
}

/** How many changes a row plans. */
export function changes(draft: RowDraft): number {
  return (
    draft.createPeople.length +
    draft.fillPersonalData.length +
    draft.addEnrollments.length +
    draft.makeTransfers.length +
    draft.addGuardianships.length
  );
}

export const FILLABLE = ['birthDate', 'document', 'snils', 'phone'] as const;
type Fillable = (typeof FILLABLE)[number];

/** What earlier rows of the file have planned, for the rows after them. */
export interface Planned {
  /** New parents by name and phone. */
  parents: ReadonlyMap<string, PersonRef>;
  /** Personal data planned for existing people, by person id and field. */
  fills: ReadonlyMap<string, string>;
}

/**
 * The personal data a row gives that the journal lacks for the person; stored values stay, and a value an earlier
 * row of the file already gives is not given again.
 */
function fillFor(
  person: SnapshotPerson,
  line: number,
  given: Partial<Record<Fillable, string | null>>,
  planned: Planned,
): PersonalDataToFill | undefined {
  const fill: PersonalDataToFill = { personId: person.id, line };
  let any = false;
  for (const field of FILLABLE) {
    const value = given[field];
    const stored = field === 'phone' ? (person.phones[0] ?? null) : person[field];
    if (value !== null && value !== undefined && stored === null && !planned.fills.has(`${person.id}|${field}`)) {
      fill[field] = value;
      any = true;
    }
  }
  return any ? fill : undefined;
}

/**
 * A student's guardian under the name a file gives: the same surname and name, and the same patronymic when both
 * have one (parents' patronymics are often left out of lists). Lenient on purpose: the person is already linked.
 */
function sameGuardianName(guardian: PersonName, given: PersonName): boolean {
  const [lastName, firstName, middleName] = nameKey(guardian).split('|');
  const [givenLast, givenFirst, givenMiddle] = nameKey(given).split('|');
  const middleAgrees = middleName === '' || givenMiddle === '' || middleName === givenMiddle;
  return lastName === givenLast && firstName === givenFirst && middleAgrees;
}

/** Plans one valid row against the snapshot; throws RowRefused for a row that cannot be imported. */
export class RowPlanner {
  readonly draft = emptyDraft();

  constructor(
    private readonly row: RosterRow,
    private readonly index: SnapshotIndex,
    private readonly context: RosterImportContext,
    private readonly file: RosterFile,
    private readonly planned: Planned,
  ) {}

  private column(field: StudentField | null): string | null {
    return field === null ? null : (this.file.columnTitles[field] ?? STUDENT_COLUMNS[field].title);
  }

  private refuse(field: StudentField | null, message: string): never {
    throw new RowRefused({ line: this.row.line, column: this.column(field), message });
  }

  private note(column: string | null, message: string): void {
    this.draft.notes.push({ line: this.row.line, column, message });
  }

  /** The row's class; refused when the school has no such class this year or the importer may not change it. */
  targetClassId(): string {
    const { grade, letter } = this.row.classLabel;
    const target = this.index.schoolClass(grade, letter);
    if (!target) this.refuse('className', `Класса ${grade}${letter} нет в школе в ${this.context.academicYear} учебном году`);
    const allowed = this.context.allowedClassIds;
    if (allowed && !allowed.includes(target.id)) {
      const own = allowed.map((classId) => this.index.className(classId)).join(', ');
      this.refuse('className', `Можно менять только состав своего класса (${own})`);
    }
    return target.id;
  }

  plan(matchedStudents: ReadonlyMap<string, number>): { student: PersonRef; studentId?: string; classId: string } {
    const { row } = this;
    const classId = this.targetClassId();
    const date = row.enrolledFrom ?? defaultEnrollmentDate(this.context);
    const match = matchStudent(row, this.index, classId, date);
    if (match.kind === 'refused') this.refuse(match.field, match.message);
    for (const message of match.notes) this.note(null, message);

    if (match.kind === 'new') {
      const key = `row-${row.line}-student`;
      const { name, birthDate, document, snils } = row;
      this.draft.createPeople.push({ key, line: row.line, role: 'student', name, birthDate, document, snils, phone: null });
      this.draft.addEnrollments.push({ line: row.line, student: { created: key }, classId, from: date });
      this.planParents({ created: key }, undefined);
      return { student: { created: key }, classId };
    }

    const person = match.person;
    const earlier = matchedStudents.get(person.id);
    if (earlier !== undefined) this.refuse(null, `Этот ученик уже есть в строке ${earlier}`);
    const given = { birthDate: row.birthDate, document: row.document, snils: row.snils };
    const fill = fillFor(person, row.line, given, this.planned);
    if (fill) this.draft.fillPersonalData.push(fill);
    this.planEnrollment(person.id, classId, date);
    this.planParents({ existing: person.id }, person.id);
    return { student: { existing: person.id }, studentId: person.id, classId };
  }

  private planEnrollment(studentId: string, classId: string, date: string): void {
    const running = this.index.enrollmentsFrom(studentId, date);
    const inTarget = running.find((enrollment) => enrollment.classId === classId);
    if (inTarget) {
      if (this.row.enrolledFrom !== null && inTarget.from !== this.row.enrolledFrom) {
        const message = `Ученик уже в ${this.index.className(classId)} с ${russianDate(inTarget.from)}; дата не меняется`;
        this.note(this.column('enrolledFrom'), message);
      }
      return;
    }
    const inSchool = running.filter((enrollment) => this.index.inSchoolYear(enrollment.classId));
    if (inSchool.length > 1) {
      this.refuse(null, 'Ученик числится сразу в нескольких классах школы: поправьте состав вручную');
    }
    const current = inSchool[0];
    if (!current) {
      if (running.some((enrollment) => this.index.inOtherSchool(enrollment.classId))) {
        this.note(null, 'Ученик числится в другой школе: отчислить его там может только та школа');
      }
      this.draft.addEnrollments.push({ line: this.row.line, student: { existing: studentId }, classId, from: date });
      return;
    }
    const fromName = this.index.className(current.classId);
    const allowed = this.context.allowedClassIds;
    if (allowed && !allowed.includes(current.classId)) {
      this.refuse('className', `Ученик сейчас в ${fromName}: перевести его в другой класс может администрация`);
    }
    if (current.from >= date) {
      const toName = this.index.className(classId);
      const earliest = russianDate(addDays(current.from, 1));
      this.refuse(
        this.row.enrolledFrom === null ? 'className' : 'enrolledFrom',
        `Ученик в ${fromName} с ${russianDate(current.from)}: перевести его в ${toName} можно с ${earliest} или позже`,
      );
    }
    this.draft.makeTransfers.push({ line: this.row.line, studentId, fromClassId: current.classId, toClassId: classId, date });
  }

  private planParents(student: PersonRef, studentId: string | undefined): void {
    this.row.parents.forEach((parent, position) => this.planParent(parent, position, student, studentId));
  }

  /**
   * A parent is a person already in the journal only on firm ground: already this student's guardian under this
   * name, or the same name with the same phone. Anyone else is a new person: linking a stranger would show them a
   * child's diary. Rows giving one parent (same name and phone) for several children create them once.
   */
  private planParent(parent: ParentEntry, position: number, student: PersonRef, studentId: string | undefined): void {
    const key = nameKey(parent.name);
    const phoneColumn = `${parent.slot.charAt(0).toUpperCase()}${parent.slot.slice(1)}: телефон`;
    const guardian =
      studentId === undefined
        ? undefined
        : this.index.guardiansOf(studentId).find((person) => sameGuardianName(person, parent.name));
    if (guardian) {
      this.fillPhone(guardian, parent, phoneColumn);
      return;
    }
    const { phone } = parent;
    const samePhone = phone === null ? [] : this.index.namesakes(key).filter((person) => person.phones.includes(phone));
    if (samePhone.length > 1) this.refuse(null, `${phoneColumn}: в журнале несколько людей с такими ФИО и этим телефоном`);
    const known = samePhone[0];
    if (known) {
      this.draft.addGuardianships.push({ line: this.row.line, parent: { existing: known.id }, student });
      return;
    }
    const phoneKey = parent.phone === null ? undefined : `${key}|${parent.phone}`;
    const planned = phoneKey === undefined ? undefined : this.planned.parents.get(phoneKey);
    if (planned) {
      this.draft.addGuardianships.push({ line: this.row.line, parent: planned, student });
      return;
    }
    const created = `row-${this.row.line}-parent-${position + 1}`;
    this.draft.createPeople.push({
      key: created,
      line: this.row.line,
      role: 'parent',
      name: parent.name,
      birthDate: null,
      document: null,
      snils: null,
      phone: parent.phone,
    });
    this.draft.addGuardianships.push({ line: this.row.line, parent: { created }, student });
    if (phoneKey !== undefined) this.draft.newParents.push([phoneKey, { created }]);
  }

  private fillPhone(guardian: SnapshotPerson, parent: ParentEntry, phoneColumn: string): void {
    const fill = fillFor(guardian, this.row.line, { phone: parent.phone }, this.planned);
    if (fill) {
      this.draft.fillPersonalData.push(fill);
      return;
    }
    const plannedPhone = this.planned.fills.get(`${guardian.id}|phone`);
    const kept = plannedPhone === undefined ? guardian.phones : [...guardian.phones, plannedPhone];
    if (parent.phone !== null && kept.length > 0 && !kept.includes(parent.phone)) {
      this.note(phoneColumn, 'Телефон в файле отличается от записанного; записанный оставлен');
    }
  }
}
