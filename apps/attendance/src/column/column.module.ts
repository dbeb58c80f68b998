import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { NatsConnectionHolder, StatelessEventConsumer } from '#platform';
import { HistoryModule } from '../history/history.module.js';
import { ExcusesModule } from '../reasons/excuses.module.js';
import { ColumnReservationResolver } from './column-reservation-resolver.js';
import { ColumnReservationsController } from './column-reservations.controller.js';
import { ColumnReservationsService } from './column-reservations.service.js';

/** The attendance part of lesson columns saved in one request: reservations, and resolving those left pending. */
@Module({
  imports: [LessonAccessModule, HistoryModule, ExcusesModule],
  controllers: [ColumnReservationsController],
  providers: [
    ColumnReservationsService,
    ColumnReservationResolver,
    {
      provide: StatelessEventConsumer,
      inject: [NatsConnectionHolder],
      useFactory: (nats: NatsConnectionHolder) => new StatelessEventConsumer(nats),
    },
  ],
})
export class ColumnModule {}
