import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DomainError } from '#contracts';
import { parseImportDate } from './import-date.js';
import { readTable } from './read-table.js';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '..', 'test-fixtures', name));
const hasSurname = (cells: readonly string[]): boolean => cells.includes('фамилия');

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function xlsxBytes(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Лист1'));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

describe('readTable: CSV as Russian schools and Excel write it', () => {
  it('UTF-8 with a BOM and `;`: headers normalised, values as written, empty rows skipped, lines kept', async () => {
    const table = await readTable(fixture('utf8-bom-semicolon.csv'), { fileName: 'класс.csv' });
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: ';', headerLine: 1 });
    expect(table.headers).toEqual(['фамилия', 'имя', 'отчество', 'дата рождения', 'класс']);
    expect(table.titles).toEqual(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс']);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 5]);
    expect({ ...table.rows[0]!.cells }).toEqual({
      фамилия: 'Смирнова',
      имя: 'Алёна',
      отчество: 'Игоревна',
      'дата рождения': '14.03.2015',
      класс: '4А',
    });
    expect({ ...table.rows[1]!.cells }).toEqual({ фамилия: 'Ёлкин', имя: 'Пётр', 'дата рождения': '02.11.2014', класс: '4А' });
  });

  it('windows-1251 with `;` and a title above the header: Cyrillic (ё too) decoded, header found by the caller', async () => {
    const table = await readTable(fixture('windows-1251-semicolon.csv'), {}, { isHeaderRow: hasSurname });
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1251', separator: ';', headerLine: 2 });
    expect(table.titles).toEqual(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Класс']);
    expect(table.rows.map((row) => [row.line, row.cells['фамилия'], row.cells['имя']])).toEqual([
      [3, 'Смирнова', 'Алёна'],
      [4, 'Ёлкин', 'Пётр'],
      [6, 'Кузнецов', 'Артём'],
    ]);
  });

  it('without a header test, the first non-empty row is the header', async () => {
    const table = await readTable(fixture('windows-1251-semicolon.csv'));
    expect(table.headerLine).toBe(1);
    expect(table.titles).toEqual(['Список класса 4А']);
  });

  it('UTF-8 without a BOM and `,`: quoted fields keep `;`, `,`, doubled quotes and line breaks', async () => {
    const table = await readTable(fixture('utf8-comma-quoted.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8', separator: ',' });
    expect(table.headers).toEqual(['фамилия', 'имя', 'примечание', 'адрес']);
    expect(table.rows.map((row) => ({ line: row.line, ...row.cells }))).toEqual([
      { line: 2, фамилия: 'Орлова', имя: 'Вера', примечание: 'переведена из 3Б; приказ № 12', адрес: 'г. Сургут, ул. Ленина, д. 5' },
      { line: 3, фамилия: 'Соколов', имя: 'Илья', примечание: 'прозвище "Соколик"', адрес: 'строка один\nстрока два' },
      { line: 4, фамилия: 'Волков', имя: 'Дмитрий' },
    ]);
  });

  it('UTF-16 with a BOM and tabs (Excel "Unicode text") is read too', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Фамилия\tИмя\r\nОрлова\tВера\r\n', 'utf16le')]);
    const table = await readTable(bytes, { fileName: 'класс.txt' });
    expect(table).toMatchObject({ encoding: 'utf-16le', separator: '\t', headers: ['фамилия', 'имя'] });
    expect({ ...table.rows[0]!.cells }).toEqual({ фамилия: 'Орлова', имя: 'Вера' });
  });

  it('the separator is judged by the header, not by commas in the data of a `;` file', async () => {
    const text = 'Фамилия;Адрес\r\nОрлова;г. Сургут, ул. Ленина, д. 5, кв. 1\r\n';
    const table = await readTable(Buffer.from(text, 'utf8'));
    expect(table.separator).toBe(';');
    expect(table.rows[0]!.cells['адрес']).toBe('г. Сургут, ул. Ленина, д. 5, кв. 1');
  });

  it('header names are matched with case, ё/е, spaces and a required-mark asterisk normalised', async () => {
    const text = ' ФАМИЛИЯ* ;Дата  рождения;Родитель:фамилия;Отчёство\r\nОрлова;01.02.2015;Орлова;Ивановна\r\n';
    const table = await readTable(Buffer.from(text, 'utf8'));
    expect(table.headers).toEqual(['фамилия', 'дата рождения', 'родитель: фамилия', 'отчество']);
  });

  it('an exported apostrophe before formula-like text is taken off on reading', async () => {
    const table = await readTable(Buffer.from("Телефон;Примечание\r\n'+7 900 000-00-00;'не формула\r\n", 'utf8'));
    expect({ ...table.rows[0]!.cells }).toEqual({ телефон: '+7 900 000-00-00', примечание: "'не формула" });
  });
});

