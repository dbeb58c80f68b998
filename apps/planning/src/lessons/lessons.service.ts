import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { DomainError, ErrorCode, type Lesson, type LessonDetails } from '#contracts';
import { CurriculumLineEntity } from '../curriculum/curriculum-line.entity.js';
import { subjectOrDefault } from '../subjects/subject.mapper.js';
import { SubjectEntity } from '../subjects/subject.entity.js';
import { toPeriod } from '../years/academic-year.mapper.js';
import { AcademicYearEntity } from '../years/academic-year.entity.js';
import { latestPeriodFirst, periodContains } from '../years/period-at.js';
import { PeriodEntity } from '../years/period.entity.js';
import { LessonEntity } from './lesson.entity.js';
import { toLesson } from './lesson.mapper.js';

/** A lesson with the rows its details come from, joined by `LessonsService.get`. */
type LessonWithContext = LessonEntity & {
  year: AcademicYearEntity;
  subject?: SubjectEntity;
  curriculumLine?: CurriculumLineEntity;
  period?: PeriodEntity;
};

@Injectable()
export class LessonsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A lesson with its subject, the period of its grade on its date (for "closed") and its year's label, in one query:
   * every mark, topic and attendance write asks for it, twice (the gateway's access check and the service's own).
   */
  async get(lessonId: string): Promise<LessonDetails> {
    const query = this.dataSource
      .getRepository(LessonEntity)
      .createQueryBuilder('lesson')
      .innerJoinAndMapOne('lesson.year', AcademicYearEntity, 'year', 'year.id = lesson.yearId')
      .leftJoinAndMapOne('lesson.subject', SubjectEntity, 'subject', 'subject.schoolId = lesson.schoolId AND subject.code = lesson.subjectCode')
      .leftJoinAndMapOne(
        'lesson.curriculumLine',
        CurriculumLineEntity,
        'line',
        'line.yearId = lesson.yearId AND line.grade = lesson.grade AND line.subjectCode = lesson.subjectCode',
      )
      .leftJoinAndMapOne('lesson.period', PeriodEntity, 'period', `period.yearId = lesson.yearId AND ${periodContains('period', 'lesson.grade', 'lesson.date')}`)
      .where('lesson.id = :lessonId', { lessonId });
    const found = (await latestPeriodFirst(query, 'period').getOne()) as LessonWithContext | null;
    if (!found) throw new DomainError(ErrorCode.NotFound, 'Урок не найден', { lessonId });
    const lesson: Lesson = toLesson(found);
    const subject = subjectOrDefault(found.subject, lesson.schoolId, lesson.subjectCode);
    // The year's curriculum says whether the subject is marked in this grade (R-MARK-1); the school's subject otherwise.
    return {
      lesson,
      subject: { ...subject, marked: found.curriculumLine?.marked ?? subject.marked },
      period: found.period ? toPeriod(found.period) : null,
      yearLabel: found.year.label,
    };
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
