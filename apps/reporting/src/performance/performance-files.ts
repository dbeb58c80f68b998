import type { ClassPeriodReport, ExportedFile, PerformanceIndicatorsView, PerformanceRow, ReportFileFormat, SchoolPerformance } from '#contracts';
import { type ExportCell, type ExportTable, writeXlsxSheets } from '#spreadsheet';
import { russianDate, surnameAndInitials } from '../printing/journal-page.js';
import { type PdfColumn, type PdfTable, renderReportPdf } from './report-pdf.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The indicators' columns, in the order every table shows them. */
const INDICATOR_HEADERS = ['Учащихся', 'Отличников', 'Хорошистов', 'С одной «3»', 'Неуспевающих', 'Успеваемость, %', 'Качество, %', 'СОУ, %', 'Средний балл'];
const MARK_HEADERS = ['«5»', '«4»', '«3»', '«2»', '«1»', 'н/а'];
const COMPARED = ['passRate', 'quality', 'sou', 'averageMark'] as const;
const COMPARED_NAMES = { passRate: 'Успеваемость, %', quality: 'Качество, %', sou: 'СОУ, %', averageMark: 'Средний балл' } as const;
/** Widths of the five counts in the compared PDF: each head's longest word fits at a readable size. */
const COUNT_WIDTHS = [38, 42, 42, 36, 48] as const;

/** A decimal of the JSON ("75.0") as a number cell; a missing value as an empty cell. */
const numberCell = (text: string | null): ExportCell => (text === null ? null : Number(text));
/** A decimal as Russian print writes it: «75,0». */
const printed = (text: string | null): string => (text === null ? '—' : text.replace('.', ','));

function indicatorCells(view: PerformanceIndicatorsView | null): ExportCell[] {
  if (!view) return INDICATOR_HEADERS.map(() => null);
  return [
    view.students,
    view.excellent,
    view.good,
    view.oneThree,
    view.failing,
    numberCell(view.passRate),
    numberCell(view.quality),
    numberCell(view.sou),
    numberCell(view.averageMark),
  ];
}

function markCells(view: PerformanceIndicatorsView | null): ExportCell[] {
  if (!view) return MARK_HEADERS.map(() => null);
  const { five, four, three, two, one, notAttested } = view.marks;
  return [five, four, three, two, one, notAttested];
}

function indicatorTexts(view: PerformanceIndicatorsView | null): string[] {
  if (!view) return INDICATOR_HEADERS.map(() => '—');
  return [
    String(view.students),
    String(view.excellent),
    String(view.good),
    String(view.oneThree),
    String(view.failing),
    printed(view.passRate),
    printed(view.quality),
    printed(view.sou),
    printed(view.averageMark),
  ];
}

function fileOf(fileName: string, format: ReportFileFormat, content: Buffer): ExportedFile {
  return {
    fileName: `${fileName}.${format}`.replaceAll('/', '-'),
    contentType: format === 'xlsx' ? XLSX_TYPE : 'application/pdf',
    content: content.toString('base64'),
  };
}

// ---- The class period summary (R-REP-1) ----

const LEFT_MARK = '*';

export async function classReportFile(report: ClassPeriodReport, academicYear: string, format: ReportFileFormat): Promise<ExportedFile> {
  const name = `Сводная ведомость ${report.className} ${report.period.nameRu} ${academicYear}`;
  const content = format === 'xlsx' ? await writeXlsxSheets(classTables(report)) : await renderReportPdf(classPdf(report, academicYear));
  return fileOf(name, format, content);
}

function subjectName(report: ClassPeriodReport, code: string): string {
  return report.subjects.find((subject) => subject.code === code)?.nameRu ?? code;
}

function listRows(report: ClassPeriodReport): Array<[string, string, string]> {
  const names = (codes: readonly string[]) => codes.map((code) => subjectName(report, code)).join(', ');
  return [
    ...report.lists.excellent.map((student) => ['Отличники', surnameAndInitials(student.name), ''] as [string, string, string]),
    ...report.lists.good.map((student) => ['Хорошисты', surnameAndInitials(student.name), ''] as [string, string, string]),
    ...report.lists.oneThree.map((student) => ['С одной «3»', surnameAndInitials(student.name), names(student.subjectCodes)] as [string, string, string]),
    ...report.lists.failing.map((student) => ['Неуспевающие', surnameAndInitials(student.name), names(student.subjectCodes)] as [string, string, string]),
  ];
}

function indicatorRows(report: ClassPeriodReport): Array<{ label: string; view: PerformanceIndicatorsView }> {
  return [
    { label: `Класс ${report.className}`, view: report.indicators.class },
    ...report.indicators.subjects.map((subject) => ({ label: subjectName(report, subject.subjectCode), view: subject })),
  ];
}

