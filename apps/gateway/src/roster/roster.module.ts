import { Module } from '@nestjs/common';
import { ClassesRosterController } from './classes-roster.controller.js';
import { RosterRequestsController } from './roster-requests.controller.js';
import { StudentsRosterController } from './students-roster.controller.js';

/** The roster: classes, groups, enrollments, transfers, guardians and the class teachers' requests (R-CAL-3, R-CAL-4). */
@Module({ controllers: [ClassesRosterController, StudentsRosterController, RosterRequestsController] })
export class RosterModule {}
