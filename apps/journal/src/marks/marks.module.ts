import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { HistoryModule } from '../history/history.module.js';
import { MarksController } from './marks.controller.js';
import { MarksService } from './marks.service.js';

@Module({ imports: [LessonAccessModule, HistoryModule], controllers: [MarksController], providers: [MarksService] })
export class MarksModule {}
