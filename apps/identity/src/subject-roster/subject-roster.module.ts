import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { SubjectRosterController } from './subject-roster.controller.js';
import { SubjectRosterService } from './subject-roster.service.js';

/** Who a page's period and year results are about, with their days on the subject's pages (R-CAL-4). */
@Module({ imports: [AccessModule], controllers: [SubjectRosterController], providers: [SubjectRosterService] })
export class SubjectRosterModule {}
