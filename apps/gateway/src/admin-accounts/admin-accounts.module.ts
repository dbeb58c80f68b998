import { Module } from '@nestjs/common';
import { AdminAccountsController } from './admin-accounts.controller.js';

/** Accounts, roles and the access log of a school (R-ACC-1, R-ACC-4). */
@Module({ controllers: [AdminAccountsController] })
export class AdminAccountsModule {}
