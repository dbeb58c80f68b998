import { Module } from '@nestjs/common';
import { TimetableController } from './timetable.controller.js';

/** The weekly timetable of classes and the school's bells (R-PLAN-3). */
@Module({ controllers: [TimetableController] })
export class TimetableModule {}
