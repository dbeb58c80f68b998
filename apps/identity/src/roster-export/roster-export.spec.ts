import { describe, expect, it } from '@jest/globals';
import { readTable } from '#spreadsheet';
import { prepareRosterImport } from '../roster-import/prepare-roster-import.js';
import { InMemoryRoster, OTHER_SCHOOL, person, SCHOOL, schoolClass, YEAR } from '../roster-import/roster-import.test-kit.js';
import type { RosterSnapshot } from '../roster-import/roster-snapshot.js';
import { exportRoster, type RosterExportFormat } from './export-roster.js';
import type { RosterExportRequest } from './roster-export-request.js';
import { rosterExportTable } from './roster-export-table.js';

const CLASS_5A = schoolClass(1, '5А');
const CLASS_5B = schoolClass(2, '5Б');
const OTHER_5A = schoolClass(3, '5А', OTHER_SCHOOL);
const DATE = '2025-10-15';

// Two namesakes in two classes, Ёлкина sorted next to Е…, a student with two parents, one without a patronymic.
const ivanA = person(1, 'Иванов Иван Иванович', { birthDate: '2014-04-12', snils: '11223344595', document: 'IV-ПК 123456' });
const ivanB = person(2, 'Иванов Иван Иванович', { birthDate: '2013-09-03' });
const yolkina = person(3, 'Ёлкина Алёна Дмитриевна', { birthDate: '2014-01-21' });
const egorov = person(4, 'Егоров Лев', { birthDate: '2014-02-02', document: '=HYPERLINK("http://example.test")' });
const left = person(5, 'Зуев Олег', { birthDate: '2014-03-03' });
const elsewhere = person(6, 'Орлова Вера', { birthDate: '2014-05-05' });
const mother = person(10, 'Иванова Мария Петровна', { phones: ['+79001112233'] });
const father = person(11, 'Иванов Иван Сергеевич');
const yolkinaMother = person(12, 'Ёлкина Светлана Юрьевна', { phones: ['+79003334455'] });

const snapshot: RosterSnapshot = {
  classes: [CLASS_5B, CLASS_5A, OTHER_5A],
  people: [ivanA, ivanB, yolkina, egorov, left, elsewhere, mother, father, yolkinaMother],
  enrollments: [
    { studentId: ivanA.id, classId: CLASS_5A.id, from: '2025-09-01', to: null },
    { studentId: ivanB.id, classId: CLASS_5B.id, from: '2025-09-15', to: null },
    { studentId: yolkina.id, classId: CLASS_5A.id, from: '2025-09-01', to: null },
    { studentId: egorov.id, classId: CLASS_5A.id, from: '2025-09-01', to: null },
    { studentId: left.id, classId: CLASS_5A.id, from: '2025-09-01', to: '2025-10-01' },
    { studentId: elsewhere.id, classId: OTHER_5A.id, from: '2025-09-01', to: null },
  ],
  guardianships: [
    { parentId: mother.id, studentId: ivanA.id },
    { parentId: father.id, studentId: ivanA.id },
    { parentId: yolkinaMother.id, studentId: yolkina.id },
  ],
};

const everything: RosterExportRequest = { schoolId: SCHOOL, academicYear: YEAR, date: DATE, personalData: true, parentContacts: true };
const namesOnly: RosterExportRequest = { ...everything, personalData: false, parentContacts: false };

describe('exporting a roster', () => {
  it('lists the students enrolled on the date, class by class in class-list order, with parents, in the import format', () => {
    const table = rosterExportTable(snapshot, everything);
    expect(table.headers).toEqual([
      'Класс',
      'Фамилия',
      'Имя',
      'Отчество',
      'Дата рождения',
      'СНИЛС',
      'Документ',
      'Дата зачисления',
      'Родитель 1: фамилия',
      'Родитель 1: имя',
      'Родитель 1: отчество',
      'Родитель 1: телефон',
      'Родитель 2: фамилия',
      'Родитель 2: имя',
      'Родитель 2: отчество',
      'Родитель 2: телефон',
    ]);
    expect(table.rows.map((row) => row.slice(0, 3))).toEqual([
      ['5А', 'Егоров', 'Лев'],
      ['5А', 'Ёлкина', 'Алёна'],
      ['5А', 'Иванов', 'Иван'],
      ['5Б', 'Иванов', 'Иван'],
    ]);
    expect(table.rows[2]).toEqual([
      '5А',
      'Иванов',
      'Иван',
      'Иванович',
      { date: '2014-04-12' },
      '112-233-445 95',
      'IV-ПК 123456',
      { date: '2025-09-01' },
      'Иванов',
      'Иван',
      'Сергеевич',
      null,
      'Иванова',
      'Мария',
      'Петровна',
      '+79001112233',
    ]);
  });

  it('R-ACC-2: without the personal-data list, no birth date, SNILS, document or phone is written', () => {
    const table = rosterExportTable(snapshot, { ...namesOnly, classId: CLASS_5B.id });
    expect(table.headers).toEqual([
      'Класс',
      'Фамилия',
      'Имя',
      'Отчество',
      'Дата зачисления',
      'Родитель 1: фамилия',
      'Родитель 1: имя',
      'Родитель 1: отчество',
    ]);
    expect(table.rows).toEqual([['5Б', 'Иванов', 'Иван', 'Иванович', { date: '2025-09-15' }, null, null, null]]);
  });

  it('neutralises a stored value that a spreadsheet would run as a formula', async () => {
    const file = await exportRoster(snapshot, everything, 'csv');
    expect(file.bytes.toString('utf8')).toContain(`;"'=HYPERLINK(""http://example.test"")";`);
    expect(file).toMatchObject({ fileName: 'Состав школы 2025-2026 на 2025-10-15.csv', contentType: 'text/csv; charset=utf-8' });
  });

  const cases: Array<[RosterExportFormat, RosterExportRequest, string]> = [
    ['xlsx', everything, 'with personal data'],
    ['csv', everything, 'with personal data'],
    ['xlsx', namesOnly, 'without personal data'],
    ['csv', namesOnly, 'without personal data'],
  ];
  it.each(cases)('R-DATA-2: an exported %s (%s) imports back without any change', async (format, request) => {
    const file = await exportRoster(snapshot, request, format);
    const roster = new InMemoryRoster(structuredClone(snapshot));
    const context = { schoolId: SCHOOL, academicYear: YEAR, effectiveDate: DATE };
    const plan = await prepareRosterImport(file, context, roster);
    expect(plan.errors).toEqual([]);
    expect(plan.ignoredColumns).toEqual([]);
    expect(plan.summary).toMatchObject({ rows: 4, unchangedRows: 4, studentsToCreate: 0, parentsToCreate: 0 });
    expect(plan.notInFile).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  it('the XLSX keeps dates as dates', async () => {
    const file = await exportRoster(snapshot, { ...everything, classId: CLASS_5B.id }, 'xlsx');
    expect(file.fileName).toBe('Состав 5Б 2025-2026 на 2025-10-15.xlsx');
    const table = await readTable(file.bytes);
    expect(table.rows[0]!.cells['дата рождения']).toBe('2013-09-03');
    expect(table.rows[0]!.cells['дата зачисления']).toBe('2025-09-15');
  });
});
