import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { PersonalDataController } from './personal-data.controller.js';
import { PersonalDataService } from './personal-data.service.js';

/** Personal data, the schools' personal-data lists and the log of its reads (R-ACC-2). */
@Module({ imports: [AccessModule], controllers: [PersonalDataController], providers: [PersonalDataService] })
export class PersonalDataModule {}