function classTables(report: ClassPeriodReport): ExportTable[] {
  const grid: ExportTable = {
    sheetName: 'Ведомость',
    headers: [
      '№',
      'Ученик',
      'В показателях класса',
      ...report.subjects.flatMap((subject) => [`${subject.nameRu}: средний балл`, `${subject.nameRu}: предложено`, `${subject.nameRu}: итог`]),
      'Уроков',
      'Пропущено уроков',
      'По уважительной причине',
      'По неуважительной причине',
      'Причина не указана',
      'Опозданий',
    ],
    rows: report.students.map((student, index) => [
      index + 1,
      surnameAndInitials(student.name),
      student.counted ? 'да' : 'нет (выбыл)',
      ...student.subjects.flatMap((cell) => [numberCell(cell.average?.value ?? null), cell.average?.proposed ?? null, cell.result?.label ?? null]),
      student.absences.lessons,
      student.absences.missed,
      student.absences.excused,
      student.absences.unexcused,
      student.absences.unspecified,
      student.absences.late,
    ]),
  };
  const indicators: ExportTable = {
    sheetName: 'Показатели',
    headers: ['', ...INDICATOR_HEADERS, ...MARK_HEADERS],
    rows: indicatorRows(report).map(({ label, view }) => [label, ...indicatorCells(view), ...markCells(view)]),
  };
  const lists: ExportTable = {
    sheetName: 'Списки',
    headers: ['Список', 'Ученик', 'Предметы'],
    rows: listRows(report).map(([list, student, subjects]) => [list, student, subjects || null]),
  };
  return [grid, indicators, lists];
}

/** A subject's name in at most two lines for a narrow column header. */
function twoLines(text: string): string {
  const words = text.split(' ');
  if (words.length < 2) return text;
  let best = 1;
  for (let split = 1; split < words.length; split++) {
    const left = words.slice(0, split).join(' ').length;
    const right = words.slice(split).join(' ').length;
    const current = Math.max(words.slice(0, best).join(' ').length, words.slice(best).join(' ').length);
    if (Math.max(left, right) < current) best = split;
  }
  return `${words.slice(0, best).join(' ')}\n${words.slice(best).join(' ')}`;
}

const PAGE_WIDTH = 786;
const SUBJECTS_PER_PAGE = 14;

function classPdf(report: ClassPeriodReport, academicYear: string) {
  const headerLines = [
    report.schoolName,
    `Класс: ${report.className}    ${report.period.nameRu} ${academicYear} учебного года ` +
      `(${russianDate(report.period.start, true)} – ${russianDate(report.period.end, true)})`,
    `Пропуски — по ${russianDate(report.heldUntil, true)}. Итоговая отметка, а где её нет — предлагаемая, идёт в показатели.`,
  ];
  const tables: PdfTable[] = [];
  const absenceColumns: PdfColumn[] = [
    { header: 'Пропущено', width: 40, align: 'center' },
    { header: 'УП', width: 22, align: 'center' },
    { header: 'НП', width: 22, align: 'center' },
    { header: 'Опозданий', width: 40, align: 'center' },
  ];
  const fixed = 16 + 120 + absenceColumns.reduce((sum, column) => sum + column.width, 0);
  const chunks: Array<ClassPeriodReport['subjects']> = [];
  for (let start = 0; start < report.subjects.length; start += SUBJECTS_PER_PAGE) chunks.push(report.subjects.slice(start, start + SUBJECTS_PER_PAGE));
  if (chunks.length === 0) chunks.push([]);
  chunks.forEach((subjects, chunk) => {
    const width = subjects.length === 0 ? 0 : Math.min(70, Math.floor((PAGE_WIDTH - fixed) / subjects.length));
    const columns: PdfColumn[] = [
      { header: '№', width: 16, align: 'center' },
      { header: 'Ученик', width: 120 },
      ...subjects.map((subject) => ({ header: twoLines(subject.nameRu), width, align: 'center' as const })),
      ...absenceColumns,
    ];
    tables.push({
      title: chunks.length > 1 ? `Сводная ведомость (${chunk + 1} из ${chunks.length})` : 'Сводная ведомость',
      note:
        'В ячейке: средний балл; предлагаемая / итоговая отметка. ' +
        `${LEFT_MARK} — выбыл(а) из класса до конца периода, в показатели класса не входит. ` +
        'Пропущено уроков, из них УП — по уважительной причине, НП — по неуважительной.',
      columns,
      rows: report.students.map((student, index) => {
        const cells = subjects.map((subject) => {
          const cell = student.subjects.find((candidate) => candidate.subjectCode === subject.code);
          if (!cell || (!cell.average && !cell.result)) return '';
          return `${cell.average?.value.replace('.', ',') ?? '—'}\n${cell.average?.proposed ?? '–'} / ${cell.result?.label ?? '–'}`;
        });
        return [
          String(index + 1),
          `${surnameAndInitials(student.name)}${student.counted ? '' : ` ${LEFT_MARK}`}`,
          ...cells,
          String(student.absences.missed),
          String(student.absences.excused),
          String(student.absences.unexcused),
          String(student.absences.late),
        ];
      }),
    });
  });
  tables.push({
    title: 'Показатели',
    note: 'Успеваемость — без «2», н/а и незачёта; качество — только «4» и «5»; СОУ = (1·n5 + 0,64·n4 + 0,36·n3 + 0,16·n2 + 0,07·nн/а) / N.',
    columns: indicatorColumns(150),
    rows: indicatorRows(report).map(({ label, view }) => [label, ...indicatorTexts(view)]),
    boldRows: new Set([0]),
  });
  tables.push({
    title: 'Списки учащихся',
    columns: [
      { header: 'Список', width: 120 },
      { header: 'Ученик', width: 200 },
      { header: 'Предметы', width: 300 },
    ],
    rows: listRows(report),
  });
  return { title: `Сводная ведомость ${report.className}, ${report.period.nameRu} ${academicYear}`, headerLines, tables };
}

