import { Module } from '@nestjs/common';
import { RosterImportController } from './roster-import.controller.js';

/** Roster import and export as files (R-DATA-2). */
@Module({ controllers: [RosterImportController] })
export class RosterImportModule {}
