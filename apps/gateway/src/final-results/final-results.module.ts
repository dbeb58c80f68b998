import { Module } from '@nestjs/common';
import { FinalResultsController } from './final-results.controller.js';

/** Period and year results of pages and the management's list of those that differ from the proposal. */
@Module({ controllers: [FinalResultsController] })
export class FinalResultsModule {}
