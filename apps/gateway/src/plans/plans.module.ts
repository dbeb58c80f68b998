import { Module } from '@nestjs/common';
import { AssessmentsController } from './assessments.controller.js';
import { PlansController } from './plans.controller.js';

/** Calendar-thematic plans of pages and the assessments of classes (R-PLAN-1…3, letter СК-228/03). */
@Module({ controllers: [PlansController, AssessmentsController] })
export class PlansModule {}
