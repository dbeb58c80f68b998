import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { EntriesImportService } from './entries-import.service.js';
import { ImportController } from './import.controller.js';

@Module({ imports: [HistoryModule], controllers: [ImportController], providers: [EntriesImportService] })
export class ImportModule {}
