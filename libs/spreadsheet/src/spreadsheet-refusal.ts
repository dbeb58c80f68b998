import { DomainError, ErrorCode } from '#contracts';

/** A file that cannot be read as a table: VALIDATION_FAILED with a message for the person who uploaded it. */
export function spreadsheetRefusal(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, details);
}
