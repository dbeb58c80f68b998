import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { MarkChangesService } from './mark-changes.service.js';
import { MarksController } from './marks.controller.js';
import { MarksService } from './marks.service.js';
import { WorkKindsInUseReader } from './work-kinds-in-use.reader.js';

@Module({
  imports: [LessonAccessModule, HistoryModule],
  controllers: [MarksController],
  providers: [MarksService, MarkChangesService, WorkKindsInUseReader],
})
export class MarksModule {}
