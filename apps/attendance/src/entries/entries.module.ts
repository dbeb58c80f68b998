import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { EntriesController } from './entries.controller.js';
import { EntriesService } from './entries.service.js';

@Module({ imports: [LessonAccessModule, HistoryModule], controllers: [EntriesController], providers: [EntriesService] })
export class EntriesModule {}
