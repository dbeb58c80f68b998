import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { GradebookCollection, OneRosterRecord } from '#contracts';
import { instantAt, resultLabel, type ResultValue } from '#domain';

/**
 * The OneRoster 1.2 gradebook records of some schools, from the read model (R-REP-5): categories = the schools' kinds
 * of work with their weights (and two of ours: the period result and the year result); lineItems = the marks of one
 * kind of work in one lesson, and the results of a journal page for a period or the year; results = marks (score = the
 * mark, "fully graded") and period/year results (a word such as н/а as textScore). A removed mark, a result taken back
 * and a kind of work no longer used stay as `tobedeleted`, so that a delta pull learns of them.
 */
export interface GradebookScope {
  schoolIds: string[];
  /** One journal page (a OneRoster class) only. */
  pageId?: string | undefined;
  /** Only records that may have changed at or after this instant (a superset: the filter is applied afterwards). */
  since?: string | undefined;
  /** …/ims/oneroster/gradebook/v1p2 */
  baseUrl: string;
  /** …/ims/oneroster/rostering/v1p2 */
  rosteringBaseUrl: string;
}

type Ref = { href: string; sourcedId: string; type: string };

function derivedId(...parts: string[]): string {
  const hex = createHash('md5').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The category of a kind of work of a school; the two result categories use the codes below. */
export const categoryIdOf = (schoolId: string, code: string): string => derivedId('category', schoolId, code);
/** The line item of the marks of one kind of work in one lesson. */
export const markLineItemIdOf = (lessonId: string, workKind: string): string => derivedId('lineItem', lessonId, workKind);
/** The line item of the results of a page for a period or a year. */
export const resultLineItemIdOf = (pageId: string, termId: string): string => derivedId('lineItem', pageId, termId);

const PERIOD_RESULT = { code: '~period-result', title: 'Итоговая отметка за период' } as const;
const YEAR_RESULT = { code: '~year-result', title: 'Годовая отметка' } as const;
/** The scale of marks (R-MARK-1: 2–5, 1 where the school allows it). */
const SCALE = { resultValueMin: 1, resultValueMax: 5 } as const;

const iso = (value: Date | string): string => new Date(value).toISOString();
const russianDate = (date: string): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

class Refs {
  constructor(private readonly scope: GradebookScope) {}
  private ref(base: string, path: string, type: string, sourcedId: string): Ref {
    return { href: `${base}/${path}/${sourcedId}`, sourcedId, type };
  }
  org = (id: string) => this.ref(this.scope.rosteringBaseUrl, 'orgs', 'org', id);
  class = (id: string) => this.ref(this.scope.rosteringBaseUrl, 'classes', 'class', id);
  user = (id: string) => this.ref(this.scope.rosteringBaseUrl, 'users', 'user', id);
  session = (id: string) => this.ref(this.scope.rosteringBaseUrl, 'academicSessions', 'academicSession', id);
  category = (id: string) => this.ref(this.scope.baseUrl, 'categories', 'category', id);
  lineItem = (id: string) => this.ref(this.scope.baseUrl, 'lineItems', 'lineItem', id);
}

interface CategoryRow {
  school_id: string;
  code: string;
  name_ru: string;
  weight: string | null;
  removed: boolean;
  updated_at: Date;
}

async function categories(manager: EntityManager, scope: GradebookScope): Promise<OneRosterRecord[]> {
  const rows: CategoryRow[] = await manager.query(
    `SELECT school_id, code, name_ru, weight, removed, updated_at FROM gradebook_category WHERE school_id = ANY($1::uuid[])
     UNION ALL
     SELECT s.id, r.code, r.title, NULL, false, s.updated_at
     FROM school s CROSS JOIN (VALUES ($2, $3), ($4, $5)) AS r(code, title)
     WHERE s.id = ANY($1::uuid[])`,
    [scope.schoolIds, PERIOD_RESULT.code, PERIOD_RESULT.title, YEAR_RESULT.code, YEAR_RESULT.title],
  );
  return rows.map((row) => ({
    sourcedId: categoryIdOf(row.school_id, row.code),
    status: row.removed ? 'tobedeleted' : 'active',
    dateLastModified: iso(row.updated_at),
    title: row.name_ru,
    ...(row.weight === null ? {} : { weight: Number(row.weight) }),
  }));
}

/** One line item as `LINE_ITEM_ROWS_SQL` selects it: a lesson × kind of work, or a page's results of a period or year. */
interface LineItemRow {
  source: 'mark' | 'term';
  sourced_id: string;
  live: boolean;
  modified: Date;
  page_id: string;
  school_id: string;
  year_id: string;
  /** The grading period: of the lesson's date, or the period of the results (null for a year's). */
  period_id: string | null;
  work_kind: string | null;
  kind_name: string | null;
  term: 'period' | 'year' | null;
  term_name: string | null;
  start_date: string;
  end_date: string;
  starts_at: string;
  ends_at: string;
  topic: string | null;
  time_zone: string;
}

/** The lessons' periods: a period of the lesson's year for its grade that contains its date. */
const LESSON_PERIOD_SQL = `SELECT pr.id FROM period pr
  WHERE pr.year_id = l.year_id AND l.grade BETWEEN pr.grade_from AND pr.grade_to
    AND l.lesson_date BETWEEN pr.start_date AND pr.end_date
  ORDER BY pr.start_date DESC LIMIT 1`;

/**
 * The line items of the schools $1 (one page with $2). Their sourcedIds are made here as `markLineItemIdOf` and
 * `resultLineItemIdOf` make them (MD5 of the parts, in uuid form), so that the database can order and page them.
 */
const LINE_ITEM_ROWS_SQL = `
  WITH items AS (
    SELECT lesson_id, work_kind, bool_or(live) AS live, max(changed) AS changed FROM (
      SELECT m.lesson_id, m.work_kind, true AS live, m.updated_at AS changed FROM mark m
      WHERE $2::uuid IS NULL OR m.page_id = $2::uuid
      UNION ALL
      SELECT r.lesson_id, r.work_kind, false, r.removed_at FROM gradebook_removed_mark r
      WHERE $2::uuid IS NULL OR r.page_id = $2::uuid
    ) AS x GROUP BY lesson_id, work_kind
  )
  SELECT 'mark' AS source, md5('lineItem:' || i.lesson_id || ':' || i.work_kind)::uuid::text AS sourced_id, i.live,
    GREATEST(i.changed, l.updated_at, lc.updated_at, gc.updated_at) AS modified, l.page_id, l.school_id, l.year_id,
    (${LESSON_PERIOD_SQL}) AS period_id, i.work_kind, gc.name_ru AS kind_name, NULL AS term, NULL AS term_name,
    l.lesson_date::text AS start_date, l.lesson_date::text AS end_date, l.starts_at, l.ends_at, lc.topic, s.time_zone
  FROM items i
  JOIN lesson l ON l.id = i.lesson_id
  JOIN school s ON s.id = l.school_id
  LEFT JOIN lesson_content lc ON lc.lesson_id = l.id
  LEFT JOIN gradebook_category gc ON gc.school_id = l.school_id AND gc.code = i.work_kind
  WHERE l.school_id = ANY($1::uuid[])
  UNION ALL
  SELECT 'term', md5('lineItem:' || r.page_id || ':' || r.term_id)::uuid::text, bool_or(r.value IS NOT NULL),
    max(r.updated_at), r.page_id, r.school_id, coalesce(p.year_id, y.id), p.id, NULL, NULL, r.term,
    coalesce(p.name_ru, y.label), coalesce(p.start_date, y.start_date)::text, coalesce(p.end_date, y.end_date)::text,
    '00:00', '23:59', NULL, s.time_zone
  FROM final_result r
  JOIN school s ON s.id = r.school_id
  LEFT JOIN period p ON r.term = 'period' AND p.id = r.term_id
  LEFT JOIN academic_year y ON r.term = 'year' AND y.id = r.term_id
  WHERE r.school_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR r.page_id = $2::uuid) AND coalesce(p.id, y.id) IS NOT NULL
  GROUP BY r.page_id, r.term, r.term_id, r.school_id, p.id, p.name_ru, y.label, p.start_date, y.start_date, p.end_date,
    y.end_date, p.year_id, y.id, s.time_zone`;

function lineItemRecord(row: LineItemRow, refs: Refs): OneRosterRecord {
  const category =
    row.source === 'mark' ? row.work_kind! : row.term === 'period' ? PERIOD_RESULT.code : YEAR_RESULT.code;
  const title =
    row.source === 'mark'
      ? `${row.kind_name ?? row.work_kind}, ${russianDate(row.start_date)}`
      : row.term === 'period'
        ? `Итог: ${row.term_name}`
        : `Годовая отметка ${row.term_name}`;
  return {
    sourcedId: row.sourced_id,
    status: row.live ? 'active' : 'tobedeleted',
    dateLastModified: iso(row.modified),
    title,
    ...(row.topic ? { description: row.topic } : {}),
    assignDate: instantAt(row.start_date, row.starts_at, row.time_zone).toISOString(),
    dueDate: instantAt(row.end_date, row.ends_at, row.time_zone).toISOString(),
    class: refs.class(row.page_id),
    school: refs.org(row.school_id),
    category: refs.category(categoryIdOf(row.school_id, category)),
    ...(row.period_id ? { gradingPeriod: refs.session(row.period_id) } : {}),
    academicSession: refs.session(row.year_id),
    ...SCALE,
  };
}

async function lineItems(manager: EntityManager, scope: GradebookScope, refs: Refs): Promise<OneRosterRecord[]> {
  const rows: LineItemRow[] = await manager.query(
    `SELECT * FROM (${LINE_ITEM_ROWS_SQL}) AS r WHERE $3::timestamptz IS NULL OR r.modified >= $3::timestamptz`,
    [scope.schoolIds, scope.pageId ?? null, scope.since ?? null],
  );
  return rows.map((row) => lineItemRecord(row, refs));
}

/** One result as `resultRowsSql` selects it: a mark (live or removed) or a period/year result. */
interface ResultRow {
  id: string;
  source: 'mark' | 'term';
  live: boolean;
  lesson_id: string | null;
  term_id: string | null;
  page_id: string;
  student_id: string;
  value: string | null;
  work_kind: string | null;
  modified: Date;
  score_date: string;
}

/**
 * The results of the schools $1 (one page with $2): marks with the time they or their lesson last changed, removed
 * marks with the time of removal, period/year results with theirs and the date they were set in the school's zone.
 */
const RESULT_ROWS_SQL = `
  SELECT x.id, 'mark' AS source, x.live, x.lesson_id, NULL::uuid AS term_id, x.page_id, x.student_id, x.value::text AS value,
    x.work_kind, GREATEST(x.changed, l.updated_at) AS modified, l.lesson_date::text AS score_date
  FROM (
    SELECT m.id, true AS live, m.lesson_id, m.page_id, m.student_id, m.value, m.work_kind, m.updated_at AS changed FROM mark m
    UNION ALL
    SELECT r.id, false, r.lesson_id, r.page_id, r.student_id, r.value, r.work_kind, r.removed_at FROM gradebook_removed_mark r
  ) AS x
  JOIN lesson l ON l.id = x.lesson_id
  WHERE l.school_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR x.page_id = $2::uuid)
  UNION ALL
  SELECT r.id, 'term', r.value IS NOT NULL, NULL, r.term_id, r.page_id, r.student_id, r.value, NULL, r.updated_at,
    (r.set_at AT TIME ZONE s.time_zone)::date::text
  FROM final_result r JOIN school s ON s.id = r.school_id
  WHERE r.school_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR r.page_id = $2::uuid)`;

function resultRecord(row: ResultRow, refs: Refs): OneRosterRecord {
  const common = {
    sourcedId: row.id,
    dateLastModified: iso(row.modified),
    student: refs.user(row.student_id),
    class: refs.class(row.page_id),
  };
  if (row.source === 'mark') {
    return {
      ...common,
      status: row.live ? 'active' : 'tobedeleted',
      lineItem: refs.lineItem(markLineItemIdOf(row.lesson_id!, row.work_kind!)),
      scoreStatus: 'fully graded',
      score: Number(row.value),
      scoreDate: row.score_date,
    };
  }
  const value: ResultValue | null = row.value === null ? null : /^[1-5]$/.test(row.value) ? Number(row.value) : (row.value as ResultValue);
  return {
    ...common,
    status: value === null ? 'tobedeleted' : 'active',
    lineItem: refs.lineItem(resultLineItemIdOf(row.page_id, row.term_id!)),
    scoreStatus: value === 'exempt' ? 'exempt' : 'fully graded',
    ...(typeof value === 'number' ? { score: value } : {}),
    ...(value === null ? {} : { textScore: resultLabel(value) }),
    scoreDate: row.score_date,
  };
}

async function results(manager: EntityManager, scope: GradebookScope, refs: Refs): Promise<OneRosterRecord[]> {
  const rows: ResultRow[] = await manager.query(
    `SELECT * FROM (${RESULT_ROWS_SQL}) AS r WHERE $3::timestamptz IS NULL OR r.modified >= $3::timestamptz`,
    [scope.schoolIds, scope.pageId ?? null, scope.since ?? null],
  );
  return rows.map((row) => resultRecord(row, refs));
}

/** A page in the order of sourcedIds or of dateLastModified, counted and cut by the database (marks are millions). */
export interface GradebookPageQuery {
  /** `dateLastModified` compared in milliseconds, as the filter compares it. */
  after?: { operator: '>' | '>='; instant: string } | undefined;
  /** Results only: those of one student. */
  studentId?: string | undefined;
  /** One record only (a uuid): the lookup of `…/results/{sourcedId}`. */
  sourcedId?: string | undefined;
  /** `status='active'` (true) or `'tobedeleted'` (false). */
  live?: boolean | undefined;
  /** Ordered by dateLastModified (in milliseconds, as the filter compares it), then sourcedId; else by sourcedId. */
  byLastModified?: boolean | undefined;
  descending: boolean;
  limit: number;
  offset: number;
}

type Row = Record<string, unknown>;

const PAGED = {
  results: { rows: RESULT_ROWS_SQL, order: 'r.id', record: (row: Row, refs: Refs) => resultRecord(row as unknown as ResultRow, refs) },
  lineItems: {
    rows: LINE_ITEM_ROWS_SQL,
    order: 'r.sourced_id::uuid',
    record: (row: Row, refs: Refs) => lineItemRecord(row as unknown as LineItemRow, refs),
  },
} as const;

export async function gradebookPage(
  manager: EntityManager,
  collection: keyof typeof PAGED,
  scope: GradebookScope,
  page: GradebookPageQuery,
): Promise<{ total: number; records: OneRosterRecord[] }> {
  const { rows: rowsSql, order, record } = PAGED[collection];
  const operator = page.after?.operator === '>=' ? '>=' : '>';
  const params: unknown[] = [scope.schoolIds, scope.pageId ?? null, page.after?.instant ?? null];
  let where = `($3::timestamptz IS NULL OR date_trunc('milliseconds', r.modified) ${operator} date_trunc('milliseconds', $3::timestamptz))`;
  if (collection === 'results' && page.studentId !== undefined) {
    params.push(page.studentId);
    where += ` AND r.student_id = $${params.length}::uuid`;
  }
  if (page.live !== undefined) {
    params.push(page.live);
    where += ` AND r.live = $${params.length}`;
  }
  if (page.sourcedId !== undefined) {
    params.push(page.sourcedId);
    where += collection === 'results' ? ` AND r.id = $${params.length}::uuid` : ` AND r.sourced_id = $${params.length}`;
  }
  const direction = page.descending ? 'DESC' : 'ASC';
  const orderBy = page.byLastModified
    ? `date_trunc('milliseconds', r.modified) ${direction}, ${order} ${direction}`
    : `${order} ${direction}`;
  const rows: Array<Row & { total: string }> = await manager.query(
    `SELECT r.*, count(*) OVER () AS total FROM (${rowsSql}) AS r WHERE ${where}
     ORDER BY ${orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the count still answers.
    const [{ total }] = await manager.query<[{ total: string }]>(`SELECT count(*) AS total FROM (${rowsSql}) AS r WHERE ${where}`, params);
    return { total: Number(total), records: [] };
  }
  const refs = new Refs(scope);
  return { total: Number(rows[0]?.total ?? 0), records: rows.map((row) => record(row, refs)) };
}

export function gradebookRecords(manager: EntityManager, collection: GradebookCollection, scope: GradebookScope): Promise<OneRosterRecord[]> {
  const refs = new Refs(scope);
  switch (collection) {
    case 'categories':
      return categories(manager, scope);
    case 'lineItems':
      return lineItems(manager, scope, refs);
    case 'results':
      return results(manager, scope, refs);
  }
}
