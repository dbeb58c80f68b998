import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { DomainError, ErrorCode, type Lesson, type LessonDetails, type Period, type Subject } from '#contracts';
import { LessonEntity } from './lesson.entity.js';
import { toLesson } from './lesson.mapper.js';

interface LessonDetailsRow {
  lesson: Lesson;
  subject: Subject | null;
  marked_in_plan: boolean | null;
  period: Period | null;
  year_label: string;
}

/** The lesson (as the contract's Lesson), the school's subject, the curriculum's line, the period and the year. */
const LESSON_DETAILS_SQL = `
  SELECT
    json_build_object(
      'id', l.id, 'schoolId', l.school_id, 'yearId', l.year_id, 'pageId', l.page_id, 'classId', l.class_id,
      'grade', l.grade, 'subjectCode', l.subject_code, 'date', l.date, 'lessonNumber', l.lesson_number,
      'startsAt', l.starts_at, 'endsAt', l.ends_at, 'status', l.status
    ) AS lesson,
    (SELECT json_build_object('schoolId', s.school_id, 'code', s.code, 'nameRu', s.name_ru, 'marked', s.marked)
       FROM subject s WHERE s.school_id = l.school_id AND s.code = l.subject_code) AS subject,
    (SELECT c.marked FROM curriculum_line c
       WHERE c.year_id = l.year_id AND c.grade = l.grade AND c.subject_code = l.subject_code) AS marked_in_plan,
    (SELECT json_build_object(
        'id', p.id, 'yearId', p.year_id, 'kind', p.kind, 'number', p.number, 'nameRu', p.name_ru,
        'start', p.start_date, 'end', p.end_date, 'gradeFrom', p.grade_from, 'gradeTo', p.grade_to, 'closed', p.closed)
       FROM period p
       WHERE p.year_id = l.year_id AND l.grade BETWEEN p.grade_from AND p.grade_to AND l.date BETWEEN p.start_date AND p.end_date
       ORDER BY p.start_date DESC, p.id LIMIT 1) AS period,
    y.label AS year_label
  FROM lesson l JOIN academic_year y ON y.id = l.year_id
  WHERE l.id = $1`;

@Injectable()
export class LessonsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A lesson with its subject, the period of its grade on its date (for "closed") and its year's label, in one query:
   * every mark, topic and attendance write asks for it, twice (the gateway's access check and the service's own).
   */
  async get(lessonId: string): Promise<LessonDetails> {
    const [row] = await this.dataSource.query<LessonDetailsRow[]>(LESSON_DETAILS_SQL, [lessonId]);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'Урок не найден', { lessonId });
    const { lesson } = row;
    const subject = row.subject ?? { schoolId: lesson.schoolId, code: lesson.subjectCode, nameRu: lesson.subjectCode, marked: true };
    // The year's curriculum says whether the subject is marked in this grade (R-MARK-1); the school's subject otherwise.
    return {
      lesson,
      subject: { ...subject, marked: row.marked_in_plan ?? subject.marked },
      period: row.period,
      yearLabel: row.year_label,
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
