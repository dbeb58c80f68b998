import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventConsumer, requireSystemActor } from '#platform';
import { READ_MODEL_TABLES } from '../database/read-model-tables.js';
import { readModelHandlers } from '../projection/read-model-handlers.js';

/** The durable consumer name of the read model. */
export const READ_MODEL_CONSUMER = 'reporting';

/** Keeps the read model fed from the event stream, and rebuilds it from the first event on request. */
@Injectable()
export class ReadModelService implements OnApplicationBootstrap {
  private readonly handlers = readModelHandlers();
  private rebuilding: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumer: EventConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start(READ_MODEL_CONSUMER, this.handlers);
  }

  /** Drops everything derived and replays the stream; answers once the replay has started (watch `backlog`). */
  async rebuild(): Promise<{ ok: true }> {
    requireSystemActor();
    // Two rebuilds at once would race on the consumer: run them one after another.
    const run = this.rebuilding.catch(() => undefined).then(() => this.replayFromStart());
    this.rebuilding = run;
    return run;
  }

  async backlog(): Promise<{ backlog: number }> {
    // While a rebuild runs the consumer does not exist for a moment: answer once it is back.
    await this.rebuilding.catch(() => undefined);
    return { backlog: await this.consumer.backlog(READ_MODEL_CONSUMER) };
  }

  private async replayFromStart(): Promise<{ ok: true }> {
    await this.consumer.forget(READ_MODEL_CONSUMER);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE ${[...READ_MODEL_TABLES, 'inbox'].join(', ')}`);
    });
    await this.consumer.start(READ_MODEL_CONSUMER, this.handlers);
    return { ok: true };
  }
}
