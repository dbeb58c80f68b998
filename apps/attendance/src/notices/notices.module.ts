import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { ExcusesModule } from '../reasons/excuses.module.js';
import { NoticeHistoryWriter } from './notice-history.writer.js';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';

@Module({
  imports: [AccessModule, ExcusesModule],
  controllers: [NoticesController],
  providers: [NoticesService, NoticeHistoryWriter],
})
export class NoticesModule {}
