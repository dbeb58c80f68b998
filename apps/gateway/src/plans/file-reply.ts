import type { FastifyReply } from 'fastify';
import type { ExportedFile } from '#contracts';
import { attachmentDisposition } from '../roster-import/content-disposition.js';

/** Sends a file a service made (base64 on the wire): its type, and its Russian name as Content-Disposition says it. */
export function fileReply(reply: FastifyReply, file: ExportedFile): Buffer {
  void reply.header('content-type', file.contentType);
  void reply.header('content-disposition', attachmentDisposition(file.fileName));
  void reply.header('cache-control', 'no-store');
  return Buffer.from(file.content, 'base64');
}
