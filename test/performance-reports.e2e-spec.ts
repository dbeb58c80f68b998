import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import type { ClassPeriodReport, SchoolPerformance } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, eventually, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function xlsxRows(response: Response): Promise<unknown[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*\.xlsx"; filename\*=UTF-8''/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** (part / whole) · 100 with one decimal, half up, in integers: the expectation computed here from the counts. */
function percent(part: number, whole: number): string | null {
  if (whole === 0) return null;
  const tenths = (2000n * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole));
  return `${tenths / 10n}.${tenths % 10n}`;
}

/**
 * The performance reports through the gateway with every service running and real sign-ins (R-REP-1, R-REP-2): the
 * predecessor enters two 5s in math for the child of 6А; the class teacher reads 6А's period summary as JSON, XLSX and
 * PDF; the deputy reads the school report compared with the first quarter.
 */
describe('performance reports through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  const sessions = new Map<string, ApiSession>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };
  const quarter = (number: number) => world.years.a.periods.find((period) => period.number === number)!.id;
  const summaryUrl = () => `/api/v1/classes/${world.resources['class:6a'].id}/periods/${quarter(2)}/summary`;
  const schoolUrl = () => `/api/v1/schools/${world.resources['school:a'].id}/periods/${quarter(2)}/performance?compareWith=${quarter(1)}`;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const teacher = await as('predecessor');
    for (let entered = 0; entered < 2; entered++) {
      await json(
        await teacher.post(`/api/v1/lessons/${world.resources['lesson:math-a-second'].id}/marks`, { studentId: world.people.student, value: 5, workKind: 'answer' }),
        201,
      );
    }
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-REP-1: the class teacher reads the period summary as JSON, with indicators that follow from its counts', async () => {
    const classTeacher = await as('classTeacher');
    const report = await eventually(async () => {
      const body = await json<ClassPeriodReport>(await classTeacher.get(summaryUrl()));
      const child = body.students.find((student) => student.studentId === world.people.student);
      expect(child?.subjects.find((cell) => cell.subjectCode === 'math')?.marksCount).toBeGreaterThanOrEqual(2);
      return body;
    });
    expect(report).toMatchObject({ classId: world.resources['class:6a'].id, className: '6А', period: { id: quarter(2) } });
    const child = report.students.find((student) => student.studentId === world.people.student)!;
    expect(child.name).toMatchObject({ lastName: 'Егоров', firstName: 'Антон' });
    const math = child.subjects.find((cell) => cell.subjectCode === 'math')!;
    expect(math.counted).toEqual(
      math.result ? math.result : { value: math.average!.proposed, label: String(math.average!.proposed) },
    );
    const { class: indicators } = report.indicators;
    expect(indicators.passRate).toBe(percent(indicators.students - indicators.failing, indicators.students));
    expect(indicators.quality).toBe(percent(indicators.excellent + indicators.good, indicators.students));
    const counted = report.students.filter((student) => student.counted);
    expect(report.lists.excellent.length + report.lists.good.length + report.lists.oneThree.length + report.lists.failing.length).toBeLessThanOrEqual(
      counted.length,
    );
    expect(report.lists.excellent.map((student) => student.studentId)).toEqual(
      counted.filter((student) => student.category === 'excellent').map((student) => student.studentId),
    );
  });

  it('R-REP-1: the same summary as XLSX (?format=xlsx) and as PDF (by Accept), with the child\'s row', async () => {
    const classTeacher = await as('classTeacher');
    const rows = await xlsxRows(await classTeacher.get(`${summaryUrl()}?format=xlsx`));
    expect(rows[0]).toEqual(expect.arrayContaining(['№', 'Ученик', 'Математика: средний балл', 'Пропущено уроков']));
    expect(rows.some((row) => row[1] === 'Егоров А. И.')).toBe(true);

    const text = await pdfText(await classTeacher.get(summaryUrl(), { headers: { accept: 'application/pdf' } }));
    expect(text).toContain('Класс: 6А');
    expect(text).toContain('Егоров А. И.');
    expect(text).toContain('Математика');
    expect(text).toContain('Показатели');
  });

  it('R-REP-2: the deputy reads the school report compared with the first quarter as JSON, XLSX and PDF', async () => {
    const deputy = await as('deputy');
    const report = await json<SchoolPerformance>(await deputy.get(schoolUrl()));
    expect(report.comparedWith).toMatchObject({ id: quarter(1) });
    expect(report.classes.map((row) => row.label)).toContain('6А');
    const total = report.total.current!;
    expect(total.passRate).toBe(percent(total.students - total.failing, total.students));
    expect(report.total.difference).not.toBeNull();
    const math = report.subjects.find((row) => row.key === 'subject:math')!;
    expect(math.current!.students).toBeGreaterThanOrEqual(1);

    const rows = await xlsxRows(await deputy.get(`${schoolUrl()}&format=xlsx`));
    expect(rows.map((row) => row[1])).toEqual(expect.arrayContaining(['Школа', '6А', math.label]));
    const text = await pdfText(await deputy.get(`${schoolUrl()}&format=pdf`));
    expect(text).toContain('По классам');
    expect(text).toContain('6А');
    expect(text).toContain(`сравнение: ${report.comparedWith!.nameRu}`);
  });

  it('R-REP-2: a teacher may not read the school report; a parent does not see the class summary', async () => {
    expect((await (await as('classTeacher')).get(schoolUrl())).status).toBe(403);
    expect((await (await as('parent')).get(summaryUrl())).status).toBe(404);
  });
});
