import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbsenceNoticesRpc, DomainError, ErrorCode, FinalResultsRpc, MarksRpc, ReportingRpc, SYSTEM_SEED_ACTOR } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp, putDevIdpUser } from '#testing';
import { openSchoolExportFile, readSchoolExport, type SchoolExport, sourceOf } from '../deploy/school-transfer/school-export-file.js';
import { exportSchoolDocument, exportSchoolToFile, importSchool } from '../deploy/school-transfer/school-transfer.js';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { actorOf, loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

/** The data of an export: everything but the moment it was taken. */
function dataOf(document: SchoolExport): Omit<SchoolExport, 'exportedAt'> {
  const { exportedAt: _exportedAt, ...data } = document;
  return data;
}

async function body(response: Response): Promise<unknown> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${response.url}: expected 200, got ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/**
 * A school moves between systems (R-DATA-2): school A of the matrix world, with marks changed and deleted, attendance,
 * a parent's notice, a period result, КТП and the history of all of it, is exported from one system, imported into
 * another, empty one (its own database and NATS prefix), and exported again.
 */
describe('R-DATA-2: moving a school between systems', () => {
  const clock = new FixedClock(new Date(`${TODAY}T10:00:00+05:00`));
  let first: MatrixSystem;
  let second: MatrixSystem | undefined;
  let world: MatrixWorld;
  let exported: SchoolExport;
  let again: SchoolExport;
  let reexported: SchoolExport;
  let imported: Record<string, Record<string, number>>;
  let folder: string;
  let file: string;
  let answersBefore: unknown[];
  let answers: (system: MatrixSystem, login: string) => Promise<unknown[]>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'school-transfer-'));
    first = await startMatrixSystem(clock);
    world = await loadMatrixWorld(first.rpc, { url: first.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    const lessonId = world.resources['lesson:math-a-substituted'].id;
    const predecessor = { actor: actorOf(world, 'predecessor') };
    await first.rpc.call(MarksRpc.update, { lessonId, markId: world.marks.changed, value: 4, workKind: 'answer', comment: 'Исправлено', reason: 'ошибка при выставлении' }, predecessor);
    await first.rpc.call(MarksRpc.delete, { lessonId, markId: world.marks.deletedBy.teacher, reason: 'выставлена не тому' }, predecessor);
    const quarter = world.years.a.periods.find((period) => period.number === 2)!.id;
    await first.rpc.call(
      FinalResultsRpc.set,
      { pageId: world.resources['page:math-a'].id, term: 'period', termId: quarter, studentId: world.people.student, value: 4 },
      predecessor,
    );
    // The parent says the child was ill today; the class teacher accepts: the absence gets its reason, confirmed.
    const notice = await first.rpc.call(
      AbsenceNoticesRpc.send,
      { studentId: world.people.student, reason: 'illness', from: TODAY, to: TODAY },
      { actor: actorOf(world, 'parent') },
    );
    await first.rpc.call(
      AbsenceNoticesRpc.decide,
      { noticeId: notice.id, studentId: world.people.student, decision: 'accepted', comment: 'Справка будет' },
      { actor: actorOf(world, 'classTeacher') },
    );
    await first.settle();

    exported = await exportSchoolDocument(first.rpc, world.schoolA);
    again = await exportSchoolDocument(first.rpc, world.schoolA);
    file = join(folder, 'school.json.gz');
    await exportSchoolToFile(first.rpc, world.schoolA, file);

    second = await startMatrixSystem(clock);
    imported = await importSchool(second.rpc, await openSchoolExportFile(file));
    await second.settle();
    reexported = await exportSchoolDocument(second.rpc, world.schoolA);
  }, 600_000);

  afterAll(async () => {
    await second?.close();
    await first?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  }, 60_000);

  it('R-DATA-2: two exports of the same data are identical but for the moment they were taken', () => {
    expect(JSON.stringify(dataOf(again))).toBe(JSON.stringify(dataOf(exported)));
  });

  it('R-DATA-2: the export holds the school\'s roster, plans, lessons, marks, attendance, results and history, and only its own', () => {
    const { identity, planning, journal, attendance } = exported.services;
    for (const rows of [
      identity.school, identity.person, identity.account, identity.school_class, identity.enrollment, identity.guardianship,
      identity.page, identity.page_assignment, identity.roster_log,
      planning.subject, planning.academic_year, planning.period, planning.lesson, planning.thematic_plan, planning.plan_topic,
      planning.plan_revision,
      journal.mark, journal.journal_history, journal.final_result, journal.final_result_history,
      attendance.attendance_entry, attendance.attendance_history, attendance.absence_notice,
      attendance.absence_notice_history, attendance.absence_excuse,
    ]) {
      expect(rows!.length).toBeGreaterThan(0);
    }
    expect(identity.school!.map((row) => row.id)).toEqual([world.schoolA]);
    expect(identity.page!.every((row) => row.school_id === world.schoolA)).toBe(true);
    expect(planning.lesson!.every((row) => row.school_id === world.schoolA)).toBe(true);
    expect(identity.person!.map((row) => row.id)).not.toContain(world.people.studentB);
    const marks = journal.mark!.filter((row) => row.lesson_id === world.resources['lesson:math-a-substituted'].id);
    expect(marks.find((row) => row.id === world.marks.changed)).toMatchObject({ value: 4, comment: 'Исправлено', version: 2 });
    expect(marks.find((row) => row.id === world.marks.deletedBy.teacher)!.deleted_at).not.toBeNull();
    expect(attendance.absence_notice!.map((row) => row.id)).toContain(world.absenceNoticeId);
    expect(journal.final_result).toEqual([expect.objectContaining({ student_id: world.people.student, value: '4', version: 1 })]);
  });

  it('R-DATA-2: the file written page by page holds the same data as the export read whole', async () => {
    expect(dataOf(await readSchoolExport(file))).toEqual(dataOf(exported));
  });

  it('R-DATA-2: export → empty system → import → export gives the same data', () => {
    expect(imported.journal).toMatchObject({ mark: exported.services.journal.mark!.length });
    expect(dataOf(reexported)).toEqual(dataOf(exported));
  });

  it('R-DATA-2: the second system serves the imported school through the API, as the first did', async () => {
    const account = exported.services.identity.account!.find((row) => row.person_id === world.people.classTeacher)!;
    const parentAccount = exported.services.identity.account!.find((row) => row.person_id === world.people.parent)!;
    await putDevIdpUser(second!.devIdp.url, MATRIX_ADMIN_TOKEN, 'classTeacher', { subject: String(account.subject), password: PASSWORD, name: 'Классный Руководитель' });
    await putDevIdpUser(second!.devIdp.url, MATRIX_ADMIN_TOKEN, 'parent', { subject: String(parentAccount.subject), password: PASSWORD, name: 'Родитель Ученика' });
    const quarter = world.years.a.periods.find((period) => period.number === 2)!.id;
    const student = world.people.student;
    const paths = [
      `/api/v1/lessons/${world.resources['lesson:math-a-substituted'].id}`,
      `/api/v1/lessons/${world.resources['lesson:math-a-substituted'].id}/history`,
      `/api/v1/students/${student}/marks?periodId=${quarter}`,
      `/api/v1/students/${student}/diary?week=${TODAY}`,
      `/api/v1/classes/${world.resources['class:6a'].id}/summary?periodId=${quarter}`,
    ];
    answers = async (system: MatrixSystem, login: string) => {
      const session: ApiSession = await loginThroughDevIdp(system.gateway.url, login, PASSWORD);
      return Promise.all(paths.map(async (path) => body(await session.get(path))));
    };
    const before = await answers(first, 'classTeacher');
    answersBefore = before;
    const after = await answers(second!, 'classTeacher');
    expect(after).toEqual(before);
    // The lesson shows the changed mark, not the deleted one; the e-diary shows the change (old → new).
    const lesson = JSON.stringify(after[0]);
    expect(lesson).toContain(world.marks.changed);
    expect(lesson).not.toContain(world.marks.deletedBy.teacher);
    expect(JSON.stringify(after[2])).toContain('"previousValue":5');

    const parentView = await loginThroughDevIdp(second!.gateway.url, 'parent', PASSWORD);
    expect(await body(await parentView.get(`/api/v1/students/${student}/marks?periodId=${quarter}`))).toEqual(before[2]);
  }, 120_000);

  it('R-DATA-2: a rebuild of the second system\'s read model from its event stream shows the imported school the same', async () => {
    await second!.rpc.call(ReportingRpc.rebuild, {}, { actor: SYSTEM_SEED_ACTOR });
    await second!.settle();
    expect(await answers(second!, 'classTeacher')).toEqual(answersBefore);
  }, 180_000);

  it('R-DATA-2: another school joins the system that now serves the first: both stay whole', async () => {
    const other = await exportSchoolDocument(first.rpc, world.schoolB);
    await importSchool(second!.rpc, sourceOf(other));
    expect(dataOf(await exportSchoolDocument(second!.rpc, world.schoolB))).toEqual(dataOf(other));
    expect(dataOf(await exportSchoolDocument(second!.rpc, world.schoolA))).toEqual(dataOf(exported));
  }, 180_000);

  it('R-DATA-2: importing the school into a system that has it is refused with SCHOOL_EXISTS and changes nothing', async () => {
    const refusal = await importSchool(second!.rpc, sourceOf(exported)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ErrorCode.SchoolExists);
    expect(dataOf(await exportSchoolDocument(second!.rpc, world.schoolA))).toEqual(dataOf(exported));
  }, 120_000);
});
