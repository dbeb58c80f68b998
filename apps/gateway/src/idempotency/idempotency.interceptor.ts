import { setTimeout as sleep } from 'node:timers/promises';
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError, ErrorCode } from '#contracts';
import { idempotencyKeyOf } from './idempotency-key.js';
import { type Claim, IdempotencyStore, requestFingerprint, type StoredAnswer } from './idempotency-store.js';

const WRITING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers of the first answer that a replay repeats. */
const REPLAYED_HEADERS = ['etag', 'location', 'content-type'];
/** How long a retry waits for the first request with its key to finish, and how often it looks. */
const WAIT_FOR_FIRST_MS = 15_000;
const POLL_MS = 25;

/**
 * `Idempotency-Key` on every writing request of a signed-in caller (draft-ietf-httpapi-idempotency-key-header): the
 * first request with a key runs, its answer is kept for a day; a retry with the same key and the same request gets
 * that answer again (`Idempotent-Replayed: true`) and runs nothing; a retry that arrives while the first still runs
 * waits for it; the same key with a different request is refused. A request that fails frees its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!WRITING_METHODS.has(request.method)) return next.handle();
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    const caller = callerOf(request);
    if (key === undefined || caller === undefined) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const statusOnSuccess = this.statusOnSuccess(context, request.method);
    return from(this.run({ caller, key, fingerprint, reply, statusOnSuccess, handle: () => lastValueFrom(next.handle(), { defaultValue: undefined }) }));
  }

  private async run(call: {
    caller: string;
    key: string;
    fingerprint: string;
    reply: FastifyReply;
    statusOnSuccess: number;
    handle: () => Promise<unknown>;
  }): Promise<unknown> {
    const claim = await this.claimOrWait(call.caller, call.key, call.fingerprint);
    if (claim.kind === 'done') return replay(call.reply, claim.answer);
    try {
      const body = await call.handle();
      await this.store.complete(call.caller, call.key, call.fingerprint, answerOf(call.reply, call.statusOnSuccess, body));
      return body;
    } catch (error) {
      await this.store.release(call.caller, call.key);
      throw error;
    }
  }

  private async claimOrWait(caller: string, key: string, fingerprint: string): Promise<Exclude<Claim, { kind: 'pending' }>> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claim = await this.store.claim(caller, key, fingerprint);
      if (claim.kind !== 'claimed' && !claim.sameRequest) {
        throw new DomainError(ErrorCode.IdempotencyKeyReused, 'Этот ключ идемпотентности уже использован для другого запроса');
      }
      if (claim.kind !== 'pending') return claim;
      if (Date.now() > deadline) {
        throw new DomainError(ErrorCode.Conflict, 'Запрос с этим ключом идемпотентности ещё выполняется: повторите позже');
      }
      await sleep(POLL_MS);
    }
  }

  private statusOnSuccess(context: ExecutionContext, method: string): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
  }
}

function callerOf(request: FastifyRequest): string | undefined {
  const actor = request.principal?.actor;
  if (actor === undefined) return undefined;
  return actor.kind === 'client' ? `client:${actor.clientId}` : `account:${actor.accountId}`;
}

function answerOf(reply: FastifyReply, status: number, body: unknown): StoredAnswer {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return { status, headers, body: body ?? null };
}

function replay(reply: FastifyReply, answer: StoredAnswer): unknown {
  void reply.status(answer.status).headers({ ...answer.headers, 'idempotent-replayed': 'true' });
  return answer.body;
}
