import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '#platform';
import { startDevIdp } from '../../../dev-idp/src/start-dev-idp.js';
import { LESSON_1A_READING, LESSON_5A_MATH, LESSON_5A_MATH_YESTERDAY, PARENT, TEACHER } from '../testing/fake-world.js';
import { type GatewayHarness, startGatewayHarness } from '../testing/gateway-harness.js';

const reading = {
  lessonId: LESSON_1A_READING.lesson.id,
  date: '2026-12-03',
  lessonNumber: 1,
  startsAt: '08:30',
  endsAt: '09:10',
  subjectCode: 'reading',
  subjectName: 'Литературное чтение',
  classId: LESSON_1A_READING.lesson.classId,
  className: '1А',
  groupName: null,
  substitution: false,
};
const math = {
  lessonId: LESSON_5A_MATH.lesson.id,
  date: '2026-12-03',
  lessonNumber: 3,
  startsAt: '10:00',
  endsAt: '10:40',
  subjectCode: 'math',
  subjectName: 'Математика',
  classId: LESSON_5A_MATH.lesson.classId,
  className: '5А',
  groupName: null,
  substitution: false,
};

describe("gateway: a teacher's day", () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness(startDevIdp);
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  it("lists today's lessons of the teacher in lesson order, with subject and class names", async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.get('/api/v1/me/lessons');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([reading, math]);
  });

  it('lists the lessons of another day when asked', async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.get('/api/v1/me/lessons?date=2026-12-02');
    expect(await response.json()).toEqual([
      expect.objectContaining({ lessonId: LESSON_5A_MATH_YESTERDAY.lesson.id, date: '2026-12-02', lessonNumber: 2 }),
    ]);
  });

  it("refuses a parent the teacher's day (403 by the permission table)", async () => {
    const parent = await harness.login(PARENT);
    const response = await parent.get('/api/v1/me/lessons');
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe("gateway: today is the school's today", () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    // 20:30 UTC on 2 December is already 01:30 on 3 December in Yekaterinburg.
    harness = await startGatewayHarness(startDevIdp, { clock: new FixedClock(new Date('2026-12-02T20:30:00Z')) });
  });

  afterAll(async () => {
    await harness?.dispose();
  });

  it("R-CAL-2: the default day is judged in the school's time zone, never the server's", async () => {
    const teacher = await harness.login(TEACHER);
    const response = await teacher.get('/api/v1/me/lessons');
    expect(await response.json()).toEqual([reading, math]);
  });
});
