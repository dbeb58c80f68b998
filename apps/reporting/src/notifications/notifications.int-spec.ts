import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import {
  type Actor,
  AttendanceEvents,
  type EmailMode,
  ErrorCode,
  FinalResultEvents,
  IdentityEvents,
  JournalEvents,
  type Lesson,
  type Mark,
  NotificationsRpc,
  type PersonActor,
} from '#contracts';
import { type RunningService, RpcClient, type ServiceConfig } from '#platform';
import { createTestDeployment, eventually, startTestService, TEST_NOW, type TestDeployment, type TestServiceSpec } from '#testing';
import { ReportingModule } from '../reporting.module.js';
import { reportingServiceSpec } from '../reporting.service-spec.js';
import { LocalSmtpReceiver } from '../testing/local-smtp-receiver.js';
import { MovableClock } from '../testing/movable-clock.js';
import { readModelSettled } from '../testing/read-model-settled.js';
import { SchoolFixture } from '../testing/school-fixture.js';
import { TestEventPublisher } from '../testing/test-event-publisher.js';
import { NotificationDelivery } from './notification-delivery.js';
import type { NotificationOptions } from './notification-options.js';
import { NotificationsConsumer } from './notifications-consumer.js';

const RETRY_MS = 60_000;
const LEASE_MS = 120_000;

function reportingWithSmtp(smtpUrl: string): TestServiceSpec {
  const options: NotificationOptions = {
    smtpUrl,
    from: 'Электронный журнал <journal@school.test>',
    digestHour: 18,
    pollMs: 100,
    retryBaseMs: RETRY_MS,
    retryMaxMs: 3_600_000,
    maxAttempts: 10,
    leaseMs: LEASE_MS,
  };
  return { ...reportingServiceSpec, module: (config: ServiceConfig) => ReportingModule.forRoot(config, options) };
}

jest.setTimeout(60_000);

