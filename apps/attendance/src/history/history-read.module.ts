import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { AttendanceHistoryReader } from './attendance-history.reader.js';
import { HistoryController } from './history.controller.js';

/** Reading the attendance history through the API (R-MARK-7); writing it is HistoryModule's. */
@Module({ imports: [LessonAccessModule], controllers: [HistoryController], providers: [AttendanceHistoryReader] })
export class HistoryReadModule {}
