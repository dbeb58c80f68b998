import { Module } from '@nestjs/common';
import { ConsistencyController } from './consistency.controller.js';

/** The read model's consistency check for the school's administrators (issue 6, item 7). */
@Module({ controllers: [ConsistencyController] })
export class ConsistencyModule {}
