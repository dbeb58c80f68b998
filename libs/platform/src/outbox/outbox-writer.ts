import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { EventDefinition } from '#contracts';
import { RequestContext } from '../context/request-context.js';

export const OUTBOX_CHANNEL = 'ej_outbox';

/** Appends an event to the outbox inside the caller's transaction; it is published only if that commits. */
@Injectable()
export class OutboxWriter {
  async append<P extends z.ZodType>(manager: EntityManager, event: EventDefinition<P>, payload: z.infer<P>): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox append for ${event.subject} outside a transaction`);
    }
    const id = randomUUID();
    await manager.query('INSERT INTO outbox (id, subject, payload, request_id) VALUES ($1, $2, $3, $4)', [
      id,
      event.subject,
      JSON.stringify(payload),
      RequestContext.requestId() ?? null,
    ]);
    // Delivered at commit time only, so the relay wakes exactly when there is something to publish.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
    return id;
  }
}
