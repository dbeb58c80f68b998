import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import {
  type Actor,
  ErrorCode,
  IdentityEvents,
  IdentityRpc,
  PersonalDataRpc,
  type RosterFileContent,
  RosterImportRpc,
  RosterRpc,
} from '#contracts';
import { refusalOf } from '#testing';
import { useTeachingWorld } from '../assignments/teaching-world.test-kit.js';
import { outboxEvents } from '../identity.test-kit.js';

/** The fixtures describe a school's classes of 2025/2026; the teaching world's own classes are of 2026/2027. */
const LAST_YEAR = '2025/2026';
const THIS_YEAR = '2026/2027';
/** Today (3 December 2026) kept within 2025/2026: rows without a date are enrolled on its last day. */
const LAST_DAY = '2026-08-31';

type FileInput = Partial<RosterFileContent> & Pick<RosterFileContent, 'fileName' | 'content'>;

function fixture(name: string): FileInput {
  return { fileName: name, content: readFileSync(join(import.meta.dirname, 'test-fixtures', name)).toString('base64') };
}

function csv(lines: readonly string[], fileName = 'Состав.csv'): FileInput {
  return { fileName, content: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8').toString('base64') };
}

function bytesOf(file: RosterFileContent): Buffer {
  const bytes = Buffer.from(file.content, 'base64');
  return file.compression === 'gzip' ? gunzipSync(bytes) : bytes;
}

describe('identity: roster import and export as files (R-DATA-2)', () => {
  const h = useTeachingWorld();
  const { as } = h;
  const classes: Record<string, string> = {};

  const dryRun = (file: FileInput, actor: Actor = as('director'), academicYear = LAST_YEAR) =>
    h.rpc.call(RosterImportRpc.dryRun, { schoolId: h.world.schoolA, academicYear, file }, { actor });
  const apply = (file: FileInput, digest: string, actor: Actor = as('director'), academicYear = LAST_YEAR) =>
    h.rpc.call(RosterImportRpc.apply, { schoolId: h.world.schoolA, academicYear, file, digest }, { actor });
  const exportAs = (actor: Actor, request: { format: 'csv' | 'xlsx'; classId?: string; academicYear?: string }) =>
    h.rpc.call(RosterImportRpc.export, { schoolId: h.world.schoolA, academicYear: LAST_YEAR, ...request }, { actor });
  const count = async (sql: string, params: unknown[] = []) => Number((await h.dataSource.query<Array<{ n: string }>>(sql, params))[0]!.n);
  const peopleNamed = (lastName: string, firstName: string, middleName: string | null = null) =>
    count('SELECT count(*) AS n FROM person WHERE last_name = $1 AND first_name = $2 AND middle_name IS NOT DISTINCT FROM $3', [
      lastName,
      firstName,
      middleName,
    ]);
  const personalDataOf = async (lastName: string, firstName: string) =>
    h.dataSource.query<Array<{ birth_date: string | null; document: unknown; snils: string | null; phones: string[] }>>(
      `SELECT d.birth_date, d.document, d.snils, d.phones FROM person p JOIN personal_data d ON d.person_id = p.id
        WHERE p.last_name = $1 AND p.first_name = $2 ORDER BY d.birth_date`,
      [lastName, firstName],
    );

  beforeAll(async () => {
    for (const [year, grade, letter] of [
      [LAST_YEAR, 5, 'А'],
      [LAST_YEAR, 5, 'Б'],
      [LAST_YEAR, 3, 'А'],
      [THIS_YEAR, 7, 'А'],
    ] as const) {
      const created = await h.rpc.call(
        RosterRpc.createClass,
        { schoolId: h.world.schoolA, academicYear: year, grade, letter, classTeacherId: null },
        { actor: as('deputy') },
      );
      classes[`${year} ${grade}${letter}`] = created.id;
    }
    // The director is on the school's personal-data list: files with birth dates, SNILS and phones are theirs to load.
    await h.rpc.call(PersonalDataRpc.addStaff, { schoolId: h.world.schoolA, personId: h.world.people.director }, { actor: as('director') });
  });

  it("the school's facts say who leads one of its classes and who is on its personal-data list", async () => {
    const factsOf = (actor: Actor) => h.rpc.call(IdentityRpc.accessFacts, { resource: { type: 'school', id: h.world.schoolA } }, { actor });
    await expect(factsOf(as('classTeacher'))).resolves.toEqual({ exists: true, schoolIds: [h.world.schoolA], relations: ['class-teacher'] });
    await expect(factsOf(as('director'))).resolves.toMatchObject({ relations: ['personal-data-staff'] });
    await expect(factsOf(as('deputy'))).resolves.toMatchObject({ relations: [] });
  });

  it('R-DATA-2: the dry run of a UTF-8 file with a BOM and `;` shows the people, enrollments and guardians it would add, and changes nothing', async () => {
    const people = await count('SELECT count(*) AS n FROM person');
    const outbox = await count('SELECT count(*) AS n FROM outbox');
    const preview = await dryRun(fixture('roster-utf8-bom.csv'));
    expect(preview.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(preview).toMatchObject({ academicYear: LAST_YEAR, effectiveDate: LAST_DAY, errors: [], truncated: false });
    expect(preview.summary).toEqual({
      rows: 5,
      studentsToCreate: 5,
      parentsToCreate: 4,
      enrollments: 5,
      transfers: 0,
      guardianships: 5,
      personalDataFills: 0,
      unchangedRows: 0,
      errors: 0,
    });
    expect(preview.createPeople[0]).toEqual({
      line: 2,
      key: 'row-2-student',
      role: 'student',
      name: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' },
      personalData: ['birthDate', 'document', 'snils'],
    });
    expect(preview.addEnrollments.map((enrollment) => [enrollment.line, enrollment.student.name.firstName, enrollment.class.name, enrollment.from])).toEqual([
      [2, 'Иван', '5А', LAST_DAY],
      [3, 'Иван', '5Б', LAST_DAY],
      [4, 'Алёна', '5А', LAST_DAY],
      [5, 'Дарья', '3А', LAST_DAY],
      [6, 'Эрик', '5А', LAST_DAY],
    ]);
    // One mother of two sisters: made once, the guardian of both.
    const mother = preview.addGuardianships.filter((link) => link.parent.name.firstName === 'Светлана');
    expect(mother.map((link) => [link.parent.key, link.student.name.firstName])).toEqual([
      ['row-4-parent-1', 'Алёна'],
      ['row-4-parent-1', 'Дарья'],
    ]);
    expect(await count('SELECT count(*) AS n FROM person')).toBe(people);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
  });

  it('R-DATA-2: the dry run of a windows-1251 file with a title line, ФИО columns, mother and father', async () => {
    const preview = await dryRun(fixture('roster-windows-1251.csv'));
    expect(preview.errors).toEqual([]);
    expect(preview.createPeople.map((someone) => [someone.role, someone.name, someone.personalData])).toEqual([
      ['student', { lastName: 'Петров', firstName: 'Пётр', middleName: 'Петрович' }, ['birthDate']],
      ['parent', { lastName: 'Петрова', firstName: 'Анна', middleName: 'Викторовна' }, ['phones']],
      ['parent', { lastName: 'Петров', firstName: 'Пётр', middleName: 'Ильич' }, []],
      ['student', { lastName: 'Смирнова', firstName: 'Елена', middleName: 'Андреевна' }, ['birthDate']],
    ]);
    expect(preview.addEnrollments.map((enrollment) => enrollment.class)).toEqual([
      { classId: classes[`${LAST_YEAR} 5А`], name: '5А' },
      { classId: classes[`${LAST_YEAR} 5Б`], name: '5Б' },
    ]);
  });

  it('R-DATA-2: the dry run of an XLSX file with date cells, an Excel serial date, an enrollment date and one father of two', async () => {
    const preview = await dryRun(fixture('roster.xlsx'));
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toMatchObject({ rows: 2, studentsToCreate: 2, parentsToCreate: 1, enrollments: 2, guardianships: 2 });
    expect(preview.addEnrollments.map((enrollment) => [enrollment.student.name.firstName, enrollment.class.name, enrollment.from])).toEqual([
      ['Ксения', '5А', '2025-09-01'],
      ['Илья', '3А', LAST_DAY],
    ]);
  });

  it('R-DATA-2: a file with mistakes shows each row error in Russian with its row and column; applying it changes nothing', async () => {
    const file = fixture('roster-with-errors-utf8-bom.csv');
    const preview = await dryRun(file);
    expect(preview.errors).toEqual([
      { line: 2, column: 'Дата рождения', message: 'Такой даты нет в календаре' },
      { line: 3, column: 'Класс', message: 'Класса 5Я нет в школе в 2025/2026 учебном году' },
      { line: 4, column: 'СНИЛС', message: 'В СНИЛС ошибка: не сходится контрольное число' },
      { line: 5, column: 'Фамилия', message: 'Ученик: не указана фамилия' },
      { line: 6, column: 'Родитель: имя', message: 'Родитель 1: не указано имя' },
      { line: 6, column: 'Родитель: телефон', message: 'Родитель 1: телефон не распознан: пишите, например, +7 900 123-45-67' },
      { line: 7, column: 'Дата рождения', message: 'Год пишется четырьмя цифрами: ДД.ММ.ГГГГ' },
    ]);
    expect(preview.summary.errors).toBe(7);
    // The one good row would be applied by nothing less than the whole file.
    expect(preview.createPeople.map((someone) => someone.name.lastName)).toEqual(['Волкова']);

    const people = await count('SELECT count(*) AS n FROM person');
    const logged = await count('SELECT count(*) AS n FROM roster_log');
    const refusal = await refusalOf(apply(file, preview.digest));
    expect(refusal).toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: 'В файле есть ошибки (строк с ошибками: 6): ничего не изменено. Исправьте их и загрузите файл снова',
      details: { errors: preview.errors },
    });
    expect(await count('SELECT count(*) AS n FROM person')).toBe(people);
    expect(await count('SELECT count(*) AS n FROM roster_log')).toBe(logged);
    expect(await peopleNamed('Волкова', 'Мила')).toBe(0);
  });

  it('R-DATA-2: applying creates the people with their personal data, enrollments and guardians in one step and tells the other services', async () => {
    const file = fixture('roster-utf8-bom.csv');
    const { digest, summary } = await dryRun(file);
    const eventsBefore = {
      people: (await outboxEvents(h.dataSource, IdentityEvents.peopleSaved)).length,
      enrollments: (await outboxEvents(h.dataSource, IdentityEvents.enrollmentsSaved)).length,
      guardianships: (await outboxEvents(h.dataSource, IdentityEvents.guardianshipsSaved)).length,
    };
    const rosterLogBefore = await count('SELECT max(id) AS n FROM roster_log');

    await expect(apply(file, digest)).resolves.toEqual({ digest, academicYear: LAST_YEAR, summary });

    expect(await peopleNamed('Иванов', 'Иван', 'Иванович')).toBe(2);
    expect(await personalDataOf('Иванов', 'Иван')).toEqual([
      { birth_date: '2013-09-03', document: null, snils: null, phones: [] },
      { birth_date: '2014-04-12', document: { type: 'birth-certificate', number: 'IV-ПК 123456' }, snils: '11223344595', phones: [] },
    ]);
    expect(await personalDataOf('Ёлкина', 'Алёна')).toEqual([
      {
        birth_date: '2014-01-21',
        document: { type: 'other', name: 'Документ, удостоверяющий личность', number: 'II-ПК; 654321' },
        snils: null,
        phones: [],
      },
    ]);
    expect(await personalDataOf('Ёлкина', 'Светлана')).toEqual([{ birth_date: null, document: null, snils: null, phones: ['+79003334455'] }]);
    expect(
      await count(
        `SELECT count(*) AS n FROM guardianship g JOIN person p ON p.id = g.parent_id WHERE p.last_name = 'Ёлкина' AND p.first_name = 'Светлана'`,
      ),
    ).toBe(2);
    const enrolled = await h.dataSource.query<Array<{ first_name: string; date_from: string; date_to: string | null }>>(
      `SELECT p.first_name, e.date_from, e.date_to FROM enrollment e JOIN person p ON p.id = e.student_id WHERE e.class_id = $1 ORDER BY p.first_name`,
      [classes[`${LAST_YEAR} 5А`]],
    );
    expect(enrolled).toEqual([
      { first_name: 'Алёна', date_from: LAST_DAY, date_to: null },
      { first_name: 'Иван', date_from: LAST_DAY, date_to: null },
      { first_name: 'Эрик', date_from: LAST_DAY, date_to: null },
    ]);

    // Journal and reporting learn of the new people, enrollments and guardians through the outbox.
    const newEvents = async <T>(event: Parameters<typeof outboxEvents>[1], skip: number) =>
      (await outboxEvents(h.dataSource, event)).slice(skip) as T[];
    const people = await newEvents<{ people: unknown[] }>(IdentityEvents.peopleSaved, eventsBefore.people);
    expect(people.flatMap((event) => event.people)).toHaveLength(9);
    const enrollments = await newEvents<{ enrollments: Array<{ from: string; to: string | null }> }>(
      IdentityEvents.enrollmentsSaved,
      eventsBefore.enrollments,
    );
    expect(enrollments.flatMap((event) => event.enrollments)).toEqual(Array(5).fill(expect.objectContaining({ from: LAST_DAY, to: null })));
    const guardianships = await newEvents<{ guardianships: unknown[] }>(IdentityEvents.guardianshipsSaved, eventsBefore.guardianships);
    expect(guardianships.flatMap((event) => event.guardianships)).toHaveLength(5);

    // Who changed what and when, in the roster log; the values of personal data appear nowhere in it.
    const log = await h.dataSource.query<Array<{ actor_id: string; change: string; details: Record<string, unknown> }>>(
      'SELECT actor_id, change, details FROM roster_log WHERE id > $1 ORDER BY id',
      [rosterLogBefore],
    );
    expect(log.map((row) => row.change).sort()).toEqual([...Array(5).fill('enrolled'), ...Array(5).fill('guardian-added'), 'roster-imported'].sort());
    expect(new Set(log.map((row) => row.actor_id))).toEqual(new Set([h.world.people.director]));
    expect(log.find((row) => row.change === 'roster-imported')!.details).toMatchObject({ digest, academicYear: LAST_YEAR, summary });
    expect(JSON.stringify(log)).not.toMatch(/2014-04-12|11223344595|123456|\+7900/);
    const written = await h.dataSource.query<Array<{ reader_id: string; fields: string[] }>>(
      `SELECT reader_id, fields FROM personal_data_log WHERE action = 'write' AND $1::uuid = ANY (school_ids)`,
      [h.world.schoolA],
    );
    expect(written).toHaveLength(8);
    expect(written).toContainEqual({ reader_id: h.world.people.director, fields: ['birthDate', 'document', 'snils'] });
  });

  it('R-DATA-2: the same file applied again changes nothing: its dry run plans no change, and even the old digest applies as nothing', async () => {
    const file = fixture('roster-utf8-bom.csv');
    const people = await count('SELECT count(*) AS n FROM person');
    const outbox = await count('SELECT count(*) AS n FROM outbox');
    const again = await dryRun(file);
    expect(again.summary).toEqual({
      rows: 5,
      studentsToCreate: 0,
      parentsToCreate: 0,
      enrollments: 0,
      transfers: 0,
      guardianships: 0,
      personalDataFills: 0,
      unchangedRows: 5,
      errors: 0,
    });
    await expect(apply(file, again.digest)).resolves.toMatchObject({ summary: again.summary });
    await expect(apply(file, 'f'.repeat(64))).resolves.toMatchObject({ summary: again.summary });
    expect(await count('SELECT count(*) AS n FROM person')).toBe(people);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
  });

  it('R-DATA-2: two namesakes told apart by their birth dates stay two people, each found again by their birth date', async () => {
    const preview = await dryRun(
      csv([
        'Фамилия;Имя;Отчество;Дата рождения;Класс',
        'Иванов;Иван;Иванович;12.04.2014;5А',
        'Иванов;Иван;Иванович;03.09.2013;5Б',
        'Иванов;Иван;Иванович;07.07.2014;5А',
      ]),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.unchangedLines).toEqual([2, 3]);
    expect(preview.createPeople.map((someone) => [someone.line, someone.name.lastName])).toEqual([[4, 'Иванов']]);
    expect(preview.notes).toContainEqual({
      line: 4,
      column: null,
      message: 'В журнале есть однофамилец с теми же ФИО и другими данными: это другой человек',
    });
  });

  it('R-DATA-2: a plan that changed after its dry run is refused (CONFLICT) and changes nothing', async () => {
    const both = csv(['Фамилия;Имя;Дата рождения;Класс', 'Орехов;Глеб;02.02.2014;5Б', 'Орехова;Ия;03.03.2014;5Б']);
    const stale = await dryRun(both);
    const first = csv(['Фамилия;Имя;Дата рождения;Класс', 'Орехов;Глеб;02.02.2014;5Б']);
    await apply(first, (await dryRun(first)).digest);

    const refusal = await refusalOf(apply(both, stale.digest));
    expect(refusal).toEqual({
      code: ErrorCode.Conflict,
      message: 'Состав изменился после проверки файла: проверьте файл ещё раз и примените новый результат',
    });
    expect(await peopleNamed('Орехова', 'Ия')).toBe(0);
    expect(await peopleNamed('Орехов', 'Глеб')).toBe(1);
  });

  it.each(['csv', 'xlsx'] as const)(
    'R-DATA-2: an exported %s of the whole school imports back planning no change, with and without personal data',
    async (format) => {
      for (const person of ['director', 'deputy'] as const) {
        const file = await exportAs(as(person), { format });
        expect(file.fileName).toBe(`Состав школы 2025-2026 на ${LAST_DAY}.${format}`);
        const preview = await dryRun({ fileName: file.fileName, content: bytesOf(file).toString('base64') }, as(person));
        expect(preview.errors).toEqual([]);
        expect(preview.notes).toEqual([]);
        expect(preview.notInFile).toEqual([]);
        expect(preview.ignoredColumns).toEqual([]);
        expect(preview.summary).toMatchObject({ rows: 6, unchangedRows: 6, studentsToCreate: 0, parentsToCreate: 0, enrollments: 0 });
      }
    },
  );

  it('R-ACC-2: the export shows personal data only to the personal-data list, and every value shown is logged as read', async () => {
    const readsBefore = await count(`SELECT count(*) AS n FROM personal_data_log WHERE action = 'read'`);
    const withData = bytesOf(await exportAs(as('director'), { format: 'csv', classId: classes[`${LAST_YEAR} 5А`] })).toString('utf8');
    expect(withData.split('\r\n')[0]).toContain(';Дата рождения;СНИЛС;Документ;');
    expect(withData).toContain(';12.04.2014;112-233-445 95;IV-ПК 123456;');
    const reads = await h.dataSource.query<Array<{ reader_id: string; fields: string[] }>>(
      `SELECT reader_id, fields FROM personal_data_log WHERE action = 'read' ORDER BY id OFFSET $1`,
      [readsBefore],
    );
    expect(reads).toContainEqual({ reader_id: h.world.people.director, fields: ['birthDate', 'document', 'snils'] });
    expect(reads).toContainEqual({ reader_id: h.world.people.director, fields: ['phones'] });

    const readsAfter = await count(`SELECT count(*) AS n FROM personal_data_log WHERE action = 'read'`);
    const withoutData = bytesOf(await exportAs(as('deputy'), { format: 'csv', classId: classes[`${LAST_YEAR} 5А`] })).toString('utf8');
    expect(withoutData.split('\r\n')[0]).toBe('\ufeffКласс;Фамилия;Имя;Отчество;Дата зачисления;Родитель 1: фамилия;Родитель 1: имя;Родитель 1: отчество;Родитель 2: фамилия;Родитель 2: имя;Родитель 2: отчество');
    expect(withoutData).not.toMatch(/2014|\+7900/);
    expect(await count(`SELECT count(*) AS n FROM personal_data_log WHERE action = 'read'`)).toBe(readsAfter);
  });

  it('exported cells that a spreadsheet would run as a formula (= + - @) are written as text', async () => {
    const class4a = await h.rpc.call(
      RosterRpc.createClass,
      { schoolId: h.world.schoolA, academicYear: LAST_YEAR, grade: 4, letter: 'А', classTeacherId: null },
      { actor: as('deputy') },
    );
    const enrolled = await h.rpc.call(
      RosterRpc.enroll,
      { classId: class4a.id, newStudent: { lastName: '=СУММ(1;2)', firstName: '@Хакер', middleName: '+Плюс' }, from: '2025-09-01' },
      { actor: as('deputy') },
    );
    await h.rpc.call(
      PersonalDataRpc.write,
      { personId: enrolled.studentId, data: { document: { type: 'other', name: 'Справка', number: '-42' } } },
      { actor: as('director') },
    );
    const text = bytesOf(await exportAs(as('director'), { format: 'csv', classId: class4a.id })).toString('utf8');
    expect(text.split('\r\n')[1]).toBe(`4А;"'=СУММ(1;2)";'@Хакер;'+Плюс;;;'-42;01.09.2025;;;;`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(await exportAs(as('director'), { format: 'xlsx', classId: class4a.id })) as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    expect([2, 3, 4, 7].map((column) => row.getCell(column).value)).toEqual(["'=СУММ(1;2)", "'@Хакер", "'+Плюс", "'-42"]);
  });

  it('R-DATA-2: a class teacher imports into their own class only, without personal data; other staff are refused, strangers see nothing', async () => {
    const file = csv(['Фамилия;Имя;Класс', 'Новикова;Вера;6А', 'Новиков;Илья;7А']);
    const preview = await dryRun(file, as('classTeacher'), THIS_YEAR);
    expect(preview.errors).toEqual([{ line: 3, column: 'Класс', message: 'Можно менять только состав своего класса (6А)' }]);

    const withBirthDates = csv(['Фамилия;Имя;Дата рождения;Класс', 'Новикова;Вера;01.02.2015;6А']);
    await expect(refusalOf(dryRun(withBirthDates, as('classTeacher'), THIS_YEAR))).resolves.toMatchObject({
      code: ErrorCode.Forbidden,
      message: expect.stringContaining('Персональные данные (дата рождения, СНИЛС, документ, телефоны) загружает только администрация'),
    });
    await expect(refusalOf(dryRun(file, as('colleague'), THIS_YEAR))).resolves.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(refusalOf(dryRun(file, as('otherDeputy'), THIS_YEAR))).resolves.toMatchObject({ code: ErrorCode.NotFound });
    await expect(refusalOf(dryRun(file, as('parent'), THIS_YEAR))).resolves.toMatchObject({ code: ErrorCode.NotFound });
    // The school's system administrator imports for the whole school (names only: they are not on the list).
    await expect(dryRun(file, as('sysadmin'), THIS_YEAR)).resolves.toMatchObject({ errors: [], summary: { studentsToCreate: 2 } });

    const own = csv(['Фамилия;Имя;Класс', 'Новикова;Вера;6А']);
    const ownPreview = await dryRun(own, as('classTeacher'), THIS_YEAR);
    expect(ownPreview.addEnrollments).toEqual([
      expect.objectContaining({ class: { classId: h.world.classA, name: '6А' }, from: '2026-12-03' }),
    ]);
    await apply(own, ownPreview.digest, as('classTeacher'), THIS_YEAR);
    const [log] = await h.dataSource.query<Array<{ actor_id: string; class_id: string }>>(
      `SELECT actor_id, class_id FROM roster_log WHERE change = 'enrolled' ORDER BY id DESC LIMIT 1`,
    );
    expect(log).toEqual({ actor_id: h.world.people.classTeacher, class_id: h.world.classA });

    // The class teacher's export is their class, with the parents' phones and without the students' personal data.
    const exported = bytesOf(await exportAs(as('classTeacher'), { format: 'csv', academicYear: THIS_YEAR })).toString('utf8');
    const [header, ...rows] = exported.split('\r\n').filter(Boolean);
    expect(header).toBe('\ufeffКласс;Фамилия;Имя;Отчество;Дата зачисления;Родитель 1: фамилия;Родитель 1: имя;Родитель 1: отчество;Родитель 1: телефон');
    expect(rows.map((row) => row.split(';').slice(0, 3).join(' '))).toEqual(['6А Егоров Антон', '6А Новикова Вера']);
    await expect(
      refusalOf(exportAs(as('classTeacher'), { format: 'csv', academicYear: THIS_YEAR, classId: classes[`${THIS_YEAR} 7А`] })),
    ).resolves.toMatchObject({ code: ErrorCode.NotFound, message: 'Класс не найден' });
  });

  it('R-CAL-4: a student of another class of the school whom the file lists moves there: the old enrollment ends the day before', async () => {
    const [vera] = await h.dataSource.query<Array<{ id: string }>>(`SELECT id FROM person WHERE last_name = 'Новикова' AND first_name = 'Вера'`);
    await h.rpc.call(PersonalDataRpc.write, { personId: vera!.id, data: { birthDate: '2015-02-01' } }, { actor: as('director') });
    const class7a = classes[`${THIS_YEAR} 7А`]!;
    const file = csv(['Фамилия;Имя;Дата рождения;Класс;Дата зачисления', 'Новикова;Вера;01.02.2015;7А;10.12.2026']);
    const preview = await dryRun(file, as('director'), THIS_YEAR);
    expect(preview.makeTransfers).toEqual([
      {
        line: 2,
        student: { personId: vera!.id, key: null, name: { lastName: 'Новикова', firstName: 'Вера', middleName: null } },
        from: { classId: h.world.classA, name: '6А' },
        to: { classId: class7a, name: '7А' },
        date: '2026-12-10',
      },
    ]);
    await apply(file, preview.digest, as('director'), THIS_YEAR);
    const enrollments = await h.dataSource.query<Array<{ class_id: string; date_from: string; date_to: string | null }>>(
      'SELECT class_id, date_from, date_to FROM enrollment WHERE student_id = $1 ORDER BY date_from',
      [vera!.id],
    );
    expect(enrollments).toEqual([
      { class_id: h.world.classA, date_from: '2026-12-03', date_to: '2026-12-09' },
      { class_id: class7a, date_from: '2026-12-10', date_to: null },
    ]);
    const [log] = await h.dataSource.query<Array<{ actor_id: string; details: Record<string, unknown> }>>(
      `SELECT actor_id, details FROM roster_log WHERE change = 'transferred' AND person_id = $1`,
      [vera!.id],
    );
    expect(log).toMatchObject({ actor_id: h.world.people.director, details: { date: '2026-12-10', to: { classId: class7a, name: '7А' } } });
  });
});
