import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { CHILD, DIRECTOR, LESSON_5A_MATH, TEACHER } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

const LESSON = LESSON_5A_MATH.lesson;
const MISSING = '1e550000-0000-4000-8000-0000000000ff';

describe('gateway: a lesson page', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  it('shows the lesson with its students, nothing recorded yet, version 0 as ETag', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.get(`/api/v1/lessons/${LESSON.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(await response.json()).toEqual({
      lessonId: LESSON.id,
      schoolId: LESSON.schoolId,
      pageId: LESSON.pageId,
      classId: LESSON.classId,
      grade: 5,
      subjectCode: 'math',
      subjectName: 'Математика',
      subjectMarked: true,
      marksAllowed: true,
      date: '2026-12-03',
      lessonNumber: 3,
      startsAt: '10:00',
      endsAt: '10:40',
      status: 'scheduled',
      period: null,
      className: '5А',
      groupName: null,
      writable: true,
      topic: null,
      homework: null,
      planTopicId: null,
      version: 0,
      students: [
        {
          studentId: CHILD.id,
          name: { lastName: CHILD.lastName, firstName: CHILD.firstName, middleName: CHILD.middleName },
          marks: [],
          attendance: null,
        },
      ],
    });
  });

  it('records the topic and homework, then a mark and an absence, and shows them on the page', async () => {
    const teacher = await harness.login(TEACHER);
    const content = await teacher.put(`/api/v1/lessons/${LESSON.id}/content`, { topic: 'Сложение дробей', homework: '№ 215, 217' });
    expect(content.status).toBe(200);
    expect(await content.json()).toEqual({ lessonId: LESSON.id, topic: 'Сложение дробей', homework: '№ 215, 217', planTopicId: null, version: 1 });

    const mark = await teacher.post(`/api/v1/lessons/${LESSON.id}/marks`, { studentId: CHILD.id, value: 4, workKind: 'answer' });
    expect(mark.status).toBe(201);
    expect(await mark.json()).toMatchObject({ lessonId: LESSON.id, studentId: CHILD.id, value: 4, workKind: 'answer', comment: null });

    const absence = await teacher.put(`/api/v1/lessons/${LESSON.id}/attendance/${CHILD.id}`, { status: 'absent', reason: 'illness' });
    expect(absence.status).toBe(200);
    expect(await absence.json()).toMatchObject({ status: 'absent', reason: 'illness', minutesLate: null });

    const page = (await (await teacher.get(`/api/v1/lessons/${LESSON.id}`)).json()) as {
      topic: string;
      version: number;
      students: { marks: { value: number }[]; attendance: { status: string } | null }[];
    };
    expect(page).toMatchObject({ topic: 'Сложение дробей', version: 1 });
    expect(page.students[0]).toMatchObject({ marks: [{ value: 4 }], attendance: { status: 'absent' } });
  });

  it('R-ATT-1: passes the attendance service its own refusal of lateness without minutes (400)', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.put(`/api/v1/lessons/${LESSON.id}/attendance/${CHILD.id}`, { status: 'late' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'minutesLate' })] });
  });

  it('refuses an If-Match that is not a version (400)', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.put(`/api/v1/lessons/${LESSON.id}/content`, { topic: 'Тема' }, { headers: { 'if-match': 'yesterday' } });
    expect(response.status).toBe(400);
  });

  it('answers a lesson the person may not read exactly like a lesson that does not exist (404)', async () => {
    const director = await harness.login(DIRECTOR);
    const hidden = await director.get(`/api/v1/lessons/${LESSON.id}`);
    const missing = await director.get(`/api/v1/lessons/${MISSING}`);
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    const { requestId: _a, ...hiddenBody } = (await hidden.json()) as Record<string, unknown>;
    const { requestId: _b, ...missingBody } = (await missing.json()) as Record<string, unknown>;
    expect(hiddenBody).toEqual(missingBody);
  });
});
