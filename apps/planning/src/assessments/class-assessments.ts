import type { PlanTopic } from '#contracts';
import type { CalendarLesson } from '../thematic-plans/topic-placement.js';

/** A page of a class as the assessment rules see it: its subject, its plan and its lessons on the calendar. */
export interface ClassPage {
  pageId: string;
  subjectCode: string;
  subjectName: string;
  groupId: string | null;
  groupName: string | null;
  /** Its places in the weekly timetable. */
  weeklyLessons: number;
  /** The subject's hours in the year for this class; null when not known. */
  annualHours: number | null;
  topics: PlanTopic[];
  /** Its lessons on the calendar, ordered by date and number. */
  lessons: CalendarLesson[];
}

/** A class with its pages and every lesson of its days (of any page), for "first" and "last lesson of the day". */
export interface ClassAssessmentData {
  classId: string;
  className: string;
  pages: ClassPage[];
  classLessons: CalendarLesson[];
}
