import { DomainError, ErrorCode, type OneRosterRecord } from '#contracts';

/** One `field op 'value'` predicate of a OneRoster filter. */
interface Predicate {
  field: string;
  operator: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~';
  value: string;
}

interface Filter {
  join: 'AND' | 'OR';
  predicates: Predicate[];
}

const PREDICATE = /^\s*([A-Za-z][\w.]*)\s*(!=|>=|<=|=|>|<|~)\s*'([^']*)'\s*$/;
/** Fields compared as instants, not as text: `2026-12-01T00:00:00Z` and `2026-12-01T05:00:00+05:00` are equal. */
const INSTANT_FIELDS = new Set(['dateLastModified']);

function invalid(message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message);
}

/**
 * Parses a OneRoster 1.2 filter (§3.4.2): predicates `field op 'value'` with =, !=, >, >=, <, <=, ~ (contains),
 * joined by one kind of logical operator, AND or OR.
 */
export function parseFilter(filter: string): Filter {
  const hasAnd = / AND /.test(filter);
  const hasOr = / OR /.test(filter);
  if (hasAnd && hasOr) throw invalid('Фильтр может соединять условия только одним оператором: AND или OR');
  const join = hasOr ? 'OR' : 'AND';
  const predicates = filter.split(` ${join} `).map((part) => {
    const match = PREDICATE.exec(part);
    if (!match) throw invalid(`Неверное условие фильтра: ${part.trim().slice(0, 100)}`);
    const [, field, operator, value] = match as unknown as [string, string, Predicate['operator'], string];
    if (INSTANT_FIELDS.has(field) && Number.isNaN(Date.parse(value))) {
      throw invalid(`В фильтре по ${field} ожидается дата и время ISO 8601`);
    }
    return { field, operator, value };
  });
  return { join, predicates };
}

/** The values at a dotted path; through an array, those of each element (`roles.role` of a user). */
const elementsOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]);

function valuesAt(record: OneRosterRecord, path: string): unknown[] {
  let values: unknown[] = [record];
  for (const key of path.split('.')) {
    values = values
      .flatMap(elementsOf)
      .filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object')
      .map((value) => value[key])
      .filter((value) => value !== undefined && value !== null);
  }
  return values.flatMap(elementsOf);
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The text a record sorts by at a path: its first value. */
function sortKeyOf(record: OneRosterRecord, path: string): string | undefined {
  return textOf(valuesAt(record, path)[0]);
}

function compare(field: string, left: string, right: string): number {
  if (INSTANT_FIELDS.has(field)) return Math.sign(Date.parse(left) - Date.parse(right));
  return left < right ? -1 : left > right ? 1 : 0;
}

function matches(actual: string, { field, operator, value }: Predicate): boolean {
  if (operator === '~') return actual.toLowerCase().includes(value.toLowerCase());
  const order = compare(field, actual, value);
  switch (operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
  }
}

/** A predicate holds when one of the values at its path matches; `!=` when none equals. */
function holds(record: OneRosterRecord, predicate: Predicate): boolean {
  const actual = valuesAt(record, predicate.field).map((value) => textOf(value)!);
  if (predicate.operator === '!=') return !actual.some((value) => matches(value, { ...predicate, operator: '=' }));
  return actual.some((value) => matches(value, predicate));
}

export function applyFilter(records: OneRosterRecord[], filter: string | undefined): OneRosterRecord[] {
  if (filter === undefined || filter.trim() === '') return records;
  const { join, predicates } = parseFilter(filter);
  return records.filter((record) =>
    join === 'AND' ? predicates.every((predicate) => holds(record, predicate)) : predicates.some((predicate) => holds(record, predicate)),
  );
}

/** Sorted by the field (sourcedId by default, so that paging is stable), ties broken by sourcedId. */
export function applySort(records: OneRosterRecord[], sort: string | undefined, orderBy: 'asc' | 'desc' | undefined): OneRosterRecord[] {
  const field = sort?.trim() || 'sourcedId';
  const direction = orderBy === 'desc' ? -1 : 1;
  const keyed = records.map((record) => ({ record, key: sortKeyOf(record, field) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      return direction * compare(field, a.key, b.key);
    }
    return direction * compare('sourcedId', a.record.sourcedId, b.record.sourcedId);
  });
  return keyed.map(({ record }) => record);
}

/** Only the named fields (OneRoster `fields`; `requireKnownFields` has refused names the records cannot have). */
export function selectFields(record: OneRosterRecord, fields: string | undefined): OneRosterRecord {
  if (fields === undefined || fields.trim() === '') return record;
  const wanted = new Set(fields.split(',').map((field) => field.trim()));
  return Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key))) as OneRosterRecord;
}
