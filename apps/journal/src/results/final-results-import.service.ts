import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type FinalResult, FinalResultEvents, type FinalResultsRpc, type RpcRequest } from '#contracts';
import { resultLabel } from '#domain';
import { appendHistory, batchesWithinBudget, bulkInsert, type HistoryChange, OutboxWriter, requireSystemActor } from '#platform';
import { storedValue } from './final-result.mapper.js';

type ImportRequest = RpcRequest<typeof FinalResultsRpc.importResults>;
type ResultToImport = ImportRequest['results'][number];

interface ImportedChange extends HistoryChange {
  result: FinalResult;
}

/** Results set in another system or on paper, loaded as their teachers set them (R-DATA-2); held ones stay as they are. */
@Injectable()
export class FinalResultsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async importResults(request: ImportRequest): Promise<{ imported: number; skipped: number }> {
    requireSystemActor();
    return this.dataSource.transaction(async (manager) => {
      const candidates = request.results.map((row) => toFinalResult(request.schoolId, row));
      // A key the journal already holds (or repeated in the request) is skipped by the insert itself.
      const inserted = await bulkInsert<FinalResult, { id: string }>(
        manager,
        'final_result',
        [
          { name: 'id', type: 'uuid', value: (r) => r.id },
          { name: 'term', type: 'text', value: (r) => r.term },
          { name: 'term_id', type: 'uuid', value: (r) => r.termId },
          { name: 'school_id', type: 'uuid', value: (r) => r.schoolId },
          { name: 'student_id', type: 'uuid', value: (r) => r.studentId },
          { name: 'subject_code', type: 'text', value: (r) => r.subjectCode },
          { name: 'page_id', type: 'uuid', value: (r) => r.pageId },
          { name: 'value', type: 'text', value: (r) => storedValue(r.value) },
          { name: 'version', type: 'int', value: (r) => r.version },
          { name: 'set_by', type: 'uuid', value: (r) => r.setBy },
          { name: 'set_at', type: 'timestamptz', value: (r) => r.setAt },
        ],
        candidates,
        'ON CONFLICT (term_id, student_id, subject_code) DO NOTHING RETURNING id',
      );
      const insertedIds = new Set(inserted.map((row) => row.id));
      const results = candidates.filter((result) => insertedIds.has(result.id));
      await appendHistory<ImportedChange>(
        manager,
        'final_result_history',
        [
          { name: 'result_id', type: 'uuid', value: (row) => row.result.id },
          { name: 'term_id', type: 'uuid', value: (row) => row.result.termId },
          { name: 'subject_code', type: 'text', value: (row) => row.result.subjectCode },
          { name: 'student_id', type: 'uuid', value: (row) => row.result.studentId },
          { name: 'page_id', type: 'uuid', value: (row) => row.result.pageId },
        ],
        results.map((result) => ({
          result,
          action: 'created',
          oldValue: null,
          newValue: result,
          actorId: result.setBy,
          at: new Date(result.setAt),
          reason: null,
        })),
      );
      for (const batch of batchesWithinBudget(results)) {
        await this.outbox.append(manager, FinalResultEvents.resultsSaved, { results: batch, imported: true });
      }
      return { imported: results.length, skipped: request.results.length - results.length };
    });
  }
}

function toFinalResult(schoolId: string, row: ResultToImport): FinalResult {
  return {
    id: randomUUID(),
    term: row.term,
    termId: row.termId,
    schoolId,
    studentId: row.studentId,
    subjectCode: row.subjectCode,
    pageId: row.pageId,
    value: row.value,
    label: resultLabel(row.value),
    version: 1,
    setBy: row.setBy,
    setAt: new Date(row.setAt).toISOString(),
  };
}
