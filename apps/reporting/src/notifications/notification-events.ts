import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from 'typeorm';
import { AttendanceEvents, type EventPayload, FinalResultEvents, JournalEvents, type Mark } from '#contracts';
import { type Clock, type EventEnvelope, EventHandlers } from '#platform';
import { type PersonColumns, toPersonName } from '../common/person-row.js';
import { emailBody, instantSubject, type NotificationFacts, notificationText } from './notification-text.js';

/** The durable consumer of notifications and its inbox (apart from the read model's, which a rebuild empties). */
export const NOTIFICATIONS_CONSUMER = 'reporting-notifications';
export const NOTIFICATIONS_INBOX = 'notification_inbox';

/** One change of a mark, an attendance entry or a result, as the handlers see it. */
interface SourceChange {
  sourceKey: string;
  version: number;
  /** The value to remember (null: nothing any more — a deleted mark, a result taken back). */
  value: string | null;
  studentId: string;
  /** Who made the change: they are never notified of it; null (the system, imports) notifies nobody. */
  actorId: string | null;
  /** Decides what to say given the value last seen (null: never seen); null says nothing. */
  facts: (seen: string | null) => Omit<NotificationFacts, 'subjectName' | 'date' | 'termName'> | null;
  context: Context;
}

type Context =
  | { kind: 'lesson'; lessonId: string; pageId: string | null }
  | { kind: 'result'; schoolId: string; subjectCode: string; term: 'period' | 'year'; termId: string };

interface Resolved {
  schoolId: string | null;
  subjectCode: string | null;
  subjectName: string | null;
  date: string | null;
  termName: string | null;
}

const READ_MODEL_WAIT_MS = 20_000;

/**
 * Notifications are made from the read model (guardians, subjects, lesson dates), so an event is handled here only
 * after the read model's consumer applied it; until then it is retried in place (the consumer never skips).
 */
async function afterReadModel(manager: EntityManager, eventId: string, stopping: () => boolean): Promise<void> {
  const deadline = Date.now() + READ_MODEL_WAIT_MS;
  for (;;) {
    const applied = await manager.query<unknown[]>('SELECT 1 FROM inbox WHERE event_id = $1', [eventId]);
    if (applied.length > 0) return;
    if (Date.now() > deadline || stopping()) throw new Error(`the read model has not applied event ${eventId} yet`);
    await sleep(50);
  }
}

function markChange(mark: Mark, facts: SourceChange['facts'], actorId: string | null, version = mark.version, value: string | null = String(mark.value)): SourceChange {
  return {
    sourceKey: `mark:${mark.id}`,
    version,
    value,
    studentId: mark.studentId,
    actorId,
    facts,
    context: { kind: 'lesson', lessonId: mark.lessonId, pageId: mark.pageId },
  };
}

/** Marks saved: new ones, or a later version of one already seen whose value differs. */
function marksSaved({ marks }: EventPayload<typeof JournalEvents.marksSaved>): SourceChange[] {
  return marks.map((mark) =>
    markChange(
      mark,
      (seen) => {
        const value = String(mark.value);
        if (seen === null) return { kind: 'mark', change: 'added', value, previousValue: null };
        return seen === value ? null : { kind: 'mark', change: 'changed', value, previousValue: seen };
      },
      mark.enteredBy,
    ),
  );
}

function markChanged({ mark, previous, actorId }: EventPayload<typeof JournalEvents.markChanged>): SourceChange[] {
  const value = String(mark.value);
  const before = String(previous.value);
  return [
    markChange(mark, () => (before === value ? null : { kind: 'mark', change: 'changed', value, previousValue: before }), actorId),
  ];
}

function markDeleted({ mark, version, actorId }: EventPayload<typeof JournalEvents.markDeleted>): SourceChange[] {
  const before = String(mark.value);
  return [markChange(mark, () => ({ kind: 'mark', change: 'removed', value: null, previousValue: before }), actorId, version, null)];
}

/** Attendance: a student newly absent or late, absent ↔ late, or present again; a changed reason says nothing. */
function entriesSaved({ entries }: EventPayload<typeof AttendanceEvents.entriesSaved>): SourceChange[] {
  return entries.map((entry) => ({
    sourceKey: `attendance:${entry.lessonId}:${entry.studentId}`,
    version: entry.version,
    value: entry.status,
    studentId: entry.studentId,
    actorId: entry.recordedBy,
    context: { kind: 'lesson', lessonId: entry.lessonId, pageId: null },
    facts: (seen) => {
      const before = seen ?? 'present';
      if (before === entry.status) return null;
      if (before === 'present') return { kind: 'attendance', change: 'added', value: entry.status, previousValue: null };
      if (entry.status === 'present') return { kind: 'attendance', change: 'removed', value: null, previousValue: before };
      return { kind: 'attendance', change: 'changed', value: entry.status, previousValue: before };
    },
  }));
}

