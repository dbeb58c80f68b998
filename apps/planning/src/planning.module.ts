import { type DynamicModule, Module } from '@nestjs/common';
import { SchoolTransferModule, type ServiceConfig, serviceInfrastructure } from '#platform';
import { ConsistencyModule } from './consistency/consistency.module.js';
import { planningTransfer } from './school-transfer/planning-transfer.js';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { BellsModule } from './bells/bells.module.js';
import { CurriculumModule } from './curriculum/curriculum.module.js';
import { planningDatabase } from './database/planning-database.js';
import { LessonChangesModule } from './lesson-changes/lesson-changes.module.js';
import { LessonsModule } from './lessons/lessons.module.js';
import { PeriodsModule } from './periods/periods.module.js';
import { SubjectsModule } from './subjects/subjects.module.js';
import { ThematicPlansModule } from './thematic-plans/thematic-plans.module.js';
import { TimetableModule } from './timetable/timetable.module.js';
import { YearsModule } from './years/years.module.js';

@Module({})
export class PlanningModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PlanningModule,
      imports: [
        ...serviceInfrastructure('planning', config, planningDatabase(config.databaseUrl)),
        SchoolTransferModule.forService(planningTransfer),
        ConsistencyModule,
        YearsModule,
        SubjectsModule,
        BellsModule,
        TimetableModule,
        LessonsModule,
        LessonChangesModule,
        PeriodsModule,
        CurriculumModule,
        ThematicPlansModule,
        AssessmentsModule,
      ],
    };
  }
}
