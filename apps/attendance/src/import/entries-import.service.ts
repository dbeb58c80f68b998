import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AttendanceEntry,
  AttendanceEvents,
  type AttendanceRpc,
  DomainError,
  ErrorCode,
  IdentityRpc,
  type RpcRequest,
} from '#contracts';
import { schoolDateAt } from '#domain';
import { batchesWithinBudget, bulkInsert, Clock, OutboxWriter, requireSystemActor, RpcClient } from '#platform';
import { assertNotReserved } from '../column/reserved-entries.js';
import { lockEntries } from '../database/entry-locks.js';
import { AttendanceHistoryWriter } from '../history/attendance-history.writer.js';

type ImportRequest = RpcRequest<typeof AttendanceRpc.importEntries>;
type EntryToImport = ImportRequest['entries'][number];

interface ImportedRow {
  entry: AttendanceEntry;
  pageId: string;
  date: string;
  recordedLate: boolean;
}

const keyOf = (entry: { lessonId: string; studentId: string }) => `${entry.lessonId}:${entry.studentId}`;

/** Refuses entries whose reason or minutes contradict their status, as a live write would (R-ATT-1). */
function assertConsistent(entries: readonly EntryToImport[]): void {
  const issues = entries.flatMap((entry, index) => {
    const found: Array<{ path: string; message: string }> = [];
    if (entry.status !== 'absent' && entry.reason !== null) {
      found.push({ path: `entries.${index}.reason`, message: 'Причина указывается только для отсутствия' });
    }
    if ((entry.status === 'late') !== (entry.minutesLate !== null)) {
      found.push({ path: `entries.${index}.minutesLate`, message: 'Число минут указывается только для опоздания' });
    }
    return found;
  });
  if (issues.length > 0) throw new DomainError(ErrorCode.ValidationFailed, 'Неверные данные запроса', { issues });
}

/**
 * Loads attendance as it was recorded in another system (R-DATA-2). Idempotent by (lesson, student): an entry that
 * exists here, or ever existed (its history is kept), is left alone.
 */
@Injectable()
export class EntriesImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
    private readonly history: AttendanceHistoryWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async importEntries(request: ImportRequest): Promise<{ imported: number; skipped: number }> {
    requireSystemActor();
    assertConsistent(request.entries);
    const { timeZone } = await this.rpc.call(IdentityRpc.getSchool, { schoolId: request.schoolId });
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const fresh = await this.notYetRecorded(manager, request.entries);
      const skipped = request.entries.length - fresh.length;
      if (fresh.length === 0) return { imported: 0, skipped };

      const rows = fresh.map((entry): ImportedRow => {
        const recordedAt = new Date(entry.recordedAt);
        return {
          entry: {
            lessonId: entry.lessonId,
            studentId: entry.studentId,
            status: entry.status,
            reason: entry.reason,
            minutesLate: entry.minutesLate,
            recordedAt: recordedAt.toISOString(),
            recordedBy: null,
            reasonConfirmedBy: null,
            reasonConfirmedAt: null,
            version: 1,
          },
          pageId: entry.pageId,
          date: entry.date,
          recordedLate: schoolDateAt(recordedAt, timeZone) > entry.date,
        };
      });
      await insertEntries(manager, rows);
      await this.history.append(
        manager,
        rows.map(({ entry }) => ({
          lessonId: entry.lessonId,
          studentId: entry.studentId,
          action: 'imported' as const,
          oldValue: null,
          newValue: entry,
          actorId: null,
          at: now,
        })),
      );
      for (const entries of batchesWithinBudget(rows.map((row) => row.entry))) {
        await this.outbox.append(manager, AttendanceEvents.entriesSaved, { entries });
      }
      return { imported: fresh.length, skipped };
    });
  }

  /** Entries never recorded here, each once, locked against concurrent writes until commit. */
  private async notYetRecorded(manager: EntityManager, entries: readonly EntryToImport[]): Promise<EntryToImport[]> {
    await lockEntries(manager, entries);
    await assertNotReserved(manager, entries);
    const lessonIds = entries.map((entry) => entry.lessonId);
    const studentIds = entries.map((entry) => entry.studentId);
    const known = await manager.query<Array<{ lesson_id: string; student_id: string }>>(
      `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS w(lesson_id, student_id))
       SELECT lesson_id, student_id FROM attendance_entry JOIN wanted USING (lesson_id, student_id)
       UNION
       SELECT lesson_id, student_id FROM attendance_history JOIN wanted USING (lesson_id, student_id)`,
      [lessonIds, studentIds],
    );
    const seen = new Set(known.map((row) => keyOf({ lessonId: row.lesson_id, studentId: row.student_id })));
    const fresh: EntryToImport[] = [];
    for (const entry of entries) {
      if (seen.has(keyOf(entry))) continue;
      seen.add(keyOf(entry));
      fresh.push(entry);
    }
    return fresh;
  }
}

async function insertEntries(manager: EntityManager, rows: readonly ImportedRow[]): Promise<void> {
  await bulkInsert<ImportedRow>(
    manager,
    'attendance_entry',
    [
      { name: 'lesson_id', type: 'uuid', value: (row) => row.entry.lessonId },
      { name: 'student_id', type: 'uuid', value: (row) => row.entry.studentId },
      { name: 'page_id', type: 'uuid', value: (row) => row.pageId },
      { name: 'lesson_date', type: 'date', value: (row) => row.date },
      { name: 'status', type: 'text', value: (row) => row.entry.status },
      { name: 'reason', type: 'text', value: (row) => row.entry.reason },
      { name: 'minutes_late', type: 'smallint', value: (row) => row.entry.minutesLate },
      { name: 'recorded_at', type: 'timestamptz', value: (row) => row.entry.recordedAt },
      { name: 'recorded_by', type: 'uuid', value: (row) => row.entry.recordedBy },
      { name: 'late', type: 'boolean', value: (row) => row.recordedLate },
      { name: 'version', type: 'integer', value: (row) => row.entry.version },
    ],
    rows,
  );
}
