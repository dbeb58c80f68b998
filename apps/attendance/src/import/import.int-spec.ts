import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Actor, AttendanceEvents, AttendanceRpc, ErrorCode, type EventPayload, type Page, type RpcRequest, SYSTEM_SEED_ACTOR } from '#contracts';
import { eventually, type LessonServiceHarness, outboxDrained, person, personActor, publishedEvents, startLessonServiceHarness, TODAY } from '#testing';
import { attendanceServiceSpec } from '../attendance.service-spec.js';

type EntryToImport = RpcRequest<typeof AttendanceRpc.importEntries>['entries'][number];
type EntriesSaved = EventPayload<typeof AttendanceEvents.entriesSaved>;

describe('attendance: importing from another system (R-DATA-2)', () => {
  let h: LessonServiceHarness;
  let schoolId: string;
  let page: Page;
  let teacher: Actor;
  const students = [person('Романова', 'Ольга'), person('Волков', 'Денис')];

  beforeAll(async () => {
    h = await startLessonServiceHarness(attendanceServiceSpec);
    const school = h.world.addSchool();
    schoolId = school.id;
    const teacherId = randomUUID();
    teacher = personActor(teacherId, 'teacher', school.id);
    page = h.world.addPage(school, {
      grade: 8,
      teacherId,
      enrollments: students.map((student) => ({ student, from: '2026-09-01', to: null })),
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  const importEntries = (entries: EntryToImport[], actor: Actor = SYSTEM_SEED_ACTOR) =>
    h.rpc.call(AttendanceRpc.importEntries, { schoolId, entries }, { actor });

  function absence(date: string, studentId: string, recordedAt: string): EntryToImport {
    return {
      lessonId: h.world.addLesson(page, date),
      pageId: page.id,
      date,
      studentId,
      status: 'absent',
      reason: 'illness',
      minutesLate: null,
      recordedAt,
    };
  }

  async function eventsOf(lessonIds: string[]): Promise<EntriesSaved[]> {
    const events = await publishedEvents<EntriesSaved>(h.deployment.nats, AttendanceEvents.entriesSaved.subject);
    return events.map((event) => event.payload).filter((payload) => payload.entries.some((entry) => lessonIds.includes(entry.lessonId)));
  }

  it('only the system imports', async () => {
    await expect(importEntries([absence('2026-10-05', students[0]!.id, '2026-10-05T09:00:00+05:00')], teacher)).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
  });

  it('imports entries once, as one entriesSaved event; the second import skips them', async () => {
    const first = absence('2026-10-05', students[0]!.id, '2026-10-05T09:00:00+05:00');
    const entries: EntryToImport[] = [
      first,
      { ...first, studentId: students[1]!.id, status: 'late', reason: null, minutesLate: 15 },
      absence('2026-10-06', students[1]!.id, '2026-10-06T09:00:00+05:00'),
    ];
    const lessonIds = entries.map((entry) => entry.lessonId);
    await expect(importEntries(entries)).resolves.toEqual({ imported: 3, skipped: 0 });
    await expect(importEntries(entries)).resolves.toEqual({ imported: 0, skipped: 3 });
    expect(
      await h.db.query('SELECT count(*)::int AS n FROM attendance_entry WHERE lesson_id = ANY($1::uuid[])', [lessonIds]),
    ).toEqual([{ n: 3 }]);
    await outboxDrained(h);
    await eventually(async () => {
      const events = await eventsOf(lessonIds);
      expect(events).toHaveLength(1);
      expect(events[0]!.entries.map((entry) => [entry.studentId, entry.status, entry.version, entry.recordedBy])).toEqual([
        [students[0]!.id, 'absent', 1, null],
        [students[1]!.id, 'late', 1, null],
        [students[1]!.id, 'absent', 1, null],
      ]);
    });
    const history = await h.db.query(
      'SELECT action, actor_id FROM attendance_history WHERE lesson_id = ANY($1::uuid[])',
      [lessonIds],
    );
    expect(history).toEqual(Array.from({ length: 3 }, () => ({ action: 'imported', actor_id: null })));
  });

  it('R-MARK-3: an imported entry recorded on a later school date is stored as late, judged in the school zone', async () => {
    const onTime = absence('2026-10-07', students[0]!.id, '2026-10-07T18:00:00Z');
    const nextDay = absence('2026-10-08', students[0]!.id, '2026-10-08T19:05:00Z');
    await importEntries([onTime, nextDay]);
    expect(
      await h.db.query('SELECT lesson_date, late FROM attendance_entry WHERE lesson_id = ANY($1::uuid[]) ORDER BY lesson_date', [
        [onTime.lessonId, nextDay.lessonId],
      ]),
    ).toEqual([
      { lesson_date: '2026-10-07', late: false },
      { lesson_date: '2026-10-08', late: true },
    ]);
  });

  it('leaves alone an entry recorded here, even one a teacher has since removed', async () => {
    const lessonId = h.world.addLesson(page, TODAY);
    await h.rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: students[0]!.id, status: 'absent' }, { actor: teacher });
    await h.rpc.call(AttendanceRpc.setEntry, { lessonId, studentId: students[0]!.id, status: 'present' }, { actor: teacher });
    const entry = { ...absence(TODAY, students[0]!.id, '2026-12-03T09:00:00+05:00'), lessonId };
    await expect(importEntries([entry])).resolves.toEqual({ imported: 0, skipped: 1 });
    await expect(h.rpc.call(AttendanceRpc.getLesson, { lessonId }, { actor: teacher })).resolves.toEqual({ entries: [] });
  });

  it('refuses an entry whose reason or minutes contradict its status, importing nothing', async () => {
    const wrong = { ...absence('2026-10-09', students[0]!.id, '2026-10-09T09:00:00+05:00'), minutesLate: 5 };
    await expect(importEntries([wrong])).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { issues: [{ path: 'entries.0.minutesLate', message: expect.any(String) }] },
    });
    expect(await h.db.query('SELECT count(*)::int AS n FROM attendance_entry WHERE lesson_id = $1', [wrong.lessonId])).toEqual([{ n: 0 }]);
  });

  // 3000 entries are about 800 KB: a request of 5000 (1.3 MB) would not fit in one NATS message (max_payload 1 MiB).
  it('loads 3000 entries at once, and its events stay within the NATS message limit', async () => {
    const entries = Array.from({ length: 3000 }, (_, index) => {
      const date = `2026-11-${String((index % 28) + 1).padStart(2, '0')}`;
      return absence(date, students[index % 2]!.id, `${date}T09:00:00+05:00`);
    });
    const lessonIds = entries.map((entry) => entry.lessonId);
    await expect(importEntries(entries)).resolves.toEqual({ imported: 3000, skipped: 0 });
    await eventually(
      async () => {
        const events = await eventsOf(lessonIds);
        expect(events.flatMap((event) => event.entries.map((entry) => entry.lessonId))).toEqual(lessonIds);
        expect(events.length).toBeGreaterThan(1);
        for (const event of events) expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(1024 * 1024);
      },
      { timeoutMs: 30_000 },
    );
  });
});
