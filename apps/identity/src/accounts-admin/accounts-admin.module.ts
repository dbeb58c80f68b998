import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { AccountsAdminController } from './accounts-admin.controller.js';
import { AccountsAdminService } from './accounts-admin.service.js';

/** Accounts administered by the schools' system administrators and IS coordinators (R-ACC-1, R-ACC-4). */
@Module({ imports: [AccessModule], controllers: [AccountsAdminController], providers: [AccountsAdminService] })
export class AccountsAdminModule {}
