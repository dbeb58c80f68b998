import { Module } from '@nestjs/common';
import { AbsenceNoticesController } from './absence-notices.controller.js';
import { AttendanceController } from './attendance.controller.js';

@Module({ controllers: [AttendanceController, AbsenceNoticesController] })
export class AttendanceModule {}
