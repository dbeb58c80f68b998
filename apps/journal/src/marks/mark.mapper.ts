import type { Mark } from '#contracts';
import type { MarkEntity } from './mark.entity.js';

export function toMark(entity: MarkEntity): Mark {
  return {
    id: entity.id,
    lessonId: entity.lessonId,
    pageId: entity.pageId,
    studentId: entity.studentId,
    value: entity.value,
    workKind: entity.workKind,
    comment: entity.comment,
    enteredAt: entity.enteredAt.toISOString(),
    enteredBy: entity.enteredBy,
    late: entity.late,
    version: entity.version,
  };
}
