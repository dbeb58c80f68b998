import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { RequestContext } from '#platform';

/**
 * Runs each handler inside the request context, so every NATS call carries the request id and the caller: a person
 * (cookie or bearer) or a machine client.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = request.principal?.actor;
    // next.handle() binds the handler to the async context it is called in.
    return RequestContext.run({ requestId: String(request.id), ...(actor ? { actor } : {}) }, () => next.handle());
  }
}
