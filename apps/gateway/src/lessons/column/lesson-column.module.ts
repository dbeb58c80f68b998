import { Module } from '@nestjs/common';
import { LessonColumnController } from './lesson-column.controller.js';

@Module({ controllers: [LessonColumnController] })
export class LessonColumnModule {}
