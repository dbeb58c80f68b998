import { type JournalPage, russianDate } from './journal-page.js';
import { BOLD, type PdfDoc as Doc, REGULAR, renderPdf } from './pdf-document.js';

// A4 portrait in points; the grid and the lesson list are sized so that a spread holds as many dates as the paper one.
const MARGIN = 28;
const NUMBER_WIDTH = 18;
const NAME_WIDTH = 124;
const DATE_WIDTH = 21;
const DATES_PER_SPREAD = 19;
const STUDENTS_PER_PAGE = 45;
const ROW_HEIGHT = 13;
const HEADER_ROW_HEIGHT = 15;
const FOOTER_SPACE = 24;
const LESSON_COLUMNS = { number: 20, date: 52, topic: 246 } as const;

/** Renders a journal page for a period as a PDF: on the left students by date with marks, on the right the lessons. */
export async function renderJournalPagePdf(page: JournalPage): Promise<Buffer> {
  return renderPdf({ title: title(page), margin: MARGIN }, (doc) => {
    const spreads = chunked(page.lessons, DATES_PER_SPREAD);
    for (const lessons of spreads.length > 0 ? spreads : [[]]) {
      const firstNumber = page.lessons.indexOf(lessons[0]!) + 1;
      const studentPages = chunked(page.students, STUDENTS_PER_PAGE);
      for (const students of studentPages.length > 0 ? studentPages : [[]]) drawGrid(doc, page, lessons, students);
      drawLessons(doc, page, lessons, firstNumber);
    }
  });
}

