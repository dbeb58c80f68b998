import type { Mark, MarkSnapshot } from '#contracts';
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

/** What a change of a mark changes (R-MARK-7). */
export function snapshotOf(mark: Pick<Mark, 'value' | 'workKind' | 'comment' | 'version'>): MarkSnapshot {
  return { value: mark.value, workKind: mark.workKind, comment: mark.comment, version: mark.version };
}
