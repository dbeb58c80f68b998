import { Module } from '@nestjs/common';
import { ResultDeviationsController } from './result-deviations.controller.js';
import { ResultDeviationsService } from './result-deviations.service.js';

/** Results that differ from the proposal, for the school's management (R-MARK-6). */
@Module({ controllers: [ResultDeviationsController], providers: [ResultDeviationsService] })
export class ResultDeviationsModule {}
