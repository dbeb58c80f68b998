import { type DynamicModule, Module } from '@nestjs/common';
import { SchoolTransferModule, type ServiceConfig, serviceInfrastructure } from '#platform';
import { ConsistencyModule } from './consistency/consistency.module.js';
import { identityTransfer } from './school-transfer/identity-transfer.js';
import { AccessModule } from './access/access.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AccountsAdminModule } from './accounts-admin/accounts-admin.module.js';
import { ApiClientsModule } from './api-clients/api-clients.module.js';
import { AssignmentsModule } from './assignments/assignments.module.js';
import { ClassesModule } from './classes/classes.module.js';
import { identityDatabase } from './database/identity-database.js';
import { EnrollmentsModule } from './enrollments/enrollments.module.js';
import { GroupsModule } from './groups/groups.module.js';
import { GuardianshipsModule } from './guardianships/guardianships.module.js';
import { MarkSettingsModule } from './mark-settings/mark-settings.module.js';
import { PagesModule } from './pages/pages.module.js';
import { PeopleModule } from './people/people.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { RosterModule } from './roster/roster.module.js';
import { RosterImportModule } from './roster-import/roster-import.module.js';
import { SchoolsModule } from './schools/schools.module.js';
import { StudentsModule } from './students/students.module.js';
import { SubjectRosterModule } from './subject-roster/subject-roster.module.js';

@Module({})
export class IdentityModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ...serviceInfrastructure('identity', config, identityDatabase(config.databaseUrl)),
        SchoolTransferModule.forService(identityTransfer),
        ConsistencyModule,
        SchoolsModule,
        MarkSettingsModule,
        PeopleModule,
        AccountsModule,
        ClassesModule,
        GroupsModule,
        EnrollmentsModule,
        GuardianshipsModule,
        PagesModule,
        StudentsModule,
        AccessModule,
        AssignmentsModule,
        ApiClientsModule,
        AccountsAdminModule,
        PersonalDataModule,
        RosterModule,
        RosterImportModule,
        SubjectRosterModule,
      ],
    };
  }
}
