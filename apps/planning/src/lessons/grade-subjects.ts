import { Injectable } from '@nestjs/common';
import type { Subject } from '#contracts';
import { CurriculumService } from '../curriculum/curriculum.service.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { YearsService } from '../years/years.service.js';

/** A subject as a grade has it in a year, by the same rule as a lesson's details (R-MARK-1). */
@Injectable()
export class GradeSubjects {
  constructor(
    private readonly years: YearsService,
    private readonly subjects: SubjectsService,
    private readonly curriculum: CurriculumService,
  ) {}

  async get(yearId: string, grade: number, subjectCode: string): Promise<Subject> {
    const year = await this.years.get(yearId);
    const [subject, markedInPlan] = await Promise.all([
      this.subjects.find(year.schoolId, subjectCode),
      this.curriculum.markedIn(yearId, grade, subjectCode),
    ]);
    // The year's curriculum says whether the subject is marked in this grade; the school's subject otherwise.
    return { ...subject, marked: markedInPlan ?? subject.marked };
  }
}
