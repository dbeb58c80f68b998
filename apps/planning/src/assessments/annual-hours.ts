import { Injectable } from '@nestjs/common';
import { type AcademicYear, DomainError, ErrorCode } from '#contracts';
import { CurriculumService } from '../curriculum/curriculum.service.js';
import { studyWeeks } from './study-weeks.js';

/**
 * The hours of a subject in the year for a class: the school's curriculum line (weekly hours × weeks) when it has one;
 * otherwise the page's places in the weekly timetable × the grade's study weeks from the calendar; unknown (null) when
 * neither says.
 */
@Injectable()
export class AnnualHours {
  constructor(private readonly curriculum: CurriculumService) {}

  async of(year: AcademicYear, grade: number, subjectCode: string, weeklyLessons: number): Promise<number | null> {
    try {
      return (await this.curriculum.annualHours(year.id, grade, subjectCode)).annualHours;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.NotFound) throw error;
    }
    return weeklyLessons > 0 ? weeklyLessons * studyWeeks(year, grade) : null;
  }
}
