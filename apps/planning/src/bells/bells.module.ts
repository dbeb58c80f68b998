import { Module } from '@nestjs/common';
import { BellsController } from './bells.controller.js';
import { BellsService } from './bells.service.js';

@Module({ controllers: [BellsController], providers: [BellsService], exports: [BellsService] })
export class BellsModule {}
