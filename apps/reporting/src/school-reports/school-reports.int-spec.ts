import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { extractText } from 'unpdf';
import {
  AttendanceEvents,
  type CompletenessReport,
  ErrorCode,
  FinalResultEvents,
  IdentityEvents,
  JournalEvents,
  type Lesson,
  LessonColumnEvents,
  type Mark,
  type PagePlanStatus,
  PlanningEvents,
  type SchoolPlanStatus,
  SchoolReportsRpc,
} from '#contracts';
import { type RunningService, RpcClient } from '#platform';
import { createTestDeployment, startTestService, type TestDeployment } from '#testing';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { startFakePlanStatus } from '../testing/fake-plan-status.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';

const counts = (lessons: number, absences: { illness?: number; excused?: number; unexcused?: number } = {}, late = 0, share: string | null = null) => {
  const byReason = { illness: 0, excused: 0, unexcused: 0, unspecified: 0, ...absences };
  const absent = byReason.illness + byReason.excused + byReason.unexcused;
  return { lessons, attended: lessons - absent, absences: absent, absencesByReason: byReason, late, share };
};

/**
 * The school's control reports from the read model on the hand-built school of SchoolFixture (today is 3 December
 * 2026, the second quarter runs 5 November – 28 December), with a few more events: a column saved, a substitute's late
 * mark, a page handed over, a cancelled lesson, a result set off the proposal; planning's plan statuses answered by a
 * stand-in.
 */
