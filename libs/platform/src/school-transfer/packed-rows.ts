import { gunzipSync, gzipSync } from 'node:zlib';
import type { PackedRows } from '#contracts';

/** NATS refuses messages over 1 MiB; a packed batch stays well below, with room for the request around it. */
export const PACKED_ROWS_BUDGET_BYTES = 700 * 1024;

export type TransferRow = Record<string, unknown>;

export function packRows(rows: readonly TransferRow[]): PackedRows {
  return { encoding: 'gzip-base64', count: rows.length, data: gzipSync(Buffer.from(JSON.stringify(rows))).toString('base64') };
}

export function unpackRows(packed: PackedRows): TransferRow[] {
  const rows = JSON.parse(gunzipSync(Buffer.from(packed.data, 'base64')).toString('utf8')) as unknown;
  if (!Array.isArray(rows) || rows.length !== packed.count) throw new Error('Packed rows do not match their count');
  return rows as TransferRow[];
}

/** Packs rows into as few batches as fit the budget once compressed, halving a batch that does not fit. */
export function packInBatches(rows: readonly TransferRow[], budgetBytes = PACKED_ROWS_BUDGET_BYTES): PackedRows[] {
  if (rows.length === 0) return [];
  const packed = packRows(rows);
  if (packed.data.length <= budgetBytes || rows.length === 1) return [packed];
  const half = Math.ceil(rows.length / 2);
  return [...packInBatches(rows.slice(0, half), budgetBytes), ...packInBatches(rows.slice(half), budgetBytes)];
}
