import { Module } from '@nestjs/common';
import { MunicipalController } from './municipal.controller.js';

/** The municipal portal's performance figures and attendance feed (R-REP-5). */
@Module({ controllers: [MunicipalController] })
export class MunicipalModule {}