describe('readTable: XLSX', () => {
  it('an XLSX written by exceljs: title rows skipped, cells trimmed, empty cells absent, row numbers kept', async () => {
    const table = await readTable(fixture('roster.xlsx'), { fileName: 'класс.xlsx' }, { isHeaderRow: hasSurname });
    expect(table).toMatchObject({ format: 'xlsx', headerLine: 3, headers: ['фамилия', 'имя', 'отчество', 'класс'] });
    expect(table.rows.map((row) => ({ line: row.line, ...row.cells }))).toEqual([
      { line: 4, фамилия: 'Смирнова', имя: 'Алёна', отчество: 'Игоревна', класс: '4А' },
      { line: 5, фамилия: 'Ёлкин', имя: 'Пётр', класс: '4А' },
      { line: 7, фамилия: 'Кузнецов', имя: 'Артём', отчество: 'Сергеевич', класс: '4Б' },
    ]);
  });

  it('a date cell reads as YYYY-MM-DD, a serial number stays a number to parse, a formula gives its result', async () => {
    const table = await readTable(fixture('dates.xlsx'));
    expect(table.rows.map((row) => ({ ...row.cells }))).toEqual([
      { фамилия: 'Смирнова', 'дата рождения': '2015-03-14', класс: '4А' },
      { фамилия: 'Ёлкин', 'дата рождения': '41945', класс: '4А', примечание: 'жирный и обычный' },
    ]);
    expect(table.rows.map((row) => parseImportDate(row.cells['дата рождения'] ?? ''))).toEqual([
      { date: '2015-03-14' },
      { date: '2014-11-02' },
    ]);
  });

  it('the bytes decide: an XLSX named .csv is still read as XLSX', async () => {
    const bytes = await xlsxBytes((sheet) => sheet.addRows([['Фамилия'], ['Орлова']]));
    const table = await readTable(bytes, { fileName: 'выгрузка.csv', contentType: 'text/csv' });
    expect(table.format).toBe('xlsx');
    expect(table.rows[0]!.cells['фамилия']).toBe('Орлова');
  });
});

describe('readTable refuses, in Russian, what it cannot read', () => {
  it('an empty file and a file of empty rows', async () => {
    expect((await refusal(readTable(Buffer.alloc(0)))).message).toBe('Файл пуст');
    expect((await refusal(readTable(Buffer.from(';;;\r\n;;\r\n', 'utf8')))).message).toMatch(/^Файл пуст/);
  });

  it('a file larger than the limit', async () => {
    const error = await refusal(readTable(Buffer.alloc(2 * 1024 * 1024, 0x41), {}, { limits: { maxBytes: 1024 * 1024 } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Файл слишком большой: можно не больше 1 МБ');
  });

  it('more data rows than the limit, in CSV and in XLSX', async () => {
    const csv = ['Фамилия', 'А', 'Б', 'В'].join('\r\n');
    const limits = { maxRows: 2 };
    expect((await refusal(readTable(Buffer.from(csv, 'utf8'), {}, { limits }))).message).toBe(
      'Слишком много строк: можно не больше 2 строк данных в одном файле',
    );
    const xlsx = await xlsxBytes((sheet) => {
      sheet.addRow(['Фамилия']);
      for (let index = 0; index < 40; index += 1) sheet.addRow([`Фамилия ${index}`]);
    });
    expect((await refusal(readTable(xlsx, {}, { limits }))).message).toMatch(/^Слишком много строк/);
  });

  it('a header written twice', async () => {
    const error = await refusal(readTable(Buffer.from('Фамилия;Имя;фамилия\r\nА;Б;В\r\n', 'utf8')));
    expect(error.message).toBe('Столбец «фамилия» встречается в заголовке дважды (строка 1)');
  });

  it('a quote that is never closed', async () => {
    const error = await refusal(readTable(Buffer.from('Фамилия;Имя\r\n"Орлова;Вера\r\n', 'utf8')));
    expect(error.message).toMatch(/^В файле не закрыта кавычка/);
  });

  it('an old XLS, a text named .xlsx, a broken zip and a binary file', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal(readTable(xls, { fileName: 'класс.xls' }))).message).toMatch(/^Формат XLS \(Excel 97–2003\)/);
    const text = Buffer.from('Фамилия\r\nОрлова\r\n', 'utf8');
    expect((await refusal(readTable(text, { fileName: 'класс.xlsx' }))).message).toMatch(/^Файл назван XLSX/);
    const brokenZip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expect((await refusal(readTable(brokenZip))).message).toMatch(/^Файл XLSX повреждён/);
    expect((await refusal(readTable(Buffer.from([0x41, 0, 0x42, 0x43])))).message).toBe(
      'Это не текстовый файл CSV и не таблица XLSX',
    );
  });

  it('an XLSX that would unpack to more than the limit', async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(['Фамилия']);
      for (let index = 0; index < 200; index += 1) sheet.addRow([`Фамилия ${index}`.repeat(20)]);
    });
    const error = await refusal(readTable(bytes, {}, { limits: { maxUnpackedBytes: 10_000 } }));
    expect(error.message).toMatch(/^Файл XLSX слишком велик в распакованном виде/);
  });
});
