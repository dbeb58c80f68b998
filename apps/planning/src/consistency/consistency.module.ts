import { Module } from '@nestjs/common';
import { ConsistencyController } from './consistency.controller.js';
import { PlanningCountsReader } from './planning-counts.reader.js';

/** Planning's totals for the consistency check of reporting's read model (issue 6, item 7). */
@Module({ controllers: [ConsistencyController], providers: [PlanningCountsReader] })
export class ConsistencyModule {}
