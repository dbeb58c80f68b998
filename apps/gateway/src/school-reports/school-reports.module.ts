import { Module } from '@nestjs/common';
import { SchoolReportsController } from './school-reports.controller.js';

/** The school's control reports: completeness and timeliness, attendance, planned against delivered hours. */
@Module({ controllers: [SchoolReportsController] })
export class SchoolReportsModule {}
