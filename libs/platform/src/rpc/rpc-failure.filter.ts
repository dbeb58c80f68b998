import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { DomainError, ErrorCode, isRpcFailure, type RpcFailure } from '#contracts';
import { RequestContext } from '../context/request-context.js';

/** Every error leaving a NATS handler becomes `{code, message, details}`; unexpected ones are logged, not leaked. */
@Catch()
export class RpcFailureFilter implements ExceptionFilter {
  private readonly logger = new Logger('RpcFailureFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toFailure(exception));
  }

  private toFailure(exception: unknown): RpcFailure {
    if (exception instanceof DomainError) return exception.toFailure();
    if (exception instanceof RpcException && isRpcFailure(exception.getError())) return exception.getError() as RpcFailure;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { code: ErrorCode.ValidationFailed, message: 'Неверные данные запроса', details: { reason: exception.message } };
    }
    this.logger.error(exception instanceof Error ? exception : String(exception));
    return {
      code: ErrorCode.Internal,
      message: 'Внутренняя ошибка сервиса',
      details: { requestId: RequestContext.requestId() },
    };
  }
}
