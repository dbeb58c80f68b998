import { gunzipSync, gzipSync } from 'node:zlib';
import { DomainError, ErrorCode, ROSTER_FILE_MAX_BYTES, ROSTER_FILE_MAX_ENCODED_CHARS, ROSTER_FILE_TYPES, type RosterFileContent } from '#contracts';

/**
 * The content types a roster file may be uploaded with, as the raw request body: CSV (browsers on Windows call it
 * application/vnd.ms-excel), XLSX, or any bytes. The file is told by its bytes anyway (#spreadsheet).
 */
export const ROSTER_UPLOAD_TYPES = ['text/csv', ROSTER_FILE_TYPES.xlsx, 'application/vnd.ms-excel', 'application/octet-stream'] as const;

/** Bodies a little over the limit still reach the route, which answers with the limit in Russian. */
export const ROSTER_UPLOAD_BODY_LIMIT = ROSTER_FILE_MAX_BYTES + 1024 * 1024;

const MEGABYTES = ROSTER_FILE_MAX_BYTES / (1024 * 1024);

/**
 * The uploaded body as it travels to identity: gzip-compressed when that helps (a CSV shrinks several times; an XLSX
 * is a zip already), in base64, within one NATS message.
 */
export function rosterUpload(body: unknown, fileName: string | undefined, contentType: string | undefined): RosterFileContent {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `Пришлите файл CSV или XLSX телом запроса с заголовком Content-Type: text/csv или ${ROSTER_FILE_TYPES.xlsx}`,
    );
  }
  if (body.length > ROSTER_FILE_MAX_BYTES) {
    throw new DomainError(ErrorCode.ValidationFailed, `Файл слишком большой: можно не больше ${MEGABYTES} МБ`, { maxBytes: ROSTER_FILE_MAX_BYTES });
  }
  const packed = gzipSync(body);
  const compressed = packed.length < body.length * 0.9;
  const content = (compressed ? packed : body).toString('base64');
  if (content.length > ROSTER_FILE_MAX_ENCODED_CHARS) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'Файл слишком большой для загрузки одним разом: сохраните его как CSV или разделите по классам',
    );
  }
  const xlsx = body.subarray(0, 2).toString('latin1') === 'PK';
  return {
    fileName: fileName ?? (xlsx ? 'roster.xlsx' : 'roster.csv'),
    contentType: contentType ?? null,
    compression: compressed ? 'gzip' : 'none',
    content,
  };
}

/** A file from identity as the bytes to send. */
export function downloadedBytes(file: RosterFileContent): Buffer {
  const bytes = Buffer.from(file.content, 'base64');
  return file.compression === 'gzip' ? gunzipSync(bytes) : bytes;
}
