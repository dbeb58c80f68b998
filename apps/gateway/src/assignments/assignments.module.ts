import { Module } from '@nestjs/common';
import { AssignmentsController } from './assignments.controller.js';

/** Teaching assignments: handing a page over and substituting a lesson (R-ACC-3). */
@Module({ controllers: [AssignmentsController] })
export class AssignmentsModule {}
