import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTable } from '#spreadsheet';
import { isPlanHeader } from './plan-header.js';
import { kindOfTitle, kindOfWord } from './plan-kind-words.js';
import { readPlanFile } from './read-plan-file.js';

const FIXTURES = join(import.meta.dirname, 'test-fixtures');
const YEAR = { academicYear: '2025/2026', start: '2025-09-01', end: '2026-05-26' };

async function readFixture(name: string) {
  const table = await readTable(readFileSync(join(FIXTURES, name)), { fileName: name }, { isHeaderRow: isPlanHeader });
  return { table, file: readPlanFile(table, YEAR) };
}

async function readLines(lines: string[]) {
  const table = await readTable(Buffer.from(lines.join('\r\n'), 'utf8'), {}, { isHeaderRow: isPlanHeader });
  return readPlanFile(table, YEAR);
}

describe('reading a plan (КТП) file', () => {
  it('R-PLAN-2: a windows-1251 `;` file with a title, sections, dates without a year and assessments named in titles', async () => {
    const { table, file } = await readFixture('ktp-math-windows-1251.csv');
    expect({ encoding: table.encoding, separator: table.separator, headerLine: file.headerLine }).toEqual({
      encoding: 'windows-1251',
      separator: ';',
      headerLine: 4,
    });
    expect(file.errors).toEqual([]);
    expect(file.columns).toEqual({ number: '№ п/п', title: 'Тема урока', hours: 'Кол-во часов', date: 'Дата по плану' });
    expect(file.ignoredColumns).toEqual(['Дата по факту', 'Примечание']);
    expect(file.skippedRows).toEqual([
      { line: 5, reason: 'Нет номера урока: строка раздела, не тема' },
      { line: 10, reason: 'Нет номера урока: строка раздела, не тема' },
    ]);
    expect(file.rows.map(({ line, title, hours, plannedDate, kind }) => [line, title, hours, plannedDate, kind])).toEqual([
      [6, 'Повторение курса начальной школы', 1, '2025-09-01', 'lesson'],
      [7, 'Натуральные числа; шкалы', 2, '2025-09-02', 'lesson'],
      [8, 'Входная контрольная работа', 1, '2025-09-03', 'diagnostic-work'],
      [9, 'Анализ контрольной работы', 1, '2025-09-04', 'lesson'],
      [11, 'Обыкновенные дроби', 2, null, 'lesson'],
      [12, 'Контрольная работа № 1 «Дроби»', 1, null, 'control-work'],
    ]);
  });

  it('R-PLAN-2: an XLSX with a title row, Excel dates and a kind column', async () => {
    const { table, file } = await readFixture('ktp-history.xlsx');
    expect(table.format).toBe('xlsx');
    expect(file.errors).toEqual([]);
    expect(file.rows.map(({ title, hours, plannedDate, kind }) => [title, hours, plannedDate, kind])).toEqual([
      ['Что изучает история', 1, '2025-09-01', 'lesson'],
      ['Древнейшие люди', 2, '2025-09-08', 'lesson'],
      ['Первобытное общество', 1, null, 'control-work'],
    ]);
  });

  it('R-PLAN-2: lists each row error in Russian with its row and column, and keeps only the good rows', async () => {
    const { file } = await readFixture('ktp-with-errors-utf8-bom.csv');
    expect(file.errors).toEqual([
      { line: 2, column: 'Часы', message: 'Количество часов — целое число от 1 до 99' },
      { line: 3, column: 'Дата', message: 'Такой даты нет в календаре' },
      { line: 4, column: 'Дата', message: 'Дата 01.06.2026 вне 2025/2026 учебного года (01.09.2025–26.05.2026)' },
      { line: 5, column: 'Тема', message: 'Не указана тема урока' },
      { line: 6, column: 'Вид урока', message: 'Вид работы «Викторина» не распознан: пишите, например, «Урок» или «Контрольная работа»' },
    ]);
    expect(file.rows.map((row) => row.title)).toEqual(['Смешанные числа']);
  });

  it('refuses a file without a topic column, and one with no topic at all', async () => {
    expect((await readLines(['Дата;Часы', '01.09.2025;1'])).errors).toEqual([
      { line: 1, column: null, message: 'В файле нет столбца «Тема урока»' },
    ]);
    expect((await readLines(['Тема урока;Часы', ';'])).errors).toEqual([
      { line: 1, column: null, message: 'В файле нет ни одной темы' },
    ]);
  });

  it('without an hours column every topic is one hour; several dates in a cell give the first', async () => {
    const file = await readLines(['Тема;Дата', 'Делимость чисел;"15.09, 16.09"', 'Признаки делимости;17.01']);
    expect(file.rows.map(({ hours, plannedDate }) => [hours, plannedDate])).toEqual([
      [1, '2025-09-15'],
      [1, '2026-01-17'],
    ]);
  });

  it('tells assessments from lessons about them', () => {
    expect(kindOfTitle('Итоговая контрольная работа за I четверть')).toBe('control-work');
    expect(kindOfTitle('Контрольный диктант по теме «Орфография»')).toBe('dictation');
    expect(kindOfTitle('Работа над ошибками контрольного диктанта')).toBe('lesson');
    expect(kindOfTitle('Проверочная работа «Глагол»')).toBe('verification-work');
    expect(kindOfWord('К/р')).toBe('control-work');
    expect(kindOfWord('Контрольное сочинение (изложение)')).toBe('essay');
    expect(kindOfWord('Зачёт')).toBe('test');
    expect(kindOfWord('комбинированный')).toBe('lesson');
    expect(kindOfWord('Викторина')).toBeUndefined();
  });
});
