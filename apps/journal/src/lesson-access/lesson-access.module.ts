import { Module } from '@nestjs/common';
import { LessonAccess } from './lesson-access.service.js';

@Module({ providers: [LessonAccess], exports: [LessonAccess] })
export class LessonAccessModule {}
