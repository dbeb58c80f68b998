import type { LessonHoldings } from '#contracts';

/** What a lesson holds, in words for people: «отметки: 3, тема урока, посещаемость: 2». */
export function holdingsInWords(holdings: LessonHoldings): string {
  const parts: string[] = [];
  if (holdings.marks > 0) parts.push(`отметки: ${holdings.marks}`);
  if (holdings.deletedMarks > 0) parts.push(`удалённые отметки: ${holdings.deletedMarks}`);
  if (holdings.topic) parts.push('тема урока');
  if (holdings.homework) parts.push('домашнее задание');
  if (holdings.attendance > 0) parts.push(`посещаемость: ${holdings.attendance}`);
  else if (holdings.attendanceChanges > 0) parts.push('история посещаемости');
  return parts.join(', ');
}
