import type { TestServiceSpec } from '#testing';
import { identityDatabase } from './database/identity-database.js';
import { IdentityModule } from './identity.module.js';

export const identityServiceSpec: TestServiceSpec = {
  name: 'identity',
  schema: 'identity',
  database: identityDatabase,
  module: (config) => IdentityModule.forRoot(config),
};
