import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { LessonRecordReader } from '../lessons/lesson-record.reader.js';
import { PlanTopics } from '../lessons/plan-topics.js';
import { AttendanceColumn } from './attendance-column.js';
import { ColumnJournalPart } from './column-journal-part.js';
import { LessonColumnController } from './lesson-column.controller.js';
import { LessonColumnService } from './lesson-column.service.js';

/** Lesson columns saved in one atomic request, the journal coordinating attendance's part. */
@Module({
  imports: [LessonAccessModule, HistoryModule],
  controllers: [LessonColumnController],
  providers: [LessonColumnService, ColumnJournalPart, AttendanceColumn, LessonRecordReader, PlanTopics],
})
export class ColumnModule {}
