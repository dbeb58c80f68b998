// Stable error codes: clients and other services branch on these, so a value is never renamed.
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  StudentAccessForbidden: 'STUDENT_ACCESS_FORBIDDEN',
  AccountUnknown: 'ACCOUNT_UNKNOWN',
  AccountRevoked: 'ACCOUNT_REVOKED',
  CsrfFailed: 'CSRF_FAILED',
  MarksNotKeptInGrade1: 'MARKS_NOT_KEPT_IN_GRADE_1',
  SubjectUnmarked: 'SUBJECT_UNMARKED',
  MarkOutOfScale: 'MARK_OUT_OF_SCALE',
  UnknownWorkKind: 'UNKNOWN_WORK_KIND',
  StudentNotEnrolled: 'STUDENT_NOT_ENROLLED',
  PeriodClosed: 'PERIOD_CLOSED',
  LessonNotConducted: 'LESSON_NOT_CONDUCTED',
  VersionConflict: 'VERSION_CONFLICT',
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  Conflict: 'CONFLICT',
  /** An import of a school into a system (or service) that already has it (R-DATA-2). */
  SchoolExists: 'SCHOOL_EXISTS',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
