import type { PersonName } from '#contracts';
import { matchColumns, parseImportDate, type Table, type TableRow } from '#spreadsheet';
import { parseClassLabel } from './class-label.js';
import { documentKey, tidyDocument } from './document-key.js';
import { nameKey, namePartProblem, splitFullName, tidyNamePart } from './person-name-rules.js';
import { parsePhone } from './phone.js';
import { type ParentField, parentColumn, STUDENT_COLUMNS, type StudentField } from './roster-columns.js';
import { academicYearBounds, type RosterImportContext } from './roster-import-context.js';
import type { ParentEntry, RosterFile, RosterRow, RowIssue } from './roster-row.js';
import { parseSnils } from './snils.js';

const MAX_DOCUMENT = 60;
const EARLIEST_BIRTH_DATE = '1900-01-01';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

type NameColumns = Partial<Record<'lastName' | 'firstName' | 'middleName' | 'fullName', string>>;

interface Layout {
  student: Partial<Record<StudentField, string>>;
  parents: Map<string, Partial<Record<ParentField, string>>>;
  titles: Map<string, string>;
  ignored: string[];
}

function layoutOf(table: Table): Layout {
  const titles = new Map(table.headers.map((header, index) => [header, table.titles[index] ?? header]));
  const { found, unknown } = matchColumns(table.headers, STUDENT_COLUMNS);
  const parents = new Map<string, Partial<Record<ParentField, string>>>();
  const ignored: string[] = [];
  for (const header of unknown) {
    const column = parentColumn(header);
    if (!column) {
      ignored.push(titles.get(header) ?? header);
      continue;
    }
    const slot = parents.get(column.slot) ?? {};
    if (slot[column.field] === undefined) slot[column.field] = header;
    else ignored.push(titles.get(header) ?? header);
    parents.set(column.slot, slot);
  }
  return { student: found, parents, titles, ignored };
}

function missingColumns(layout: Layout, headerLine: number): RowIssue[] {
  const { student } = layout;
  const issues: RowIssue[] = [];
  const hasName = (student.lastName !== undefined && student.firstName !== undefined) || student.fullName !== undefined;
  if (!hasName) {
    const message = 'В файле нет столбцов «Фамилия» и «Имя» (или одного столбца «ФИО»)';
    issues.push({ line: headerLine, column: null, message });
  }
  if (student.className === undefined) issues.push({ line: headerLine, column: null, message: 'В файле нет столбца «Класс»' });
  return issues;
}

/** Reads one row's cells with the problems found, each naming the column as the file titles it. */
class RowReader {
  readonly issues: RowIssue[] = [];

  constructor(
    private readonly row: TableRow,
    private readonly titles: Map<string, string>,
  ) {}

  text(header: string | undefined): string {
    return header === undefined ? '' : (this.row.cells[header] ?? '');
  }

  problem(header: string | undefined, message: string): void {
    const column = header === undefined ? null : (this.titles.get(header) ?? header);
    this.issues.push({ line: this.row.line, column, message });
  }

  /** A name from separate columns or from one full-name column; undefined (with problems) when it cannot be read. */
  name(columns: NameColumns, who: string): PersonName | undefined {
    const separate = columns.lastName !== undefined || columns.firstName !== undefined;
    let name: PersonName;
    if (separate && (this.text(columns.lastName) !== '' || this.text(columns.firstName) !== '' || !columns.fullName)) {
      const middle = tidyNamePart(this.text(columns.middleName));
      name = {
        lastName: tidyNamePart(this.text(columns.lastName)),
        firstName: tidyNamePart(this.text(columns.firstName)),
        middleName: middle === '' ? null : middle,
      };
    } else {
      const split = splitFullName(this.text(columns.fullName));
      if (!split) {
        this.problem(columns.fullName, `${who}: нужны хотя бы фамилия и имя через пробел`);
        return undefined;
      }
      name = {
        lastName: tidyNamePart(split.lastName),
        firstName: tidyNamePart(split.firstName),
        middleName: split.middleName === null ? null : tidyNamePart(split.middleName),
      };
    }
    const before = this.issues.length;
    if (name.lastName === '') this.problem(columns.lastName ?? columns.fullName, `${who}: не указана фамилия`);
    if (name.firstName === '') this.problem(columns.firstName ?? columns.fullName, `${who}: не указано имя`);
    const parts: Array<[string | null, string | undefined]> = [
      [name.lastName, columns.lastName ?? columns.fullName],
      [name.firstName, columns.firstName ?? columns.fullName],
      [name.middleName, columns.middleName ?? columns.fullName],
    ];
    for (const [part, header] of parts) {
      const problem = part ? namePartProblem(part) : undefined;
      if (problem) this.problem(header, `${who}: ${lowerFirst(problem)}`);
    }
    return this.issues.length === before ? name : undefined;
  }

