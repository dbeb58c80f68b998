import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, LessonColumnEvents, LessonColumnRpc } from '#contracts';
import { RpcClient, StatelessEventConsumer, StatelessEventHandlers } from '#platform';
import { ColumnReservationsService } from './column-reservations.service.js';

/** How long a column may stay reserved before attendance asks the journal how it ended (by the database's clock). */
export const COLUMN_RESERVATION_TIMEOUT_MS = 30_000;
const SWEEP_EVERY_MS = 10_000;
const SWEEP_BATCH = 100;

/** The durable consumer of the journal's column events. */
export const COLUMN_EVENTS_CONSUMER = 'attendance-lesson-columns';

const ATTENDANCE: Actor = { kind: 'system', name: 'attendance' };

/**
 * Resolves reservations the journal did not: its event says a column committed (the journal may have died before it
 * confirmed), and a reservation pending beyond the timeout is confirmed or cancelled as the journal answers — the
 * journal's answer "aborted" is final, it can no longer commit that column.
 */
@Injectable()
export class ColumnReservationResolver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ColumnReservationResolver.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly reservations: ColumnReservationsService,
    private readonly consumer: StatelessEventConsumer,
    private readonly rpc: RpcClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A hybrid app runs bootstrap hooks once per part: start once.
    if (this.timer) return;
    this.timer = setInterval(() => this.sweepInBackground(), SWEEP_EVERY_MS);
    this.timer.unref();
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Confirms the columns the journal's events say it committed (a second start does nothing). */
  async listen(): Promise<void> {
    const handlers = new StatelessEventHandlers().on(LessonColumnEvents.saved, ({ columnId }) => this.confirmCommitted(columnId));
    await this.consumer.start(COLUMN_EVENTS_CONSUMER, handlers, { deliver: 'all' });
  }

  /** Stops reading the journal's events; they wait in the stream for the next `listen`. */
  async stopListening(): Promise<void> {
    await this.consumer.stop(COLUMN_EVENTS_CONSUMER);
  }

  /** Asks the journal about every column pending longer than `olderThanMs` and confirms or cancels it. */
  async resolvePending(olderThanMs = COLUMN_RESERVATION_TIMEOUT_MS): Promise<{ confirmed: number; cancelled: number }> {
    const result = { confirmed: 0, cancelled: 0 };
    for (const { columnId, lessonId } of await this.reservations.pendingSince(olderThanMs, SWEEP_BATCH)) {
      const { status } = await this.rpc.call(LessonColumnRpc.status, { columnId }, { actor: ATTENDANCE });
      if (status === 'committed') {
        await this.reservations.confirm(columnId, 'timeout');
        result.confirmed += 1;
      } else {
        await this.reservations.cancel(columnId, lessonId, 'timeout');
        result.cancelled += 1;
      }
    }
    return result;
  }

  private sweepInBackground(): void {
    if (this.sweeping) return;
    this.sweeping = this.resolvePending()
      .catch((error: unknown) => this.logger.warn(`Pending lesson columns not resolved yet: ${String(error)}`))
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  /** The journal committed the column: confirm it (again, harmlessly, when the journal already did). */
  private async confirmCommitted(columnId: string): Promise<void> {
    try {
      await this.reservations.confirm(columnId, 'event');
    } catch (error) {
      // Nothing reserved (nothing to write), or cancelled: the journal fences a column it gave up, so that is a bug to
      // report, not an event to retry for ever.
      if (error instanceof DomainError && (error.code === ErrorCode.NotFound || error.code === ErrorCode.Conflict)) {
        this.logger.error(`Lesson column ${columnId} committed by the journal cannot be confirmed: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}
