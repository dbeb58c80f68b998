import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { ClassesController } from './classes.controller.js';
import { ClassesService } from './classes.service.js';

@Module({ imports: [AccessModule], controllers: [ClassesController], providers: [ClassesService] })
export class ClassesModule {}
