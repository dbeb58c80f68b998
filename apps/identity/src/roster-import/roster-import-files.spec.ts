import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '#contracts';
import { prepareRosterImport, type RosterUpload } from './prepare-roster-import.js';
import type { RosterImportContext } from './roster-import-context.js';
import { InMemoryRoster, person, SCHOOL, schoolClass, YEAR } from './roster-import.test-kit.js';

const CLASSES = [schoolClass(1, '5А'), schoolClass(2, '5Б'), schoolClass(3, '3А')];
const context: RosterImportContext = { schoolId: SCHOOL, academicYear: YEAR, effectiveDate: '2025-10-15' };

function upload(name: string): RosterUpload {
  return { bytes: readFileSync(join(import.meta.dirname, 'test-fixtures', name)), fileName: name };
}

function emptyRoster(): InMemoryRoster {
  return new InMemoryRoster({ classes: CLASSES, people: [], enrollments: [], guardianships: [] });
}

function fullNames(roster: InMemoryRoster): string[] {
  return roster.snapshot.people.map((someone) => [someone.lastName, someone.firstName, someone.middleName].filter(Boolean).join(' '));
}

describe('importing roster files as schools produce them', () => {
  it('UTF-8 with a BOM and `;`: namesakes stay two people, a shared mother is made once; importing twice changes nothing', async () => {
    const roster = emptyRoster();
    const plan = await prepareRosterImport(upload('roster-utf8-bom.csv'), context, roster);
    expect(plan.errors).toEqual([]);
    expect(plan.summary).toMatchObject({ rows: 5, studentsToCreate: 5, parentsToCreate: 4, enrollments: 5, guardianships: 5 });
    expect(roster.queries[0]).toMatchObject({ schoolId: SCHOOL, academicYear: YEAR, snils: ['11223344595'] });
    expect(roster.queries[0]!.documentKeys).toEqual(['IVПК123456', 'IIПК;654321']);

    await roster.apply(plan);
    expect(fullNames(roster).filter((name) => name === 'Иванов Иван Иванович')).toHaveLength(2);
    expect(roster.snapshot.people.find((someone) => someone.firstName === 'Алёна')).toMatchObject({
      lastName: 'Ёлкина',
      birthDate: '2014-01-21',
      document: 'II-ПК; 654321',
    });
    const mother = roster.snapshot.people.filter((someone) => someone.firstName === 'Светлана');
    expect(mother).toHaveLength(1);
    expect(roster.snapshot.guardianships.filter((link) => link.parentId === mother[0]!.id)).toHaveLength(2);

    const again = await prepareRosterImport(upload('roster-utf8-bom.csv'), context, roster);
    expect(again.errors).toEqual([]);
    expect(again.summary).toMatchObject({ rows: 5, unchangedRows: 5, studentsToCreate: 0, parentsToCreate: 0, enrollments: 0 });
  });

  it('windows-1251 with `;`, a title line and the variant columns (ФИО ученика, ФИО матери, ФИО отца)', async () => {
    const roster = emptyRoster();
    const plan = await prepareRosterImport(upload('roster-windows-1251.csv'), context, roster);
    expect(plan.errors).toEqual([]);
    expect(plan.createPeople.map((someone) => [someone.role, someone.name, someone.birthDate, someone.phone])).toEqual([
      ['student', { lastName: 'Петров', firstName: 'Пётр', middleName: 'Петрович' }, '2014-05-17', null],
      ['parent', { lastName: 'Петрова', firstName: 'Анна', middleName: 'Викторовна' }, null, '+79125556677'],
      ['parent', { lastName: 'Петров', firstName: 'Пётр', middleName: 'Ильич' }, null, null],
      ['student', { lastName: 'Смирнова', firstName: 'Елена', middleName: 'Андреевна' }, '2013-12-01', null],
    ]);
    expect(plan.addEnrollments.map((enrollment) => enrollment.classId)).toEqual([CLASSES[0]!.id, CLASSES[1]!.id]);

    await roster.apply(plan);
    const again = await prepareRosterImport(upload('roster-windows-1251.csv'), context, roster);
    expect(again.summary).toMatchObject({ rows: 2, unchangedRows: 2, errors: 0 });
  });

  it('XLSX with date cells, an Excel serial date, an enrollment date and one father of two', async () => {
    const roster = emptyRoster();
    const plan = await prepareRosterImport(upload('roster.xlsx'), context, roster);
    expect(plan.errors).toEqual([]);
    expect(plan.createPeople.filter((someone) => someone.role === 'student').map((someone) => someone.birthDate)).toEqual([
      '2014-08-09',
      '2015-03-01',
    ]);
    expect(plan.addEnrollments.map((enrollment) => enrollment.from)).toEqual(['2025-09-01', '2025-10-15']);
    expect(plan.summary).toMatchObject({ parentsToCreate: 1, guardianships: 2 });

    await roster.apply(plan);
    const again = await prepareRosterImport(upload('roster.xlsx'), context, roster);
    expect(again.summary).toMatchObject({ rows: 2, unchangedRows: 2, errors: 0 });
  });

  it('a file with mistakes: every row error in Russian with its row and column; nothing is applied', async () => {
    const namesake = person(1, 'Волкова Мила', { birthDate: '2013-05-05' });
    const roster = new InMemoryRoster({
      classes: CLASSES,
      people: [namesake],
      enrollments: [{ studentId: namesake.id, classId: CLASSES[0]!.id, from: '2025-09-01', to: null }],
      guardianships: [],
    });
    const plan = await prepareRosterImport(upload('roster-with-errors-utf8-bom.csv'), context, roster);
    expect(plan.errors).toEqual([
      { line: 2, column: 'Дата рождения', message: 'Такой даты нет в календаре' },
      { line: 3, column: 'Класс', message: 'Класса 5Я нет в школе в 2025/2026 учебном году' },
      { line: 4, column: 'СНИЛС', message: 'В СНИЛС ошибка: не сходится контрольное число' },
      { line: 5, column: 'Фамилия', message: 'Ученик: не указана фамилия' },
      { line: 6, column: 'Родитель: имя', message: 'Родитель 1: не указано имя' },
      { line: 6, column: 'Родитель: телефон', message: 'Родитель 1: телефон не распознан: пишите, например, +7 900 123-45-67' },
      { line: 7, column: 'Дата рождения', message: 'Год пишется четырьмя цифрами: ДД.ММ.ГГГГ' },
      {
        line: 8,
        column: 'Дата рождения',
        message: 'В журнале уже есть человек с такими же ФИО: укажите дату рождения, чтобы их различить',
      },
    ]);
    const refusal = await roster.apply(plan).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(roster.snapshot.people).toEqual([namesake]);
  });
});
