import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { SchoolTimeModule } from '../school-time/school-time.module.js';
import { SubjectsModule } from '../subjects/subjects.module.js';
import { YearsModule } from '../years/years.module.js';
import { PlanImportService } from './import/plan-import.service.js';
import { PlanAccess } from './plan-access.js';
import { PlanDeliveryService } from './plan-delivery.service.js';
import { PlanExportService } from './plan-export.service.js';
import { PlanProgressService } from './plan-progress.service.js';
import { PlanStatusService } from './plan-status.service.js';
import { ThematicPlansController } from './thematic-plans.controller.js';
import { ThematicPlansService } from './thematic-plans.service.js';

/** Calendar-thematic plans (КТП) of journal pages: revisions, import and export, deadline status, programme progress. */
@Module({
  imports: [AssessmentsModule, YearsModule, SubjectsModule, SchoolTimeModule],
  controllers: [ThematicPlansController],
  providers: [ThematicPlansService, PlanImportService, PlanExportService, PlanStatusService, PlanProgressService, PlanDeliveryService, PlanAccess],
})
export class ThematicPlansModule {}
