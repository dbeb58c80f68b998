import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type OneRosterPage, type OneRosterQuery } from '#contracts';
import { requireKnownFields } from './oneroster-fields.js';
import { applyFilter, applySort, selectFields } from './oneroster-query.js';
import { oneRosterRecords } from './oneroster-records.js';

/**
 * OneRoster 1.2 rostering reads for machine clients (R-REP-5), from the read model: a collection of the client's
 * schools is assembled, filtered, sorted and paged here (a municipality's schools are thousands of records, not
 * millions); one record is looked up in its collection, so a record of another school is NOT_FOUND.
 */
@Injectable()
export class OneRosterService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(query: OneRosterQuery): Promise<OneRosterPage> {
    requireKnownFields(query.collection, query);
    const records =
      query.schoolIds.length === 0
        ? []
        : await oneRosterRecords(this.dataSource.manager, query.collection, query.schoolIds, query.baseUrl);
    if (query.sourcedId !== undefined) {
      const record = records.find((candidate) => candidate.sourcedId === query.sourcedId);
      if (!record) throw new DomainError(ErrorCode.NotFound, 'Запись не найдена');
      return { total: 1, records: [selectFields(record, query.fields)] };
    }
    const matching = applySort(applyFilter(records, query.filter), query.sort, query.orderBy);
    return {
      total: matching.length,
      records: matching.slice(query.offset, query.offset + query.limit).map((record) => selectFields(record, query.fields)),
    };
  }
}
