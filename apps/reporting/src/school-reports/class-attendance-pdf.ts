import type { AttendanceCounts, ClassAttendanceReport } from '#contracts';
import { russianDate, surnameAndInitials } from '../printing/journal-page.js';
import { BOLD, type FittedText, fitText, type PdfDoc as Doc, REGULAR, renderPdf, writeLines } from '../printing/pdf-document.js';

const MARGIN = 36;
const FONT_SIZE = 8;
/** A long header word may shrink to this size before it is split. */
const MIN_HEADER_SIZE = 6.5;
const LINE_HEIGHT = 9.5;
/** Space above the first line and below the last one in a cell. */
const CELL_PADDING = 5.5;
const FOOTER_SPACE = 28;
/**
 * №, student, then the counts with the headers the XLSX has, written out in full and wrapped (Б and УП explained in
 * the legend above the table); 523 pt, the width of A4 portrait between the margins.
 */
const COLUMNS = [
  { title: '№', width: 20 },
  { title: 'Ученик', width: 126 },
  { title: 'Уроков', width: 34 },
  { title: 'Посещено', width: 44 },
  { title: 'Пропущено', width: 48 },
  { title: 'Б', width: 24 },
  { title: 'УП', width: 24 },
  { title: 'Без уважительной', width: 58 },
  { title: 'Причина не указана', width: 40 },
  { title: 'Опозданий', width: 45 },
  { title: 'Посещаемость, %', width: 60 },
] as const;

/** The printed attendance sheet of a class over a period or dates (R-ATT-1): A4, one row per student and the totals. */
export async function renderClassAttendancePdf(report: ClassAttendanceReport): Promise<Buffer> {
  return renderPdf({ title: `Посещаемость ${report.className}, ${report.range.nameRu}`, margin: MARGIN }, (doc) => {
    let y = startPage(doc, report);
    const rows: Array<{ cells: string[]; font: string }> = [
      ...report.students.map((student, index) => ({
        cells: [String(index + 1), surnameAndInitials(student.name), ...countTexts(student.totals)],
        font: REGULAR,
      })),
      { cells: ['', 'Итого по классу', ...countTexts(report.totals)], font: BOLD },
    ];
    for (const { cells, font } of rows) {
      const fitted = fitRow(doc, cells, font, FONT_SIZE);
      if (y + rowHeight(fitted) > doc.page.height - MARGIN - FOOTER_SPACE) y = startPage(doc, report);
      y = drawRow(doc, y, fitted, font);
    }
  });
}

function countTexts(counts: AttendanceCounts): string[] {
  const reason = counts.absencesByReason;
  return [counts.lessons, counts.attended, counts.absences, reason.illness, reason.excused, reason.unexcused, reason.unspecified, counts.late]
    .map(String)
    .concat(counts.share === null ? '—' : counts.share.replace('.', ','));
}

/** A new page with the header (school, class, span) and the table's header row; returns where rows start. */
function startPage(doc: Doc, report: ClassAttendanceReport): number {
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(12).text(report.schoolName, MARGIN, MARGIN, { width });
  doc.font(REGULAR).fontSize(10);
  doc.text(`Посещаемость. Класс: ${report.className}`, { width });
  doc.text(`${report.range.nameRu}; учтены уроки по ${russianDate(report.range.heldUntil, true)}`, { width });
  doc.fontSize(8).text('Б — по болезни, УП — по уважительной причине; опоздание считается посещением.', { width });
  const headers = COLUMNS.map((column) => column.title);
  return drawRow(doc, doc.y + 6, fitRow(doc, headers, BOLD, FONT_SIZE, MIN_HEADER_SIZE), BOLD);
}

/** Each cell's text in lines that fit its column, nothing cut. */
function fitRow(doc: Doc, cells: readonly string[], font: string, size: number, minSize = size): FittedText[] {
  doc.font(font);
  return COLUMNS.map((column, index) => fitText(doc, cells[index] ?? '', column.width - 4, size, minSize));
}

function rowHeight(cells: readonly FittedText[]): number {
  return Math.max(1, ...cells.map((cell) => cell.lines.length)) * LINE_HEIGHT + CELL_PADDING;
}

function drawRow(doc: Doc, y: number, cells: readonly FittedText[], font: string): number {
  const height = rowHeight(cells);
  let x = MARGIN;
  doc.font(font);
  COLUMNS.forEach((column, index) => {
    doc.rect(x, y, column.width, height).lineWidth(0.5).stroke();
    writeLines(doc, cells[index]!, x + 2, y + 4, column.width - 4, LINE_HEIGHT, index < 2 ? 'left' : 'center');
    x += column.width;
  });
  return y + height;
}