  date(header: string | undefined, check: (date: string) => string | undefined): string | null {
    const text = this.text(header);
    if (text === '') return null;
    const parsed = parseImportDate(text);
    if ('error' in parsed) {
      this.problem(header, parsed.error);
      return null;
    }
    const problem = check(parsed.date);
    if (problem) this.problem(header, problem);
    return parsed.date;
  }
}

function slotLabel(slot: string): string {
  return slot.charAt(0).toUpperCase() + slot.slice(1);
}

function readParents(reader: RowReader, layout: Layout): ParentEntry[] {
  const parents: ParentEntry[] = [];
  for (const [slot, columns] of [...layout.parents].sort(([a], [b]) => a.localeCompare(b, 'ru'))) {
    const filled = Object.values(columns).some((header) => reader.text(header) !== '');
    if (!filled) continue;
    const who = slotLabel(slot);
    if (columns.lastName === undefined && columns.firstName === undefined && columns.fullName === undefined) {
      reader.problem(columns.phone, `${who}: телефон указан без фамилии и имени`);
      continue;
    }
    const name = reader.name(columns, who);
    let phone: string | null = null;
    const phoneText = reader.text(columns.phone);
    if (phoneText !== '') {
      const parsed = parsePhone(phoneText);
      if ('error' in parsed) reader.problem(columns.phone, `${who}: ${lowerFirst(parsed.error)}`);
      else phone = parsed.phone;
    }
    if (name) parents.push({ slot, name, phone });
  }
  return parents;
}

function readRow(row: TableRow, layout: Layout, context: RosterImportContext): { row?: RosterRow; issues: RowIssue[] } {
  const reader = new RowReader(row, layout.titles);
  const columns = layout.student;
  const name = reader.name(columns, 'Ученик');

  const classText = reader.text(columns.className);
  const classLabel = parseClassLabel(classText);
  if (classText === '') reader.problem(columns.className, 'Не указан класс');
  else if (!classLabel) reader.problem(columns.className, `Класс «${classText}» не распознан: пишите, например, 5А`);

  const birthDate = reader.date(columns.birthDate, (date) => {
    if (date > context.effectiveDate) return 'Дата рождения позже сегодняшнего дня';
    if (date < EARLIEST_BIRTH_DATE) return 'Дата рождения слишком ранняя';
    return undefined;
  });
  const { first, last } = academicYearBounds(context.academicYear);
  const enrolledFrom = reader.date(columns.enrolledFrom, (date) =>
    date < first || date > last ? `Дата зачисления вне ${context.academicYear} учебного года` : undefined,
  );

  const documentText = tidyDocument(reader.text(columns.document));
  if (documentText.length > MAX_DOCUMENT) reader.problem(columns.document, `Не длиннее ${MAX_DOCUMENT} символов`);
  let snils: string | null = null;
  const snilsText = reader.text(columns.snils);
  if (snilsText !== '') {
    const parsed = parseSnils(snilsText);
    if ('error' in parsed) reader.problem(columns.snils, parsed.error);
    else snils = parsed.snils;
  }
  const parents = readParents(reader, layout);

  if (reader.issues.length > 0 || !name || !classLabel) return { issues: reader.issues };
  return {
    issues: [],
    row: {
      line: row.line,
      name,
      birthDate,
      document: documentText === '' ? null : documentText,
      snils,
      classText,
      classLabel,
      enrolledFrom,
      parents,
    },
  };
}

