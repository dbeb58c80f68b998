import type { Subject } from '#contracts';
import type { SubjectEntity } from './subject.entity.js';

export function toSubject(entity: SubjectEntity): Subject {
  return { schoolId: entity.schoolId, code: entity.code, nameRu: entity.nameRu, marked: entity.marked };
}

/** The school's subject, or one it never described: named by its code and marked. */
export function subjectOrDefault(entity: SubjectEntity | null | undefined, schoolId: string, code: string): Subject {
  return entity ? toSubject(entity) : { schoolId, code, nameRu: code, marked: true };
}
