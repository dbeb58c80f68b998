import { BOLD, type PdfDoc as Doc, REGULAR, renderPdf } from '../printing/pdf-document.js';

const MARGIN = 28;
const FOOTER_SPACE = 22;
const LINE_HEIGHT = 9;

export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A table of a report: its title, columns and rows of cell texts (a cell may hold several lines, split by "\n"). */
export interface PdfTable {
  title: string;
  columns: readonly PdfColumn[];
  rows: ReadonlyArray<readonly string[]>;
  /** Rows drawn in bold (totals). */
  boldRows?: ReadonlySet<number>;
  /** A line under the title, e.g. what a cell shows. */
  note?: string;
}

/** A report as printed: the header every page repeats and its tables, one after another. */
export interface PdfReport {
  title: string;
  headerLines: readonly string[];
  tables: readonly PdfTable[];
}

/** Renders a report on A4 landscape pages with the header and «Стр. N из M» on every page. */
export async function renderReportPdf(report: PdfReport): Promise<Buffer> {
  return renderPdf({ title: report.title, margin: MARGIN, layout: 'landscape' }, (doc) => {
    let y = newPage(doc, report);
    for (const table of report.tables) y = drawTable(doc, report, table, y);
  });
}

function newPage(doc: Doc, report: PdfReport): number {
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(11).text(report.title, MARGIN, MARGIN, { width });
  doc.font(REGULAR).fontSize(9);
  for (const line of report.headerLines) doc.text(line, { width });
  return doc.y + 6;
}

function bottomOf(doc: Doc): number {
  return doc.page.height - MARGIN - FOOTER_SPACE;
}

/** Writes one line into a box, smaller if it does not fit. */
function cellLine(doc: Doc, text: string, x: number, y: number, width: number, align: PdfColumn['align'], size: number): void {
  let fontSize = size;
  doc.fontSize(fontSize);
  while (fontSize > 4 && doc.widthOfString(text) > width - 3) doc.fontSize((fontSize -= 0.5));
  doc.text(text, x + 1.5, y, { width: width - 3, align: align ?? 'left', lineBreak: false });
}

function drawRow(doc: Doc, columns: readonly PdfColumn[], cells: readonly string[], y: number, bold: boolean, header: boolean): number {
  const lines = cells.map((cell) => cell.split('\n'));
  const height = Math.max(1, ...lines.map((cell) => cell.length)) * LINE_HEIGHT + 4;
  doc.font(bold || header ? BOLD : REGULAR);
  let x = MARGIN;
  columns.forEach((column, index) => {
    (lines[index] ?? []).forEach((line, number) => {
      if (line) cellLine(doc, line, x, y + 2.5 + number * LINE_HEIGHT, column.width, header ? 'center' : column.align, header ? 7 : 7.5);
    });
    x += column.width;
  });
  const right = MARGIN + columns.reduce((sum, column) => sum + column.width, 0);
  doc.lineWidth(0.5);
  x = MARGIN;
  for (const column of columns) {
    doc.moveTo(x, y).lineTo(x, y + height);
    x += column.width;
  }
  doc.moveTo(right, y).lineTo(right, y + height).moveTo(MARGIN, y).lineTo(right, y).moveTo(MARGIN, y + height).lineTo(right, y + height);
  doc.stroke();
  return y + height;
}

function drawTable(doc: Doc, report: PdfReport, table: PdfTable, top: number): number {
  let y = top;
  const heading = () => {
    doc.font(BOLD).fontSize(10).text(table.title, MARGIN, y, { width: doc.page.width - 2 * MARGIN });
    if (table.note) doc.font(REGULAR).fontSize(8).text(table.note, { width: doc.page.width - 2 * MARGIN });
    y = drawRow(doc, table.columns, table.columns.map((column) => column.header), doc.y + 3, true, true);
  };
  if (y + 60 > bottomOf(doc)) y = newPage(doc, report);
  heading();
  if (table.rows.length === 0) {
    doc.font(REGULAR).fontSize(8).text('Нет данных', MARGIN + 2, y + 3);
    return doc.y + 10;
  }
  table.rows.forEach((row, index) => {
    const lines = Math.max(1, ...row.map((cell) => cell.split('\n').length));
    if (y + lines * LINE_HEIGHT + 4 > bottomOf(doc)) {
      y = newPage(doc, report);
      heading();
    }
    y = drawRow(doc, table.columns, row, y, table.boldRows?.has(index) ?? false, false);
  });
  return y + 12;
}
