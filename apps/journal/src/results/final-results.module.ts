import { Module } from '@nestjs/common';
import { FinalResultsController } from './final-results.controller.js';
import { FinalResultsImportService } from './final-results-import.service.js';
import { FinalResultsService } from './final-results.service.js';
import { ResultAverages } from './result-averages.js';
import { ResultTerms } from './result-terms.js';

/** Period and year results with their averages, proposals, versions and history (R-MARK-1, R-MARK-6, R-CAL-4). */
@Module({ controllers: [FinalResultsController], providers: [FinalResultsService, FinalResultsImportService, ResultAverages, ResultTerms] })
export class FinalResultsModule {}
