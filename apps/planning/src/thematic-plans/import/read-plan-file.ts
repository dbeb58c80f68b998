import type { PlanImportIssue, PlanTopicKind } from '#contracts';
import { matchColumns, parseImportDate, russianDate, type Table, type TableRow } from '#spreadsheet';
import { PLAN_COLUMNS, type PlanField } from './plan-columns.js';
import { kindOfTitle, kindOfWord } from './plan-kind-words.js';

const MAX_TITLE = 500;
export const MAX_TOPICS = 500;

/** The school year a plan file is read for: dates are within it, and a date written without a year is placed in it. */
export interface PlanFileContext {
  academicYear: string;
  start: string;
  end: string;
}

/** One topic read from a row of a plan file. */
export interface PlanFileRow {
  line: number;
  title: string;
  hours: number;
  plannedDate: string | null;
  kind: PlanTopicKind;
}

export interface PlanFile {
  headerLine: number;
  rowCount: number;
  /** The file's title of each column read. */
  columns: Partial<Record<PlanField, string>>;
  ignoredColumns: string[];
  skippedRows: Array<{ line: number; reason: string }>;
  errors: PlanImportIssue[];
  rows: PlanFileRow[];
}

const HOURS = /^(\d{1,2})(?:[.,]0+)?$/;
const DAY_AND_MONTH = /^(\d{1,2})\.(\d{1,2})\.?$/;
/** A cell may list the dates of every lesson of a topic («02.09, 04.09»): the first is the topic's date. */
const DATE_SEPARATORS = /[,;\s\u2013\u2014]+/;

/** «02.09» in a plan for 2025/2026: September to December are in 2025, January to August in 2026. */
function withYear(text: string, academicYear: string): string {
  const match = DAY_AND_MONTH.exec(text);
  if (!match) return text;
  const [, day, month] = match as unknown as [string, string, string];
  const first = Number(academicYear.slice(0, 4));
  return `${day}.${month}.${Number(month) >= 9 ? first : first + 1}`;
}

class RowReader {
  readonly issues: PlanImportIssue[] = [];

  constructor(
    private readonly row: TableRow,
    private readonly columns: Partial<Record<PlanField, string>>,
    private readonly titles: Map<string, string>,
  ) {}

  text(field: PlanField): string {
    const header = this.columns[field];
    return header === undefined ? '' : (this.row.cells[header] ?? '');
  }

  problem(field: PlanField | null, message: string): void {
    const header = field === null ? undefined : this.columns[field];
    this.issues.push({ line: this.row.line, column: header === undefined ? null : (this.titles.get(header) ?? header), message });
  }

  hours(): number {
    if (this.columns.hours === undefined) return 1;
    const text = this.text('hours');
    if (text === '') {
      this.problem('hours', 'Не указано количество часов');
      return 0;
    }
    const match = HOURS.exec(text);
    const hours = match ? Number(match[1]) : 0;
    if (hours < 1) this.problem('hours', 'Количество часов — целое число от 1 до 99');
    return hours;
  }

  date(context: PlanFileContext): string | null {
    const text = this.text('date').split(DATE_SEPARATORS).find((part) => part !== '') ?? '';
    if (text === '') return null;
    const parsed = parseImportDate(withYear(text, context.academicYear));
    if ('error' in parsed) {
      this.problem('date', parsed.error);
      return null;
    }
    if (parsed.date < context.start || parsed.date > context.end) {
      const bounds = `${russianDate(context.start)}–${russianDate(context.end)}`;
      this.problem('date', `Дата ${russianDate(parsed.date)} вне ${context.academicYear} учебного года (${bounds})`);
    }
    return parsed.date;
  }

  kind(title: string): PlanTopicKind {
    const text = this.text('kind');
    if (text === '') return kindOfTitle(title);
    const kind = kindOfWord(text);
    if (kind) return kind;
    this.problem('kind', `Вид работы «${text}» не распознан: пишите, например, «Урок» или «Контрольная работа»`);
    return 'lesson';
  }
}

/**
 * Reads a plan table (README.md): finds the columns by their titles or variants, reads each row into a topic and
 * reports, row by row and in Russian, what cannot be read. When the file numbers its topics, a row without a number
 * is a section heading («Раздел 1. Числа — 20 ч») and is left out. No database is consulted.
 */
export function readPlanFile(table: Table, context: PlanFileContext): PlanFile {
  const titles = new Map(table.headers.map((header, index) => [header, table.titles[index] ?? header]));
  const { found, unknown } = matchColumns(table.headers, PLAN_COLUMNS);
  const columns: PlanFile['columns'] = {};
  for (const [field, header] of Object.entries(found) as Array<[PlanField, string]>) columns[field] = titles.get(header) ?? header;
  const file: PlanFile = {
    headerLine: table.headerLine,
    rowCount: table.rows.length,
    columns,
    ignoredColumns: unknown.map((header) => titles.get(header) ?? header),
    skippedRows: [],
    errors: [],
    rows: [],
  };
  if (found.title === undefined) {
    file.errors.push({ line: table.headerLine, column: null, message: 'В файле нет столбца «Тема урока»' });
    return file;
  }
  for (const row of table.rows) {
    const reader = new RowReader(row, found, titles);
    const title = reader.text('title');
    if (found.number !== undefined && reader.text('number') === '' && title !== '') {
      file.skippedRows.push({ line: row.line, reason: 'Нет номера урока: строка раздела, не тема' });
      continue;
    }
    if (title === '') reader.problem('title', 'Не указана тема урока');
    else if (title.length > MAX_TITLE) reader.problem('title', `Тема длиннее ${MAX_TITLE} символов`);
    const hours = reader.hours();
    const plannedDate = reader.date(context);
    const kind = reader.kind(title);
    file.errors.push(...reader.issues);
    if (reader.issues.length === 0) file.rows.push({ line: row.line, title, hours, plannedDate, kind });
  }
  if (file.rows.length === 0 && file.errors.length === 0) {
    file.errors.push({ line: table.headerLine, column: null, message: 'В файле нет ни одной темы' });
  }
  if (file.rows.length > MAX_TOPICS) {
    file.errors.push({ line: table.headerLine, column: null, message: `В КТП не больше ${MAX_TOPICS} тем` });
  }
  return file;
}
