import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { LessonRecordReader } from './lesson-record.reader.js';
import { LessonsController } from './lessons.controller.js';
import { LessonsService } from './lessons.service.js';

@Module({
  imports: [LessonAccessModule, HistoryModule],
  controllers: [LessonsController],
  providers: [LessonsService, LessonRecordReader],
})
export class LessonsModule {}
