import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AttendanceChange, AttendanceEntry, LessonColumn, Mark } from '#contracts';
import { FixedClock } from '#platform';
import { type ApiSession, loginThroughDevIdp } from '#testing';
import { MATRIX_ADMIN_TOKEN, type MatrixSystem, startMatrixSystem } from './permission-matrix/matrix-system.js';
import { loadMatrixWorld, type MatrixWorld, PASSWORD, TODAY } from './permission-matrix/matrix-world.js';

interface LessonView {
  topic: string | null;
  version: number;
  students: Array<{ studentId: string; marks: Mark[]; attendance: AttendanceEntry | null }>;
}

interface Answer<T> {
  status: number;
  body: T;
  etag: string | null;
}

type Conflict = { code: string; current: LessonColumn };

async function answerOf<T>(response: Response): Promise<Answer<T>> {
  return { status: response.status, body: (await response.json()) as T, etag: response.headers.get('etag') };
}

/**
 * A whole lesson column through the gateway with every service running and a real sign-in: two tabs save the column
 * of the same lesson at once with the same If-Match; one saves everything, the other gets 409 with the column as the
 * first left it, and the journal and attendance never hold half of one and half of the other.
 */
describe('a lesson column saved in one atomic request through the API', () => {
  let system: MatrixSystem;
  let world: MatrixWorld;
  let teacher: ApiSession;

  beforeAll(async () => {
    system = await startMatrixSystem(new FixedClock(new Date(`${TODAY}T10:00:00+05:00`)));
    world = await loadMatrixWorld(system.rpc, { url: system.devIdp.url, adminToken: MATRIX_ADMIN_TOKEN });
    // Without the matrix's handover, math of 6А is still the predecessor's page.
    teacher = await loginThroughDevIdp(system.gateway.url, 'predecessor', PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await system?.close();
  });

  const lessonId = () => world.resources['lesson:math-a-second'].id;
  const child = () => world.people.student;
  const read = async () => {
    const response = await teacher.get(`/api/v1/lessons/${lessonId()}`);
    const answer = await answerOf<LessonView>(response);
    expect(answer.status).toBe(200);
    return { ...answer.body, etag: answer.etag!, pupil: answer.body.students.find((student) => student.studentId === child())! };
  };
  const putColumn = async (body: unknown, etag: string) =>
    answerOf<LessonColumn | Conflict>(
      await teacher.put(`/api/v1/lessons/${lessonId()}/column`, body, { headers: { 'if-match': etag, 'idempotency-key': randomUUID() } }),
    );

  it('two tabs racing with one If-Match: one column is saved whole, the other gets 409 with the current column, never a mix', async () => {
    for (const round of [1, 2, 3]) {
      const before = await read();
      const expectedVersion = before.pupil.attendance?.version ?? 0;
      const tabA = {
        topic: `Колонка А, попытка ${round}`,
        homework: `§ ${round}, вкладка А`,
        marks: [{ studentId: child(), value: 5, workKind: 'answer' }],
        attendance: [{ studentId: child(), status: 'late', minutesLate: 10 + round, expectedVersion }],
        reason: 'Колонка после урока',
      };
      const tabB = {
        topic: `Колонка Б, попытка ${round}`,
        homework: `§ ${round}, вкладка Б`,
        marks: [
          { studentId: child(), value: 2, workKind: 'answer' },
          { studentId: child(), value: 3, workKind: 'answer' },
        ],
        // Another reason each round, so that either tab's column changes the child's attendance.
        attendance: [{ studentId: child(), status: 'absent', reason: round === 2 ? 'illness' : 'excused', expectedVersion }],
        reason: 'Колонка после урока',
      };
      const [a, b] = await Promise.all([putColumn(tabA, before.etag), putColumn(tabB, before.etag)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      const saved = winner.body as LessonColumn;
      const sent = winner === a ? tabA : tabB;

      // The winner's column is whole: its topic, its marks, its attendance, one version on.
      expect(winner.etag).toBe(`"${before.version + 1}"`);
      expect(saved).toMatchObject({ topic: sent.topic, homework: sent.homework, version: before.version + 1 });
      const added = saved.marks.filter((mark) => !before.pupil.marks.some((old) => old.id === mark.id));
      expect(added.map((mark) => mark.value).sort()).toEqual(sent.marks.map((mark) => mark.value).sort());
      const entry = saved.attendance.find((candidate) => candidate.studentId === child())!;
      expect(entry).toMatchObject({ status: sent.attendance[0]!.status, version: expectedVersion + 1 });

      // The loser saved nothing and sees exactly the winner's column.
      expect((loser.body as Conflict).code).toBe('VERSION_CONFLICT');
      expect((loser.body as Conflict).current).toEqual(saved);

      // Both services hold the winner's column and nothing of the loser's.
      const after = await read();
      expect(after).toMatchObject({ topic: sent.topic, version: saved.version, etag: winner.etag });
      expect(after.pupil.marks.map((mark) => mark.id).sort()).toEqual(saved.marks.filter((mark) => mark.studentId === child()).map((mark) => mark.id).sort());
      expect(after.pupil.attendance).toEqual(entry);
    }

    // The attendance history names the teacher and the column's reason for each winner's change (R-MARK-7).
    const history = await answerOf<{ changes: AttendanceChange[] }>(await teacher.get(`/api/v1/lessons/${lessonId()}/attendance/history`));
    const columnChanges = history.body.changes.filter((change) => change.reason === 'Колонка после урока');
    expect(columnChanges.length).toBeGreaterThanOrEqual(1);
    for (const change of columnChanges) {
      expect(change).toMatchObject({ studentId: child(), actorId: world.people.predecessor });
    }
  });

  it('a refused column changes nothing: a student not enrolled on the lesson\'s date refuses the whole column (R-CAL-4)', async () => {
    const before = await read();
    const refused = await putColumn(
      {
        topic: 'Не сохранится',
        marks: [{ studentId: child(), value: 4, workKind: 'answer' }],
        attendance: [{ studentId: world.people.leaver, status: 'absent', reason: null }],
      },
      before.etag,
    );
    expect(refused).toMatchObject({ status: 422, body: { code: 'STUDENT_NOT_ENROLLED' } });
    const after = await read();
    expect(after).toEqual(before);
  });
});
