import { Module } from '@nestjs/common';
import { AttendanceCountsReader } from './attendance-counts.reader.js';
import { ConsistencyController } from './consistency.controller.js';

/** Attendance's totals for the consistency check of reporting's read model (issue 6, item 7). */
@Module({ controllers: [ConsistencyController], providers: [AttendanceCountsReader] })
export class ConsistencyModule {}
