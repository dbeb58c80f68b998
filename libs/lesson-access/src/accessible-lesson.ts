import type { LessonDetails, PageContext } from '#contracts';
import type { SchoolDate } from '#domain';

/** A lesson as the calling actor may read it: the lesson with its subject and period, the page on its date. */
export interface ReadableLesson {
  details: LessonDetails;
  page: PageContext;
}

/** A lesson the calling actor may write to now, with the instant of the write and the school's today. */
export interface WritableLesson extends ReadableLesson {
  actorId: string | null;
  now: Date;
  today: SchoolDate;
  /** Entered on a school day after the lesson's day (R-MARK-3). */
  late: boolean;
}
