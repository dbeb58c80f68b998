import { Module } from '@nestjs/common';
import { LessonsController } from './lessons.controller.js';
import { LessonsService } from './lessons.service.js';
import { PageHistoryController } from './page-history.controller.js';

@Module({ controllers: [LessonsController, PageHistoryController], providers: [LessonsService] })
export class LessonsModule {}
