import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { dateCell, type ExportTable } from './export-table.js';
import { neutralizeFormula } from './neutralize-formula.js';
import { readTable } from './read-table.js';
import { writeCsv } from './write-csv.js';
import { writeXlsx } from './write-xlsx.js';

const DANGEROUS = ['=HYPERLINK("http://example.test","жми")', '+7 900 000-00-00', '-2+3', '@SUM(A1)', '\tтаб', '\rвозврат', '＝1+1'];

const NOTES_READ_BACK = [DANGEROUS[0], 'прозвище "Соколик"; 3Б', ...DANGEROUS.slice(1).map((text) => text.trim())];

const table: ExportTable = {
  sheetName: 'Класс 4А: список [весна]',
  headers: ['Фамилия', 'Примечание', 'Балл', 'Дата рождения', 'Выбыл'],
  rows: [
    ['Орлова', DANGEROUS[0]!, 4.5, dateCell('2015-03-14'), false],
    ['Соколов', 'прозвище "Соколик"; 3Б', 5, null, true],
    ...DANGEROUS.slice(1).map((text) => ['Волков', text, null, null, null] as const),
  ],
};

describe('formula injection (OWASP CSV injection)', () => {
  it('text starting with = + - @ tab, CR or LF (and the full-width forms) gets a leading apostrophe', () => {
    for (const text of DANGEROUS) expect(neutralizeFormula(text)).toBe(`'${text}`);
    expect(neutralizeFormula('  =1+1')).toBe("'  =1+1");
    expect(neutralizeFormula('Орлова-Петрова')).toBe('Орлова-Петрова');
    expect(neutralizeFormula('')).toBe('');
  });
});

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM, `;`, CRLF, decimal commas, Russian dates and neutralised text', () => {
    const bytes = writeCsv(table);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Фамилия;Примечание;Балл;Дата рождения;Выбыл');
    expect(lines[1]).toBe(`Орлова;"'=HYPERLINK(""http://example.test"",""жми"")";4,5;14.03.2015;нет`);
    expect(lines[2]).toBe('Соколов;"прозвище ""Соколик""; 3Б";5;;да');
    expect(lines[3]).toBe("Волков;'+7 900 000-00-00;;;");
  });

  it('reads back through readTable as it was written (trimmed, as every cell is)', async () => {
    const read = await readTable(writeCsv(table));
    expect(read).toMatchObject({ encoding: 'utf-8', separator: ';' });
    expect(read.rows.map((row) => row.cells['примечание'])).toEqual(NOTES_READ_BACK);
  });
});

describe('writeXlsx', () => {
  it('writes formula-like text as a string cell with an apostrophe, never as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(table)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Класс 4А  список  весна');
    DANGEROUS.forEach((text, index) => {
      const cell = sheet.getCell(index === 0 ? 2 : index + 3, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
      // XML reads a CR back as LF.
      expect(cell.value).toBe(`'${text.replace('\r', '\n')}`);
    });
    expect(sheet.getCell('C2').value).toBe(4.5);
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2015, 2, 14)));
    expect(sheet.getCell('D2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('E3').value).toBe(true);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('reads back through readTable as it was written (trimmed, as every cell is)', async () => {
    const read = await readTable(await writeXlsx(table), { fileName: 'список.xlsx' });
    expect(read.headers).toEqual(['фамилия', 'примечание', 'балл', 'дата рождения', 'выбыл']);
    expect({ ...read.rows[0]!.cells }).toEqual({
      фамилия: 'Орлова',
      примечание: DANGEROUS[0],
      балл: '4.5',
      'дата рождения': '2015-03-14',
      выбыл: 'false',
    });
    expect(read.rows.map((row) => row.cells['примечание'])).toEqual(NOTES_READ_BACK);
  });
});
