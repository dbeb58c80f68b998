import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#contracts';
import { assertPlanApplicable } from './assert-plan-applicable.js';
import { planDigest } from './plan-digest.js';
import { prepareRosterImport } from './prepare-roster-import.js';
import type { RosterImportContext } from './roster-import-context.js';
import type { RosterImportPlan } from './roster-import-plan.js';
import { InMemoryRoster, OTHER_SCHOOL, person, SCHOOL, schoolClass, YEAR } from './roster-import.test-kit.js';
import type { RosterSnapshot } from './roster-snapshot.js';

const CLASS_5A = schoolClass(1, '5А');
const CLASS_5B = schoolClass(2, '5Б');
const CLASS_3A = schoolClass(3, '3А');
const LAST_YEAR_5A = schoolClass(4, '5А', SCHOOL, '2024/2025');
const OTHER_SCHOOL_5A = schoolClass(5, '5А', OTHER_SCHOOL);
const CLASSES = [CLASS_5A, CLASS_5B, CLASS_3A, LAST_YEAR_5A, OTHER_SCHOOL_5A];

const TODAY = '2025-10-15';
const context: RosterImportContext = { schoolId: SCHOOL, academicYear: YEAR, effectiveDate: TODAY };
const HEADER = 'Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Документ;Родитель: фамилия;Родитель: имя;Родитель: телефон';

function world(partial: Partial<RosterSnapshot> = {}): InMemoryRoster {
  return new InMemoryRoster({ classes: CLASSES, people: [], enrollments: [], guardianships: [], ...partial });
}

