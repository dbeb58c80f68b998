import { Module } from '@nestjs/common';
import { GradebookController } from './gradebook.controller.js';
import { OneRosterController } from './oneroster.controller.js';

/** OneRoster 1.2 rostering and gradebook for the municipal portal (R-REP-5). */
@Module({ controllers: [OneRosterController, GradebookController] })
export class OneRosterModule {}
