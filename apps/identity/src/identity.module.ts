import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, serviceInfrastructure } from '#platform';
import { identityDatabase } from './database/identity-database.js';
import { SchoolsModule } from './schools/schools.module.js';

@Module({})
export class IdentityModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [...serviceInfrastructure('identity', config, identityDatabase(config.databaseUrl)), SchoolsModule],
    };
  }
}
