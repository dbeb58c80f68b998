import { Module } from '@nestjs/common';
import { ConsistencyController } from './consistency.controller.js';
import { IdentityCountsReader } from './identity-counts.reader.js';

/** Identity's totals for the consistency check of reporting's read model (issue 6, item 7). */
@Module({ controllers: [ConsistencyController], providers: [IdentityCountsReader] })
export class ConsistencyModule {}
