import { Module } from '@nestjs/common';
import { LessonAccess } from './lesson-access.service.js';

/** Gives a service's features LessonAccess; the service's PlatformModule provides RpcClient and Clock. */
@Module({ providers: [LessonAccess], exports: [LessonAccess] })
export class LessonAccessModule {}