describe('reporting: the school control reports (R-REP-3, R-ATT-1)', () => {
  let deployment: TestDeployment;
  let reporting: RunningService;
  let planning: RunningService;
  let rpc: RpcClient;
  let publisher: TestEventPublisher;
  const school = new SchoolFixture();
  const { people, pages, lessons, periods } = school;
  const substitute = randomUUID();
  const newTeacher = randomUUID();
  const cancelled: Lesson = { ...lessons.math5aNov30, id: randomUUID(), date: '2026-11-25', status: 'cancelled' };
  const lateMark: Mark = {
    id: randomUUID(),
    lessonId: lessons.english5aDec01.id,
    pageId: pages.english5a,
    studentId: people.ivanov,
    value: 5,
    workKind: 'answer',
    comment: null,
    enteredAt: '2026-12-02T06:00:00.000Z',
    enteredBy: substitute,
    late: true,
    version: 1,
  };
  const statuses = new Map<string, SchoolPlanStatus>();

  beforeAll(async () => {
    deployment = await createTestDeployment(['reporting']);
    const planStatus = (pageId: string, status: PagePlanStatus['status'], submittedAt: string | null): PagePlanStatus => ({
      pageId,
      classId: school.class5a,
      className: '5А',
      grade: 5,
      subjectCode: 'math',
      subjectName: 'Математика',
      groupName: null,
      teachers: [],
      status,
      submittedAt,
      lastRevisionAt: submittedAt,
      revisions: submittedAt ? 1 : 0,
    });
    statuses.set(`${school.schoolId}/2026/2027`, {
      schoolId: school.schoolId,
      academicYear: '2026/2027',
      deadline: '2026-09-10',
      today: '2026-12-03',
      timeZone: 'Asia/Yekaterinburg',
      counts: { 'submitted-on-time': 1, 'submitted-late': 1, 'missing-overdue': 1, 'missing-not-yet-due': 1 },
      pages: [
        planStatus(pages.math5a, 'submitted-on-time', '2026-09-01T05:00:00.000Z'),
        planStatus(pages.russian5a, 'missing-overdue', null),
        planStatus(pages.english5a, 'submitted-late', '2026-09-15T05:00:00.000Z'),
        planStatus(pages.math5b, 'missing-not-yet-due', null),
      ],
    });
    planning = await startFakePlanStatus(deployment, statuses);
    reporting = await startTestService(reportingServiceSpec, deployment);
    rpc = reporting.app.get(RpcClient);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    await publisher.publish(IdentityEvents.peopleSaved, {
      people: [
        { personId: substitute, lastName: 'Васильева', firstName: 'Нина', middleName: null },
        { personId: newTeacher, lastName: 'Орлов', firstName: 'Олег', middleName: null },
      ],
    });
    // 5Б's math handed over to Орлов from 1 December (R-ACC-3).
    await publisher.publish(IdentityEvents.pagesSaved, {
      pages: [
        {
          pageId: pages.math5b,
          schoolId: school.schoolId,
          classId: school.class5b,
          groupId: null,
          subjectCode: 'math',
          assignments: [
            { teacherId: people.teacher, from: '2026-09-01', to: '2026-11-30' },
            { teacherId: newTeacher, from: '2026-12-01', to: null },
          ],
        },
      ],
    });
    await publisher.publish(PlanningEvents.lessonsScheduled, { yearId: school.yearId, lessons: [cancelled] });
    // 30 November: the whole column saved, nobody absent; 2 December: Кузнецова absent from Russian.
    await publisher.publish(LessonColumnEvents.saved, { columnId: randomUUID(), lessonId: lessons.math5aNov30.id, pageId: pages.math5a, version: 1 });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [school.attendance(lessons.russian5aDec02, people.kuznetsova, 'absent', { reason: 'unexcused' })],
    });
    await publisher.publish(JournalEvents.marksSaved, { marks: [lateMark] });
    // Иванов's math: 3 and 4 propose 4; the result is 5 (R-MARK-6).
    await publisher.publish(FinalResultEvents.resultsSaved, {
      results: [
        {
          id: randomUUID(),
          term: 'period',
          termId: periods.q2,
          schoolId: school.schoolId,
          studentId: people.ivanov,
          subjectCode: 'math',
          pageId: pages.math5a,
          value: 5,
          label: '5',
          version: 1,
          setBy: people.teacher,
          setAt: '2026-12-03T05:00:00.000Z',
        },
      ],
    });
    await readModelSettled(rpc);
  });

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await planning?.close();
    await deployment?.dispose();
  });

  const completeness = (minMarks = 2) =>
    rpc.call(SchoolReportsRpc.completeness, { schoolId: school.schoolId, range: { periodId: periods.q2 }, minMarks });

  it('R-REP-3: findings grouped per teacher and page, each counted once in the school totals', async () => {
    const report = await completeness();
    expect(report.range).toEqual({ periodId: periods.q2, nameRu: '2 четверть 2026/2027', from: '2026-11-05', to: '2026-12-28', heldUntil: '2026-12-03' });
    expect(report.settings).toEqual({ minMarks: 2, minWeeklyLessons: 2 });
    // Lessons before today, not cancelled: 23 Nov (imported), 30 Nov (column saved), English 1 Dec, Russian and math
    // 2 Dec, 5Б math 1 Dec. Without a topic: English, Russian, 5Б; attendance not taken: English, math 2 Dec, 5Б.
    expect(report.totals).toEqual({
      lessonsWithoutTopic: 3,
      attendanceNotTaken: 3,
      lateMarks: 1,
      studentsWithFewMarks: 3,
      planMissing: 2,
      resultDeviations: 1,
    });
    expect(report.teachers.map((teacher) => [teacher.name?.lastName, teacher.pages.map((page) => `${page.className} ${page.subjectName}`)])).toEqual([
      ['Васильева', ['5А Английский язык']],
      ['Орлов', ['5Б Математика']],
      ['Смирнова', ['5А Английский язык', '5А Математика', '5А Русский язык']],
    ]);
  });

  it('R-REP-3: lessons held without a topic and without attendance, with their dates, by the teacher of the day', async () => {
    const report = await completeness();
    const page = (lastName: string, pageId: string) =>
      report.teachers.find((teacher) => teacher.name?.lastName === lastName)!.pages.find((candidate) => candidate.pageId === pageId)!;
    const lesson = (l: Lesson) => ({ lessonId: l.id, date: l.date, lessonNumber: l.lessonNumber });
    const smirnovaEnglish = page('Смирнова', pages.english5a);
    expect(smirnovaEnglish.lessonsWithoutTopic).toEqual([lesson(lessons.english5aDec01)]);
    expect(smirnovaEnglish.attendanceNotTaken).toEqual([lesson(lessons.english5aDec01)]);
    expect(smirnovaEnglish.lateMarks).toEqual([]);
    // Math of 5А: topics everywhere; 30 November's column counts as attendance taken, 2 December has nothing.
    const smirnovaMath = page('Смирнова', pages.math5a);
    expect(smirnovaMath.lessonsWithoutTopic).toEqual([]);
    expect(smirnovaMath.attendanceNotTaken).toEqual([lesson(lessons.math5aDec02)]);
    // Russian: an absence recorded is attendance taken; the topic is missing.
    const russian = page('Смирнова', pages.russian5a);
    expect(russian.lessonsWithoutTopic).toEqual([lesson(lessons.russian5aDec02)]);
    expect(russian.attendanceNotTaken).toEqual([]);
    // 5Б's math of 1 December is Орлов's: the page was his from that day.
    const orlov = page('Орлов', pages.math5b);
    expect(orlov.counts).toEqual({ lessonsWithoutTopic: 1, attendanceNotTaken: 1, lateMarks: 0, studentsWithFewMarks: 2, planMissing: 0, resultDeviations: 0 });
  });

  it('R-MARK-3: a mark entered after the lesson\'s day belongs to whoever entered it (a substitute)', async () => {
    const report = await completeness();
    const vasilieva = report.teachers[0]!;
    expect(vasilieva.teacherId).toBe(substitute);
    expect(vasilieva.pages[0]!.lateMarks).toEqual([
      {
        lessonId: lessons.english5aDec01.id,
        date: '2026-12-01',
        lessonNumber: 2,
        markId: lateMark.id,
        studentId: people.ivanov,
        studentName: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Петрович' },
        value: 5,
        enteredAt: '2026-12-02T06:00:00.000Z',
      },
    ]);
  });

  it('R-REP-3: накопляемость — students with fewer marks than the minimum on pages with enough lessons a week', async () => {
    // 5А's math: 4 lessons held in 2 weeks (2 a week); Иванов and Петрова have 2 marks, Кузнецова none. 5Б's math: 2
    // lessons in 1 week; Белов and Сидоров one mark each. Russian and English (one lesson) are not checked.
    const report = await completeness(2);
    const fewOf = (pageId: string) =>
      report.teachers.flatMap((teacher) => teacher.pages).find((page) => page.pageId === pageId && page.fewMarks !== null)?.fewMarks;
    expect(fewOf(pages.math5a)).toEqual({
      lessons: 4,
      weeks: 2,
      students: [{ studentId: people.kuznetsova, name: { lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Олеговна' }, marks: 0 }],
    });
    expect(fewOf(pages.math5b)?.students.map((student) => [student.name.lastName, student.marks])).toEqual([
      ['Белов', 1],
      ['Сидоров', 1],
    ]);
    expect(fewOf(pages.russian5a)).toBeUndefined();
    // With the usual minimum of 3, Иванов and Петрова are short too.
    const usual = await completeness(3);
    expect(usual.totals.studentsWithFewMarks).toBe(5);
  });

  it('R-PLAN-1, R-MARK-6: plans missing or late after 10 September and results that differ from the proposal', async () => {
    const report = await completeness();
    const smirnova = report.teachers.find((teacher) => teacher.teacherId === people.teacher)!;
    const byPage = new Map(smirnova.pages.map((page) => [page.pageId, page]));
    expect(byPage.get(pages.russian5a)!.plan).toEqual({ status: 'missing-overdue', submittedAt: null });
    expect(byPage.get(pages.english5a)!.plan).toEqual({ status: 'submitted-late', submittedAt: '2026-09-15T05:00:00.000Z' });
    expect(byPage.get(pages.math5a)!.plan).toBeNull();
    expect(byPage.get(pages.math5a)!.resultDeviations).toMatchObject([
      { studentId: people.ivanov, value: 5, average: { exact: '7/2', value: '3.50', proposed: 4 } },
    ]);
    expect(smirnova.counts).toEqual({ lessonsWithoutTopic: 2, attendanceNotTaken: 2, lateMarks: 0, studentsWithFewMarks: 1, planMissing: 2, resultDeviations: 1 });
  });

  it('R-REP-3: a range of dates reports its lessons only, without results (they are a period\'s)', async () => {
    const report: CompletenessReport = await rpc.call(SchoolReportsRpc.completeness, {
      schoolId: school.schoolId,
      range: { from: '2026-12-01', to: '2026-12-01' },
    });
    expect(report.range).toEqual({ periodId: null, nameRu: '01.12.2026 – 01.12.2026', from: '2026-12-01', to: '2026-12-01', heldUntil: '2026-12-01' });
    expect(report.totals).toMatchObject({ lessonsWithoutTopic: 2, attendanceNotTaken: 2, lateMarks: 1, resultDeviations: 0 });
  });

  it('R-REP-3: the XLSX has a summary per teacher and page and every finding on its own row', async () => {
    const file = await rpc.call(SchoolReportsRpc.completenessFile, { schoolId: school.schoolId, range: { periodId: periods.q2 }, minMarks: 2 });
    expect(file.fileName).toBe('Полнота и своевременность 2 четверть 2026-2027.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const values: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const summary = rows('Сводка');
    expect(summary[0]).toEqual([
      'Учитель', 'Класс', 'Предмет', 'Группа', 'Уроков без темы', 'Посещаемость не отмечена', 'Отметок с опозданием',
      'Учеников с малым числом отметок', 'КТП', 'Итоговых не равных предложенным',
    ]);
    expect(summary.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[5], row[6], row[7], row[8], row[9]])).toEqual([
      ['Васильева Нина', '5А', 'Английский язык', 0, 0, 1, 0, undefined, 0],
      ['Орлов Олег', '5Б', 'Математика', 1, 1, 0, 2, undefined, 0],
      ['Смирнова Ольга Ивановна', '5А', 'Английский язык', 1, 1, 0, 0, 'КТП сдан после 10 сентября', 0],
      ['Смирнова Ольга Ивановна', '5А', 'Математика', 0, 1, 0, 1, undefined, 1],
      ['Смирнова Ольга Ивановна', '5А', 'Русский язык', 1, 0, 0, 0, 'КТП не сдан после 10 сентября', 0],
    ]);
    // 3 + 3 lessons, 1 late mark, 3 students, 2 plans, 1 result, under the header.
    const details = rows('Подробно');
    expect(details).toHaveLength(1 + 3 + 3 + 1 + 3 + 2 + 1);
    expect(details).toContainEqual(['Смирнова Ольга Ивановна', '5А', 'Русский язык', undefined, 'Урок без темы', new Date('2026-12-02T00:00:00.000Z'), 1]);
    // When a mark was entered and a plan handed in: the school's wall clock (Yekaterinburg, UTC+5), not UTC.
    expect(details).toContainEqual([
      'Васильева Нина', '5А', 'Английский язык', 'Английский, 1 гр.', 'Отметка внесена с опозданием', new Date('2026-12-01T00:00:00.000Z'), 2,
      'Иванов Иван Петрович', '5, внесена 02.12.2026 11:00',
    ]);
    expect(details).toContainEqual([
      'Смирнова Ольга Ивановна', '5А', 'Английский язык', 'Английский, 1 гр.', 'КТП сдан после 10 сентября', undefined, undefined, undefined,
      'сдан 15.09.2026 10:00',
    ]);
  });

  it('R-REP-3, R-CAL-2: the CSV shows lesson dates as ДД.ММ.ГГГГ and instants on the school\'s wall clock, never raw ISO', async () => {
    const file = await rpc.call(SchoolReportsRpc.completenessFile, {
      schoolId: school.schoolId,
      range: { periodId: periods.q2 },
      minMarks: 2,
      format: 'csv',
    });
    expect(file.fileName).toBe('Полнота и своевременность 2 четверть 2026-2027.csv');
    const lines = Buffer.from(file.content, 'base64').toString('utf8').replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Учитель;Класс;Предмет;Группа;Нарушение;Дата урока;Урок №;Ученик;Подробности');
    expect(lines).toContain('Васильева Нина;5А;Английский язык;Английский, 1 гр.;Отметка внесена с опозданием;01.12.2026;2;Иванов Иван Петрович;5, внесена 02.12.2026 11:00');
    expect(lines).toContain('Смирнова Ольга Ивановна;5А;Английский язык;Английский, 1 гр.;КТП сдан после 10 сентября;;;;сдан 15.09.2026 10:00');
    expect(lines.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('R-ATT-1: the school\'s attendance by class and student over the quarter, shares over all lessons together', async () => {
    const report = await rpc.call(SchoolReportsRpc.attendance, { schoolId: school.schoolId, range: { periodId: periods.q2 } });
    expect(report.classes.map((part) => part.className)).toEqual(['5А', '5Б']);
    const [a, b] = report.classes;
    // 5А up to today: math 23 and 30 Nov, 2 and 3 Dec, Russian 2 Dec, English 1 Dec (Иванов's group); the cancelled
    // lesson of 25 November counts for nothing.
    expect(a!.students.map((student) => [student.name.lastName, student.totals])).toEqual([
      ['Иванов', counts(6, { illness: 1 }, 0, '83.3')],
      ['Кузнецова', counts(5, { unexcused: 1 }, 0, '80.0')],
      ['Петрова', counts(5, {}, 1, '100.0')],
      ['Сидоров', counts(2, {}, 0, '100.0')],
    ]);
    // 16 of 18: 88.9; 5Б: 4 of 4; the school 20 of 22 = 90.909… → 90.9.
    expect(a!.totals).toEqual(counts(18, { illness: 1, unexcused: 1 }, 1, '88.9'));
    expect(b!.totals).toEqual(counts(4, {}, 0, '100.0'));
    expect(report.totals).toEqual(counts(22, { illness: 1, unexcused: 1 }, 1, '90.9'));
  });

  it('R-ATT-1: a range of dates counts the lessons in it and the students enrolled then', async () => {
    const report = await rpc.call(SchoolReportsRpc.attendance, { schoolId: school.schoolId, range: { from: '2026-12-01', to: '2026-12-02' } });
    // 5А: Иванов 3 lessons, Петрова 2, Кузнецова 2 with one absence (Сидоров left on 30 November): 6 of 7 = 85.7.
    expect(report.classes[0]!.students.map((student) => student.name.lastName)).toEqual(['Иванов', 'Кузнецова', 'Петрова']);
    expect(report.classes[0]!.totals).toEqual(counts(7, { unexcused: 1 }, 0, '85.7'));
    expect(report.totals).toEqual(counts(9, { unexcused: 1 }, 0, '88.9'));
  });

  it('R-ATT-1: the class\'s attendance prints as an A4 PDF with Cyrillic names and shares, and exports as XLSX', async () => {
    const pdf = await rpc.call(SchoolReportsRpc.classAttendanceFile, { classId: school.class5a, range: { periodId: periods.q2 }, format: 'pdf' });
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.fileName).toBe('Посещаемость 5А 2 четверть 2026-2027.pdf');
    const { text } = await extractText(new Uint8Array(Buffer.from(pdf.content, 'base64')), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('МБОУ «Тестовая СОШ № 7»');
    expect(flat).toContain('Посещаемость. Класс: 5А');
    // The column heads are those of the XLSX, written out in full and wrapped in narrow columns, never cut.
    expect(flat).toContain('№ Ученик Уроков Посещено Пропущено Б УП Без уважительной Причина не указана Опозданий Посещаемость, %');
    expect(flat).not.toContain('…');
    expect(flat).toMatch(/Иванов И\. П\. 6 5 1 1 0 0 0 0 83,3/);
    expect(flat).toMatch(/Итого по классу 18 16 2 1 0 1 0 1 88,9/);
    expect(flat).toContain('Стр. 1 из 1');

    const xlsx = await rpc.call(SchoolReportsRpc.classAttendanceFile, { classId: school.class5a, range: { periodId: periods.q2 }, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('5А')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Иванов Иван Петрович', 6, 5, 1, 1, 0, 0, 0, 0, 83.3]);
    expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual(['Итого по классу', 18, 16, 2, 1, 0, 1, 0, 1, 88.9]);
  });

  it('a period of another school, a class or a school that is not there: NOT_FOUND; a reversed range is refused', async () => {
    await expect(rpc.call(SchoolReportsRpc.attendance, { schoolId: school.schoolId, range: { periodId: randomUUID() } })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpc.call(SchoolReportsRpc.completeness, { schoolId: randomUUID(), range: { periodId: periods.q2 } })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(rpc.call(SchoolReportsRpc.classAttendance, { classId: randomUUID(), range: { periodId: periods.q2 } })).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(
      rpc.call(SchoolReportsRpc.attendance, { schoolId: school.schoolId, range: { from: '2026-12-02', to: '2026-12-01' } }),
    ).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });
});
