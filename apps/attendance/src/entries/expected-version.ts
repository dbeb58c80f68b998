import { type AttendanceEntry, DomainError, ErrorCode } from '#contracts';

/**
 * Two tabs never overwrite each other silently (If-Match): a write that expected another version than the current one
 * is refused with the current entry. Expecting 0 means expecting the student present with nothing recorded.
 */
export function assertExpectedVersion(expected: number | undefined, current: AttendanceEntry): void {
  if (expected === undefined || expected === current.version) return;
  if (expected === 0 && current.status === 'present') return;
  throw new DomainError(
    ErrorCode.VersionConflict,
    'Посещаемость ученика на этом уроке уже изменена другим пользователем: обновите страницу',
    { current },
  );
}
