import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { PageHandoverService } from './page-handover.service.js';
import { SubstitutionsService } from './substitutions.service.js';

/** Teaching assignments: handing pages over on a date and substitutions of single lessons (R-ACC-3). */
@Module({ imports: [AccessModule], controllers: [AssignmentsController], providers: [PageHandoverService, SubstitutionsService] })
export class AssignmentsModule {}
