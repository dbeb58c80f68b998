import { DomainError, ErrorCode } from '#contracts';
import type { WritableLesson } from './accessible-lesson.js';

/**
 * Marks and attendance are kept for lessons that have taken place (today or earlier in the school's zone).
 * `refusal` is the message people see, worded for what the service keeps.
 */
export function assertConducted(lesson: WritableLesson, refusal: string): void {
  if (lesson.details.lesson.date > lesson.today) {
    throw new DomainError(ErrorCode.LessonNotConducted, refusal, {
      lessonDate: lesson.details.lesson.date,
      today: lesson.today,
    });
  }
}
