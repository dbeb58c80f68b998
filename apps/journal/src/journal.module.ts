import { type DynamicModule, Module } from '@nestjs/common';
import { SchoolTransferModule, type ServiceConfig, serviceInfrastructure } from '#platform';
import { ConsistencyModule } from './consistency/consistency.module.js';
import { journalTransfer } from './school-transfer/journal-transfer.js';
import { ColumnModule } from './column/column.module.js';
import { journalDatabase } from './database/journal-database.js';
import { HistoryReadModule } from './history/history-read.module.js';
import { ImportModule } from './import/import.module.js';
import { LessonsModule } from './lessons/lessons.module.js';
import { MarksModule } from './marks/marks.module.js';
import { FinalResultsModule } from './results/final-results.module.js';

@Module({})
export class JournalModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: JournalModule,
      imports: [
        ...serviceInfrastructure('journal', config, journalDatabase(config.databaseUrl)),
        SchoolTransferModule.forService(journalTransfer),
        ConsistencyModule,
        LessonsModule,
        MarksModule,
        FinalResultsModule,
        ImportModule,
        HistoryReadModule,
        ColumnModule,
      ],
    };
  }
}
