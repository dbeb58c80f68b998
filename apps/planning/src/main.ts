import 'reflect-metadata';
import { runService } from '#platform';
import { PlanningModule } from './planning.module.js';

await runService('planning', (config) => PlanningModule.forRoot(config));