/** Period and year results: set, changed (old → new) or taken back. */
function resultsSaved({ results, imported }: EventPayload<typeof FinalResultEvents.resultsSaved>): SourceChange[] {
  return results.map((result) => {
    const value = result.value === null ? null : (result.label ?? String(result.value));
    return {
      sourceKey: `result:${result.id}`,
      version: result.version,
      value,
      studentId: result.studentId,
      // Imported results are remembered (a later change shows old → new) but told to nobody.
      actorId: imported ? null : result.setBy,
      context: { kind: 'result', schoolId: result.schoolId, subjectCode: result.subjectCode, term: result.term, termId: result.termId },
      facts: (seen) => {
        if (seen === value) return null;
        if (value === null) return { kind: 'result', change: 'removed', value: null, previousValue: seen };
        if (seen === null) return { kind: 'result', change: 'added', value, previousValue: null };
        return { kind: 'result', change: 'changed', value, previousValue: seen };
      },
    };
  });
}

async function resolve(manager: EntityManager, context: Context): Promise<Resolved> {
  if (context.kind === 'lesson') {
    const [lesson] = await manager.query<Array<{ school_id: string; subject_code: string; name_ru: string | null; lesson_date: string | null }>>(
      `SELECT p.school_id, p.subject_code, s.name_ru, l.lesson_date
       FROM (SELECT 1) one
       LEFT JOIN lesson l ON l.id = $1
       LEFT JOIN page p ON p.id = COALESCE(l.page_id, $2::uuid)
       LEFT JOIN subject s ON s.school_id = COALESCE(l.school_id, p.school_id) AND s.code = COALESCE(l.subject_code, p.subject_code)`,
      [context.lessonId, context.pageId],
    );
    return {
      schoolId: lesson?.school_id ?? null,
      subjectCode: lesson?.subject_code ?? null,
      subjectName: lesson?.name_ru ?? lesson?.subject_code ?? null,
      date: lesson?.lesson_date ?? null,
      termName: null,
    };
  }
  const [row] = await manager.query<Array<{ name_ru: string | null; term_name: string | null }>>(
    `SELECT (SELECT name_ru FROM subject WHERE school_id = $1 AND code = $2) AS name_ru,
            CASE WHEN $3 = 'period' THEN (SELECT name_ru FROM period WHERE id = $4)
                 ELSE (SELECT label || ' учебный год' FROM academic_year WHERE id = $4) END AS term_name`,
    [context.schoolId, context.subjectCode, context.term, context.termId],
  );
  return {
    schoolId: context.schoolId,
    subjectCode: context.subjectCode,
    subjectName: row?.name_ru ?? context.subjectCode,
    date: null,
    termName: row?.term_name ?? null,
  };
}

interface Recipient {
  id: string;
  emailState: 'none' | 'instant' | 'digest';
}

async function recipientsOf(manager: EntityManager, studentId: string, actorId: string): Promise<Recipient[]> {
  const rows = await manager.query<Array<{ parent_id: string; email: string | null; email_mode: string | null }>>(
    `SELECT g.parent_id, s.email, s.email_mode
     FROM guardianship g LEFT JOIN notification_settings s ON s.person_id = g.parent_id
     WHERE g.student_id = $1 AND g.parent_id <> $2
     ORDER BY g.parent_id`,
    [studentId, actorId],
  );
  return rows.map((row) => ({
    id: row.parent_id,
    emailState: row.email && (row.email_mode === 'instant' || row.email_mode === 'digest') ? row.email_mode : 'none',
  }));
}

/** Applies one event's changes: remembers each source's version and value, and notifies the student's guardians. */
interface Runtime {
  clock: Clock;
  /** True once the service shuts down: a wait for the read model ends (the event is applied after the restart). */
  stopping: () => boolean;
}

