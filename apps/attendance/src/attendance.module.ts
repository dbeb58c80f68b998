import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, serviceInfrastructure } from '#platform';
import { attendanceDatabase } from './database/attendance-database.js';
import { EntriesModule } from './entries/entries.module.js';
import { ImportModule } from './import/import.module.js';

@Module({})
export class AttendanceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AttendanceModule,
      imports: [
        ...serviceInfrastructure('attendance', config, attendanceDatabase(config.databaseUrl)),
        EntriesModule,
        ImportModule,
      ],
    };
  }
}
