import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, type LessonDetails } from '#contracts';

/**
 * The lesson the AccessGuard found for a route about a lesson (`@Action(…, { kind: 'lesson', … })`), so that the
 * handler does not ask planning for it a second time.
 */
export const AccessedLesson = createParamDecorator((_data: unknown, context: ExecutionContext): LessonDetails => {
  const lesson = context.switchToHttp().getRequest<FastifyRequest>().accessTarget?.lesson;
  if (!lesson) throw new DomainError(ErrorCode.Internal, 'Урок не определён проверкой доступа');
  return lesson;
});
