import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { RosterExportService } from '../roster-export/roster-export.service.js';
import { RosterModule } from '../roster/roster.module.js';
import { RosterFilesAccess } from './roster-files-access.js';
import { RosterImportController } from './roster-import.controller.js';
import { RosterImportService } from './roster-import.service.js';

/** The roster as files (R-DATA-2): import with a dry run, all or nothing, and export in the same format. */
@Module({
  imports: [AccessModule, RosterModule],
  controllers: [RosterImportController],
  providers: [RosterFilesAccess, RosterImportService, RosterExportService],
})
export class RosterImportModule {}
