import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventConsumer } from './events/event-consumer.js';
import { NatsConnectionHolder } from './nats/nats-connection.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { OutboxWriter } from './outbox/outbox-writer.js';

/** The outbox (writer and relay) and the event consumer of a service that owns a database schema. */
@Module({})
export class MessagingModule {
  static forRoot(options: { databaseUrl: string }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        OutboxWriter,
        {
          provide: OutboxRelay,
          inject: [DataSource, NatsConnectionHolder],
          useFactory: (dataSource: DataSource, nats: NatsConnectionHolder) =>
            new OutboxRelay(dataSource, nats, options.databaseUrl),
        },
        {
          provide: EventConsumer,
          inject: [DataSource, NatsConnectionHolder],
          useFactory: (dataSource: DataSource, nats: NatsConnectionHolder) => new EventConsumer(dataSource, nats),
        },
      ],
      exports: [OutboxWriter, OutboxRelay, EventConsumer],
    };
  }
}
