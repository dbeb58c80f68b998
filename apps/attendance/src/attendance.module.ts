import { type DynamicModule, Module } from '@nestjs/common';
import { SchoolTransferModule, type ServiceConfig, serviceInfrastructure } from '#platform';
import { ConsistencyModule } from './consistency/consistency.module.js';
import { attendanceTransfer } from './school-transfer/attendance-transfer.js';
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
        SchoolTransferModule.forService(attendanceTransfer),
        ConsistencyModule,
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