function title(page: JournalPage): string {
  const group = page.groupName ? ` (${page.groupName})` : '';
  return `${page.className}, ${page.subjectName}${group}, ${page.period.nameRu} ${page.academicYear}`;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** The header of every printed page: the school, the class, the subject, the teacher and the period. Returns its bottom. */
function drawHeader(doc: Doc, page: JournalPage, side: string): number {
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(11).text(page.schoolName, MARGIN, MARGIN, { width });
  const group = page.groupName ? `, группа: ${page.groupName}` : '';
  doc.font(REGULAR).fontSize(9);
  doc.text(`Класс: ${page.className}    Предмет: ${page.subjectName}${group}`, { width });
  doc.text(`Учитель: ${page.teachers.length > 0 ? page.teachers.join(', ') : '—'}`, { width });
  doc.text(
    `${page.period.nameRu} ${page.academicYear} учебного года ` +
      `(${russianDate(page.period.start, true)} – ${russianDate(page.period.end, true)})`,
    { width },
  );
  doc.font(BOLD).fontSize(9).text(side, { width });
  return doc.y + 4;
}

/** Writes one line of text into a box, smaller if it does not fit. */
function cellLine(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'center', size = 8): void {
  let fontSize = size;
  doc.fontSize(fontSize);
  while (fontSize > 4 && doc.widthOfString(text) > width - 2) doc.fontSize((fontSize -= 0.5));
  doc.text(text, x + 1, y + 2.5, { width: width - 2, align, lineBreak: false });
}

/** The left page: numbered students by date with «н» and marks. */
function drawGrid(doc: Doc, page: JournalPage, lessons: JournalPage['lessons'], students: JournalPage['students']): void {
  const top = drawHeader(doc, page, 'Успеваемость и посещаемость');
  const datesLeft = MARGIN + NUMBER_WIDTH + NAME_WIDTH;
  const right = datesLeft + DATE_WIDTH * DATES_PER_SPREAD;
  const bottom = top + HEADER_ROW_HEIGHT + ROW_HEIGHT * students.length;
  doc.lineWidth(0.5);

  doc.font(BOLD);
  cellLine(doc, '№', MARGIN, top, NUMBER_WIDTH, 'center');
  cellLine(doc, 'Фамилия, имя', MARGIN + NUMBER_WIDTH, top, NAME_WIDTH, 'left');
  doc.font(REGULAR);
  lessons.forEach((lesson, index) => {
    cellLine(doc, russianDate(lesson.date), datesLeft + index * DATE_WIDTH, top, DATE_WIDTH, 'center', 7);
  });
  students.forEach((student, row) => {
    const y = top + HEADER_ROW_HEIGHT + row * ROW_HEIGHT;
    const index = student.number - 1;
    cellLine(doc, String(student.number), MARGIN, y, NUMBER_WIDTH, 'center');
    cellLine(doc, student.name, MARGIN + NUMBER_WIDTH, y, NAME_WIDTH, 'left');
    lessons.forEach((lesson, column) => {
      const text = lesson.cells[index] ?? '';
      if (text) cellLine(doc, text, datesLeft + column * DATE_WIDTH, y, DATE_WIDTH, 'center');
    });
  });

  for (let row = 0; row <= students.length + 1; row++) {
    const y = row === 0 ? top : top + HEADER_ROW_HEIGHT + (row - 1) * ROW_HEIGHT;
    doc.moveTo(MARGIN, y).lineTo(right, y);
  }
  for (const x of [MARGIN, MARGIN + NUMBER_WIDTH, datesLeft]) doc.moveTo(x, top).lineTo(x, bottom);
  for (let column = 1; column <= DATES_PER_SPREAD; column++) {
    doc.moveTo(datesLeft + column * DATE_WIDTH, top).lineTo(datesLeft + column * DATE_WIDTH, bottom);
  }
  doc.stroke();
}

/** The right page: the dates, topics and homework of the same lessons, continued on further pages if long. */
function drawLessons(doc: Doc, page: JournalPage, lessons: JournalPage['lessons'], firstNumber: number): void {
  const left = MARGIN;
  const right = doc.page.width - MARGIN;
  const columns = [
    { x: left, width: LESSON_COLUMNS.number },
    { x: left + LESSON_COLUMNS.number, width: LESSON_COLUMNS.date },
    { x: left + LESSON_COLUMNS.number + LESSON_COLUMNS.date, width: LESSON_COLUMNS.topic },
    {
      x: left + LESSON_COLUMNS.number + LESSON_COLUMNS.date + LESSON_COLUMNS.topic,
      width: right - left - LESSON_COLUMNS.number - LESSON_COLUMNS.date - LESSON_COLUMNS.topic,
    },
  ] as const;
  let y = 0;
  const startPage = () => {
    const top = drawHeader(doc, page, 'Что пройдено на уроке');
    doc.font(BOLD).fontSize(8);
    ['№', 'Дата', 'Тема урока', 'Домашнее задание'].forEach((heading, index) => {
      const column = columns[index]!;
      doc.text(heading, column.x + 2, top + 3, { width: column.width - 4, lineBreak: false });
    });
    doc.font(REGULAR).fontSize(8).lineWidth(0.5).moveTo(left, top).lineTo(right, top).stroke();
    y = top + HEADER_ROW_HEIGHT;
    doc.moveTo(left, y).lineTo(right, y).stroke();
  };
  startPage();
  if (lessons.length === 0) {
    doc.text('Уроков в этом периоде нет', left + 2, y + 3, { width: right - left - 4 });
    return;
  }
  lessons.forEach((lesson, index) => {
    const texts = [String(firstNumber + index), russianDate(lesson.date, true), lesson.topic ?? '', lesson.homework ?? ''];
    const height =
      Math.max(...texts.map((text, column) => doc.heightOfString(text || ' ', { width: columns[column]!.width - 4 }))) + 5;
    if (y + height > doc.page.height - MARGIN - FOOTER_SPACE) startPage();
    texts.forEach((text, column) => {
      if (text) doc.text(text, columns[column]!.x + 2, y + 2.5, { width: columns[column]!.width - 4 });
    });
    for (const column of columns) doc.moveTo(column.x, y).lineTo(column.x, y + height);
    doc.moveTo(right, y).lineTo(right, y + height).moveTo(left, y + height).lineTo(right, y + height).stroke();
    y += height;
  });
}
