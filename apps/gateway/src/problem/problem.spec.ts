import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '#contracts';
import { problemKindOf } from './problem-kind.js';
import { problemFor, problemType } from './problem.js';

describe('problem details', () => {
  it('maps every stable error code to its HTTP status', () => {
    const statuses = Object.fromEntries(Object.values(ErrorCode).map((code) => [code, problemKindOf(code).status]));
    expect(statuses).toEqual({
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      STUDENT_ACCESS_FORBIDDEN: 403,
      ACCOUNT_UNKNOWN: 403,
      ACCOUNT_REVOKED: 403,
      CSRF_FAILED: 403,
      NOT_FOUND: 404,
      VERSION_CONFLICT: 409,
      CONFLICT: 409,
      SCHOOL_EXISTS: 409,
      PERIOD_CLOSED: 409,
      MARKS_NOT_KEPT_IN_GRADE_1: 422,
      SUBJECT_UNMARKED: 422,
      MARK_OUT_OF_SCALE: 422,
      UNKNOWN_WORK_KIND: 422,
      STUDENT_NOT_ENROLLED: 422,
      LESSON_NOT_CONDUCTED: 422,
      IDEMPOTENCY_KEY_REUSED: 422,
      RATE_LIMITED: 429,
      SERVICE_UNAVAILABLE: 503,
      INTERNAL: 500,
    });
  });

  it('names the problem type after the code in kebab case', () => {
    expect(problemType(ErrorCode.MarksNotKeptInGrade1)).toBe('https://ejournal.local/problems/marks-not-kept-in-grade-1');
  });

  it('keeps the details of a refusal and drops those of a server failure', () => {
    expect(problemFor(ErrorCode.VersionConflict, 'Изменено', 'r1', { version: 3 })).toMatchObject({ version: 3, status: 409 });
    expect(problemFor(ErrorCode.ServiceUnavailable, 'Недоступен', 'r2', { subject: 'journal.marks.add' })).not.toHaveProperty('subject');
  });

  it('never lets details overwrite the standard members', () => {
    expect(problemFor(ErrorCode.NotFound, 'Нет', 'r3', { status: 200, code: 'OK' })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
