import { z } from 'zod';
import { ErrorCode } from '#contracts';
import { problemKindOf } from './problem-kind.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://ejournal.local/problems/';

/** RFC 9457 problem details as every error of the API is answered. */
export const Problem = z
  .looseObject({
    type: z.url().meta({ example: 'https://ejournal.local/problems/marks-not-kept-in-grade-1' }),
    title: z.string().meta({ description: 'Вид ошибки', example: 'В 1 классе отметки не ставятся' }),
    status: z.number().int().meta({ example: 422 }),
    detail: z.string().meta({ description: 'Сообщение для человека', example: 'В 1 классе отметки не ставятся' }),
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]).meta({ description: 'Стабильный код ошибки' }),
    requestId: z.string().meta({ description: 'Идентификатор запроса (заголовок x-request-id)' }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'Ошибки проверки данных (для VALIDATION_FAILED)' }),
  })
  .meta({ id: 'Problem', description: 'Описание ошибки (RFC 9457)' });
export type Problem = z.infer<typeof Problem>;

export function problemType(code: ErrorCode): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll('_', '-');
}

export function problemFor(code: ErrorCode, detail: string, requestId: string, details?: Record<string, unknown>): Problem {
  const { status, title } = problemKindOf(code);
  // Details of server-side failures name internal subjects and ids: they stay in the logs.
  const extra = status < 500 ? (details ?? {}) : {};
  return { ...extra, type: problemType(code), title, status, detail, code, requestId };
}
