import { Module } from '@nestjs/common';
import { GuardianshipsController } from './guardianships.controller.js';
import { GuardianshipsService } from './guardianships.service.js';

@Module({ controllers: [GuardianshipsController], providers: [GuardianshipsService] })
export class GuardianshipsModule {}
