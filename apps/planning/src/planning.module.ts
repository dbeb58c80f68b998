import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, serviceInfrastructure } from '#platform';
import { BellsModule } from './bells/bells.module.js';
import { planningDatabase } from './database/planning-database.js';
import { LessonsModule } from './lessons/lessons.module.js';
import { SubjectsModule } from './subjects/subjects.module.js';
import { TimetableModule } from './timetable/timetable.module.js';
import { YearsModule } from './years/years.module.js';

@Module({})
export class PlanningModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PlanningModule,
      imports: [
        ...serviceInfrastructure('planning', config, planningDatabase(config.databaseUrl)),
        YearsModule,
        SubjectsModule,
        BellsModule,
        TimetableModule,
        LessonsModule,
      ],
    };
  }
}