function csv(rows: string[]): { bytes: Buffer; fileName: string } {
  return { bytes: Buffer.from(`\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8'), fileName: 'состав.csv' };
}

async function dryRun(roster: InMemoryRoster, rows: string[], at: RosterImportContext = context): Promise<RosterImportPlan> {
  return prepareRosterImport(csv(rows), at, roster);
}

/** A plan that changes nothing: the file is already in the journal. */
function expectNoChange(plan: RosterImportPlan): void {
  expect(plan.errors).toEqual([]);
  expect({
    createPeople: plan.createPeople,
    fillPersonalData: plan.fillPersonalData,
    addEnrollments: plan.addEnrollments,
    makeTransfers: plan.makeTransfers,
    addGuardianships: plan.addGuardianships,
  }).toEqual({ createPeople: [], fillPersonalData: [], addEnrollments: [], makeTransfers: [], addGuardianships: [] });
}

const IVAN_2013 = person(1, 'Иванов Иван Иванович', { birthDate: '2013-09-03' });
const IVAN_IN_5B = { studentId: IVAN_2013.id, classId: CLASS_5B.id, from: '2025-09-01', to: null };

describe('planning a roster import', () => {
  it('new students and parents: created, enrolled from the import date, linked; the same file again changes nothing', async () => {
    const roster = world();
    const rows = [
      'Иванов;Иван;Иванович;12.04.2014;5А;112-233-445 95;IV-ПК 123456;Иванова;Мария;+7 900 111-22-33',
      'Ли;Эрик;;30.06.2014;5а;;;;;',
    ];
    const plan = await dryRun(roster, rows);
    expect(plan.errors).toEqual([]);
    expect(plan.createPeople).toEqual([
      {
        key: 'row-2-student',
        line: 2,
        role: 'student',
        name: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' },
        birthDate: '2014-04-12',
        document: 'IV-ПК 123456',
        snils: '11223344595',
        phone: null,
      },
      {
        key: 'row-2-parent-1',
        line: 2,
        role: 'parent',
        name: { lastName: 'Иванова', firstName: 'Мария', middleName: null },
        birthDate: null,
        document: null,
        snils: null,
        phone: '+79001112233',
      },
      expect.objectContaining({ key: 'row-3-student', role: 'student', birthDate: '2014-06-30' }),
    ]);
    expect(plan.addEnrollments).toEqual([
      { line: 2, student: { created: 'row-2-student' }, classId: CLASS_5A.id, from: TODAY },
      { line: 3, student: { created: 'row-3-student' }, classId: CLASS_5A.id, from: TODAY },
    ]);
    expect(plan.addGuardianships).toEqual([
      { line: 2, parent: { created: 'row-2-parent-1' }, student: { created: 'row-2-student' } },
    ]);
    expect(plan.summary).toMatchObject({ rows: 2, studentsToCreate: 2, parentsToCreate: 1, enrollments: 2, guardianships: 1, errors: 0 });

    await roster.apply(plan);
    const again = await dryRun(roster, rows);
    expectNoChange(again);
    expect(again.unchangedLines).toEqual([2, 3]);
    expect(again.summary).toMatchObject({ rows: 2, unchangedRows: 2, errors: 0 });
  });

  it('namesakes stay two people: the same names with another birth date is a new person', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [IVAN_IN_5B] });
    const rows = ['Иванов;Иван;Иванович;12.04.2014;5А;;;;;'];
    const plan = await dryRun(roster, rows);
    expect(plan.createPeople).toEqual([expect.objectContaining({ key: 'row-2-student', birthDate: '2014-04-12' })]);
    expect(plan.makeTransfers).toEqual([]);
    expect(plan.notes).toEqual([
      { line: 2, column: null, message: 'В журнале есть однофамилец с теми же ФИО и другими данными: это другой человек' },
    ]);

    await roster.apply(plan);
    const ivans = roster.snapshot.people.filter((someone) => someone.lastName === 'Иванов');
    expect(ivans.map((someone) => someone.birthDate).sort()).toEqual(['2013-09-03', '2014-04-12']);
    expectNoChange(await dryRun(roster, rows));
  });

  it('the same names and birth date are the same person: a student of 5Б listed in 5А moves there', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [IVAN_IN_5B] });
    const rows = ['ИВАНОВ;Иван;Иванович;03.09.2013;5А;;;;;'];
    const plan = await dryRun(roster, rows);
    expect(plan.createPeople).toEqual([]);
    expect(plan.makeTransfers).toEqual([
      { line: 2, studentId: IVAN_2013.id, fromClassId: CLASS_5B.id, toClassId: CLASS_5A.id, date: TODAY },
    ]);

    await roster.apply(plan);
    expect(roster.snapshot.enrollments).toEqual([
      { ...IVAN_IN_5B, to: '2025-10-14' },
      { studentId: IVAN_2013.id, classId: CLASS_5A.id, from: TODAY, to: null },
    ]);
    expectNoChange(await dryRun(roster, rows));
  });

  it('the same names without a birth date and a namesake elsewhere: the row asks for the birth date', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [IVAN_IN_5B] });
    const plan = await dryRun(roster, ['Иванов;Иван;Иванович;;5А;;;;;']);
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'Дата рождения',
        message: 'В журнале уже есть человек с такими же ФИО: укажите дату рождения, чтобы их различить',
      },
    ]);
    expect(plan.createPeople).toEqual([]);
  });

  it('the same names without a birth date, already in that class, are that student (an export without personal data)', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [IVAN_IN_5B] });
    const plan = await dryRun(roster, ['Иванов;Иван;Иванович;;5Б;;;;;']);
    expectNoChange(plan);
    expect(plan.unchangedLines).toEqual([2]);
  });

  it('a namesake without a stored birth date: the same student when in the row class (birth date filled in), else refused', async () => {
    const unknownBirth = person(2, 'Петров Пётр Петрович');
    const roster = world({
      people: [unknownBirth],
      enrollments: [{ studentId: unknownBirth.id, classId: CLASS_5A.id, from: '2025-09-01', to: null }],
    });
    const inClass = await dryRun(roster, ['Петров;Пётр;Петрович;17.05.2014;5А;;;;;']);
    expect(inClass.errors).toEqual([]);
    expect(inClass.fillPersonalData).toEqual([{ personId: unknownBirth.id, line: 2, birthDate: '2014-05-17' }]);
    expect(inClass.addEnrollments).toEqual([]);

    const elsewhere = await dryRun(roster, ['Петров;Пётр;Петрович;17.05.2014;5Б;;;;;']);
    expect(elsewhere.errors).toEqual([
      {
        line: 2,
        column: 'Дата рождения',
        message:
          'В журнале есть человек с такими же ФИО без записанной даты рождения: не понять, тот же ли это ученик. ' +
          'Запишите ему дату рождения или проверьте ФИО',
      },
    ]);

    await roster.apply(inClass);
    expectNoChange(await dryRun(roster, ['Петров;Пётр;Петрович;17.05.2014;5А;;;;;']));
  });

  it('SNILS and documents identify: the same one under another name is refused; under the same name it is that person', async () => {
    const withSnils = person(3, 'Смирнова Елена Андреевна', { snils: '11223344595', document: 'II-ПК 654321' });
    const roster = world({ people: [withSnils] });
    const renamed = await dryRun(roster, ['Смирнова;Елена;;01.12.2013;5Б;112-233-445 95;;;;']);
    expect(renamed.errors).toEqual([
      { line: 2, column: 'СНИЛС', message: 'Этот СНИЛС записан в журнале у человека с другими ФИО: проверьте СНИЛС и ФИО' },
    ]);
    const byDocument = await dryRun(roster, ['Смирнова;Елена;Андреевна;01.12.2013;5Б;;II ПК №654321;;;']);
    expect(byDocument.errors).toEqual([]);
    expect(byDocument.createPeople).toEqual([]);
    expect(byDocument.fillPersonalData).toEqual([{ personId: withSnils.id, line: 2, birthDate: '2013-12-01' }]);
    expect(byDocument.addEnrollments).toEqual([{ line: 2, student: { existing: withSnils.id }, classId: CLASS_5B.id, from: TODAY }]);
  });

  it('the same names and birth date with another SNILS is refused rather than guessed', async () => {
    const roster = world({ people: [{ ...IVAN_2013, snils: '11223344595' }] });
    const plan = await dryRun(roster, ['Иванов;Иван;Иванович;03.09.2013;5А;001-001-998 00;;;;']);
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'СНИЛС',
        message: 'ФИО и дата рождения совпадают с человеком в журнале, но СНИЛС другой: проверьте СНИЛС',
      },
    ]);
  });

  it('classes: unknown ones are refused; a class teacher imports into their own class only', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [IVAN_IN_5B] });
    const unknown = await dryRun(roster, ['Ли;Эрик;;30.06.2014;5Д;;;;;']);
    expect(unknown.errors).toEqual([{ line: 2, column: 'Класс', message: 'Класса 5Д нет в школе в 2025/2026 учебном году' }]);

    const own = { ...context, allowedClassIds: [CLASS_5A.id] };
    const plan = await dryRun(roster, ['Ли;Эрик;;30.06.2014;5Б;;;;;', 'Иванов;Иван;Иванович;03.09.2013;5А;;;;;'], own);
    expect(plan.errors).toEqual([
      { line: 2, column: 'Класс', message: 'Можно менять только состав своего класса (5А)' },
      { line: 3, column: 'Класс', message: 'Ученик сейчас в 5Б: перевести его в другой класс может администрация' },
    ]);
  });

  it('R-CAL-4: a transfer starts after the current enrollment did; a date given in the row is used', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [{ ...IVAN_IN_5B, from: '2025-11-01' }] });
    const plan = await dryRun(roster, ['Иванов;Иван;Иванович;03.09.2013;5А;;;;;']);
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: 'Класс',
        message: 'Ученик в 5Б с 01.11.2025: перевести его в 5А можно с 02.11.2025 или позже',
      },
    ]);
    const header = `${HEADER};Дата зачисления`;
    const dated = await prepareRosterImport(
      { bytes: Buffer.from(`${header}\r\nИванов;Иван;Иванович;03.09.2013;5А;;;;;;15.11.2025\r\n`, 'utf8') },
      context,
      roster,
    );
    expect(dated.makeTransfers).toEqual([
      { line: 2, studentId: IVAN_2013.id, fromClassId: CLASS_5B.id, toClassId: CLASS_5A.id, date: '2025-11-15' },
    ]);
  });

  it('a student of another school is enrolled here, with a note that the other school unenrolls them', async () => {
    const roster = world({
      people: [IVAN_2013],
      enrollments: [{ studentId: IVAN_2013.id, classId: OTHER_SCHOOL_5A.id, from: '2025-09-01', to: null }],
    });
    const plan = await dryRun(roster, ['Иванов;Иван;Иванович;03.09.2013;5А;;;;;']);
    expect(plan.addEnrollments).toEqual([{ line: 2, student: { existing: IVAN_2013.id }, classId: CLASS_5A.id, from: TODAY }]);
    expect(plan.notes).toEqual([
      { line: 2, column: null, message: 'Ученик числится в другой школе: отчислить его там может только та школа' },
    ]);
  });

  it('parents: a stranger with the same name is never linked; the same name and phone is; one parent of two children is made once', async () => {
    const stranger = person(10, 'Иванова Мария', { phones: ['+79005550000'] });
    const known = person(11, 'Ёлкина Светлана', { phones: ['+79003334455'] });
    const roster = world({ people: [stranger, known] });
    const rows = [
      'Иванов;Иван;Иванович;12.04.2014;5А;;;Иванова;Мария;+7 900 111-22-33',
      'Ёлкина;Алёна;Дмитриевна;21.01.2014;5А;;;Елкина;Светлана;89003334455',
      'Ли;Эрик;;30.06.2014;5А;;;Ли;Анна;8 900 777-88-99',
      'Ли;Ира;;30.06.2016;3А;;;Ли;Анна;+79007778899',
    ];
    const plan = await dryRun(roster, rows);
    expect(plan.errors).toEqual([]);
    expect(plan.createPeople.filter((someone) => someone.role === 'parent').map((someone) => someone.key)).toEqual([
      'row-2-parent-1',
      'row-4-parent-1',
    ]);
    expect(plan.addGuardianships).toEqual([
      { line: 2, parent: { created: 'row-2-parent-1' }, student: { created: 'row-2-student' } },
      { line: 3, parent: { existing: known.id }, student: { created: 'row-3-student' } },
      { line: 4, parent: { created: 'row-4-parent-1' }, student: { created: 'row-4-student' } },
      { line: 5, parent: { created: 'row-4-parent-1' }, student: { created: 'row-5-student' } },
    ]);

    await roster.apply(plan);
    expectNoChange(await dryRun(roster, rows));
  });

  it('a guardian of the student under that name (patronymic absent in the file) gets a missing phone; a different stored phone is kept, with a note', async () => {
    const student = person(20, 'Захаров Илья Игоревич', { birthDate: '2015-03-01' });
    const father = person(21, 'Захаров Игорь Олегович');
    const mother = person(22, 'Захарова Инна Олеговна', { phones: ['+79001230000'] });
    const roster = world({
      people: [student, father, mother],
      enrollments: [{ studentId: student.id, classId: CLASS_3A.id, from: '2025-09-01', to: null }],
      guardianships: [
        { parentId: father.id, studentId: student.id },
        { parentId: mother.id, studentId: student.id },
      ],
    });
    const header = `${HEADER};Родитель 2: ФИО;Родитель 2: телефон`;
    const upload = {
      bytes: Buffer.from(
        `${header}\r\nЗахаров;Илья;Игоревич;01.03.2015;3А;;;Захаров;Игорь;+79004445566;Захарова Инна Олеговна;+79009999999\r\n`,
        'utf8',
      ),
    };
    const plan = await prepareRosterImport(upload, context, roster);
    expect(plan.errors).toEqual([]);
    expect(plan.fillPersonalData).toEqual([{ personId: father.id, line: 2, phone: '+79004445566' }]);
    expect(plan.addGuardianships).toEqual([]);
    expect(plan.notes).toEqual([
      { line: 2, column: 'Родитель 2: телефон', message: 'Телефон в файле отличается от записанного; записанный оставлен' },
    ]);
  });

  it('students of the file classes whom the file does not list are reported, never removed', async () => {
    const absent = person(30, 'Орлова Вера', { birthDate: '2014-02-02' });
    const roster = world({
      people: [IVAN_2013, absent],
      enrollments: [IVAN_IN_5B, { studentId: absent.id, classId: CLASS_5B.id, from: '2025-09-01', to: null }],
    });
    const plan = await dryRun(roster, ['Иванов;Иван;Иванович;03.09.2013;5Б;;;;;']);
    expectNoChange(plan);
    expect(plan.notInFile).toEqual([{ studentId: absent.id, classId: CLASS_5B.id }]);
  });

  it('all or nothing: a plan with any row error is refused whole; the valid rows still show in the dry run', async () => {
    const roster = world();
    const plan = await dryRun(roster, ['Ли;Эрик;;30.06.2014;5А;;;;;', 'Ли;Ира;;31.02.2016;3А;;;;;']);
    expect(plan.addEnrollments).toHaveLength(1);
    expect(plan.errors).toEqual([{ line: 3, column: 'Дата рождения', message: 'Такой даты нет в календаре' }]);
    const refusal = await roster.apply(plan).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('VALIDATION_FAILED');
    expect((refusal as DomainError).details).toEqual({ errors: plan.errors });
    expect(roster.snapshot.people).toEqual([]);
  });

  it('applying refuses a plan that differs from the dry run it was shown as', async () => {
    const roster = world({ people: [IVAN_2013], enrollments: [IVAN_IN_5B] });
    const rows = ['Иванов;Иван;Иванович;03.09.2013;5А;;;;;'];
    const shown = planDigest(await dryRun(roster, rows));
    const unchanged = await dryRun(roster, rows);
    expect(() => assertPlanApplicable(unchanged, shown)).not.toThrow();

    roster.snapshot.enrollments = [{ ...IVAN_IN_5B, to: '2025-10-01' }];
    const changed = await dryRun(roster, rows);
    let refusal: unknown;
    try {
      assertPlanApplicable(changed, shown);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('CONFLICT');
  });
});
