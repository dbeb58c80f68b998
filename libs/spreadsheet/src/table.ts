/** One data row of a table as read from a file; `line` is the row number a spreadsheet shows (the header row is 1). */
export interface TableRow {
  line: number;
  /** Cell texts by normalised header (see normalizeHeader), trimmed; a missing cell is absent, never undefined. */
  cells: Record<string, string>;
}

/** A table read from an uploaded CSV or XLSX file: one header row and the rows under it. */
export interface Table {
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were decoded and which separator was found. */
  encoding?: TextEncodingName;
  separator?: string;
  /** Normalised header names in file order; columns with an empty header are left out. */
  headers: string[];
  /** The header texts as written in the file, in the same order as `headers`. */
  titles: string[];
  /** Line of the header row. */
  headerLine: number;
  /** Rows under the header; rows with every cell empty are left out. */
  rows: TableRow[];
}

export type TextEncodingName = 'utf-8' | 'windows-1251' | 'utf-16le';

/** What a caller knows of an upload besides its bytes; the bytes decide when they can. */
export interface FileDescription {
  fileName?: string;
  contentType?: string;
}

export interface TableLimits {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Most data rows accepted under the header. */
  maxRows: number;
  /** Most columns accepted in the header row. */
  maxColumns: number;
  /** Most bytes an XLSX may unpack to, as its zip directory declares. */
  maxUnpackedBytes: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 10_000,
  maxColumns: 100,
  maxUnpackedBytes: 100 * 1024 * 1024,
};

export interface ReadTableOptions {
  limits?: Partial<TableLimits>;
  /**
   * Tells the header row among the first rows (files often carry a title above it); given the normalised cells of a
   * row. Without it, or when no row passes, the first non-empty row is the header.
   */
  isHeaderRow?: (normalizedCells: readonly string[]) => boolean;
}
