import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import type { EventEnvelope } from './event-envelope.js';

export type EventHandler<P> = (payload: P, envelope: EventEnvelope<P>, manager: EntityManager) => Promise<void>;

export interface RegisteredHandler {
  definition: EventDefinition<z.ZodType>;
  handle: EventHandler<unknown>;
}

/** Collects typed handlers for the events one consumer applies. */
export class EventHandlers {
  private readonly bySubject = new Map<string, RegisteredHandler>();

  on<P extends z.ZodType>(definition: EventDefinition<P>, handle: EventHandler<z.infer<P>>): this {
    if (this.bySubject.has(definition.subject)) throw new Error(`Two handlers for ${definition.subject}`);
    this.bySubject.set(definition.subject, { definition, handle: handle as EventHandler<unknown> });
    return this;
  }

  get(subject: string): RegisteredHandler | undefined {
    return this.bySubject.get(subject);
  }

  subjects(): string[] {
    return [...this.bySubject.keys()].sort();
  }
}
