import { DomainError, ErrorCode } from '#contracts';
import type { WritableLesson } from './accessible-lesson.js';

/** The student is enrolled in the page's class (and group) on the lesson's date (R-CAL-4). */
export function assertEnrolled(lesson: WritableLesson, studentId: string): void {
  if (!lesson.page.students.some((student) => student.id === studentId)) {
    throw new DomainError(ErrorCode.StudentNotEnrolled, 'Ученик не числится в классе на дату урока', {
      lessonDate: lesson.details.lesson.date,
    });
  }
}
