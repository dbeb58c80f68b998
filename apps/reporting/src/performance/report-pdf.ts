import { BOLD, type FittedText, fitText, type PdfDoc as Doc, REGULAR, renderPdf, writeLines } from '../printing/pdf-document.js';

const MARGIN = 28;
const FOOTER_SPACE = 22;
const LINE_HEIGHT = 9;
const HEADER_SIZE = 7;
const BODY_SIZE = 7.5;
/** A word too long for its column shrinks to this size before it is split. */
const MIN_SIZE = 5;

export interface PdfColumn {
  /** Written out in full: wrapped onto as many lines as it needs, never cut. */
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  /** A heading over this column and its neighbours with the same group (e.g. an indicator over «сейчас», «было»). */
  group?: string;
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

/** Each cell's text in lines that fit its column (a "\n" in a cell always starts a line). */
function fitRow(doc: Doc, columns: readonly PdfColumn[], cells: readonly string[], bold: boolean): FittedText[] {
  doc.font(bold ? BOLD : REGULAR);
  return columns.map((column, index) => fitText(doc, cells[index] ?? '', column.width - 3, BODY_SIZE, MIN_SIZE));
}

function linesHeight(cells: readonly FittedText[]): number {
  return Math.max(1, ...cells.map((cell) => cell.lines.length)) * LINE_HEIGHT + 4;
}

function drawRow(doc: Doc, columns: readonly PdfColumn[], cells: readonly FittedText[], y: number, bold: boolean): number {
  const height = linesHeight(cells);
  doc.font(bold ? BOLD : REGULAR);
  let x = MARGIN;
  columns.forEach((column, index) => {
    writeLines(doc, cells[index]!, x + 1.5, y + 2.5, column.width - 3, LINE_HEIGHT, column.align ?? 'left');
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

/** Neighbouring columns under one group heading; a column without a group stands alone. */
interface HeaderSpan {
  x: number;
  width: number;
  group: string | undefined;
  columns: Array<{ x: number; column: PdfColumn }>;
}

function headerSpans(columns: readonly PdfColumn[]): HeaderSpan[] {
  const spans: HeaderSpan[] = [];
  let x = MARGIN;
  for (const column of columns) {
    const last = spans[spans.length - 1];
    if (last && column.group !== undefined && last.group === column.group) {
      last.columns.push({ x, column });
      last.width += column.width;
    } else {
      spans.push({ x, width: column.width, group: column.group, columns: [{ x, column }] });
    }
    x += column.width;
  }
  return spans;
}

/**
 * The column heads, in bold, each written out in full on as many lines as it needs; a group heading spans its
 * columns above their own heads. Returns the bottom of the header.
 */
function drawHeader(doc: Doc, columns: readonly PdfColumn[], y: number): number {
  doc.font(BOLD);
  const fitHead = (text: string, width: number) => fitText(doc, text, width - 3, HEADER_SIZE, MIN_SIZE);
  const spans = headerSpans(columns).map((span) => ({
    ...span,
    title: span.group === undefined ? null : fitHead(span.group, span.width),
    heads: span.columns.map(({ x, column }) => ({ x, width: column.width, text: fitHead(column.header, column.width) })),
  }));
  const height = (lines: number) => lines * LINE_HEIGHT + 4;
  const titleHeight = Math.max(0, ...spans.map((span) => (span.title ? height(span.title.lines.length) : 0)));
  const headsHeight = Math.max(0, ...spans.filter((span) => span.title).flatMap((span) => span.heads.map((head) => height(head.text.lines.length))));
  const alone = Math.max(0, ...spans.filter((span) => !span.title).map((span) => height(span.heads[0]!.text.lines.length)));
  const total = Math.max(alone, titleHeight + headsHeight);
  const bottom = y + total;
  doc.lineWidth(0.5);
  for (const span of spans) {
    doc.moveTo(span.x, y).lineTo(span.x, bottom);
    if (!span.title) {
      writeLines(doc, span.heads[0]!.text, span.x + 1.5, y + 2.5, span.width - 3, LINE_HEIGHT, 'center');
      continue;
    }
    writeLines(doc, span.title, span.x + 1.5, y + 2.5, span.width - 3, LINE_HEIGHT, 'center');
    const headsTop = y + titleHeight;
    doc.moveTo(span.x, headsTop).lineTo(span.x + span.width, headsTop);
    for (const head of span.heads) {
      if (head.x > span.x) doc.moveTo(head.x, headsTop).lineTo(head.x, bottom);
      writeLines(doc, head.text, head.x + 1.5, headsTop + 2.5, head.width - 3, LINE_HEIGHT, 'center');
    }
  }
  const right = MARGIN + columns.reduce((sum, column) => sum + column.width, 0);
  doc.moveTo(right, y).lineTo(right, bottom).moveTo(MARGIN, y).lineTo(right, y).moveTo(MARGIN, bottom).lineTo(right, bottom);
  doc.stroke();
  return bottom;
}

function drawTable(doc: Doc, report: PdfReport, table: PdfTable, top: number): number {
  let y = top;
  const heading = () => {
    doc.font(BOLD).fontSize(10).text(table.title, MARGIN, y, { width: doc.page.width - 2 * MARGIN });
    if (table.note) doc.font(REGULAR).fontSize(8).text(table.note, { width: doc.page.width - 2 * MARGIN });
    y = drawHeader(doc, table.columns, doc.y + 3);
  };
  if (y + 60 > bottomOf(doc)) y = newPage(doc, report);
  heading();
  if (table.rows.length === 0) {
    doc.font(REGULAR).fontSize(8).text('Нет данных', MARGIN + 2, y + 3);
    return doc.y + 10;
  }
  table.rows.forEach((row, index) => {
    const bold = table.boldRows?.has(index) ?? false;
    const cells = fitRow(doc, table.columns, row, bold);
    if (y + linesHeight(cells) > bottomOf(doc)) {
      y = newPage(doc, report);
      heading();
    }
    y = drawRow(doc, table.columns, cells, y, bold);
  });
  return y + 12;
}
