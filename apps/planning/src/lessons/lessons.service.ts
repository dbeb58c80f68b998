import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { DomainError, ErrorCode, type Lesson, type LessonDetails } from '#contracts';
import { CurriculumService } from '../curriculum/curriculum.service.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { YearsService } from '../years/years.service.js';
import { LessonEntity } from './lesson.entity.js';
import { toLesson } from './lesson.mapper.js';

@Injectable()
export class LessonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly subjects: SubjectsService,
    private readonly curriculum: CurriculumService,
  ) {}

  /** A lesson with its subject, the period of its grade on its date (for "closed") and its year's label. */
  async get(lessonId: string): Promise<LessonDetails> {
    const entity = await this.dataSource.getRepository(LessonEntity).findOneBy({ id: lessonId });
    if (!entity) throw new DomainError(ErrorCode.NotFound, 'Урок не найден', { lessonId });
    const lesson = toLesson(entity);
    const [subject, markedInPlan, period, yearLabel] = await Promise.all([
      this.subjects.find(lesson.schoolId, lesson.subjectCode),
      this.curriculum.markedIn(lesson.yearId, lesson.grade, lesson.subjectCode),
      this.years.findPeriodAt({ yearId: lesson.yearId }, lesson.grade, lesson.date),
      this.years.label(lesson.yearId),
    ]);
    // The year's curriculum says whether the subject is marked in this grade (R-MARK-1); the school's subject otherwise.
    return { lesson, subject: { ...subject, marked: markedInPlan ?? subject.marked }, period, yearLabel };
  }

  async ofPages(pageIds: string[], from: string, to: string): Promise<{ lessons: Lesson[] }> {
    if (from > to) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Начало интервала позже его окончания', { from, to });
    }
    if (pageIds.length === 0) return { lessons: [] };
    const lessons = await this.dataSource.getRepository(LessonEntity).find({
      where: { pageId: In(pageIds), date: Between(from, to) },
      order: { date: 'ASC', lessonNumber: 'ASC', pageId: 'ASC' },
    });
    return { lessons: lessons.map(toLesson) };
  }
}