describe('R-REP-4: parents are notified of marks, attendance and results, in the feed and by e-mail', () => {
  const clock = new MovableClock(TEST_NOW);
  const school = new SchoolFixture();
  let smtp: LocalSmtpReceiver;
  let deployment: TestDeployment;
  let reporting: RunningService;
  let publisher: TestEventPublisher;

  const rpc = () => reporting.app.get(RpcClient);
  /** Polls a synchronous check (what the SMTP receiver got so far). */
  const until = <T>(check: () => T) => eventually(() => Promise.resolve().then(check));
  const settled = async () => {
    await readModelSettled(rpc());
    await eventually(async () => {
      const backlog = await reporting.app.get(NotificationsConsumer).backlog();
      if (backlog !== 0) throw new Error(`notifications backlog: ${backlog}`);
    });
  };
  /** A few more delivery rounds, so that "exactly one" is not just "not yet the second". */
  const moreRounds = async () => {
    await sleep(300);
    await reporting.app.get(NotificationDelivery).runOnce();
  };
  const outbox = (dedupeKeyLike: string) =>
    reporting.app
      .get(DataSource)
      .query<Array<{ state: string; attempts: number; last_error: string | null }>>(
        `SELECT o.state, o.attempts, o.last_error FROM email_outbox o WHERE o.dedupe_key LIKE $1`,
        [dedupeKeyLike],
      );

  const parentActor = (personId: string): PersonActor => ({
    kind: 'person',
    accountId: randomUUID(),
    personId,
    grants: [{ role: 'parent', schoolId: school.schoolId }],
  });

  /** A parent and a child of their own (the child in no class: guardianship is all notifications need). */
  async function family(settings?: { email: string | null; emailMode: EmailMode }) {
    const parent = randomUUID();
    const child = randomUUID();
    await publisher.publish(IdentityEvents.peopleSaved, {
      people: [
        { personId: child, lastName: 'Орлов', firstName: 'Пётр', middleName: null },
        { personId: parent, lastName: 'Орлова', firstName: 'Ирина', middleName: null },
      ],
    });
    await publisher.publish(IdentityEvents.guardianshipsSaved, { guardianships: [{ parentId: parent, studentId: child }] });
    const actor = parentActor(parent);
    if (settings) await rpc().call(NotificationsRpc.saveSettings, settings, { actor });
    return { parent, child, actor };
  }

  const markOf = (studentId: string, value: number, lesson: Lesson = school.lessons.math5aDec03): Mark => ({
    id: randomUUID(),
    lessonId: lesson.id,
    pageId: lesson.pageId,
    studentId,
    value,
    workKind: 'answer',
    comment: null,
    enteredAt: `${lesson.date}T05:00:00.000Z`,
    enteredBy: school.people.teacher,
    late: false,
    version: 1,
  });

  const feedOf = (actor: Actor, query: { limit?: number; before?: string } = {}) => rpc().call(NotificationsRpc.feed, query, { actor });

  beforeAll(async () => {
    smtp = await LocalSmtpReceiver.start();
    deployment = await createTestDeployment(['reporting']);
    reporting = await startTestService(reportingWithSmtp(smtp.url), deployment, clock);
    publisher = await TestEventPublisher.connect(deployment.nats);
    await school.publish(publisher);
    await settled();
  }, 60_000);

  afterAll(async () => {
    await publisher?.close();
    await reporting?.close();
    await smtp?.close();
    await deployment?.dispose();
  });

  it('R-REP-4: a new mark delivered twice makes one notification and one e-mail', async () => {
    const { child, actor } = await family({ email: 'orlova@example.org', emailMode: 'instant' });
    const mark = markOf(child, 5);
    await publisher.publish(JournalEvents.marksSaved, { marks: [mark] });
    await publisher.publish(JournalEvents.marksSaved, { marks: [mark] });
    await settled();

    const feed = await feedOf(actor);
    expect(feed.unread).toBe(1);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      kind: 'mark',
      change: 'added',
      read: false,
      student: { id: child, lastName: 'Орлов', firstName: 'Пётр' },
      subjectName: 'Математика',
      date: '2026-12-03',
      value: '5',
      previousValue: null,
      text: 'Новая отметка: Математика, 5, 03.12.2026',
    });

    const [email] = await until(() => {
      const emails = smtp.to('orlova@example.org');
      expect(emails).toHaveLength(1);
      return emails;
    });
    expect(email!.subject).toBe('Электронный дневник: отметка');
    expect(email!.text).toContain('Орлов Пётр:\n  Новая отметка: Математика, 5, 03.12.2026');
    await moreRounds();
    expect(smtp.to('orlova@example.org')).toHaveLength(1);
  });

  it("R-REP-4: a changed mark shows old → new, and the teacher's own edit notifies only the other guardians", async () => {
    const { child, actor } = await family({ email: 'change@example.org', emailMode: 'instant' });
    // The teacher is also this child's parent: their own edit must not notify them.
    await publisher.publish(IdentityEvents.guardianshipsSaved, { guardianships: [{ parentId: school.people.teacher, studentId: child }] });
    const mark = markOf(child, 5);
    await publisher.publish(JournalEvents.marksSaved, { marks: [mark] });
    await publisher.publish(JournalEvents.markChanged, {
      mark: { ...mark, value: 3, version: 2 },
      previous: { value: 5, workKind: 'answer', comment: null, version: 1 },
      at: '2026-12-03T06:00:00.000Z',
      actorId: school.people.teacher,
      late: false,
      reason: 'Ошибка при вводе',
    });
    await settled();

    const feed = await feedOf(actor);
    expect(feed.items.map((item) => item.text)).toEqual([
      'Изменена отметка: Математика, 5 → 3, 03.12.2026',
      'Новая отметка: Математика, 5, 03.12.2026',
    ]);
    expect(feed.items[0]).toMatchObject({ change: 'changed', value: '3', previousValue: '5' });
    expect((await feedOf(parentActor(school.people.teacher))).items).toEqual([]);
    await until(() => expect(smtp.to('change@example.org')).toHaveLength(2));
  });

  it('R-REP-4: an absence, a late arrival and marking present again each notify once; a replay of an older entry says nothing', async () => {
    const { child, actor } = await family();
    const lesson = school.lessons.math5aDec03;
    const absent = school.attendance(lesson, child, 'absent', { version: 1 });
    await publisher.publish(AttendanceEvents.entriesSaved, { entries: [absent] });
    await publisher.publish(AttendanceEvents.entriesSaved, { entries: [absent] });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [school.attendance(lesson, child, 'absent', { reason: 'illness', version: 2 })],
    });
    await publisher.publish(AttendanceEvents.entriesSaved, {
      entries: [school.attendance(lesson, child, 'late', { minutesLate: 10, version: 3 })],
    });
    await publisher.publish(AttendanceEvents.entriesSaved, { entries: [absent] });
    await publisher.publish(AttendanceEvents.entriesSaved, { entries: [school.attendance(lesson, child, 'present', { version: 4 })] });
    await settled();

    expect((await feedOf(actor)).items.map((item) => item.text)).toEqual([
      'Снята отметка «опоздание»: Математика, 03.12.2026',
      'Изменена посещаемость: Математика, 03.12.2026: отсутствие → опоздание',
      'Отсутствие на уроке: Математика, 03.12.2026',
    ]);
  });

  it('R-REP-4, R-DATA-2: period results are notified when set and changed; results loaded by the system or imported are not', async () => {
    const { child, actor } = await family();
    const result = {
      id: randomUUID(),
      term: 'period' as const,
      termId: school.periods.q2,
      schoolId: school.schoolId,
      studentId: child,
      subjectCode: 'math',
      pageId: school.pages.math5a,
      value: 5,
      label: '5',
      version: 1,
      setBy: school.people.teacher,
      setAt: '2026-12-03T06:00:00.000Z',
    };
    await publisher.publish(FinalResultEvents.resultsSaved, { results: [result] });
    await publisher.publish(FinalResultEvents.resultsSaved, { results: [{ ...result, value: 4, label: '4', version: 2 }] });
    await publisher.publish(FinalResultEvents.resultsSaved, {
      results: [{ ...result, id: randomUUID(), subjectCode: 'russian', setBy: null }],
    });
    // A result loaded from another system (R-DATA-2) is history: told to nobody, but a later change shows old → new.
    const imported = { ...result, id: randomUUID(), subjectCode: 'russian', termId: school.periods.q2 };
    await publisher.publish(FinalResultEvents.resultsSaved, { results: [imported], imported: true });
    await settled();
    expect((await feedOf(actor)).items.map((item) => item.text)).toEqual([
      'Изменена итоговая отметка: Математика, 2 четверть: 5 → 4',
      'Итоговая отметка: Математика, 2 четверть — 5',
    ]);

    await publisher.publish(FinalResultEvents.resultsSaved, { results: [{ ...imported, value: 3, label: '3', version: 2 }] });
    await settled();
    expect((await feedOf(actor)).items.map((item) => item.text)[0]).toBe('Изменена итоговая отметка: Русский язык, 2 четверть: 5 → 3');
  });

  it('R-REP-4: with e-mail off the feed gets the notification and no e-mail is sent', async () => {
    const { child, actor } = await family({ email: 'off@example.org', emailMode: 'off' });
    await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(child, 2)] });
    await settled();
    expect((await feedOf(actor)).items.map((item) => item.text)).toEqual(['Новая отметка: Математика, 2, 03.12.2026']);
    await moreRounds();
    expect(smtp.to('off@example.org')).toEqual([]);
  });

  it('R-REP-4: the feed pages newest first with a cursor; read marks count down the unread', async () => {
    const { child, actor } = await family();
    const other = await family();
    for (const value of [3, 4, 5]) await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(child, value)] });
    await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(other.child, 5)] });
    await settled();

    const first = await feedOf(actor, { limit: 2 });
    expect(first.items.map((item) => item.value)).toEqual(['5', '4']);
    expect(first.unread).toBe(3);
    expect(first.next).not.toBeNull();
    const second = await feedOf(actor, { limit: 2, before: first.next! });
    expect(second.items.map((item) => item.value)).toEqual(['3']);
    expect(second.next).toBeNull();

    await expect(rpc().call(NotificationsRpc.markRead, { ids: [first.items[0]!.id] }, { actor })).resolves.toEqual({ unread: 2 });
    // Another parent cannot mark these read: ids that are not theirs change nothing.
    await rpc().call(NotificationsRpc.markRead, { ids: [first.items[1]!.id] }, { actor: other.actor });
    expect((await feedOf(actor)).unread).toBe(2);
    await expect(rpc().call(NotificationsRpc.markRead, { all: true }, { actor })).resolves.toEqual({ unread: 0 });
    expect((await feedOf(actor)).items.every((item) => item.read)).toBe(true);
    expect((await feedOf(other.actor)).unread).toBe(1);
  });

  it('R-REP-4: settings are the parent\'s own; only parents have notifications', async () => {
    const { actor } = await family();
    await expect(rpc().call(NotificationsRpc.settings, {}, { actor })).resolves.toEqual({
      email: null,
      emailMode: 'off',
      digestHour: 18,
      emailDelivery: true,
    });
    await expect(
      rpc().call(NotificationsRpc.saveSettings, { email: 'new@example.org', emailMode: 'digest' }, { actor }),
    ).resolves.toMatchObject({ email: 'new@example.org', emailMode: 'digest' });
    const teacher: Actor = { ...parentActor(school.people.teacher), grants: [{ role: 'teacher', schoolId: school.schoolId }] };
    await expect(feedOf(teacher)).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(rpc().call(NotificationsRpc.settings, {}, { actor: teacher })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });

  it('R-REP-4: e-mail off is always accepted, also without an address; instant or digest e-mail without one is refused', async () => {
    const { actor } = await family();
    const save = (settings: { email?: string | null; emailMode: EmailMode }) => rpc().call(NotificationsRpc.saveSettings, settings, { actor });
    // A parent who never gave an address turns e-mail off: the body carries the mode only.
    await expect(save({ emailMode: 'off' })).resolves.toEqual({ email: null, emailMode: 'off', digestHour: 18, emailDelivery: true });
    await expect(save({ email: null, emailMode: 'off' })).resolves.toMatchObject({ email: null, emailMode: 'off' });

    const needed = {
      code: ErrorCode.ValidationFailed,
      message: 'Чтобы получать письма сразу или сводкой раз в день, укажите адрес электронной почты',
      details: { issues: [{ path: 'email', message: 'Чтобы получать письма сразу или сводкой раз в день, укажите адрес электронной почты' }] },
    };
    await expect(save({ emailMode: 'instant' })).rejects.toMatchObject(needed);
    await expect(save({ email: null, emailMode: 'digest' })).rejects.toMatchObject(needed);
    await expect(rpc().call(NotificationsRpc.settings, {}, { actor })).resolves.toMatchObject({ email: null, emailMode: 'off' });

    // An address on record stays when the body leaves it out: e-mail goes off and on again without retyping it.
    await save({ email: 'parent@example.org', emailMode: 'instant' });
    await expect(save({ emailMode: 'off' })).resolves.toMatchObject({ email: 'parent@example.org', emailMode: 'off' });
    await expect(save({ emailMode: 'digest' })).resolves.toMatchObject({ email: 'parent@example.org', emailMode: 'digest' });
    // Removing the address is only possible with e-mail off.
    await expect(save({ email: null, emailMode: 'instant' })).rejects.toMatchObject(needed);
    await expect(save({ email: null, emailMode: 'off' })).resolves.toMatchObject({ email: null, emailMode: 'off' });
  });

  it('R-REP-4: the daily digest goes once at the configured local hour with all the items before it', async () => {
    clock.set(new Date('2026-12-03T10:00:00+05:00'));
    const { child } = await family({ email: 'digest@example.org', emailMode: 'digest' });
    await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(child, 4)] });
    await publisher.publish(AttendanceEvents.entriesSaved, { entries: [school.attendance(school.lessons.math5aDec02, child, 'absent')] });
    await publisher.publish(FinalResultEvents.resultsSaved, {
      results: [
        {
          id: randomUUID(),
          term: 'period',
          termId: school.periods.q2,
          schoolId: school.schoolId,
          studentId: child,
          subjectCode: 'math',
          pageId: school.pages.math5a,
          value: 4,
          label: '4',
          version: 1,
          setBy: school.people.teacher,
          setAt: '2026-12-03T06:00:00.000Z',
        },
      ],
    });
    await settled();
    clock.set(new Date('2026-12-03T17:59:00+05:00'));
    await moreRounds();
    expect(smtp.to('digest@example.org')).toEqual([]);

    clock.set(new Date('2026-12-03T18:00:00+05:00'));
    const [digest] = await until(() => {
      const emails = smtp.to('digest@example.org');
      expect(emails).toHaveLength(1);
      return emails;
    });
    expect(digest!.subject).toBe('Электронный дневник: сводка за 03.12.2026');
    expect(digest!.text).toContain(
      [
        'Орлов Пётр:',
        '  Новая отметка: Математика, 4, 03.12.2026',
        '  Отсутствие на уроке: Математика, 02.12.2026',
        '  Итоговая отметка: Математика, 2 четверть — 4',
      ].join('\n'),
    );

    // Later the same evening: a new mark waits for tomorrow's digest; nothing more goes today.
    clock.set(new Date('2026-12-03T19:00:00+05:00'));
    await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(child, 5)] });
    await settled();
    await moreRounds();
    expect(smtp.to('digest@example.org')).toHaveLength(1);

    clock.set(new Date('2026-12-04T18:00:00+05:00'));
    await until(() => expect(smtp.to('digest@example.org')).toHaveLength(2));
    const tomorrow = smtp.to('digest@example.org')[1]!;
    expect(tomorrow.subject).toBe('Электронный дневник: сводка за 04.12.2026');
    expect(tomorrow.text).toContain('Новая отметка: Математика, 5, 03.12.2026');
    expect(tomorrow.text).not.toContain('Отсутствие');
  });

  it('R-REP-4: with the SMTP server down the e-mail waits, is retried after the backoff and delivered once', async () => {
    const { child } = await family({ email: 'down@example.org', emailMode: 'instant' });
    await smtp.down();
    try {
      const eventId = await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(child, 3)] });
      await settled();
      const [failed] = await eventually(async () => {
        const rows = await outbox(`event:${eventId}:%`);
        expect(rows).toEqual([expect.objectContaining({ state: 'pending', attempts: 1, last_error: expect.any(String) })]);
        return rows;
      });
      expect(failed!.last_error).not.toContain('down@example.org');
    } finally {
      await smtp.up();
    }
    await moreRounds();
    expect(smtp.to('down@example.org')).toEqual([]);

    clock.advance(RETRY_MS + 1_000);
    await until(() => expect(smtp.to('down@example.org')).toHaveLength(1));
    clock.advance(RETRY_MS * 4);
    await moreRounds();
    expect(smtp.to('down@example.org')).toHaveLength(1);
  });

  it('R-REP-4: a sender that dies in the middle of a send leaves the e-mail to the restarted service, which sends it once', async () => {
    const { child } = await family({ email: 'crash@example.org', emailMode: 'instant' });
    smtp.hold();
    await publisher.publish(JournalEvents.marksSaved, { marks: [markOf(child, 4)] });
    await settled();
    await until(() => expect(smtp.heldCount).toBe(1));

    await reporting.close();
    smtp.release();
    reporting = await startTestService(reportingWithSmtp(smtp.url), deployment, clock);
    await moreRounds();
    expect(smtp.to('crash@example.org')).toEqual([]);

    clock.advance(LEASE_MS + 1_000);
    await until(() => expect(smtp.to('crash@example.org')).toHaveLength(1));
    clock.advance(LEASE_MS * 2);
    await moreRounds();
    expect(smtp.to('crash@example.org')).toHaveLength(1);
  });
});
