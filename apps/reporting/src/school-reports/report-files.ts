import type { AttendanceCounts, ClassAttendanceReport, CompletenessReport, ExportedFile, PersonName, SchoolAttendance } from '#contracts';
import { dateCell, type ExportCell, type ExportTable, writeCsv, writeXlsxSheets } from '#spreadsheet';
import { russianDateTime } from '../printing/journal-page.js';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Tables as an XLSX workbook (a sheet each) or, as CSV, the last (the detailed) table; base64 on the wire. */
export async function tablesFile(tables: readonly ExportTable[], format: 'xlsx' | 'csv', baseName: string): Promise<ExportedFile> {
  const bytes = format === 'xlsx' ? await writeXlsxSheets(tables) : writeCsv(tables[tables.length - 1]!);
  return { fileName: `${safeName(baseName)}.${format}`, contentType: CONTENT_TYPES[format], content: bytes.toString('base64') };
}

export function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-');
}

export function nameText(name: PersonName | null): string {
  return name ? [name.lastName, name.firstName, name.middleName].filter(Boolean).join(' ') : 'Учитель не назначен';
}

const PLAN_STATUS: Record<string, string> = {
  'missing-overdue': 'КТП не сдан после 10 сентября',
  'submitted-late': 'КТП сдан после 10 сентября',
};

/**
 * The completeness report (R-REP-3): a summary per teacher and page, and every finding on its own row; when a mark was
 * entered or a plan handed in is shown on the school's wall clock (`timeZone`).
 */
export function completenessTables(report: CompletenessReport, timeZone: string): ExportTable[] {
  const summary: ExportCell[][] = [];
  const details: ExportCell[][] = [];
  for (const teacher of report.teachers) {
    const who = nameText(teacher.name);
    for (const page of teacher.pages) {
      const { counts } = page;
      summary.push([
        who,
        page.className,
        page.subjectName,
        page.groupName,
        counts.lessonsWithoutTopic,
        counts.attendanceNotTaken,
        counts.lateMarks,
        counts.studentsWithFewMarks,
        page.plan ? PLAN_STATUS[page.plan.status] ?? page.plan.status : null,
        counts.resultDeviations,
      ]);
      const row = (kind: string, date: string | null, lessonNumber: number | null, student: PersonName | null, detail: string | null) =>
        details.push([who, page.className, page.subjectName, page.groupName, kind, date ? dateCell(date) : null, lessonNumber, student ? nameText(student) : null, detail]);
      for (const lesson of page.lessonsWithoutTopic) row('Урок без темы', lesson.date, lesson.lessonNumber, null, null);
      for (const lesson of page.attendanceNotTaken) row('Посещаемость не отмечена', lesson.date, lesson.lessonNumber, null, null);
      for (const mark of page.lateMarks) {
        row('Отметка внесена с опозданием', mark.date, mark.lessonNumber, mark.studentName, `${mark.value}, внесена ${russianDateTime(mark.enteredAt, timeZone)}`);
      }
      for (const student of page.fewMarks?.students ?? []) {
        row('Мало отметок', null, null, student.name, `${student.marks} из ${report.settings.minMarks} (уроков: ${page.fewMarks!.lessons})`);
      }
      if (page.plan) {
        const { status, submittedAt } = page.plan;
        row(PLAN_STATUS[status] ?? status, null, null, null, submittedAt ? `сдан ${russianDateTime(submittedAt, timeZone)}` : null);
      }
      for (const deviation of page.resultDeviations) {
        row('Итоговая отметка не равна предложенной', null, null, deviation.name, `${deviation.label}; предложено: ${deviation.average?.proposed ?? '—'}`);
      }
    }
  }
  const place = ['Учитель', 'Класс', 'Предмет', 'Группа'];
  return [
    {
      sheetName: 'Сводка',
      headers: [...place, 'Уроков без темы', 'Посещаемость не отмечена', 'Отметок с опозданием', 'Учеников с малым числом отметок', 'КТП', 'Итоговых не равных предложенным'],
      rows: summary,
    },
    { sheetName: 'Подробно', headers: [...place, 'Нарушение', 'Дата урока', 'Урок №', 'Ученик', 'Подробности'], rows: details },
  ];
}

const COUNT_HEADERS = ['Уроков', 'Посещено', 'Пропущено', 'Б', 'УП', 'Без уважительной', 'Причина не указана', 'Опозданий', 'Посещаемость, %'];

function countCells(counts: AttendanceCounts): ExportCell[] {
  const { absencesByReason: reason } = counts;
  return [counts.lessons, counts.attended, counts.absences, reason.illness, reason.excused, reason.unexcused, reason.unspecified, counts.late, counts.share === null ? null : Number(counts.share)];
}

/** One class's rows: each student, then the class's totals. */
function classRows(part: Pick<ClassAttendanceReport, 'className' | 'students' | 'totals'>, withClass: boolean): ExportCell[][] {
  const lead = (text: string): ExportCell[] => (withClass ? [part.className, text] : [text]);
  return [
    ...part.students.map((student) => [...lead(nameText(student.name)), ...countCells(student.totals)]),
    [...lead('Итого по классу'), ...countCells(part.totals)],
  ];
}

/** The school's attendance (R-ATT-1): by class, each student with absences by reason, lates and the share. */
export function schoolAttendanceTables(report: SchoolAttendance): ExportTable[] {
  return [
    {
      sheetName: 'Посещаемость',
      headers: ['Класс', 'Ученик', ...COUNT_HEADERS],
      rows: [...report.classes.flatMap((part) => classRows(part, true)), ['Итого по школе', null, ...countCells(report.totals)]],
    },
  ];
}

export function classAttendanceTables(report: ClassAttendanceReport): ExportTable[] {
  return [{ sheetName: report.className, headers: ['Ученик', ...COUNT_HEADERS], rows: classRows(report, false) }];
}