async function notify(changes: SourceChange[], envelope: EventEnvelope, manager: EntityManager, { clock, stopping }: Runtime): Promise<void> {
  await afterReadModel(manager, envelope.id, stopping);
  const now = clock.now();
  const instant = new Map<string, Array<{ studentId: string; text: string; kind: NotificationFacts['kind'] }>>();
  for (const change of changes) {
    const [seen] = await manager.query<Array<{ version: number; value: string | null }>>(
      'SELECT version, value FROM notification_source WHERE source_key = $1 FOR UPDATE',
      [change.sourceKey],
    );
    if (seen && seen.version >= change.version) continue;
    await manager.query(
      `INSERT INTO notification_source (source_key, version, value) VALUES ($1, $2, $3)
       ON CONFLICT (source_key) DO UPDATE SET version = excluded.version, value = excluded.value`,
      [change.sourceKey, change.version, change.value],
    );
    const said = change.facts(seen?.value ?? null);
    if (!said || change.actorId === null) continue;
    const recipients = await recipientsOf(manager, change.studentId, change.actorId);
    if (recipients.length === 0) continue;
    const where = await resolve(manager, change.context);
    const facts: NotificationFacts = { ...said, subjectName: where.subjectName, date: where.date, termName: where.termName };
    const text = notificationText(facts);
    for (const recipient of recipients) {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO notification (id, recipient_id, student_id, school_id, kind, change, subject_code, subject_name,
           lesson_date, term_name, value, previous_value, text, source_key, source_version, created_at, email_state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          randomUUID(), recipient.id, change.studentId, where.schoolId, facts.kind, facts.change, where.subjectCode,
          where.subjectName, where.date, where.termName, facts.value, facts.previousValue, text, change.sourceKey,
          change.version, now, recipient.emailState,
        ],
      );
      if (inserted.length === 0 || recipient.emailState !== 'instant') continue;
      const lines = instant.get(recipient.id) ?? [];
      lines.push({ studentId: change.studentId, text, kind: facts.kind });
      instant.set(recipient.id, lines);
    }
  }
  for (const [recipientId, lines] of instant) {
    await enqueueInstantEmail(manager, envelope.id, recipientId, lines, now);
  }
}

/** One e-mail per event and parent, in the event's own transaction: made once, whatever the redeliveries. */
async function enqueueInstantEmail(
  manager: EntityManager,
  eventId: string,
  recipientId: string,
  lines: ReadonlyArray<{ studentId: string; text: string; kind: NotificationFacts['kind'] }>,
  now: Date,
): Promise<void> {
  const names = await childNames(manager, [...new Set(lines.map((line) => line.studentId))]);
  const groups = [...new Set(lines.map((line) => line.studentId))].map((studentId) => ({
    child: names.get(studentId) ?? '',
    lines: lines.filter((line) => line.studentId === studentId).map((line) => line.text),
  }));
  await manager.query(
    `INSERT INTO email_outbox (id, recipient_id, dedupe_key, kind, subject, body, state, next_attempt_at, created_at)
     VALUES ($1, $2, $3, 'instant', $4, $5, 'pending', $6, $6)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [randomUUID(), recipientId, `event:${eventId}:${recipientId}`, instantSubject(lines.length, lines[0]!.kind), emailBody(groups), now],
  );
}

/** «Иванов Иван» for each child, as the e-mails name them. */
export async function childNames(manager: EntityManager, studentIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await manager.query<Array<PersonColumns & { id: string }>>(
    'SELECT id, last_name, first_name, middle_name FROM person WHERE id = ANY($1::uuid[])',
    [studentIds],
  );
  return new Map(rows.map((row) => {
    const name = toPersonName(row);
    return [row.id, `${name.lastName} ${name.firstName}`];
  }));
}

/** The events parents are notified of (R-REP-4): marks, attendance and period/year results. */
export function notificationHandlers(runtime: Runtime): EventHandlers {
  return new EventHandlers()
    .on(JournalEvents.marksSaved, (payload, envelope, manager) => notify(marksSaved(payload), envelope, manager, runtime))
    .on(JournalEvents.markChanged, (payload, envelope, manager) => notify(markChanged(payload), envelope, manager, runtime))
    .on(JournalEvents.markDeleted, (payload, envelope, manager) => notify(markDeleted(payload), envelope, manager, runtime))
    .on(AttendanceEvents.entriesSaved, (payload, envelope, manager) => notify(entriesSaved(payload), envelope, manager, runtime))
    .on(FinalResultEvents.resultsSaved, (payload, envelope, manager) => notify(resultsSaved(payload), envelope, manager, runtime));
}
