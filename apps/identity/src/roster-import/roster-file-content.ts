import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DomainError,
  ErrorCode,
  ROSTER_FILE_MAX_BYTES,
  ROSTER_FILE_MAX_ENCODED_CHARS,
  type RosterFileContent,
  type RosterImportRpc,
  type RpcRequest,
} from '#contracts';
import type { RosterUpload } from './prepare-roster-import.js';

type FileOnTheWire = RpcRequest<typeof RosterImportRpc.dryRun>['file'];

const tooLarge = () =>
  new DomainError(ErrorCode.ValidationFailed, `Файл слишком большой: можно не больше ${ROSTER_FILE_MAX_BYTES / (1024 * 1024)} МБ`, {
    maxBytes: ROSTER_FILE_MAX_BYTES,
  });

/** An uploaded roster file from the wire: base64, gunzipped when sent compressed (never past the file limit). */
export function rosterUploadOf(file: FileOnTheWire): RosterUpload {
  const sent = Buffer.from(file.content, 'base64');
  let bytes = sent;
  if (file.compression === 'gzip') {
    try {
      bytes = gunzipSync(sent, { maxOutputLength: ROSTER_FILE_MAX_BYTES + 1 });
    } catch (error) {
      if (error instanceof RangeError) throw tooLarge();
      throw new DomainError(ErrorCode.ValidationFailed, 'Файл повреждён при передаче: загрузите его ещё раз');
    }
  }
  if (bytes.length > ROSTER_FILE_MAX_BYTES) throw tooLarge();
  return { bytes, fileName: file.fileName, ...(file.contentType ? { contentType: file.contentType } : {}) };
}

/** A file for the wire: compressed when that makes it smaller (CSV does; XLSX is a zip already), in base64. */
export function rosterFileContentOf(file: { bytes: Buffer; fileName: string; contentType: string }): RosterFileContent {
  const packed = gzipSync(file.bytes);
  const compressed = packed.length < file.bytes.length * 0.9;
  const content = (compressed ? packed : file.bytes).toString('base64');
  if (content.length > ROSTER_FILE_MAX_ENCODED_CHARS) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Состав слишком большой для одного файла: выгрузите его по классам');
  }
  return { fileName: file.fileName, contentType: file.contentType, compression: compressed ? 'gzip' : 'none', content };
}
