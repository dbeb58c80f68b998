import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { StudentsController } from './students.controller.js';
import { StudentsService } from './students.service.js';

@Module({ imports: [AccessModule], controllers: [StudentsController], providers: [StudentsService] })
export class StudentsModule {}
