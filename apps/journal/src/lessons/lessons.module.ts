import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { LessonHoldingsReader } from './lesson-holdings.reader.js';
import { LessonRecordReader } from './lesson-record.reader.js';
import { LessonsController } from './lessons.controller.js';
import { LessonsService } from './lessons.service.js';
import { PageTopicsController } from './page-topics.controller.js';
import { PageTopicsReader } from './page-topics.reader.js';
import { PlanTopics } from './plan-topics.js';

@Module({
  imports: [LessonAccessModule, HistoryModule],
  controllers: [LessonsController, PageTopicsController],
  providers: [LessonsService, LessonRecordReader, LessonHoldingsReader, PageTopicsReader, PlanTopics],
})
export class LessonsModule {}
