import { Module } from '@nestjs/common';
import { LessonAccessModule } from '#lesson-access';
import { AccessModule } from '../access/access.module.js';
import { HistoryModule } from '../history/history.module.js';
import { ExcusesModule } from './excuses.module.js';
import { ReasonsController } from './reasons.controller.js';
import { ReasonsService } from './reasons.service.js';

@Module({
  imports: [LessonAccessModule, AccessModule, HistoryModule, ExcusesModule],
  controllers: [ReasonsController],
  providers: [ReasonsService],
})
export class ReasonsModule {}
