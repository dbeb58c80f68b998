import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module.js';
import { ConsistencyController } from './consistency.controller.js';
import { ConsistencyService } from './consistency.service.js';
import { ReadModelCountsReader } from './read-model-counts.reader.js';

/** The read model compared with the services it is built from (issue 6, item 7). */
@Module({
  imports: [ReadModelModule],
  controllers: [ConsistencyController],
  providers: [ConsistencyService, ReadModelCountsReader],
})
export class ConsistencyModule {}
