import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock, EventConsumer } from '#platform';
import { NOTIFICATIONS_CONSUMER, NOTIFICATIONS_INBOX, notificationHandlers } from './notification-events.js';

/**
 * Feeds notifications from the event stream: a durable consumer of its own with its own inbox, so a rebuild of the
 * read model neither repeats nor loses them; created for the first time, it starts at new events (a deployment that
 * gains notifications does not tell parents about years of history).
 */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly consumer: EventConsumer,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const runtime = { clock: this.clock, stopping: () => this.stopping };
    await this.consumer.start(NOTIFICATIONS_CONSUMER, notificationHandlers(runtime), {
      inbox: NOTIFICATIONS_INBOX,
      deliver: 'new',
    });
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  /** Events not yet turned into notifications. */
  backlog(): Promise<number> {
    return this.consumer.backlog(NOTIFICATIONS_CONSUMER);
  }
}
