import type { z } from 'zod';

/** One request/reply subject: its name, the schema of the request, and (as a type) the reply. */
export interface RpcDefinition<Req extends z.ZodType, Res> {
  readonly subject: string;
  readonly request: Req;
  readonly __response?: Res;
}

export function defineRpc<Res>() {
  return <Req extends z.ZodType>(subject: string, request: Req): RpcDefinition<Req, Res> => ({ subject, request });
}

export type RpcRequest<D> = D extends RpcDefinition<infer Req, unknown> ? z.input<Req> : never;
export type RpcResponse<D> = D extends RpcDefinition<z.ZodType, infer Res> ? Res : never;

/** One durable event: a versioned dotted subject and the schema of its payload. */
export interface EventDefinition<P extends z.ZodType> {
  readonly subject: string;
  readonly payload: P;
}

export function defineEvent<P extends z.ZodType>(subject: string, payload: P): EventDefinition<P> {
  return { subject, payload };
}

export type EventPayload<D> = D extends EventDefinition<infer P> ? z.infer<P> : never;
