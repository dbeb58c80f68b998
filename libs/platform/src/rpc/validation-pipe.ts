import { StandardSchemaValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from '#contracts';

interface Issue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined;
}

export function describeIssues(issues: readonly Issue[]): Array<{ path: string; message: string }> {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.'),
    message: issue.message,
  }));
}

/** Validates every payload and body against its zod schema; a bad one is VALIDATION_FAILED with the issues. */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues) =>
      new DomainError(ErrorCode.ValidationFailed, 'Неверные данные запроса', { issues: describeIssues(issues) }),
  });
}
