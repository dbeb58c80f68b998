import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  ErrorCode,
  type FinalResult,
  FinalResultEvents,
  IdentityEvents,
  JournalEvents,
  type Lesson,
  type Mark,
  PerformanceRpc,
  type ResultValue,
} from '#contracts';
import { resultLabel } from '#domain';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

/** The text of a PDF with runs of white space as one space. */
async function pdfText(base64: string): Promise<string> {
  const { text } = await extractText(new Uint8Array(Buffer.from(base64, 'base64')), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Every sheet of an XLSX as rows of cell values (1-based columns dropped to 0-based arrays). */
async function xlsxSheets(base64: string): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/**
 * The school of the reporting fixture in the second quarter, with one more student and chosen marks and results, so
 * that 5А has one of each kind (the expected numbers are worked out by hand in each test):
 * - Иванов: math marks 3 and 4 (proposes 4) but the result 5 → only 5s: excellent;
 * - Кузнецова: math 4, Russian 5 (proposals) → good;
 * - Андреев: math 3, Russian 5 → with one 3 (math);
 * - Петрова: math 2 and 3 (proposes 3), Russian result н/а → failing (Russian);
 * - Сидоров moved to 5Б on 1 December: 5А's summary shows him, but he counts in 5Б (math 5 and 4 → 5), with Белов (5).
 */
describe('reporting: the class period summary and the school report (R-REP-1, R-REP-2)', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { people, pages, periods, lessons } = school;
  const andreev = randomUUID();

  const mark = (lesson: Lesson, studentId: string, value: number): Mark => ({
    id: randomUUID(),
    lessonId: lesson.id,
    pageId: lesson.pageId,
    studentId,
    value,
    workKind: 'answer',
    comment: null,
    enteredAt: `${lesson.date}T06:00:00.000Z`,
    enteredBy: people.teacher,
    late: false,
    version: 1,
  });
  const result = (studentId: string, pageId: string, subjectCode: string, value: ResultValue): FinalResult => ({
    id: randomUUID(),
    term: 'period',
    termId: periods.q2,
    schoolId: school.schoolId,
    studentId,
    subjectCode,
    pageId,
    value,
    label: resultLabel(value),
    version: 1,
    setBy: people.teacher,
    setAt: '2026-12-03T05:00:00.000Z',
  });

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    await publisher.publish(IdentityEvents.peopleSaved, {
      people: [{ personId: andreev, lastName: 'Андреев', firstName: 'Антон', middleName: null }],
    });
    await publisher.publish(IdentityEvents.enrollmentsSaved, {
      enrollments: [{ enrollmentId: randomUUID(), studentId: andreev, classId: school.class5a, from: '2026-09-01', to: null }],
    });
    await publisher.publish(JournalEvents.marksSaved, {
      marks: [
        mark(lessons.math5aDec02, people.kuznetsova, 4),
        mark(lessons.russian5aDec02, people.kuznetsova, 5),
        mark(lessons.math5aDec02, andreev, 3),
        mark(lessons.russian5aDec02, andreev, 5),
      ],
    });
    await publisher.publish(FinalResultEvents.resultsSaved, {
      results: [result(people.ivanov, pages.math5a, 'math', 5), result(people.petrova, pages.russian5a, 'russian', 'not-attested')],
    });
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await deployment?.dispose();
  });

  describe('the class period summary', () => {
    it('R-REP-1: students × subjects with exact averages, proposed and final marks, and what counts', async () => {
      const report = await rpc.call(PerformanceRpc.classReport, { classId: school.class5a, periodId: periods.q2 });
      expect(report).toMatchObject({
        className: '5А',
        schoolName: 'МБОУ «Тестовая СОШ № 7»',
        period: { id: periods.q2, nameRu: '2 четверть' },
        heldUntil: '2026-12-03',
        subjects: [{ code: 'english' }, { code: 'math' }, { code: 'russian' }],
      });
      const byName = new Map(report.students.map((student) => [student.name.lastName, student]));
      expect(report.students.map((student) => student.name.lastName)).toEqual(['Андреев', 'Иванов', 'Кузнецова', 'Петрова', 'Сидоров']);
      // Иванов: 3 and 4 are 7/2, proposing 4; the result 5 is what counts.
      expect(byName.get('Иванов')!.subjects[1]).toEqual({
        subjectCode: 'math',
        marksCount: 2,
        average: { exact: '7/2', value: '3.50', proposed: 4 },
        result: { value: 5, label: '5' },
        counted: { value: 5, label: '5' },
        countedFrom: 'result',
      });
      // Петрова's Russian: (2·5 + 2) / 3 = 4 proposes 4, but н/а was set.
      expect(byName.get('Петрова')!.subjects[2]).toMatchObject({
        average: { exact: '4', proposed: 4 },
        counted: { value: 'not-attested', label: 'н/а' },
        countedFrom: 'result',
      });
      expect(byName.get('Петрова')!.subjects[1]).toMatchObject({ counted: { value: 3 }, countedFrom: 'proposal' });
      expect(byName.get('Иванов')!.subjects[0]).toMatchObject({ average: null, result: null, counted: null, countedFrom: null });
      expect(report.students.map((student) => [student.name.lastName, student.category, student.counted])).toEqual([
        ['Андреев', 'one-three', true],
        ['Иванов', 'excellent', true],
        ['Кузнецова', 'good', true],
        ['Петрова', 'failing', true],
        // Moved to 5Б on 1 December: he counts there.
        ['Сидоров', 'excellent', false],
      ]);
    });

    it('R-REP-1, R-ATT-1: absences of the period so far: missed, excused and not, lates', async () => {
      const report = await rpc.call(PerformanceRpc.classReport, { classId: school.class5a, periodId: periods.q2 });
      const absences = new Map(report.students.map((student) => [student.name.lastName, student.absences]));
      // Иванов: math on 23 and 30 November, 2 and 3 December, English (his group) on 1 December, Russian on 2 December.
      expect(absences.get('Иванов')).toEqual({ lessons: 6, missed: 1, excused: 1, unexcused: 0, unspecified: 0, late: 0 });
      expect(absences.get('Петрова')).toEqual({ lessons: 5, missed: 0, excused: 0, unexcused: 0, unspecified: 0, late: 1 });
    });

    it('R-REP-1: pass rate 3 of 4 = 75.0 %, quality 2 of 4 = 50.0 %, СОУ and the average over the marks counted', async () => {
      const report = await rpc.call(PerformanceRpc.classReport, { classId: school.class5a, periodId: periods.q2 });
      expect(report.indicators.class).toEqual({
        students: 4,
        excellent: 1,
        good: 1,
        oneThree: 1,
        satisfactory: 0,
        failing: 1,
        // Counted: Иванов 5; Кузнецова 4, 5; Андреев 3, 5; Петрова 3, н/а.
        marks: { five: 3, four: 1, three: 2, two: 0, one: 0, notAttested: 1 },
        passRate: '75.0',
        quality: '50.0',
        // (3·1 + 0.64 + 2·0.36 + 0.07) / 7 = 443/7 % = 63.29 %.
        sou: '63.3',
        // (5 + 4 + 5 + 3 + 5 + 3) / 6 = 25/6 = 4.1666…: over the marks themselves, rounded once. The mean of the
        // subjects' shown averages (3.75 and 5.00) would be 4.38.
        averageMark: '4.17',
      });
      const bySubject = new Map(report.indicators.subjects.map((subject) => [subject.subjectCode, subject]));
      // Math: 5, 4, 3, 3 — nobody fails; 2 of 4 only 4s and 5s; (1 + 0.64 + 2·0.36) / 4 = 59 %; 15/4.
      expect(bySubject.get('math')).toMatchObject({ students: 4, failing: 0, passRate: '100.0', quality: '50.0', sou: '59.0', averageMark: '3.75' });
      // Russian: 5, 5, н/а — 2 of 3 pass (66.666… → 66.7); (2 + 0.07) / 3 = 69 %; the average of 5 and 5 (н/а is no zero).
      expect(bySubject.get('russian')).toMatchObject({ students: 3, failing: 1, passRate: '66.7', quality: '66.7', sou: '69.0', averageMark: '5.00' });
      // English: no marks at all, so no shares (never 0 %).
      expect(bySubject.get('english')).toMatchObject({ students: 0, passRate: null, quality: null, sou: null, averageMark: null });
    });

    it('R-REP-1: the lists of excellent, good, with one 3 and failing students', async () => {
      const report = await rpc.call(PerformanceRpc.classReport, { classId: school.class5a, periodId: periods.q2 });
      const names = (list: ReadonlyArray<{ name: { lastName: string } }>) => list.map((student) => student.name.lastName);
      expect(names(report.lists.excellent)).toEqual(['Иванов']);
      expect(names(report.lists.good)).toEqual(['Кузнецова']);
      expect(report.lists.oneThree.map((student) => [student.name.lastName, student.subjectCodes])).toEqual([['Андреев', ['math']]]);
      expect(report.lists.failing.map((student) => [student.name.lastName, student.subjectCodes])).toEqual([['Петрова', ['russian']]]);
    });

    it('R-REP-1: the XLSX holds the grid, the indicators and the lists', async () => {
      const file = await rpc.call(PerformanceRpc.classReportFile, { classId: school.class5a, periodId: periods.q2, format: 'xlsx' });
      expect(file.fileName).toBe('Сводная ведомость 5А 2 четверть 2026-2027.xlsx');
      expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const sheets = await xlsxSheets(file.content);
      expect([...sheets.keys()]).toEqual(['Ведомость', 'Показатели', 'Списки']);
      const grid = sheets.get('Ведомость')!;
      expect(grid[0]).toEqual(expect.arrayContaining(['Математика: средний балл', 'Математика: предложено', 'Математика: итог', 'Пропущено уроков']));
      const header = grid[0]!;
      const ivanov = grid.find((row) => row[1] === 'Иванов И. П.')!;
      expect(ivanov[header.indexOf('Математика: средний балл')]).toBe(3.5);
      expect(ivanov[header.indexOf('Математика: предложено')]).toBe(4);
      expect(ivanov[header.indexOf('Математика: итог')]).toBe('5');
      expect(ivanov[header.indexOf('Пропущено уроков')]).toBe(1);
      const indicators = sheets.get('Показатели')!;
      expect(indicators[1]!.slice(0, 10)).toEqual(['Класс 5А', 4, 1, 1, 1, 1, 75, 50, 63.3, 4.17]);
      expect(sheets.get('Списки')).toEqual([
        ['Список', 'Ученик', 'Предметы'],
        ['Отличники', 'Иванов И. П.'],
        ['Хорошисты', 'Кузнецова М. О.'],
        ['С одной «3»', 'Андреев А.', 'Математика'],
        ['Неуспевающие', 'Петрова А. С.', 'Русский язык'],
      ]);
    });

    it('R-REP-1: the PDF (A4 landscape, Cyrillic) shows students, subjects, marks, the indicators and the lists', async () => {
      const file = await rpc.call(PerformanceRpc.classReportFile, { classId: school.class5a, periodId: periods.q2, format: 'pdf' });
      expect(file.contentType).toBe('application/pdf');
      expect(file.fileName).toBe('Сводная ведомость 5А 2 четверть 2026-2027.pdf');
      const text = await pdfText(file.content);
      expect(text).toContain('МБОУ «Тестовая СОШ № 7»');
      expect(text).toContain('Класс: 5А');
      for (const subject of ['Английский язык', 'Математика', 'Русский язык']) expect(text).toContain(subject);
      // Иванов's math: the average 3,50, proposed 4, result 5.
      expect(text).toMatch(/Иванов И\. П\.[^А-ЯЁ]*3,50 4 \/ 5/);
      expect(text).toMatch(/Класс 5А 4 1 1 1 1 75,0 50,0 63,3 4,17/);
      expect(text).toMatch(/Неуспевающие Петрова А\. С\. Русский язык/);
      // Column heads are written out in full, wrapped where narrow; УП and НП are explained in the note.
      expect(text).toContain('Пропущено УП НП Опозданий');
      expect(text).toContain('УП — по уважительной причине, НП — по неуважительной');
      expect(text).toContain('Учащихся Отличников Хорошистов С одной «3» Неуспевающих Успеваемость, % Качество, % СОУ, % Средний балл');
      expect(text).not.toMatch(/Неусп\.|Успеваем\.|Ср\. балл|Уваж\.|Опозд\./);
      const document = await getDocumentProxy(new Uint8Array(Buffer.from(file.content, 'base64')));
      expect(text).toContain(`Стр. 1 из ${document.numPages}`);
      // A4 landscape: 842 × 595 points.
      const { width, height } = (await document.getPage(1)).getViewport({ scale: 1 });
      expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    });

    it('answers NOT_FOUND for an unknown class and for a period of no school of the class', async () => {
      await expect(rpc.call(PerformanceRpc.classReport, { classId: randomUUID(), periodId: periods.q2 })).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      await expect(rpc.call(PerformanceRpc.classReport, { classId: school.class5a, periodId: randomUUID() })).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
    });

    it('R-CAL-1: a period that is not the class\'s (a half-year of grades 10–11 for 5А) answers NOT_FOUND, not an empty report', async () => {
      await expect(rpc.call(PerformanceRpc.classReport, { classId: school.class5a, periodId: periods.h1 })).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      await expect(
        rpc.call(PerformanceRpc.classReportFile, { classId: school.class5a, periodId: periods.h1, format: 'xlsx' }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    });
  });

  describe('the school report', () => {
    it('R-REP-2: the school, its parallels, classes, subjects and teachers; a moved student counts once', async () => {
      const report = await rpc.call(PerformanceRpc.schoolReport, { schoolId: school.schoolId, periodId: periods.q2 });
      expect(report).toMatchObject({ schoolName: 'МБОУ «Тестовая СОШ № 7»', period: { id: periods.q2 }, comparedWith: null });
      // 5А's four and 5Б's Белов (5) and Сидоров (5): 5 of 6 pass, 4 of 6 only 4s and 5s; marks 5×5, 4, 3×2, н/а:
      // СОУ (5 + 0.64 + 0.72 + 0.07) / 9 = 71.44 %; the average 35/8 = 4.375 shows 4.38 (half up).
      expect(report.total).toMatchObject({
        key: 'school',
        current: { students: 6, excellent: 3, good: 1, oneThree: 1, failing: 1, passRate: '83.3', quality: '66.7', sou: '71.4', averageMark: '4.38' },
        previous: null,
        difference: null,
      });
      expect(report.grades.map((row) => [row.label, row.current?.students, row.current?.passRate])).toEqual([['5 классы', 6, '83.3']]);
      expect(report.classes.map((row) => [row.label, row.current?.students, row.current?.passRate, row.current?.quality, row.current?.sou])).toEqual([
        ['5А', 4, '75.0', '50.0', '63.3'],
        ['5Б', 2, '100.0', '100.0', '100.0'],
      ]);
      // Math: 5, 4, 3, 3, 5, 5 → 4 of 6 quality; (3 + 0.64 + 0.72) / 6 = 72.67 %; 25/6. Russian as in 5А.
      expect(report.subjects.map((row) => [row.label, row.current?.students, row.current?.quality, row.current?.sou, row.current?.averageMark])).toEqual([
        ['Математика', 6, '66.7', '72.7', '4.17'],
        ['Русский язык', 3, '66.7', '69.0', '5.00'],
      ]);
      // The one teacher of every page: nine marks (student × subject), one н/а: 8 of 9 pass.
      expect(report.teachers).toEqual([
        expect.objectContaining({
          key: `teacher:${people.teacher}`,
          label: 'Смирнова О. И.',
          current: expect.objectContaining({ students: 9, failing: 1, passRate: '88.9', quality: '66.7', sou: '71.4', averageMark: '4.38' }),
        }),
      ]);
    });

    it('R-REP-2: compared with the first quarter: both values and the exact change per row', async () => {
      const report = await rpc.call(PerformanceRpc.schoolReport, { schoolId: school.schoolId, periodId: periods.q2, compareWith: periods.q1 });
      expect(report.comparedWith).toMatchObject({ id: periods.q1, nameRu: '1 четверть' });
      // The first quarter: only Иванов's 5 of 21 October (Сидоров was still in 5А, without marks then).
      expect(report.total.previous).toMatchObject({ students: 1, passRate: '100.0', quality: '100.0', sou: '100.0', averageMark: '5.00' });
      // 83.33… − 100 = −16.7; 66.67 − 100 = −33.3; 71.44 − 100 = −28.6; 4.375 − 5 = −0.625 → −0.63 (away from zero).
      expect(report.total.difference).toEqual({ passRate: '-16.7', quality: '-33.3', sou: '-28.6', averageMark: '-0.63' });
      const classes = new Map(report.classes.map((row) => [row.label, row]));
      expect(classes.get('5А')!.difference).toEqual({ passRate: '-25.0', quality: '-50.0', sou: '-36.7', averageMark: '-0.83' });
      // 5Б had no marks in the first quarter: nothing to compare with.
      expect(classes.get('5Б')).toMatchObject({ previous: { students: 0, passRate: null }, difference: { passRate: null, averageMark: null } });
      const subjects = new Map(report.subjects.map((row) => [row.label, row]));
      expect(subjects.get('Русский язык')).toMatchObject({ previous: null, difference: { passRate: null } });
    });

    it('R-REP-2: XLSX and PDF of the compared report', async () => {
      const request = { schoolId: school.schoolId, periodId: periods.q2, compareWith: periods.q1 };
      const xlsx = await rpc.call(PerformanceRpc.schoolReportFile, { ...request, format: 'xlsx' });
      expect(xlsx.fileName).toBe('Успеваемость 2 четверть и 1 четверть 2026-2027.xlsx');
      const [rows] = [...(await xlsxSheets(xlsx.content)).values()];
      const header = rows![0]!;
      const total = rows!.find((row) => row[0] === 'Школа')!;
      expect(total[header.indexOf('Успеваемость, %')]).toBe(83.3);
      expect(total[header.indexOf('Успеваемость, % (1 четверть)')]).toBe(100);
      expect(total[header.indexOf('Изменение: Успеваемость, %')]).toBe(-16.7);
      expect(rows!.map((row) => `${String(row[0])}: ${String(row[1])}`)).toEqual([
        'Раздел: Строка',
        'Школа: Школа',
        'По параллелям: 5 классы',
        'По классам: 5А',
        'По классам: 5Б',
        'По предметам: Математика',
        'По предметам: Русский язык',
        'По учителям: Смирнова О. И.',
      ]);

      const pdf = await rpc.call(PerformanceRpc.schoolReportFile, { ...request, format: 'pdf' });
      expect(pdf.contentType).toBe('application/pdf');
      const text = await pdfText(pdf.content);
      expect(text).toContain('МБОУ «Тестовая СОШ № 7»: успеваемость, 2 четверть 2026/2027');
      expect(text).toContain('сравнение: 1 четверть');
      expect(text).toMatch(/Школа 6 3 1 1 1 83,3 100,0 -16,7 66,7 100,0 -33,3 71,4 100,0 -28,6 4,38 5,00 -0,63/);
      expect(text).toContain('Смирнова О. И.');
      expect(text).toContain('Математика');
      // Each compared indicator heads its three columns (now, before, the change), all written out in full.
      expect(text).toContain(
        'Учащихся Отличников Хорошистов С одной «3» Неуспевающих ' +
          'Успеваемость, % сейчас было изменение Качество, % сейчас было изменение ' +
          'СОУ, % сейчас было изменение Средний балл сейчас было изменение',
      );
      expect(text).not.toMatch(/Неусп\.|Успев\.|Кач\.|Ср\. балл/);
    });

    it('answers NOT_FOUND for a period, or a period to compare with, of another school', async () => {
      await expect(rpc.call(PerformanceRpc.schoolReport, { schoolId: school.schoolId, periodId: randomUUID() })).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      await expect(
        rpc.call(PerformanceRpc.schoolReport, { schoolId: randomUUID(), periodId: periods.q2 }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(
        rpc.call(PerformanceRpc.schoolReport, { schoolId: school.schoolId, periodId: periods.q2, compareWith: randomUUID() }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    });
  });
});
