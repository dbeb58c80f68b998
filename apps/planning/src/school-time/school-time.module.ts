import { Module } from '@nestjs/common';
import { SchoolToday } from './school-today.js';

/** The school's today in its own time zone, for every feature of planning that judges dates against now. */
@Module({ providers: [SchoolToday], exports: [SchoolToday] })
export class SchoolTimeModule {}
