import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { type CompletenessReport, PlanningRpc, type PlanProgress, type SchoolAttendance, type SchoolDelivery, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, eventually, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

/**
 * The school's control reports through the gateway with every service running and real sign-ins (issue 6): the
 * colleague teaching Russian in 6А writes today's lesson and marks the student absent; the coordinator reads the
 * attendance, the completeness report (every plan of school A was handed in after 10 September) and planned against
 * delivered hours; the class teacher prints the class's attendance.
 */
describe('the school control reports through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let lessonId: string;
  let quarter: string;
  const sessions = new Map<string, ApiSession>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginThroughDevIdp(system.gateway.url, login, PASSWORD));
    return sessions.get(login)!;
  };
  const schoolA = () => world.resources['school:a'].id;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const pageId = world.resources['page:russian-a'].id;
    const { lessons } = await system.rpc.call(PlanningRpc.lessonsOfPages, { pageIds: [pageId], from: TODAY, to: TODAY }, { actor: SYSTEM_SEED_ACTOR });
    lessonId = lessons[0]!.id;
    quarter = world.years.a.periods.find((period) => period.number === 2)!.id;
    const colleague = await as('colleague');
    expect((await colleague.put(`/api/v1/lessons/${lessonId}/content`, { topic: 'Причастный оборот', homework: 'Упр. 112' })).status).toBe(200);
    const absent = await colleague.put(`/api/v1/lessons/${lessonId}/attendance/${world.people.student}`, { status: 'absent', reason: 'illness' });
    expect(absent.status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  it('R-ATT-1: the coordinator reads the school\'s attendance by class and student, the class teacher prints the class', async () => {
    const coordinator = await as('coordinator');
    const report = await eventually(async () => {
      const response = await coordinator.get(`/api/v1/schools/${schoolA()}/reports/attendance?from=${TODAY}&to=${TODAY}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as SchoolAttendance;
      expect(body.totals.absencesByReason.illness).toBe(1);
      return body;
    });
    const sixA = report.classes.find((part) => part.className === '6А')!;
    const student = sixA.students.find((row) => row.studentId === world.people.student)!;
    // Ill at Russian (just now), and absent from the second math lesson as the world recorded it.
    expect(student.totals).toMatchObject({ absences: 2, absencesByReason: { illness: 1 } });
    expect(report.range).toMatchObject({ periodId: null, from: TODAY, to: TODAY, heldUntil: TODAY });

    const file = await coordinator.get(`/api/v1/schools/${schoolA()}/reports/attendance/export?periodId=${quarter}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const names: unknown[] = [];
    workbook.getWorksheet('Посещаемость')!.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain('Егоров Антон Ильич');

    const classTeacher = await as('classTeacher');
    const pdf = await classTeacher.get(`/api/v1/classes/${world.resources['class:6a'].id}/attendance/export?from=${TODAY}&to=${TODAY}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''/);
    const { text } = await extractText(new Uint8Array(await pdf.arrayBuffer()), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Посещаемость. Класс: 6А');
    expect(flat).toMatch(/Егоров А\. И\. \d+ \d+ 2 1 /);
  });

  it('R-REP-3: the coordinator reads completeness per teacher and page: plans handed in after 10 September', async () => {
    const coordinator = await as('coordinator');
    const response = await coordinator.get(`/api/v1/schools/${schoolA()}/reports/completeness?periodId=${quarter}&minMarks=1`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as CompletenessReport;
    expect(report.settings).toEqual({ minMarks: 1, minWeeklyLessons: 2 });
    const colleague = report.teachers.find((teacher) => teacher.name?.lastName === 'Соколов')!;
    const russian = colleague.pages.find((page) => page.pageId === world.resources['page:russian-a'].id)!;
    expect(russian.plan).toMatchObject({ status: 'submitted-late' });
    expect(report.totals.planMissing).toBeGreaterThanOrEqual(2);

    const file = await coordinator.get(`/api/v1/schools/${schoolA()}/reports/completeness/export?periodId=${quarter}`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const teachers: unknown[] = [];
    workbook.getWorksheet('Сводка')!.eachRow((row) => teachers.push(row.getCell(1).value));
    expect(teachers).toContain('Соколов Денис Павлович');
  });

  it('R-PLAN-3: planned against delivered hours of every page, as each page\'s own progress says', async () => {
    const coordinator = await as('coordinator');
    const response = await coordinator.get(`/api/v1/schools/${schoolA()}/reports/plan-delivery?periodId=${quarter}`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as SchoolDelivery;
    const pageId = world.resources['page:russian-a'].id;
    const russian = report.pages.find((page) => page.pageId === pageId)!;
    const own = (await (await (await as('colleague')).get(`/api/v1/pages/${pageId}/plan/progress?periodId=${quarter}`)).json()) as PlanProgress;
    expect(russian).toMatchObject({ hasPlan: true, plannedHours: own.plannedHours, conductedLessons: own.conductedLessons });
    expect(russian.conductedLessons).toBeGreaterThanOrEqual(1);
    const file = await coordinator.get(`/api/v1/schools/${schoolA()}/reports/plan-delivery/export?periodId=${quarter}&format=csv`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('Запланировано часов');
  });

  it('a teacher sees the school but not its control reports (403); a parent does not see the school (404)', async () => {
    const teacher = await as('teacher');
    expect((await teacher.get(`/api/v1/schools/${schoolA()}/reports/completeness?periodId=${quarter}`)).status).toBe(403);
    expect((await (await as('parent')).get(`/api/v1/schools/${schoolA()}/reports/attendance?periodId=${quarter}`)).status).toBe(404);
  });

  it('a report needs a period or a range of dates: without either it is 400 with the reason in Russian', async () => {
    const response = await (await as('coordinator')).get(`/api/v1/schools/${schoolA()}/reports/completeness`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; detail?: string; errors?: unknown };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(problem)).toContain('Укажите либо учебный период');
  });
});
