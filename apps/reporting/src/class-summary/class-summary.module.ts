import { Module } from '@nestjs/common';
import { ClassSummaryController } from './class-summary.controller.js';
import { ClassSummaryService } from './class-summary.service.js';

@Module({ controllers: [ClassSummaryController], providers: [ClassSummaryService], exports: [ClassSummaryService] })
export class ClassSummaryModule {}
