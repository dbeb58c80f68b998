import { type Actor, DomainError, ErrorCode, type LessonColumnRpc, type RpcRequest } from '#contracts';
import { assertConducted, type WritableLesson } from '#lesson-access';
import { decide } from '#policy';
import { assertMarkFitsSchool, assertMarksKept } from '../marks/mark-checks.js';

type ColumnMarks = NonNullable<RpcRequest<typeof LessonColumnRpc.save>['marks']>;

const NOT_CONDUCTED = 'Урок ещё не проведён: отметки ставятся в день урока и позже';

/**
 * The marks of a column, checked as single writes are: the actor writes marks on the lesson (R-ACC-3), marks are kept
 * in the grade and subject (R-MARK-1, R-MARK-2), the lesson took place, each student is enrolled on its date (R-CAL-4),
 * the value is on the school's scale and the kind of work is the school's (R-MARK-4).
 */
export function assertColumnMarks(lesson: WritableLesson, actor: Actor, marks: ColumnMarks, removals: number): void {
  if (marks.length === 0 && removals === 0) return;
  if (!decide('lessons.marks.write', actor, lesson.page.facts).allowed) {
    throw new DomainError(ErrorCode.Forbidden, 'Эта страница журнала вам не назначена');
  }
  if (marks.length === 0) return;
  assertMarksKept(lesson);
  assertConducted(lesson, NOT_CONDUCTED);
  for (const mark of marks) {
    if (!lesson.page.students.some((student) => student.id === mark.studentId)) {
      throw new DomainError(ErrorCode.StudentNotEnrolled, 'Ученик не числится в классе на дату урока', {
        lessonDate: lesson.details.lesson.date,
        studentId: mark.studentId,
      });
    }
    assertMarkFitsSchool(lesson, mark.value, mark.workKind);
  }
}
