import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, serviceInfrastructure } from '#platform';
import { AttendanceSummaryModule } from './attendance-summary/attendance-summary.module.js';
import { ClassSummaryModule } from './class-summary/class-summary.module.js';
import { reportingDatabase } from './database/reporting-database.js';
import { DiaryModule } from './diary/diary.module.js';
import { OneRosterModule } from './oneroster/oneroster.module.js';
import { PagePrintModule } from './printing/page-print.module.js';
import { ReadModelModule } from './read-model/read-model.module.js';
import { ResultDeviationsModule } from './result-deviations/result-deviations.module.js';

@Module({})
export class ReportingModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        ...serviceInfrastructure('reporting', config, reportingDatabase(config.databaseUrl)),
        ReadModelModule,
        DiaryModule,
        ClassSummaryModule,
        AttendanceSummaryModule,
        ResultDeviationsModule,
        PagePrintModule,
        OneRosterModule,
      ],
    };
  }
}
