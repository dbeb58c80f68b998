import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, serviceInfrastructure } from '#platform';
import { ColumnModule } from './column/column.module.js';
import { attendanceDatabase } from './database/attendance-database.js';
import { EntriesModule } from './entries/entries.module.js';
import { HistoryReadModule } from './history/history-read.module.js';
import { ImportModule } from './import/import.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { ReasonsModule } from './reasons/reasons.module.js';

@Module({})
export class AttendanceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AttendanceModule,
      imports: [
        ...serviceInfrastructure('attendance', config, attendanceDatabase(config.databaseUrl)),
        EntriesModule,
        ImportModule,
        HistoryReadModule,
        ReasonsModule,
        NoticesModule,
        ColumnModule,
      ],
    };
  }
}
