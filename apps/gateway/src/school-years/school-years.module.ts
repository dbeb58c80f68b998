import { Module } from '@nestjs/common';
import { CurriculumController } from './curriculum.controller.js';
import { SchoolYearsController } from './school-years.controller.js';

/** School years, closing and reopening periods, and the school's curriculum (R-CAL-1, R-CAL-3, R-MARK-1). */
@Module({ controllers: [SchoolYearsController, CurriculumController] })
export class SchoolYearsModule {}
