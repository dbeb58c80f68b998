import type { Lesson } from '#contracts';
import type { LessonEntity } from './lesson.entity.js';

export function toLesson(entity: LessonEntity): Lesson {
  return {
    id: entity.id,
    schoolId: entity.schoolId,
    yearId: entity.yearId,
    pageId: entity.pageId,
    classId: entity.classId,
    grade: entity.grade,
    subjectCode: entity.subjectCode,
    date: entity.date,
    lessonNumber: entity.lessonNumber,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    status: entity.status,
  };
}