function indicatorColumns(labelWidth: number): PdfColumn[] {
  return [{ header: '', width: labelWidth }, ...INDICATOR_HEADERS.map((header) => ({ header, width: 60, align: 'center' as const }))];
}

// ---- The school report (R-REP-2) ----

const SECTIONS = [
  { key: 'total', title: 'Школа' },
  { key: 'grades', title: 'По параллелям' },
  { key: 'classes', title: 'По классам' },
  { key: 'subjects', title: 'По предметам' },
  { key: 'teachers', title: 'По учителям' },
] as const;

function sectionRows(report: SchoolPerformance, key: (typeof SECTIONS)[number]['key']): PerformanceRow[] {
  return key === 'total' ? [report.total] : report[key];
}

export async function schoolReportFile(report: SchoolPerformance, academicYear: string, format: ReportFileFormat): Promise<ExportedFile> {
  const compared = report.comparedWith ? ` и ${report.comparedWith.nameRu}` : '';
  const name = `Успеваемость ${report.period.nameRu}${compared} ${academicYear}`;
  const content = format === 'xlsx' ? await writeXlsxSheets([schoolTable(report)]) : await renderReportPdf(schoolPdf(report, academicYear));
  return fileOf(name, format, content);
}

function schoolTable(report: SchoolPerformance): ExportTable {
  const compared = report.comparedWith;
  const headers = [
    'Раздел',
    'Строка',
    ...INDICATOR_HEADERS,
    ...MARK_HEADERS,
    ...(compared
      ? [
          ...INDICATOR_HEADERS.map((header) => `${header} (${compared.nameRu})`),
          ...COMPARED.map((key) => `Изменение: ${COMPARED_NAMES[key]}`),
        ]
      : []),
  ];
  const rows = SECTIONS.flatMap((section) =>
    sectionRows(report, section.key).map((row) => [
      section.title,
      row.label,
      ...indicatorCells(row.current),
      ...markCells(row.current),
      ...(compared ? [...indicatorCells(row.previous), ...COMPARED.map((key) => numberCell(row.difference?.[key] ?? null))] : []),
    ]),
  );
  return { sheetName: 'Успеваемость', headers, rows };
}

function schoolPdf(report: SchoolPerformance, academicYear: string) {
  const compared = report.comparedWith;
  const headerLines = [
    `${report.period.nameRu} ${academicYear} учебного года (${russianDate(report.period.start, true)} – ${russianDate(report.period.end, true)})` +
      (compared ? `; сравнение: ${compared.nameRu} (${russianDate(compared.start, true)} – ${russianDate(compared.end, true)})` : ''),
    'Итоговая отметка, а где её нет — предлагаемая. Успеваемость — без «2», н/а и незачёта; качество — только «4» и «5»; ' +
      'СОУ = (1·n5 + 0,64·n4 + 0,36·n3 + 0,16·n2 + 0,07·nн/а) / N.',
  ];
  // Compared: the counts now, then each compared indicator as a group of three (now, before, the change), 782 pt.
  const columns: PdfColumn[] = compared
    ? [
        { header: '', width: 120 },
        ...INDICATOR_HEADERS.slice(0, 5).map((header, index) => ({ header, width: COUNT_WIDTHS[index]!, align: 'center' as const })),
        ...COMPARED.flatMap((key) =>
          ['сейчас', 'было', 'изменение'].map((header) => ({ header, group: COMPARED_NAMES[key], width: 38, align: 'center' as const })),
        ),
      ]
    : indicatorColumns(150);
  const rowTexts = (row: PerformanceRow): string[] => {
    const now = indicatorTexts(row.current);
    if (!compared) return [row.label, ...now];
    const before = indicatorTexts(row.previous);
    return [
      row.label,
      ...now.slice(0, 5),
      ...COMPARED.flatMap((key, index) => [now[5 + index]!, before[5 + index]!, printed(row.difference?.[key] ?? null)]),
    ];
  };
  const tables: PdfTable[] = SECTIONS.map((section) => ({
    title: section.title,
    columns,
    rows: sectionRows(report, section.key).map(rowTexts),
  }));
  return { title: `${report.schoolName}: успеваемость, ${report.period.nameRu} ${academicYear}`, headerLines, tables };
}
