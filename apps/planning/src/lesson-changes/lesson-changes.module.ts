import { Module } from '@nestjs/common';
import { BellsModule } from '../bells/bells.module.js';
import { PeriodsModule } from '../periods/periods.module.js';
import { SchoolTimeModule } from '../school-time/school-time.module.js';
import { SubjectsModule } from '../subjects/subjects.module.js';
import { YearsModule } from '../years/years.module.js';
import { CalendarRegeneration } from './calendar-regeneration.service.js';
import { ChangeAccess } from './change-access.js';
import { ChangeLog } from './change-log.js';
import { LessonChangesController } from './lesson-changes.controller.js';
import { LessonChangesService } from './lesson-changes.service.js';
import { LessonPlacement } from './lesson-placement.js';
import { LessonRecords } from './lesson-records.js';

/** One-off changes of lessons on a date, their log, and the regeneration of the calendar from the timetable (R-PLAN-3). */
@Module({
  imports: [YearsModule, BellsModule, SubjectsModule, PeriodsModule, SchoolTimeModule],
  controllers: [LessonChangesController],
  providers: [LessonChangesService, CalendarRegeneration, LessonPlacement, ChangeAccess, ChangeLog, LessonRecords],
})
export class LessonChangesModule {}
