import type { PlanTopic } from '#contracts';

/** A lesson of a page on the calendar: its date and number in the day. */
export interface CalendarLesson {
  date: string;
  lessonNumber: number;
}

/** A topic as it falls on the page's calendar. */
export interface PlacedTopic {
  topic: PlanTopic;
  /** The planned date, or the date of the topic's first lesson when the plan is followed in order; null beyond the calendar. */
  expectedDate: string | null;
  /** The number of the topic's first lesson; null when no lesson of the page is on its date. */
  lessonNumber: number | null;
  /** The lessons the topic takes (as many as its hours, fewer at the end of the calendar). */
  lessons: CalendarLesson[];
}

/**
 * Lays a plan's topics on the page's lessons (ordered by date and number), in plan order, each taking as many lessons
 * as it has hours. A topic with a planned date starts on the page's first lesson of that date; without a lesson on that
 * date it keeps its date but takes no lesson. A topic without a date takes the lessons after the previous topics' (a
 * planned date earlier than them never gives a lesson twice).
 */
export function placeTopics(topics: readonly PlanTopic[], lessons: readonly CalendarLesson[]): PlacedTopic[] {
  let cursor = 0;
  return topics.map((topic) => {
    if (topic.plannedDate !== null) {
      const plannedDate = topic.plannedDate;
      let start = lessons.findIndex((lesson) => lesson.date >= plannedDate);
      if (start < 0) start = lessons.length;
      const onDate = lessons[start]?.date === plannedDate;
      const taken = onDate ? lessons.slice(start, start + topic.hours) : [];
      cursor = Math.max(cursor, start + topic.hours);
      return { topic, expectedDate: plannedDate, lessonNumber: onDate ? lessons[start]!.lessonNumber : null, lessons: taken };
    }
    const taken = lessons.slice(cursor, cursor + topic.hours);
    cursor += topic.hours;
    return { topic, expectedDate: taken[0]?.date ?? null, lessonNumber: taken[0]?.lessonNumber ?? null, lessons: taken };
  });
}
