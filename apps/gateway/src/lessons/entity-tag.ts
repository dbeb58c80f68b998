import { DomainError, ErrorCode } from '#contracts';

/** The ETag of a versioned record: its version, quoted. */
export function entityTag(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match` header expects (`"3"`, `W/"3"` or `3`); undefined when absent or `*`. */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*' || ifMatch.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!match?.[1]) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Заголовок If-Match должен содержать версию записи, например "3"', {
      issues: [{ path: 'If-Match', message: 'Ожидается версия записи' }],
    });
  }
  return Number(match[1]);
}
