import { Module } from '@nestjs/common';
import { YearsModule } from '../years/years.module.js';
import { TimetableController } from './timetable.controller.js';
import { TimetableService } from './timetable.service.js';

@Module({ imports: [YearsModule], controllers: [TimetableController], providers: [TimetableService] })
export class TimetableModule {}
