import { DomainError, ErrorCode } from '#contracts';

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone });
  } catch {
    throw new DomainError(ErrorCode.ValidationFailed, `Неизвестный часовой пояс: ${timeZone}`, { timeZone });
  }
}
