import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { LessonAccessModule } from '../lesson-access/lesson-access.module.js';
import { MarksController } from './marks.controller.js';
import { MarksService } from './marks.service.js';

@Module({ imports: [LessonAccessModule, HistoryModule], controllers: [MarksController], providers: [MarksService] })
export class MarksModule {}
