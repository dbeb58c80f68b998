import ExcelJS from 'exceljs';
import { assembleTable, type RawRow } from './assemble-table.js';
import { spreadsheetRefusal } from './spreadsheet-refusal.js';
import type { ReadTableOptions, Table, TableLimits } from './table.js';
import { declaredUnpackedBytes } from './zip-directory.js';

type Scalar = string | number | boolean | Date | null | undefined;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A date cell as text: 'YYYY-MM-DD', with the time only when the cell holds one (Excel dates are UTC-free). */
function dateText(value: Date): string {
  const rounded = new Date(Math.round(value.getTime() / 1000) * 1000);
  const day = `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const seconds = rounded.getUTCHours() * 3600 + rounded.getUTCMinutes() * 60 + rounded.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day} ${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}:${pad(rounded.getUTCSeconds())}`;
}

function scalarText(value: Scalar): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  return String(value);
}

/** The text a person sees in a cell; a formula gives its cached result, never the formula itself. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return scalarText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A hyperlink's text may itself be rich text, whatever the type says.
  if ('hyperlink' in value) return cellText(value.text);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result ?? null);
  return '';
}

function firstSheetWithData(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const visible = workbook.worksheets.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined);
  return visible.find((sheet) => sheet.actualRowCount > 0) ?? visible[0] ?? workbook.worksheets[0];
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; at run time it takes Node's.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw spreadsheetRefusal('Файл XLSX повреждён или это не таблица Excel: сохраните его заново как XLSX или CSV');
  }
  return workbook;
}

/** Reads the first worksheet with data of an XLSX file. */
export async function readXlsx(bytes: Buffer, options: ReadTableOptions, limits: TableLimits): Promise<Table> {
  const unpacked = declaredUnpackedBytes(bytes);
  if (unpacked === undefined) {
    throw spreadsheetRefusal('Файл XLSX повреждён или это не таблица Excel: сохраните его заново как XLSX или CSV');
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw spreadsheetRefusal('Файл XLSX слишком велик в распакованном виде: загрузите таблицу поменьше или CSV');
  }
  const sheet = firstSheetWithData(await loadWorkbook(bytes));
  if (!sheet || sheet.actualRowCount === 0) throw spreadsheetRefusal('В файле XLSX нет ни одной заполненной строки');
  // A title and notes may stand above the header: allow a few rows more than the limit before reading them all.
  if (sheet.actualRowCount > limits.maxRows + 21) {
    throw spreadsheetRefusal(`Слишком много строк: можно не больше ${limits.maxRows} строк данных в одном файле`, {
      maxRows: limits.maxRows,
    });
  }
  const rawRows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    const width = Math.min(row.cellCount, limits.maxColumns + 50);
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column).value));
    rawRows.push({ line, cells });
  });
  return { format: 'xlsx', ...assembleTable(rawRows, options, limits) };
}
