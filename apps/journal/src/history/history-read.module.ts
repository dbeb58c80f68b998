import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryController } from './history.controller.js';
import { JournalHistoryReader } from './journal-history.reader.js';

/** Reading the journal's history through the API (R-MARK-7); writing it is HistoryModule's. */
@Module({ imports: [LessonAccessModule], controllers: [HistoryController], providers: [JournalHistoryReader] })
export class HistoryReadModule {}
