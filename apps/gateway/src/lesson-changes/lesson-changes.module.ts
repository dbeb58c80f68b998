import { Module } from '@nestjs/common';
import { LessonChangesController } from './lesson-changes.controller.js';

/** One-off changes of the lesson calendar, its regeneration and its log (R-PLAN-3). */
@Module({ controllers: [LessonChangesController] })
export class LessonChangesModule {}
