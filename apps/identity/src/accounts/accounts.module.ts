import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { SubjectBySnils } from './subject-by-snils.js';

@Module({ controllers: [AccountsController], providers: [AccountsService, SubjectBySnils] })
export class AccountsModule {}
