import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NatsRecordBuilder } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception.js';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { EmptyError, firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { z } from 'zod';
import { type Actor, DomainError, ErrorCode, Header, isRpcFailure, type RpcDefinition, type RpcRequest, type RpcResponse } from '#contracts';
import { RequestContext } from '../context/request-context.js';
import { encodeActor } from '../nats/actor-header.js';
import type { PrefixedNatsClient } from '../nats/prefixed-nats-client.js';

export interface RpcCallOptions {
  actor?: Actor;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Typed request/reply over NATS. The actor and request id travel in headers; a refusal of the callee
 * comes back as the same DomainError; no responder or no answer in time is SERVICE_UNAVAILABLE.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  constructor(
    private readonly client: PrefixedNatsClient,
    private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async call<D extends RpcDefinition<z.ZodType, unknown>>(
    definition: D,
    payload: RpcRequest<D>,
    options: RpcCallOptions = {},
  ): Promise<RpcResponse<D>> {
    const context = RequestContext.current();
    const headers = natsHeaders();
    headers.set(Header.RequestId, context?.requestId ?? RequestContext.newRequestId());
    const actor = options.actor ?? context?.actor;
    if (actor) headers.set(Header.Actor, encodeActor(actor));
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    try {
      return await firstValueFrom(
        this.client.send<RpcResponse<D>>(definition.subject, record).pipe(timeout(options.timeoutMs ?? this.defaultTimeoutMs)),
      );
    } catch (error) {
      if (error instanceof EmptyError) return undefined as RpcResponse<D>;
      throw toDomainError(error, definition.subject);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function toDomainError(error: unknown, subject: string): DomainError {
  if (error instanceof DomainError) return error;
  if (isRpcFailure(error)) return new DomainError(error.code, error.message, error.details);
  if (error instanceof TimeoutError || error instanceof EmptyResponseException || isConnectionLost(error)) {
    return new DomainError(ErrorCode.ServiceUnavailable, 'Сервис временно недоступен, повторите попытку позже', {
      subject,
    });
  }
  return new DomainError(ErrorCode.Internal, 'Внутренняя ошибка сервиса', { subject });
}

function isConnectionLost(error: unknown): boolean {
  const text = String((error as { message?: unknown } | null)?.message ?? error);
  return /CONNECTION_REFUSED|Connection (closed|lost)/i.test(text);
}
