import { Module } from '@nestjs/common';
import { SubjectsModule } from '../subjects/subjects.module.js';
import { CurriculumController } from './curriculum.controller.js';
import { CurriculumService } from './curriculum.service.js';

/** The school's curriculum per year and grade; CurriculumService gives other features the year's hours of a subject. */
@Module({ imports: [SubjectsModule], controllers: [CurriculumController], providers: [CurriculumService], exports: [CurriculumService] })
export class CurriculumModule {}
