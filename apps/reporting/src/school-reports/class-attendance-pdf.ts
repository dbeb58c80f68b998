import type { AttendanceCounts, ClassAttendanceReport } from '#contracts';
import { surnameAndInitials } from '../printing/journal-page.js';
import { BOLD, type PdfDoc as Doc, REGULAR, renderPdf } from '../printing/pdf-document.js';

const MARGIN = 36;
const ROW_HEIGHT = 15;
const FOOTER_SPACE = 28;
/** №, student, then the counts: lessons, attended, absences, Б, УП, unexcused, not given, lates, share. */
const COLUMNS = [
  { title: '№', width: 22 },
  { title: 'Ученик', width: 150 },
  { title: 'Уроков', width: 40 },
  { title: 'Посещено', width: 46 },
  { title: 'Пропущено', width: 50 },
  { title: 'Б', width: 30 },
  { title: 'УП', width: 30 },
  { title: 'Без уваж.', width: 44 },
  { title: 'Не указ.', width: 40 },
  { title: 'Опозд.', width: 36 },
  { title: '%', width: 35 },
] as const;

/** The printed attendance sheet of a class over a period or dates (R-ATT-1): A4, one row per student and the totals. */
export async function renderClassAttendancePdf(report: ClassAttendanceReport): Promise<Buffer> {
  return renderPdf({ title: `Посещаемость ${report.className}, ${report.range.nameRu}`, margin: MARGIN }, (doc) => {
    let y = startPage(doc, report);
    report.students.forEach((student, index) => {
      if (y + ROW_HEIGHT > doc.page.height - MARGIN - FOOTER_SPACE) y = startPage(doc, report);
      y = drawRow(doc, y, [String(index + 1), surnameAndInitials(student.name), ...countTexts(student.totals)], REGULAR);
    });
    if (y + ROW_HEIGHT > doc.page.height - MARGIN - FOOTER_SPACE) y = startPage(doc, report);
    drawRow(doc, y, ['', 'Итого по классу', ...countTexts(report.totals)], BOLD);
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
  doc.text(`${report.range.nameRu}; учтены уроки по ${dotted(report.range.heldUntil)}`, { width });
  doc.fontSize(8).text('Б — по болезни, УП — по уважительной причине; опоздание считается посещением.', { width });
  return drawRow(doc, doc.y + 6, COLUMNS.map((column) => column.title), BOLD);
}

function drawRow(doc: Doc, y: number, cells: readonly string[], font: string): number {
  let x = MARGIN;
  doc.font(font).fontSize(8);
  COLUMNS.forEach((column, index) => {
    doc.rect(x, y, column.width, ROW_HEIGHT).lineWidth(0.5).stroke();
    doc.text(cells[index] ?? '', x + 2, y + 4, { width: column.width - 4, height: ROW_HEIGHT - 4, lineBreak: false, ellipsis: true, align: index < 2 ? 'left' : 'center' });
    x += column.width;
  });
  return y + ROW_HEIGHT;
}

function dotted(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
