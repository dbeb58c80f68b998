import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { ExcusesModule } from '../reasons/excuses.module.js';
import { EntriesController } from './entries.controller.js';
import { EntriesService } from './entries.service.js';
import { LessonHoldingsReader } from './lesson-holdings.reader.js';

@Module({
  imports: [LessonAccessModule, HistoryModule, ExcusesModule],
  controllers: [EntriesController],
  providers: [EntriesService, LessonHoldingsReader],
})
export class EntriesModule {}
