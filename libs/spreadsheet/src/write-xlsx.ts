import ExcelJS from 'exceljs';
import type { ExportCell, ExportTable } from './export-table.js';
import { neutralizeFormula } from './neutralize-formula.js';

const DATE_FORMAT = 'dd.mm.yyyy';
const MAX_WIDTH = 60;

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return cleaned === '' ? 'Лист1' : cleaned;
}

function setCell(cell: ExcelJS.Cell, value: ExportCell): void {
  if (value === null) return;
  if (typeof value === 'object') {
    const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
    cell.value = new Date(Date.UTC(year, month - 1, day));
    cell.numFmt = DATE_FORMAT;
    return;
  }
  // A string is always written as a string cell: exceljs makes a formula only from a { formula } value.
  cell.value = typeof value === 'string' ? neutralizeFormula(value) : value;
}

function displayWidth(value: ExportCell): number {
  if (value === null) return 0;
  if (typeof value === 'object') return 10;
  return Math.max(...String(value).split('\n').map((line) => line.length));
}

/** An XLSX workbook with one sheet: a bold, frozen header row, columns wide enough to read, text kept as text. */
export async function writeXlsx(table: ExportTable): Promise<Buffer> {
  return writeXlsxSheets([table]);
}

/** An XLSX workbook with a sheet for each table, each laid out as `writeXlsx` lays out its one (names made unique). */
export async function writeXlsxSheets(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  tables.forEach((table, index) => {
    let name = sheetName(table.sheetName);
    if (used.has(name)) name = sheetName(`${name.slice(0, 27)} ${index + 1}`);
    used.add(name);
    addSheet(workbook, name, table);
  });
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as unknown as Uint8Array);
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: ExportTable): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.getRow(1);
  table.headers.forEach((title, index) => setCell(header.getCell(index + 1), title));
  header.font = { bold: true };
  table.rows.forEach((values, rowIndex) => {
    const row = sheet.getRow(rowIndex + 2);
    values.forEach((value, index) => setCell(row.getCell(index + 1), value));
  });
  table.headers.forEach((title, index) => {
    const widest = table.rows.reduce((width, row) => Math.max(width, displayWidth(row[index] ?? null)), title.length);
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, widest + 2);
  });
}
