import 'reflect-metadata';
import { runService } from '#platform';
import { IdentityModule } from './identity.module.js';

await runService('identity', (config) => IdentityModule.forRoot(config));
