/** What decides whether two lessons of one class may take the same time. */
export interface TimeHolder {
  pageId: string;
  groupId: string | null;
  subjectCode: string;
}

/**
 * Does a lesson already at a time keep another lesson of the class from it? A page has one lesson at a time, even a
 * cancelled one; a cancelled lesson of another page frees its time; groups of one subject share a time (R-CAL-3),
 * as in the weekly timetable; anything else clashes.
 */
export function blocks(holder: TimeHolder & { status: 'scheduled' | 'cancelled' }, lesson: TimeHolder): boolean {
  if (holder.pageId === lesson.pageId) return true;
  if (holder.status === 'cancelled') return false;
  const groupsOfOneSubject =
    holder.groupId !== null &&
    lesson.groupId !== null &&
    holder.groupId !== lesson.groupId &&
    holder.subjectCode === lesson.subjectCode;
  return !groupsOfOneSubject;
}
