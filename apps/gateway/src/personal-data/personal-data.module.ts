import { Module } from '@nestjs/common';
import { PersonalDataController } from './personal-data.controller.js';

/** Personal data, the schools' personal-data lists and the log of reads (R-ACC-2). */
@Module({ controllers: [PersonalDataController] })
export class PersonalDataModule {}
