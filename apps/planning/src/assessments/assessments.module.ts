import { Module } from '@nestjs/common';
import { BellsModule } from '../bells/bells.module.js';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { SchoolTimeModule } from '../school-time/school-time.module.js';
import { SubjectsModule } from '../subjects/subjects.module.js';
import { PlanAccess } from '../thematic-plans/plan-access.js';
import { YearsModule } from '../years/years.module.js';
import { AnnualHours } from './annual-hours.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';
import { ClassAssessmentSource } from './class-assessment-source.js';
import { ClassCalendar } from './class-calendar.js';
import { GradePeriods } from './grade-periods.js';
import { YearOfLabel } from './year-of-label.js';

/**
 * The federal rules for assessment work (letter СК-228/03 of 2021) checked over plans and timetables, and the published
 * schedule of assessments; plans and the timetable get their warnings from AssessmentsService.
 */
@Module({
  imports: [YearsModule, SubjectsModule, BellsModule, CurriculumModule, SchoolTimeModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, ClassAssessmentSource, ClassCalendar, AnnualHours, YearOfLabel, GradePeriods, PlanAccess],
  exports: [AssessmentsService, YearOfLabel, ClassCalendar, GradePeriods],
})
export class AssessmentsModule {}
