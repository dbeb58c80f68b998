/** A calendar date cell of an export: written as a date in XLSX and as ДД.ММ.ГГГГ in CSV. */
export interface DateCell {
  date: string;
}

/** One cell of an export. Text is neutralised against formulas; numbers and dates stay numbers and dates. */
export type ExportCell = string | number | boolean | DateCell | null;

/** A table to export: a header row and the rows under it. */
export interface ExportTable {
  headers: readonly string[];
  rows: ReadonlyArray<readonly ExportCell[]>;
  /** XLSX only: the sheet's name (cut to what Excel allows). */
  sheetName?: string;
}

/** A date cell from a 'YYYY-MM-DD' school date. */
export function dateCell(date: string): DateCell {
  return { date };
}
