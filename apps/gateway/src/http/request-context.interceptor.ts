import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import type { Actor } from '#contracts';
import { RequestContext } from '#platform';

/** Runs each handler inside the request context, so every NATS call carries the request id and the person. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = request.signedIn?.session;
    const actor: Actor | undefined = session && {
      kind: 'person',
      accountId: session.accountId,
      personId: session.personId,
      grants: session.grants,
    };
    // next.handle() binds the handler to the async context it is called in.
    return RequestContext.run({ requestId: String(request.id), ...(actor ? { actor } : {}) }, () => next.handle());
  }
}
