import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { ImportController } from './import.controller.js';
import { LessonsImportService } from './lessons-import.service.js';

@Module({ imports: [HistoryModule], controllers: [ImportController], providers: [LessonsImportService] })
export class ImportModule {}
