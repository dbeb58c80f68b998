import { DomainError, ErrorCode } from '#contracts';
import { isOnScale, marksKeptInGrade } from '#domain';
import type { WritableLesson } from '#lesson-access';

/** Marks are kept from grade 2 (R-MARK-2) and only in marked subjects (R-MARK-1). */
export function assertMarksKept(lesson: WritableLesson): void {
  if (!marksKeptInGrade(lesson.page.page.grade)) {
    throw new DomainError(ErrorCode.MarksNotKeptInGrade1, 'В 1 классе отметки не ставятся');
  }
  if (!lesson.details.subject.marked) {
    throw new DomainError(
      ErrorCode.SubjectUnmarked,
      `Предмет «${lesson.details.subject.nameRu}» безотметочный: отметки не ставятся`,
    );
  }
}

/** The value is on the school's scale (R-MARK-1) and the kind of work is one the school keeps (R-MARK-4). */
export function assertMarkFitsSchool(lesson: WritableLesson, value: number, workKind: string): void {
  const { school } = lesson.page;
  if (!isOnScale(value, { min: school.markScaleMin, max: 5 })) {
    throw new DomainError(ErrorCode.MarkOutOfScale, `Отметка должна быть от ${school.markScaleMin} до 5`, {
      min: school.markScaleMin,
      max: 5,
    });
  }
  if (!school.workKinds.some((kind) => kind.code === workKind)) {
    throw new DomainError(ErrorCode.UnknownWorkKind, 'Такого вида работы в школе нет', {
      workKind,
      known: school.workKinds.map((kind) => kind.code),
    });
  }
}
