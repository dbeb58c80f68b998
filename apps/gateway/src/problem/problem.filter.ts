import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#contracts';
import { type Problem, PROBLEM_CONTENT_TYPE, problemFor } from './problem.js';
import { problemPage, wantsPage } from './problem-page.js';

/** Every error of the HTTP API leaves as problem+json with a stable code; stack traces stay in the logs. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, String(request.id));
    if (exception instanceof DomainError && exception.code === ErrorCode.ServiceUnavailable) this.logUnavailable(request, exception);
    if (reply.sent) return;
    if (typeof problem.retryAfterSeconds === 'number') void reply.header('retry-after', String(problem.retryAfterSeconds));
    if (wantsPage(request.url, request.headers.accept)) {
      void reply.status(problem.status).header('content-type', 'text/html; charset=utf-8').send(problemPage(problem));
      return;
    }
    void reply.status(problem.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, requestId: string): Problem {
    if (exception instanceof DomainError) {
      if (exception.code === ErrorCode.Internal) this.logger.error(`${exception.message} ${JSON.stringify(exception.details ?? {})}`);
      return problemFor(exception.code, exception.message, requestId, exception.details);
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return this.fromHttpStatus(exception.getStatus(), requestId);
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return problemFor(ErrorCode.Internal, 'Внутренняя ошибка сервиса', requestId);
  }

  /** A service that did not answer in time: the operator's lead (route pattern and subject, never the ids or query). */
  private logUnavailable(request: FastifyRequest, error: DomainError): void {
    const subject = (error.details as { subject?: unknown } | undefined)?.subject;
    const via = typeof subject === 'string' ? subject : 'unknown subject';
    this.logger.warn(
      `service unavailable: ${request.method} ${request.routeOptions.url ?? 'unknown route'} via ${via} (request ${String(request.id)})`,
    );
  }

  private fromHttpStatus(status: number, requestId: string): Problem {
    switch (status) {
      case 401:
        return problemFor(ErrorCode.Unauthenticated, 'Требуется вход в систему', requestId);
      case 403:
        return problemFor(ErrorCode.Forbidden, 'Доступ запрещён', requestId);
      case 404:
      case 405:
        return problemFor(ErrorCode.NotFound, 'Такого адреса нет', requestId);
      case 409:
        return problemFor(ErrorCode.Conflict, 'Конфликт', requestId);
      case 413:
        return problemFor(ErrorCode.ValidationFailed, 'Тело запроса слишком велико', requestId);
      case 415:
        return problemFor(ErrorCode.ValidationFailed, 'Тело запроса должно быть в формате JSON', requestId);
      default:
        return problemFor(ErrorCode.ValidationFailed, 'Запрос не удалось разобрать: проверьте JSON', requestId);
    }
  }
}
