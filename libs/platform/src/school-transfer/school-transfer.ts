import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, type PackedRows, type SchoolTransferPage, type SchoolTransferScope } from '#contracts';
import { packInBatches, packRows, type TransferRow, unpackRows } from './packed-rows.js';
import type { TransferTable } from './transfer-table.js';

export interface SchoolTransferOptions {
  /** Every table that holds the school's data, in dependency order (a table after those it references). */
  tables: readonly TransferTable[];
  /**
   * Runs in the import's transaction after every row is in: the service announces the imported school through its
   * outbox with its usual state-carrying events, so read models (live, or rebuilt from the stream) see it.
   */
  announce?: (manager: EntityManager, schoolId: string, scope: SchoolTransferScope) => Promise<void>;
  /** Rows read per export page before packing (a page is cut further to fit a NATS message); default 5,000. */
  pageRows?: number;
}

interface ColumnInfo {
  name: string;
  type: string;
}

/** Types whose JSON number would lose digits in JavaScript: exported as their text, which Postgres reads back exactly. */
const TEXT_EXPORTED_TYPES = new Set(['numeric', 'bigint']);

/** Staged batches of an import that never got applied are dropped after a day. */
const STALE_STAGING = "interval '1 day'";

/**
 * Exports and imports one school's rows of a service, table by table, losslessly (R-DATA-2): Postgres writes each row
 * as JSON (`to_jsonb`, in UTC, numerics as text) and reads it back with `jsonb_populate_record`, keeping the ids.
 * An import is staged batch by batch and applied in one transaction, refused whole when the school is already here.
 */
