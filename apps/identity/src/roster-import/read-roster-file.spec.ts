import { describe, expect, it } from '@jest/globals';
import { readTable } from '#spreadsheet';
import { readRosterFile } from './read-roster-file.js';
import { isRosterHeader } from './roster-header.js';
import type { RosterImportContext } from './roster-import-context.js';
import { SCHOOL, YEAR } from './roster-import.test-kit.js';

const context: RosterImportContext = { schoolId: SCHOOL, academicYear: YEAR, effectiveDate: '2025-10-15' };

async function read(lines: string[]) {
  const table = await readTable(Buffer.from(lines.join('\r\n'), 'utf8'), {}, { isHeaderRow: isRosterHeader });
  return readRosterFile(table, context);
}

describe('reading a roster file', () => {
  it('reads the documented columns into the forms the journal keeps', async () => {
    const file = await read([
      'Фамилия;Имя;Отчество;Дата рождения;Класс;Дата зачисления;СНИЛС;Документ;Родитель 1: фамилия;Родитель 1: имя;Родитель 1: телефон;№ п/п',
      'ИВАНОВ;иван;Иванович;12.04.2014;5 а;01.09.2025;112-233-445 95;IV-ПК  № 123456;Иванова;Мария;8 (900) 111-22-33;1',
    ]);
    expect(file.errors).toEqual([]);
    expect(file.ignoredColumns).toEqual(['№ п/п']);
    expect(file.rows).toEqual([
      {
        line: 2,
        name: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' },
        birthDate: '2014-04-12',
        document: 'IV-ПК № 123456',
        snils: '11223344595',
        classText: '5 а',
        classLabel: { grade: 5, letter: 'А' },
        enrolledFrom: '2025-09-01',
        parents: [{ slot: 'родитель 1', name: { lastName: 'Иванова', firstName: 'Мария', middleName: null }, phone: '+79001112233' }],
      },
    ]);
  });

  it('reads one full-name column and mother/father columns', async () => {
    const file = await read([
      'ФИО ученика;Класс;ФИО матери;Телефон матери;ФИО отца',
      'Петров Пётр Петрович;5А;Петрова Анна Викторовна;+7 912 555-66-77;Петров Пётр Ильич',
    ]);
    expect(file.errors).toEqual([]);
    expect(file.rows[0]).toMatchObject({
      name: { lastName: 'Петров', firstName: 'Пётр', middleName: 'Петрович' },
      birthDate: null,
      parents: [
        { slot: 'мать', name: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Викторовна' }, phone: '+79125556677' },
        { slot: 'отец', name: { lastName: 'Петров', firstName: 'Пётр', middleName: 'Ильич' }, phone: null },
      ],
    });
  });

  it('a file without the name or class columns is refused at its header', async () => {
    const file = await read(['Фамилия;Дата рождения', 'Иванов;12.04.2014']);
    expect(file.rows).toEqual([]);
    expect(file.errors).toEqual([
      { line: 1, column: null, message: 'В файле нет столбцов «Фамилия» и «Имя» (или одного столбца «ФИО»)' },
      { line: 1, column: null, message: 'В файле нет столбца «Класс»' },
    ]);
  });

  it('row errors name the row, the column as the file titles it, and what is wrong, in Russian', async () => {
    const file = await read([
      'Фамилия;Имя;Дата рождения;Класс;Дата зачисления;СНИЛС;Родитель: фамилия;Родитель: имя;Родитель: телефон',
      'Сидоров;Олег;31.02.2014;5А;;;;;',
      'Сидорова;Ольга;01.03.2014;пятый;;;;;',
      'Кузнецов;Артём;01.03.2014;5А;;112-233-445 96;;;',
      ';Никита;01.03.2014;5А;;;;;',
      'Орлов;Глеб;01.03.2014;5А;;;Орлова;;12345',
      'Орлова;Вера;01.03.14;5А;;;;;',
      'Зуев;Лев;01.03.2026;5А;01.09.2026;;;;',
      'Зуев2;Лев;01.03.2014;;;;;;',
      'Фомин;Ян;01.03.2014;5А;;;;;+7 900 000 00 00',
    ]);
    expect(file.rows).toEqual([]);
    expect(file.errors).toEqual([
      { line: 2, column: 'Дата рождения', message: 'Такой даты нет в календаре' },
      { line: 3, column: 'Класс', message: 'Класс «пятый» не распознан: пишите, например, 5А' },
      { line: 4, column: 'СНИЛС', message: 'В СНИЛС ошибка: не сходится контрольное число' },
      { line: 5, column: 'Фамилия', message: 'Ученик: не указана фамилия' },
      { line: 6, column: 'Родитель: имя', message: 'Родитель 1: не указано имя' },
      { line: 6, column: 'Родитель: телефон', message: 'Родитель 1: телефон не распознан: пишите, например, +7 900 123-45-67' },
      { line: 7, column: 'Дата рождения', message: 'Год пишется четырьмя цифрами: ДД.ММ.ГГГГ' },
      { line: 8, column: 'Дата рождения', message: 'Дата рождения позже сегодняшнего дня' },
      { line: 8, column: 'Дата зачисления', message: 'Дата зачисления вне 2025/2026 учебного года' },
      { line: 9, column: 'Фамилия', message: 'Ученик: допустимы только буквы, пробел, дефис и апостроф' },
      { line: 9, column: 'Класс', message: 'Не указан класс' },
      { line: 10, column: 'Родитель: фамилия', message: 'Родитель 1: не указана фамилия' },
      { line: 10, column: 'Родитель: имя', message: 'Родитель 1: не указано имя' },
    ]);
  });

  it('one student twice, or namesakes of one class the file does not tell apart, are row errors', async () => {
    const file = await read([
      'Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС',
      'Иванов;Иван;Иванович;12.04.2014;5А;',
      'Иванов;Иван;Иванович;03.09.2013;5Б;',
      'ИВАНОВ;Иван;Иванович;12.04.2014;5Б;',
      'Петров;Пётр;;;5А;',
      'Петров;Пётр;;;5 а;',
      'Петров;Пётр;;;5Б;',
      'Зуев;Лев;;01.03.2014;5А;112-233-445 95',
      'Зуева;Лена;;01.03.2014;5А;112-233-445 95',
    ]);
    expect(file.rows.map((row) => row.line)).toEqual([2, 3, 7, 8]);
    expect(file.errors).toEqual([
      { line: 4, column: null, message: 'Этот ученик уже есть в строке 2' },
      {
        line: 5,
        column: 'Дата рождения',
        message: 'В этом классе в файле есть ещё ученик с такими же ФИО (строка 6): укажите дату рождения, чтобы их различить',
      },
      {
        line: 6,
        column: 'Дата рождения',
        message: 'В этом классе в файле есть ещё ученик с такими же ФИО (строка 5): укажите дату рождения, чтобы их различить',
      },
      { line: 9, column: 'СНИЛС', message: 'Этот СНИЛС уже указан в строке 8' },
    ]);
  });
});