function sameClass(a: RosterRow, b: RosterRow): boolean {
  return a.classLabel.grade === b.classLabel.grade && a.classLabel.letter === b.classLabel.letter;
}

/** Rows that name one student twice, and namesakes that the file does not tell apart. */
function duplicateIssues(rows: readonly RosterRow[], layout: Layout): RowIssue[] {
  const title = (field: StudentField): string | null => {
    const header = layout.student[field];
    return header === undefined ? null : (layout.titles.get(header) ?? header);
  };
  const byName = new Map<string, RosterRow[]>();
  for (const row of rows) byName.set(nameKey(row.name), [...(byName.get(nameKey(row.name)) ?? []), row]);
  const firstLine = new Map<string, number>();
  const earlier = (key: string, line: number): number | undefined => {
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    return first;
  };

  const issues: RowIssue[] = [];
  for (const row of rows) {
    const name = nameKey(row.name);
    // Rows are people: namesakes in different classes are two students, told apart by their class.
    const namesake = byName.get(name)?.find((other) => other !== row && sameClass(other, row));
    if (row.birthDate === null && row.snils === null && row.document === null && namesake) {
      const message =
        `В этом классе в файле есть ещё ученик с такими же ФИО (строка ${namesake.line}): ` +
        'укажите дату рождения, чтобы их различить';
      issues.push({ line: row.line, column: title('birthDate'), message });
      continue;
    }
    const same = row.birthDate === null ? undefined : earlier(`${name}|${row.birthDate}`, row.line);
    if (same !== undefined) {
      issues.push({ line: row.line, column: null, message: `Этот ученик уже есть в строке ${same}` });
      continue;
    }
    const snilsLine = row.snils === null ? undefined : earlier(`snils:${row.snils}`, row.line);
    if (snilsLine !== undefined) {
      issues.push({ line: row.line, column: title('snils'), message: `Этот СНИЛС уже указан в строке ${snilsLine}` });
    }
    const documentLine = row.document === null ? undefined : earlier(`document:${documentKey(row.document)}`, row.line);
    if (documentLine !== undefined) {
      issues.push({ line: row.line, column: title('document'), message: `Этот документ уже указан в строке ${documentLine}` });
    }
  }
  return issues;
}

/**
 * Reads a roster table in the format of README.md: finds the columns (titles or their variants), reads each row into
 * the forms the journal keeps and reports, row by row and in Russian, what cannot be read. No database is consulted.
 */
export function readRosterFile(table: Table, context: RosterImportContext): RosterFile {
  const layout = layoutOf(table);
  const missing = missingColumns(layout, table.headerLine);
  const columnTitles: RosterFile['columnTitles'] = {};
  for (const [field, header] of Object.entries(layout.student) as Array<[StudentField, string]>) {
    columnTitles[field] = layout.titles.get(header) ?? header;
  }
  const file = { headerLine: table.headerLine, rowCount: table.rows.length, ignoredColumns: layout.ignored, columnTitles };
  if (missing.length > 0) return { ...file, rows: [], errors: missing };
  const rows: RosterRow[] = [];
  const errors: RowIssue[] = [];
  for (const tableRow of table.rows) {
    const read = readRow(tableRow, layout, context);
    errors.push(...read.issues);
    if (read.row) rows.push(read.row);
  }
  const duplicates = duplicateIssues(rows, layout);
  const refused = new Set(duplicates.map((issue) => issue.line));
  return {
    ...file,
    rows: rows.filter((row) => !refused.has(row.line)),
    errors: [...errors, ...duplicates].sort((a, b) => a.line - b.line),
  };
}
