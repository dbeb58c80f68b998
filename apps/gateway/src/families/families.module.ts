import { Module } from '@nestjs/common';
import { FamiliesController } from './families.controller.js';
import { FamiliesService } from './families.service.js';

@Module({ controllers: [FamiliesController], providers: [FamiliesService] })
export class FamiliesModule {}
