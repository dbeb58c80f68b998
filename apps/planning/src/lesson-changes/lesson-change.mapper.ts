import type { LessonChange } from '#contracts';
import type { LessonChangeEntity } from './lesson-change.entity.js';

export function toLessonChange(entity: LessonChangeEntity): LessonChange {
  return {
    id: entity.id,
    schoolId: entity.schoolId,
    yearId: entity.yearId,
    lessonId: entity.lessonId,
    pageId: entity.pageId,
    classId: entity.classId,
    subjectCode: entity.subjectCode,
    kind: entity.kind,
    date: entity.date,
    lessonNumber: entity.lessonNumber,
    movedFrom:
      entity.movedFromDate !== null && entity.movedFromLessonNumber !== null
        ? { date: entity.movedFromDate, lessonNumber: entity.movedFromLessonNumber }
        : null,
    substituteId: entity.substituteId,
    reason: entity.reason,
    actorId: entity.actorId,
    at: entity.at.toISOString(),
  };
}
