import { Module } from '@nestjs/common';
import { NatsConnectionHolder, StatelessEventConsumer } from '#platform';
import { AccessRevocation } from './access-revocation.js';

@Module({
  providers: [
    {
      provide: StatelessEventConsumer,
      inject: [NatsConnectionHolder],
      useFactory: (nats: NatsConnectionHolder) => new StatelessEventConsumer(nats),
    },
    AccessRevocation,
  ],
})
export class AccessRevocationModule {}
