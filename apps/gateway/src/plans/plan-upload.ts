import { DomainError, ErrorCode, type UploadedFile } from '#contracts';
import { ROSTER_UPLOAD_TYPES } from '../roster-import/roster-upload.js';

/** A plan file is uploaded as the raw request body, like a roster file: the content types the gateway reads as bytes. */
export const PLAN_UPLOAD_TYPES = ROSTER_UPLOAD_TYPES;

/** A plan is a few hundred rows: the file travels to planning in base64 within one NATS message. */
export const PLAN_FILE_MAX_BYTES = 700 * 1024;

/** The uploaded body as planning reads it: its name, its type and its bytes in base64. */
export function planUpload(body: unknown, fileName: string | undefined, contentType: string | undefined): UploadedFile {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `Пришлите файл КТП (CSV или XLSX) телом запроса с заголовком Content-Type: text/csv или ${PLAN_UPLOAD_TYPES[1]}`,
    );
  }
  if (body.length > PLAN_FILE_MAX_BYTES) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Файл слишком большой: КТП загружается файлом до 700 КБ', {
      maxBytes: PLAN_FILE_MAX_BYTES,
    });
  }
  const xlsx = body.subarray(0, 2).toString('latin1') === 'PK';
  return {
    fileName: fileName ?? (xlsx ? 'ktp.xlsx' : 'ktp.csv'),
    ...(contentType ? { contentType } : {}),
    content: body.toString('base64'),
  };
}
