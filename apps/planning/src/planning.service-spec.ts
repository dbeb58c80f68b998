import type { TestServiceSpec } from '#testing';
import { planningDatabase } from './database/planning-database.js';
import { PlanningModule } from './planning.module.js';

export const planningServiceSpec: TestServiceSpec = {
  name: 'planning',
  schema: 'planning',
  database: planningDatabase,
  module: (config) => PlanningModule.forRoot(config),
};
