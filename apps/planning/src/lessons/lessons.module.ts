import { Module } from '@nestjs/common';
import { BellsModule } from '../bells/bells.module.js';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { SubjectsModule } from '../subjects/subjects.module.js';
import { YearsModule } from '../years/years.module.js';
import { GradeSubjects } from './grade-subjects.js';
import { GradeSubjectsController } from './grade-subjects.controller.js';
import { LessonGenerator } from './lesson-generator.js';
import { LessonsController } from './lessons.controller.js';
import { LessonsService } from './lessons.service.js';

@Module({
  imports: [YearsModule, SubjectsModule, BellsModule, CurriculumModule],
  controllers: [LessonsController, GradeSubjectsController],
  providers: [LessonGenerator, LessonsService, GradeSubjects],
})
export class LessonsModule {}
