import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import type { EventEnvelope } from './event-envelope.js';

/** A handler that keeps no inbox: applying the same event twice must be harmless (deleting, overwriting). */
export type StatelessEventHandler<P> = (payload: P, envelope: EventEnvelope<P>) => Promise<void>;

export interface RegisteredStatelessHandler {
  definition: EventDefinition<z.ZodType>;
  handle: StatelessEventHandler<unknown>;
}

/** Collects typed idempotent handlers for a process without a database of its own (the gateway). */
export class StatelessEventHandlers {
  private readonly bySubject = new Map<string, RegisteredStatelessHandler>();

  on<P extends z.ZodType>(definition: EventDefinition<P>, handle: StatelessEventHandler<z.infer<P>>): this {
    if (this.bySubject.has(definition.subject)) throw new Error(`Two handlers for ${definition.subject}`);
    this.bySubject.set(definition.subject, { definition, handle: handle as StatelessEventHandler<unknown> });
    return this;
  }

  get(subject: string): RegisteredStatelessHandler | undefined {
    return this.bySubject.get(subject);
  }

  subjects(): string[] {
    return [...this.bySubject.keys()].sort();
  }
}
