import { DomainError, ErrorCode } from '#contracts';

/** What a client may send as an `Idempotency-Key`: a UUID or any printable ASCII token of 8–128 characters. */
const KEY_SHAPE = /^[\x21-\x7e]{8,128}$/;

/** The key of a request, or undefined when it has none; a malformed key is refused before anything runs. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  const key = value.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY_SHAPE.test(key)) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Заголовок Idempotency-Key должен содержать от 8 до 128 печатных символов, например UUID', {
      issues: [{ path: 'Idempotency-Key', message: 'Неверный ключ идемпотентности' }],
    });
  }
  return key;
}
