import { Module } from '@nestjs/common';
import { OneRosterController } from './oneroster.controller.js';

/** OneRoster 1.2 rostering for the municipal portal (R-REP-5). */
@Module({ controllers: [OneRosterController] })
export class OneRosterModule {}
