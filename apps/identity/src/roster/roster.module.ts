import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { ClassesAdminService } from './classes-admin.service.js';
import { EnrollmentCommands } from './enrollment-commands.js';
import { RosterRequestsService } from './roster-requests.service.js';
import { RosterController } from './roster.controller.js';
import { StudentsAdminService } from './students-admin.service.js';

/** The roster kept by the school's management and the class teachers' requests to change it (R-CAL-3, R-CAL-4). */
@Module({
  imports: [AccessModule],
  controllers: [RosterController],
  providers: [ClassesAdminService, EnrollmentCommands, StudentsAdminService, RosterRequestsService],
  exports: [EnrollmentCommands],
})
export class RosterModule {}