export class SchoolTransfer {
  private readonly byName: Map<string, TransferTable>;
  private readonly columns = new Map<string, Promise<ColumnInfo[]>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: SchoolTransferOptions,
  ) {
    this.byName = new Map(options.tables.map((table) => [table.name, table]));
  }

  tables(): { tables: string[] } {
    return { tables: this.options.tables.map((table) => table.name) };
  }

  /**
   * One page of the school's rows of a table, after the row `after` names (the `next` of the page before, null for
   * the first): keyset paging on the table's order, so each page costs the same however far into the table it is.
   */
  async exportPage(request: { schoolId: string; scope: SchoolTransferScope; table: string; after: string | null }): Promise<SchoolTransferPage> {
    const table = this.table(request.table);
    const limit = this.options.pageRows ?? 5_000;
    const keys = orderKeys(table);
    const after = request.after === null ? null : parseCursor(request.after);
    const rows = await this.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL TimeZone = 'UTC'");
      const expression = await this.rowExpression(manager, table);
      const cursor = `jsonb_build_object(${keys.map((key) => `'${key}', t.${key}`).join(', ')})::text`;
      const afterCondition = after === null
        ? ''
        : ` AND (${keys.map((key) => `t.${key}`).join(', ')}) > (SELECT ${keys.map((key) => `k.${key}`).join(', ')}
              FROM jsonb_populate_record(NULL::${table.name}, $5::jsonb) AS k)`;
      return manager.query<Array<{ row: TransferRow; cursor: string }>>(
        `${scopeParameters()} SELECT ${expression} AS row, ${cursor} AS cursor FROM ${table.name} AS t
         WHERE (${table.where})${afterCondition}
         ORDER BY ${table.orderBy} LIMIT $4`,
        [...scopeValues(request.schoolId, request.scope), limit + 1, ...(after === null ? [] : [after])],
      );
    });
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const packed = page.length === 0 ? packRows([]) : packInBatches(page.map((item) => item.row))[0]!;
    const next = packed.count < page.length || more ? page[packed.count - 1]!.cursor : null;
    return { table: table.name, rows: packed, next };
  }

  async stage(request: {
    transferId: string;
    schoolId: string;
    scope: SchoolTransferScope;
    table: string;
    seq: number;
    rows: PackedRows;
  }): Promise<{ staged: number }> {
    const table = this.table(request.table);
    const rows = unpackRows(request.rows);
    await this.dataSource.transaction(async (manager) => {
      if (request.seq === 0) await this.refuseIfPresent(manager, request.schoolId, request.scope);
      await manager.query(`DELETE FROM school_transfer_batch WHERE staged_at < now() - ${STALE_STAGING}`);
      await manager.query(
        `INSERT INTO school_transfer_batch (transfer_id, table_name, seq, rows) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (transfer_id, table_name, seq) DO UPDATE SET rows = excluded.rows, staged_at = now()`,
        [request.transferId, table.name, request.seq, JSON.stringify(rows)],
      );
    });
    return { staged: rows.length };
  }

  async apply(request: { transferId: string; schoolId: string; scope: SchoolTransferScope }): Promise<{ imported: Record<string, number> }> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.refuseIfPresent(manager, request.schoolId, request.scope);
        const imported: Record<string, number> = {};
        for (const table of this.options.tables) {
          imported[table.name] = await this.insertStaged(manager, table, request.transferId);
        }
        await manager.query('DELETE FROM school_transfer_batch WHERE transfer_id = $1', [request.transferId]);
        await this.options.announce?.(manager, request.schoolId, request.scope);
        return { imported };
      });
    } catch (error) {
      // Nothing of a failed import stays: neither its rows (rolled back) nor its staged batches.
      await this.dataSource.query('DELETE FROM school_transfer_batch WHERE transfer_id = $1', [request.transferId]);
      throw asDomainError(error);
    }
  }

  private async insertStaged(manager: EntityManager, table: TransferTable, transferId: string): Promise<number> {
    const generated = new Set(table.generated ?? []);
    const names = (await this.tableColumns(manager, table.name)).filter((column) => !generated.has(column.name)).map((column) => quote(column.name));
    const list = names.join(', ');
    const [result] = await manager.query<Array<{ count: string }>>(
      `WITH inserted AS (
         INSERT INTO ${table.name} (${list})
         SELECT ${names.map((name) => `r.${name}`).join(', ')}
         FROM school_transfer_batch b
           CROSS JOIN LATERAL jsonb_array_elements(b.rows) WITH ORDINALITY AS e(value, position)
           CROSS JOIN LATERAL jsonb_populate_record(NULL::${table.name}, e.value) AS r
         WHERE b.transfer_id = $1 AND b.table_name = $2
         ORDER BY b.seq, e.position
         ${table.shared ? 'ON CONFLICT DO NOTHING' : ''}
         RETURNING 1)
       SELECT count(*) AS count FROM inserted`,
      [transferId, table.name],
    );
    return Number(result?.count ?? 0);
  }

  /** Refuses when any of the school's own (not shared) rows is already in this service. */
  private async refuseIfPresent(manager: EntityManager, schoolId: string, scope: SchoolTransferScope): Promise<void> {
    const owned = this.options.tables.filter((table) => !table.shared);
    if (owned.length === 0) return;
    const probes = owned.map((table) => `SELECT '${table.name}' AS name WHERE EXISTS (SELECT 1 FROM ${table.name} AS t WHERE ${table.where})`);
    const present = await manager.query<Array<{ name: string }>>(`${scopeParameters()} ${probes.join(' UNION ALL ')}`, scopeValues(schoolId, scope));
    if (present.length > 0) {
      throw new DomainError(ErrorCode.SchoolExists, 'Школа уже есть в системе: импорт её данных отклонён', {
        schoolId,
        tables: present.map((row) => row.name),
      });
    }
  }

  /** The row as JSON without the generated columns, with numerics and bigints as exact text. */
  private async rowExpression(manager: EntityManager, table: TransferTable): Promise<string> {
    const columns = await this.tableColumns(manager, table.name);
    const generated = table.generated ?? [];
    let expression = generated.length > 0 ? `(to_jsonb(t) - ARRAY[${generated.map((name) => `'${name}'`).join(', ')}]::text[])` : 'to_jsonb(t)';
    const exact = columns.filter((column) => TEXT_EXPORTED_TYPES.has(column.type) && !generated.includes(column.name));
    if (exact.length > 0) {
      expression = `(${expression} || jsonb_build_object(${exact.map((column) => `'${column.name}', t.${quote(column.name)}::text`).join(', ')}))`;
    }
    return expression;
  }

  private tableColumns(manager: EntityManager, name: string): Promise<ColumnInfo[]> {
    let columns = this.columns.get(name);
    if (!columns) {
      columns = manager
        .query<ColumnInfo[]>(
          `SELECT column_name AS name, data_type AS type FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [name],
        )
        .then((found) => {
          if (found.length === 0) throw new Error(`School transfer: no table ${name}`);
          return found;
        });
      columns.catch(() => this.columns.delete(name));
      this.columns.set(name, columns);
    }
    return columns;
  }

  private table(name: string): TransferTable {
    const table = this.byName.get(name);
    if (!table) throw new DomainError(ErrorCode.NotFound, 'Таблица не переносится', { table: name });
    return table;
  }
}

/** Every query states the three scope parameters, so that each `where` may use any of them. */
/** The columns of the table's order (`t.a, t.b`), checked to be plain column names. */
function orderKeys(table: TransferTable): string[] {
  const keys = table.orderBy.split(',').map((part) => part.trim().replace(/^t\./, ''));
  if (keys.some((key) => !/^[a-z_][a-z0-9_]*$/.test(key))) throw new Error(`${table.name}: orderBy must list plain columns, got ${table.orderBy}`);
  return keys;
}

function parseCursor(after: string): string {
  try {
    const parsed = JSON.parse(after) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return after;
  } catch {
    // refused below
  }
  throw new DomainError(ErrorCode.ValidationFailed, 'Неверная позиция страницы выгрузки', { after });
}

function scopeParameters(): string {
  return 'WITH transfer_scope AS (SELECT $1::uuid AS school_id, $2::uuid[] AS page_ids, $3::uuid[] AS student_ids)';
}

function scopeValues(schoolId: string, scope: SchoolTransferScope): unknown[] {
  return [schoolId, scope.pageIds, scope.studentIds];
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function asDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505' || code === '23503') {
    const constraint = (error as { constraint?: unknown }).constraint;
    return new DomainError(ErrorCode.Conflict, 'Данные школы противоречат данным, которые уже есть в системе', {
      constraint: typeof constraint === 'string' ? constraint : null,
    });
  }
  return error;
}
