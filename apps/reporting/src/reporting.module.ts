import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, serviceInfrastructure } from '#platform';
import { AttendanceSummaryModule } from './attendance-summary/attendance-summary.module.js';
import { ClassSummaryModule } from './class-summary/class-summary.module.js';
import { ConsistencyModule } from './consistency/consistency.module.js';
import { reportingDatabase } from './database/reporting-database.js';
import { DiaryModule } from './diary/diary.module.js';
import { MunicipalModule } from './municipal/municipal.module.js';
import { type NotificationOptions, notificationOptionsFromEnv } from './notifications/notification-options.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OneRosterModule } from './oneroster/oneroster.module.js';
import { PerformanceModule } from './performance/performance.module.js';
import { PagePrintModule } from './printing/page-print.module.js';
import { ReadModelModule } from './read-model/read-model.module.js';
import { ResultDeviationsModule } from './result-deviations/result-deviations.module.js';
import { SchoolReportsModule } from './school-reports/school-reports.module.js';

@Module({})
export class ReportingModule {
  /** `notifications`: SMTP and digest settings, from the environment unless given (tests give their own). */
  static forRoot(config: ServiceConfig, notifications: NotificationOptions = notificationOptionsFromEnv()): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        ...serviceInfrastructure('reporting', config, reportingDatabase(config.databaseUrl)),
        ReadModelModule,
        ConsistencyModule,
        DiaryModule,
        ClassSummaryModule,
        AttendanceSummaryModule,
        ResultDeviationsModule,
        SchoolReportsModule,
        PagePrintModule,
        PerformanceModule,
        OneRosterModule,
        MunicipalModule,
        NotificationsModule.forRoot(notifications),
      ],
    };
  }
}
