import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { YearsModule } from '../years/years.module.js';
import { TimetableController } from './timetable.controller.js';
import { TimetableService } from './timetable.service.js';

@Module({ imports: [YearsModule, AssessmentsModule], controllers: [TimetableController], providers: [TimetableService] })
export class TimetableModule {}
