import { Module } from '@nestjs/common';
import { ConsistencyController } from './consistency.controller.js';
import { JournalCountsReader } from './journal-counts.reader.js';

/** The journal's totals for the consistency check of reporting's read model (issue 6, item 7). */
@Module({ controllers: [ConsistencyController], providers: [JournalCountsReader] })
export class ConsistencyModule {}
