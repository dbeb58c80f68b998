import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type GradebookQuery, type OneRosterPage, type OneRosterRecord } from '#contracts';
import { requireKnownFields } from '../oneroster/oneroster-fields.js';
import { applyFilter, applySort, parseFilter, selectFields } from '../oneroster/oneroster-query.js';
import { type GradebookPageQuery, type GradebookScope, gradebookPage, gradebookRecords } from './gradebook-records.js';

/**
 * The lower bound of `dateLastModified` a filter sets (`dateLastModified>'…'` or `>=`, alone or joined by AND), so
 * that a delta pull reads only the rows changed since from the database; the whole filter is applied afterwards.
 */
export function changedSinceOf(filter: string | undefined): string | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const { join, predicates } = parseFilter(filter);
  if (join === 'OR' && predicates.length > 1) return undefined;
  const bounds = predicates
    .filter((predicate) => predicate.field === 'dateLastModified' && (predicate.operator === '>' || predicate.operator === '>='))
    .map((predicate) => new Date(predicate.value).toISOString())
    .sort();
  return bounds.at(-1);
}

/**
 * Results and line items (millions of marks) are paged by the database when the request asks for nothing the database
 * cannot do: sorted by sourcedId (the default) or dateLastModified, filtered by nothing, `dateLastModified>'…'` (or
 * `>=`) — the delta pull — and/or `status='active'` (or 'tobedeleted'), any class, student or fields; otherwise
 * (another sort or filter, one line item's results) the collection is assembled and paged here.
 */
function pagedInDatabase(query: GradebookQuery): GradebookPageQuery | null {
  if (query.collection === 'categories' || query.sourcedId !== undefined || query.lineItemSourcedId !== undefined) return null;
  const sort = query.sort?.trim() || 'sourcedId';
  if (sort !== 'sourcedId' && sort !== 'dateLastModified') return null;
  if (query.studentSourcedId !== undefined && !UUID.test(query.studentSourcedId)) return null;
  let after: GradebookPageQuery['after'];
  let live: boolean | undefined;
  if (query.filter !== undefined && query.filter.trim() !== '') {
    const { join, predicates } = parseFilter(query.filter);
    if (join === 'OR' && predicates.length > 1) return null;
    for (const { field, operator, value } of predicates) {
      if (field === 'dateLastModified' && (operator === '>' || operator === '>=') && after === undefined) {
        after = { operator, instant: new Date(value).toISOString() };
      } else if (field === 'status' && operator === '=' && (value === 'active' || value === 'tobedeleted') && live === undefined) {
        live = value === 'active';
      } else {
        return null;
      }
    }
  }
  return {
    after,
    live,
    studentId: query.studentSourcedId,
    byLastModified: sort === 'dateLastModified',
    descending: query.orderBy === 'desc',
    limit: query.limit,
    offset: query.offset,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refOf(record: OneRosterRecord, field: string): string | undefined {
  const ref = record[field] as { sourcedId?: string } | undefined;
  return ref?.sourcedId;
}

/**
 * OneRoster 1.2 gradebook reads for machine clients (R-REP-5), from the read model, the same way as the rostering
 * reads: the client's schools (or one class of them) are assembled, filtered, sorted and paged; one record is looked
 * up in its collection, so a record of another school is NOT_FOUND.
 */
@Injectable()
export class GradebookService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(query: GradebookQuery): Promise<OneRosterPage> {
    requireKnownFields(query.collection, query);
    if (query.classSourcedId !== undefined) await this.requireClass(query.classSourcedId, query.schoolIds);
    if (query.sourcedId !== undefined && query.collection !== 'categories') return this.one(query, query.collection, query.sourcedId);
    const paged = query.schoolIds.length > 0 && query.collection !== 'categories' ? pagedInDatabase(query) : null;
    if (paged && query.collection !== 'categories') {
      const page = await gradebookPage(this.dataSource.manager, query.collection, this.scopeOf(query, undefined), paged);
      return { total: page.total, records: page.records.map((record) => selectFields(record, query.fields)) };
    }
    const records =
      query.schoolIds.length === 0
        ? []
        : await gradebookRecords(
            this.dataSource.manager,
            query.collection,
            this.scopeOf(query, query.sourcedId === undefined ? changedSinceOf(query.filter) : undefined),
          );
    if (query.sourcedId !== undefined) {
      const record = records.find((candidate) => candidate.sourcedId === query.sourcedId);
      if (!record) throw new DomainError(ErrorCode.NotFound, 'Запись не найдена');
      return { total: 1, records: [selectFields(record, query.fields)] };
    }
    const scoped = records.filter(
      (record) =>
        (query.lineItemSourcedId === undefined || refOf(record, 'lineItem') === query.lineItemSourcedId) &&
        (query.studentSourcedId === undefined || refOf(record, 'student') === query.studentSourcedId),
    );
    const matching = applySort(applyFilter(scoped, query.filter), query.sort, query.orderBy);
    return {
      total: matching.length,
      records: matching.slice(query.offset, query.offset + query.limit).map((record) => selectFields(record, query.fields)),
    };
  }

  /** One result or line item, looked up by the database (their sourcedIds are uuids; anything else is no record). */
  private async one(query: GradebookQuery, collection: 'results' | 'lineItems', sourcedId: string): Promise<OneRosterPage> {
    const page =
      query.schoolIds.length > 0 && UUID.test(sourcedId)
        ? await gradebookPage(this.dataSource.manager, collection, this.scopeOf(query, undefined), {
            sourcedId: sourcedId.toLowerCase(),
            descending: false,
            limit: 1,
            offset: 0,
          })
        : { total: 0, records: [] };
    const [record] = page.records;
    if (!record) throw new DomainError(ErrorCode.NotFound, 'Запись не найдена');
    return { total: 1, records: [selectFields(record, query.fields)] };
  }

  private scopeOf(query: GradebookQuery, since: string | undefined): GradebookScope {
    return {
      schoolIds: query.schoolIds,
      pageId: query.classSourcedId,
      since,
      baseUrl: query.baseUrl,
      rosteringBaseUrl: query.rosteringBaseUrl,
    };
  }

  private async requireClass(pageId: string, schoolIds: string[]): Promise<void> {
    const uuid = UUID.test(pageId);
    const found: unknown[] = uuid
      ? await this.dataSource.query('SELECT 1 FROM page WHERE id = $1 AND school_id = ANY($2::uuid[])', [pageId, schoolIds])
      : [];
    if (found.length === 0) throw new DomainError(ErrorCode.NotFound, 'Класс не найден');
  }
}
