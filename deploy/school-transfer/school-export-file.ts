import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  SCHOOL_EXPORT_FORMAT,
  SCHOOL_EXPORT_VERSION,
  SCHOOL_TRANSFER_SERVICES,
  type SchoolTransferScope,
  type SchoolTransferService,
} from '#contracts';
import type { TransferRow } from '#platform';

/** One service's rows of the school, table by table in the service's dependency order. */
export type ServiceRows = Record<string, TransferRow[]>;

/** What the file says of itself, on its first line. */
export interface SchoolExportHeader {
  format: typeof SCHOOL_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  schoolId: string;
}

/** Some rows of one table: a line of the file, as one page of the service's export. */
export interface SchoolExportChunk {
  service: SchoolTransferService;
  table: string;
  rows: TransferRow[];
}

/**
 * An export read as it goes: the header, and its chunks in the file's order (services in their import order, each
 * service's tables in its dependency order). `chunks()` starts from the beginning each time it is called.
 */
export interface SchoolExportSource {
  header: SchoolExportHeader;
  chunks(): AsyncIterable<SchoolExportChunk>;
}

/** A whole export in memory: for comparisons in tests and for small schools. */
export interface SchoolExport extends SchoolExportHeader {
  services: Record<SchoolTransferService, ServiceRows>;
}

/**
 * Writes a school export (R-DATA-2) as it is read from the services: gzip-compressed JSON lines, the header first,
 * then one line per page of rows, so that neither side ever holds the whole school. Everything but `exportedAt` is
 * data: two exports of the same data are the same bytes apart from it.
 */
export async function createSchoolExportFile(path: string, header: SchoolExportHeader) {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(path));
  // A failure to write surfaces at close (or at once through the drain wait), not as an unhandled rejection.
  written.catch(() => undefined);
  const writeLine = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await Promise.race([once(gzip, 'drain'), written]);
  };
  await writeLine(header);
  return {
    write: (chunk: SchoolExportChunk) => writeLine({ service: chunk.service, table: chunk.table, rows: chunk.rows }),
    async close(): Promise<void> {
      gzip.end();
      await written;
    },
  };
}

/** Opens an export file (gzip-compressed or not): its header is checked at once, its chunks are read when asked for. */
export async function openSchoolExportFile(path: string): Promise<SchoolExportSource> {
  const first = await firstLine(path);
  if (first === undefined) throw new Error('The school export file is empty');
  const header = parseHeader(parseLine(first, 1));
  return {
    header,
    async *chunks() {
      let number = 0;
      for await (const line of readLines(await fileStream(path))) {
        number += 1;
        if (number === 1 || line === '') continue;
        yield parseChunk(parseLine(line, number), number);
      }
    },
  };
}

/** Reads a whole export file into memory (tests, small schools). */
export async function readSchoolExport(path: string): Promise<SchoolExport> {
  return collectSchoolExport(await openSchoolExportFile(path));
}

export async function collectSchoolExport(source: SchoolExportSource): Promise<SchoolExport> {
  const services: SchoolExport['services'] = { identity: {}, planning: {}, journal: {}, attendance: {} };
  for await (const { service, table, rows } of source.chunks()) {
    appendRows((services[service][table] ??= []), rows);
  }
  return { ...source.header, services };
}

/** An export held in memory, read as a source: one chunk per table. */
export function sourceOf(document: SchoolExport): SchoolExportSource {
  const { services, ...header } = document;
  return {
    header,
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable, as a file's is
    async *chunks() {
      for (const service of SCHOOL_TRANSFER_SERVICES) {
        for (const [table, rows] of Object.entries(services[service])) yield { service, table, rows };
      }
    },
  };
}

/** Appends rows one by one: a table in memory may hold more rows than a call takes arguments. */
export function appendRows(list: TransferRow[], rows: readonly TransferRow[]): void {
  for (const row of rows) list.push(row);
}

/** What identity's rows say belongs to the school, for services whose rows name no school. */
export function scopeOf(identity: ServiceRows): SchoolTransferScope {
  const pageIds = (identity.page ?? []).map((row) => String(row.id));
  const studentIds = [...new Set((identity.enrollment ?? []).map((row) => String(row.student_id)))];
  return { pageIds: pageIds.sort(), studentIds: studentIds.sort() };
}

export function parseHeader(value: unknown): SchoolExportHeader {
  const header = value as Partial<SchoolExportHeader> | null;
  if (header?.format !== SCHOOL_EXPORT_FORMAT) throw new Error('Not a school export of this journal');
  if (header.version !== SCHOOL_EXPORT_VERSION) {
    throw new Error(`School export format version ${String(header.version)} is not supported (expected ${SCHOOL_EXPORT_VERSION})`);
  }
  if (typeof header.schoolId !== 'string' || typeof header.exportedAt !== 'string') {
    throw new Error('A school export names its school and the moment it was taken');
  }
  return { format: header.format, version: header.version, exportedAt: header.exportedAt, schoolId: header.schoolId };
}

export function parseChunk(value: unknown, line: number): SchoolExportChunk {
  const chunk = value as Partial<SchoolExportChunk> | null;
  if (!SCHOOL_TRANSFER_SERVICES.includes(chunk?.service as SchoolTransferService)) {
    throw new Error(`Line ${line} of the school export names no service of this journal`);
  }
  if (typeof chunk!.table !== 'string' || !Array.isArray(chunk!.rows)) throw new Error(`Line ${line} of the school export is not a table's rows`);
  return chunk as SchoolExportChunk;
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new Error(`Line ${number} of the school export is not JSON: the file is damaged or not an export`);
  }
}

async function fileStream(path: string): Promise<Readable> {
  const handle = await open(path, 'r');
  let magic: Buffer;
  try {
    ({ buffer: magic } = await handle.read(Buffer.alloc(2), 0, 2, 0));
  } finally {
    await handle.close();
  }
  const file = createReadStream(path);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return file;
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

/**
 * The lines of a stream, read only as fast as they are used (readline's iterator reads ahead without bound while the
 * import waits on the services, and a school's file would pile up in memory).
 */
async function* readLines(input: Readable): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  const pieces: string[] = [];
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let text = decoder.write(chunk);
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n')) {
        pieces.push(text.slice(0, newline));
        yield pieces.join('').replace(/\r$/, '');
        pieces.length = 0;
        text = text.slice(newline + 1);
      }
      if (text !== '') pieces.push(text);
    }
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    // zlib's codes: a truncated or corrupted gzip stream.
    if (typeof code === 'string' && code.startsWith('Z_')) throw new Error(`The school export file is damaged: ${String(message)}`, { cause: error });
    throw error;
  }
  const last = pieces.join('') + decoder.end();
  if (last !== '') yield last.replace(/\r$/, '');
}

async function firstLine(path: string): Promise<string | undefined> {
  const input = await fileStream(path);
  try {
    for await (const line of readLines(input)) return line;
    return undefined;
  } finally {
    input.destroy();
  }
}
